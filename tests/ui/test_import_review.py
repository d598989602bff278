"""File > Import… in the real window: a Word file, the Import Review, a reassigned block,
accept, undo. And the ways in that are not the menu: dropping a file, Paste as Release."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QComboBox, QListWidget, QPushButton

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
        # docs/screenshots/import-review.png was taken here; the test keeps its own copy.
        dialog.grab().save(str(tmp_path / "import-review.png"))
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
