"""File > Import… in the real window: a Word file, the Import Review, a reassigned block,
accept, undo. And the ways in that are not the menu: dropping a file, Paste as Release."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QContextMenuEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QListWidget,
    QMenu,
    QProgressDialog,
    QPushButton,
    QTextBrowser,
)

from presskit.storage.release_file import load_release
from presskit.ui.import_review import ImportReviewDialog
from tests.ui.conftest import answer_dialog, choose_file

CORPUS = Path(__file__).parents[1] / "data" / "import"
DOCX = CORPUS / "variants" / "nasa-2007-depthx.docx-title-top.docx"
LAST = "Both of these capabilities - autonomous science operations and"


def _review_then(qtbot, act) -> dict:
    """When the Import Review opens, run ``act(dialog)``; returns what it recorded."""
    seen: dict = {}

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ImportReviewDialog) and dialog.isVisible():
            act(dialog, seen)
            return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)
    return seen


def _menu_action(window, name: str):
    for action in window.menus["file"].actions() + window.menus["edit"].actions():
        if action.objectName() == name:
            return action
    raise AssertionError(f"no action {name}")


def test_import_review_reassign_accept_undo(qtbot, window, tmp_path: Path) -> None:
    source = tmp_path / "depthx.docx"
    shutil.copy(DOCX, source)

    def review(dialog: ImportReviewDialog, seen: dict) -> None:
        blocks = dialog.findChild(QListWidget, "import-source")
        row = next(i for i in range(blocks.count()) if LAST in blocks.item(i).text())
        seen["before"] = dialog.result.release.boilerplate
        rect = blocks.visualItemRect(blocks.item(row))
        blocks.scrollToItem(blocks.item(row))
        rect = blocks.visualItemRect(blocks.item(row))
        qtbot.mouseClick(blocks.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        combo = dialog.findChild(QComboBox, "import-role")
        combo.setFocus()
        qtbot.keyClicks(combo, "About")  # the combo jumps to "About (boilerplate)"
        qtbot.mouseClick(
            dialog.findChild(QPushButton, "import-reassign"), Qt.MouseButton.LeftButton
        )
        seen["after"] = dialog.result.release.boilerplate
        qtbot.mouseClick(dialog.findChild(QPushButton, "import-accept"), Qt.MouseButton.LeftButton)

    seen = _review_then(qtbot, review)
    answer_dialog(choose_file(source))
    _menu_action(window, "import").trigger()
    qtbot.waitUntil(lambda: "after" in seen, timeout=30_000)
    qtbot.waitUntil(lambda: window.doc.model.headline.startswith("NASA Robot"), timeout=10_000)

    assert seen["before"] == "" and seen["after"].startswith(LAST)
    model = window.doc.model
    assert model.boilerplate.startswith(LAST)
    assert LAST not in model.body
    assert model.contacts[0].name == "Dwayne Brown"
    assert model.dateline.city == "Washington"
    assert window.doc.path is None and window.doc.is_dirty
    assert "(imported)" in window.windowTitle()
    assert window.header.headline.edit.text().startswith("NASA Robot")

    window.undo_action.trigger()  # Edit > Undo: the whole import is one step
    assert window.doc.model.headline == "" and window.doc.model.contacts == []
    assert window.doc.model.body == ""
    window.redo_action.trigger()
    assert window.doc.model.boilerplate.startswith(LAST)


def test_cancelled_review_keeps_the_open_document(qtbot, window, tmp_path: Path) -> None:
    headline = window.doc.model.headline

    def cancel(dialog: ImportReviewDialog, seen: dict) -> None:
        seen["done"] = True
        dialog.reject()

    seen = _review_then(qtbot, cancel)
    window.import_flow.import_path(DOCX)
    qtbot.waitUntil(lambda: "done" in seen, timeout=30_000)
    assert window.doc.model.headline == headline and not window.doc.is_dirty


def test_bad_file_is_a_message_not_a_traceback(qtbot, window, tmp_path: Path) -> None:
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"\x00\x01not a zip" * 100)
    shown = answer_dialog(lambda dialog: dialog.accept())
    window.import_flow.import_path(junk)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert "junk.docx" in shown[0] and "not a Word document" in shown[0]
    assert window.doc.path is not None  # the example is still open


def test_dropping_a_word_file_imports_it(qtbot, window, tmp_path: Path) -> None:
    source = tmp_path / "dropped.docx"
    shutil.copy(DOCX, source)

    def accept(dialog: ImportReviewDialog, seen: dict) -> None:
        seen["done"] = True
        dialog.accept()

    seen = _review_then(qtbot, accept)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(source))])
    event = QDropEvent(
        QPoint(200, 200).toPointF(), Qt.DropAction.CopyAction, data,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.dropEvent(event)
    qtbot.waitUntil(lambda: "done" in seen, timeout=30_000)
    qtbot.waitUntil(lambda: window.doc.model.headline.startswith("NASA Robot"), timeout=10_000)


def test_paste_as_release_reads_the_clipboard(qtbot, window) -> None:
    text = (
        "FOR IMMEDIATE RELEASE\n\nCity Opens a Winter Shelter\n\n"
        "BOSTON, March 2, 2026 - The shelter on Dorchester Avenue opens on Monday with eighty "
        "beds, said the director of the trust that runs it.\n\n###\n\nMedia contact:\n"
        "Ana Souza\n+1 617 555 0100\nana@example.org\n"
    )
    QGuiApplication.clipboard().setText(text)

    def accept(dialog: ImportReviewDialog, seen: dict) -> None:
        seen["done"] = True
        dialog.accept()

    seen = _review_then(qtbot, accept)
    _menu_action(window, "paste-as-release").trigger()
    qtbot.waitUntil(lambda: "done" in seen, timeout=30_000)
    qtbot.waitUntil(
        lambda: window.doc.model.headline == "City Opens a Winter Shelter", timeout=10_000
    )
    assert window.doc.model.contacts[0].email == "ana@example.org"
    assert window.doc.model.dateline.city == "Boston"


SEED = CORPUS / "variants" / "seed-ban-landmines.docx-title-top.docx"
OLD_HEAD = "US: Ban Landmine Use Everywhere, Korea Included"
NEW_HEAD = "20th Anniversary of President Clinton's call"


def _click_block(qtbot, dialog: ImportReviewDialog, text: str, modifier=None) -> int:
    """Click the source block that holds ``text`` (Ctrl-click adds it to the selection)."""
    blocks = dialog.findChild(QListWidget, "import-source")
    row = next(i for i in range(blocks.count()) if text in blocks.item(i).text())
    blocks.scrollToItem(blocks.item(row))
    rect = blocks.visualItemRect(blocks.item(row))
    qtbot.mouseClick(
        blocks.viewport(),
        Qt.MouseButton.LeftButton,
        modifier or Qt.KeyboardModifier.NoModifier,
        rect.center(),
    )
    return row


def _role_of(dialog: ImportReviewDialog, text: str) -> str:
    """What the review says a block is (its accessible description, read out to a person)."""
    blocks = dialog.findChild(QListWidget, "import-source")
    item = next(blocks.item(i) for i in range(blocks.count()) if text in blocks.item(i).text())
    return item.data(Qt.ItemDataRole.AccessibleDescriptionRole)


def _choose_in_menu(qtbot, letter: str, seen: dict) -> None:
    """When the roles menu pops up, press ``letter`` (the role's underlined letter)."""

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(50, pick)
            return
        seen.setdefault("menus", []).append([a.text() for a in menu.actions()])
        qtbot.keyClick(menu, letter)

    QTimer.singleShot(50, pick)


def _right_click(qtbot, dialog: ImportReviewDialog, text: str, letter: str, seen: dict) -> None:
    """Select the block holding ``text``, right-click it and choose the role by ``letter``."""
    row = _click_block(qtbot, dialog, text)
    blocks = dialog.findChild(QListWidget, "import-source")
    where = blocks.visualItemRect(blocks.item(row)).center()
    _choose_in_menu(qtbot, letter, seen)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, where, blocks.viewport().mapToGlobal(where)
    )
    QApplication.sendEvent(blocks.viewport(), event)


@pytest.mark.parametrize("how", ["role box and Reassign", "right-click menu"])
def test_a_block_made_the_headline_puts_the_old_one_in_not_placed(
    qtbot, window, tmp_path: Path, how: str
) -> None:
    """The old headline is listed as not placed: never silently dropped, never in the body."""

    def review(dialog: ImportReviewDialog, seen: dict) -> None:
        if how == "right-click menu":
            _right_click(qtbot, dialog, NEW_HEAD, "h", seen)
        else:
            _click_block(qtbot, dialog, NEW_HEAD)
            combo = dialog.findChild(QComboBox, "import-role")
            combo.setCurrentIndex(combo.findText("Headline"))
            qtbot.mouseClick(
                dialog.findChild(QPushButton, "import-reassign"), Qt.MouseButton.LeftButton
            )
        seen["old"] = _role_of(dialog, OLD_HEAD)
        seen["fields"] = dialog.findChild(QTextBrowser, "import-fields").toPlainText()
        # docs/screenshots/import-review.png was taken here; the test keeps its own copy.
        dialog.grab().save(str(tmp_path / "import-review.png"))
        qtbot.mouseClick(dialog.findChild(QPushButton, "import-accept"), Qt.MouseButton.LeftButton)

    seen = _review_then(qtbot, review)
    window.import_flow.import_path(SEED)
    qtbot.waitUntil(lambda: "fields" in seen, timeout=30_000)
    qtbot.waitUntil(lambda: window.doc.model.headline.startswith(NEW_HEAD), timeout=10_000)

    assert seen["old"] == "Not placed"
    not_placed = seen["fields"].split("Not placed", 1)[1]
    assert OLD_HEAD in not_placed
    model = window.doc.model
    assert OLD_HEAD not in model.body and model.subheadline == ""
    assert model.body.startswith("Today's announcement")
    saved = tmp_path / "imported.md"
    answer_dialog(choose_file(saved))
    window.save_action.trigger()
    release = load_release(saved).release
    assert release.headline.startswith(NEW_HEAD)
    assert OLD_HEAD not in saved.read_text(encoding="utf-8")
    assert release.body == model.body


STOCKPILE = "The US has a stockpile of about 3 million antipersonnel mines."


def test_the_review_without_a_mouse(qtbot, window) -> None:
    """Arrows to a block, the Menu key and a letter, Ctrl+Z; Alt+A to the role box, a letter
    and Enter (which reassigns, not imports); Alt+I imports; Edit > Undo takes it all back."""

    def review(dialog: ImportReviewDialog, seen: dict) -> None:
        dialog.activateWindow()  # as the window system does for a dialog that opens
        qtbot.waitUntil(dialog.isActiveWindow)
        blocks = dialog.findChild(QListWidget, "import-source")
        seen["focus"] = QApplication.focusWidget() is blocks
        row = next(i for i in range(blocks.count()) if blocks.item(i).text() == STOCKPILE)
        for _ in range(row):
            qtbot.keyClick(blocks, Qt.Key.Key_Down)
        _choose_in_menu(qtbot, "n", seen)
        qtbot.keyClick(blocks, Qt.Key.Key_Menu)
        seen["menu"] = _role_of(dialog, STOCKPILE)
        qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        seen["undone"] = _role_of(dialog, STOCKPILE)
        qtbot.keyClick(blocks, Qt.Key.Key_Up)  # "According to US officials ..."
        _choose_in_menu(qtbot, "a", seen)
        qtbot.keyClick(blocks, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
        seen["shift-f10"] = _role_of(dialog, "According to US officials")
        qtbot.keyClick(blocks, Qt.Key.Key_Down)
        qtbot.waitUntil(dialog.isActiveWindow)  # the menu has closed
        qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
        combo = dialog.findChild(QComboBox, "import-role")
        seen["combo focus"] = QApplication.focusWidget() is combo
        qtbot.keyClicks(combo, "Sub")
        qtbot.keyClick(combo, Qt.Key.Key_Return)
        seen["still open"] = dialog.isVisible()
        seen["enter"] = _role_of(dialog, STOCKPILE)
        qtbot.keyClick(dialog, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
        seen["done"] = True

    seen = _review_then(qtbot, review)
    window.import_flow.import_path(SEED)
    qtbot.waitUntil(lambda: "done" in seen, timeout=30_000)
    assert seen["focus"] and seen["combo focus"] and seen["still open"], seen
    assert seen["menu"] == "Not placed" and seen["undone"] == "Body"
    assert seen["shift-f10"] == "About (boilerplate)" and seen["enter"] == "Subheadline"
    qtbot.waitUntil(lambda: window.doc.model.subheadline == STOCKPILE, timeout=10_000)
    assert "&Headline" in seen["menus"][0] and "&Not placed" in seen["menus"][0]
    model = window.doc.model
    assert model.boilerplate.startswith("According to US officials")
    assert STOCKPILE not in model.body and "According to US officials" not in model.body
    window.undo_action.trigger()  # the import, reassignments and all, is one step
    assert window.doc.model.subheadline == "" and window.doc.model.headline == ""


def _long_word_file(path: Path, paragraphs: int) -> None:
    """A Word file of ``paragraphs`` varied paragraphs (about 50 a page)."""
    import random

    import docx

    rng = random.Random(1)
    words = [
        "agency",
        "announced",
        "programme",
        "river",
        "city",
        "council",
        "budget",
        "school",
        "water",
        "road",
    ]
    word = docx.Document()
    word.add_paragraph("A Long Report", style="Title")
    for _ in range(paragraphs):
        word.add_paragraph(" ".join(rng.choice(words) for _ in range(25)).capitalize() + ".")
    word.save(path)


def test_a_long_word_file_shows_progress_and_cancel_stops_it(qtbot, window, tmp_path: Path) -> None:
    """A 100-page Word file: the import runs on its thread behind a progress dialog whose bar
    moves; Cancel closes it at once, the thread stops within a second or so, no review opens
    and the open document is as it was."""
    source = tmp_path / "long.docx"
    _long_word_file(source, 5000)
    headline = window.doc.model.headline
    flow = window.import_flow
    flow.import_path(source)

    def progress() -> QProgressDialog | None:
        shown = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        return shown[0] if shown else None

    qtbot.waitUntil(lambda: progress() is not None and progress().value() > 5, timeout=30_000)
    dialog = progress()
    assert dialog.labelText().startswith("Reading paragraph")
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert progress() is None and not flow.service.busy
    assert window.statusBar().currentMessage() == "Import cancelled"
    qtbot.waitUntil(lambda: not flow.service.winding_down, timeout=10_000)
    qtbot.wait(200)  # a result that arrived after Cancel would open the review now
    assert not isinstance(QApplication.activeModalWidget(), ImportReviewDialog)
    assert window.doc.model.headline == headline and not window.doc.is_dirty
