"""Documents and outputs, through the real window: PDFs, drops, recovery, email, formatting."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)

from presskit.app.recovery import RecoveryStore
from presskit.app.settings import Preferences
from presskit.model.release import Status
from presskit.storage import load_release
from presskit.ui.main_window import MainWindow
from tests.conftest import pdf_text, squash
from tests.ui.conftest import answer_dialog, choose_file, click, press
from tests.ui.test_main_window import field, replace_text


def test_open_a_presskit_pdf_gives_back_its_release(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    pdf = tmp_path / "sent.pdf"
    export_through_dialog(qtbot, window, "pdf", pdf)
    original = window.doc.model
    window.doc.new_blank()
    assert window.files.open_path(pdf, confirmed=True)
    assert window.doc.model == original
    assert window.doc.path is None  # saving must not overwrite the PDF
    assert window.windowTitle() == "sent (from PDF)[*] — Presskit"


def test_dropping_a_file_opens_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "other.md"
    other.write_text("---\nheadline: Dropped release\n---\nBody.\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    # Offscreen Qt has no drag-and-drop session to deliver events through, so the test hands
    # the events to the window's handlers the way Qt's drag manager would.
    position, action = QPointF(100, 100), Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(position, action, mime, buttons, modifiers)

    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(QDropEvent(position, action, mime, buttons, modifiers))

    assert field(window, "headline").text() == "Dropped release"
    assert window.windowTitle() == "other.md[*] — Presskit"


def _autosave_as_if_crashed(qtbot, window: MainWindow, headline: str) -> Path:
    """Type ``headline``, autosave, and make the recovery look left by a crashed process
    (a crash leaves the file and a dead pid behind). Returns the recovery's metadata file."""
    replace_text(qtbot, field(window, "headline"), headline)
    window.autosaver.autosave_now()
    meta_file = window.store.folder / f"{window.autosaver.key}.json"
    meta = json.loads(meta_file.read_text())
    meta["pid"] = 2**22 + 12345
    meta_file.write_text(json.dumps(meta))
    return meta_file


def test_autosave_and_recovery_after_a_crash(
    qtbot, window: MainWindow, isolated_dirs: Path
) -> None:
    meta_file = _autosave_as_if_crashed(qtbot, window, "Words that must survive")
    store = window.store
    assert "Words that must survive" in meta_file.with_suffix(".md").read_text()

    second = MainWindow(Preferences(isolated_dirs / "settings2.ini"), RecoveryStore(store.folder))
    qtbot.addWidget(second, before_close_func=lambda w: w.doc.undo_stack.setClean())
    asked = answer_dialog(lambda box: box.buttons()[0].click())  # "Restore"
    assert second.files.offer_recovery(second.store)
    assert "Presskit closed without saving release.md" in asked[0]
    assert field(second, "headline").text() == "Words that must survive"
    assert second.isWindowModified()
    assert second.doc.path == window.doc.path
    # The new session owns the recovery file now: it is its autosave, no longer an orphan.
    assert json.loads(meta_file.read_text())["pid"] == os.getpid()
    assert second.store.orphaned() == []


def test_discarding_the_offered_recovery_removes_it(
    qtbot, window: MainWindow, isolated_dirs: Path
) -> None:
    meta_file = _autosave_as_if_crashed(qtbot, window, "Words nobody wants back")
    store = window.store

    second = MainWindow(Preferences(isolated_dirs / "settings2.ini"), RecoveryStore(store.folder))
    qtbot.addWidget(second, before_close_func=lambda w: w.doc.undo_stack.setClean())
    asked = answer_dialog(press("Discard"))
    assert not second.files.offer_recovery(second.store)
    assert "Restore the unsaved work? If you discard it, it is gone." in asked[0]
    assert field(second, "headline").text() == ""  # nothing was restored
    assert second.windowTitle() == "Untitled[*] — Presskit"
    assert not meta_file.exists()
    assert not meta_file.with_suffix(".md").exists()


def test_discarding_changes_removes_the_recovery_file(qtbot, window: MainWindow) -> None:
    replace_text(qtbot, field(window, "headline"), "Changes to throw away")
    window.autosaver.autosave_now()
    recovery = window.store.folder / f"{window.autosaver.key}.md"
    assert recovery.exists()
    answer_dialog(click(QMessageBox.StandardButton.Discard))
    window.files.new_blank()
    assert not recovery.exists()
    assert window.store.orphaned() == []


def test_saving_removes_the_recovery_file(qtbot, window: MainWindow) -> None:
    replace_text(qtbot, field(window, "headline"), "Soon saved")
    window.autosaver.autosave_now()
    recovery = window.store.folder / f"{window.autosaver.key}.md"
    assert recovery.exists()
    assert window.files.save()
    assert not recovery.exists()
    assert load_release(window.doc.path).release.headline == "Soon saved"


def test_copy_for_email_puts_text_and_html_on_the_clipboard(qtbot, window: MainWindow) -> None:
    QGuiApplication.clipboard().clear()
    window.exports.copy_for_email()

    def has_html() -> bool:
        mime = QGuiApplication.clipboard().mimeData()
        return mime is not None and mime.hasHtml()

    qtbot.waitUntil(has_html, timeout=60_000)

    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text().startswith("FOR IMMEDIATE RELEASE\n\nUS: Ban Landmine Use Everywhere")
    html = mime.html()
    # Styles inlined on each element, since mail clients drop <style> blocks.
    assert re.search(r'<h1 class="headline" style="[^"]+">US: Ban Landmine Use Everywhere', html)
    assert "<style" not in html and "<script" not in html and "var(--" not in html


def export_through_dialog(qtbot, window: MainWindow, kind: str, target: Path) -> None:
    """Export ``kind`` as a user does: the menu's file dialog, a name typed, the file written."""
    answer_dialog(choose_file(target))
    window.exports.choose_and_export(kind)
    qtbot.waitUntil(target.exists, timeout=60_000)


def test_export_html_and_text(qtbot, window: MainWindow, tmp_path: Path) -> None:
    export_through_dialog(qtbot, window, "html", tmp_path / "page.html")
    export_through_dialog(qtbot, window, "text", tmp_path / "wire.txt")
    assert "Mary Wareham" in (tmp_path / "page.html").read_text()
    assert (tmp_path / "wire.txt").read_text().startswith("FOR IMMEDIATE RELEASE")
    assert window.status.open_folder.isVisible()


def test_formatting_toolbar_is_one_undo_step(qtbot, window: MainWindow) -> None:
    editor = window.body.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(len("Today's"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    before = editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # Ctrl+B
    assert editor.toPlainText().startswith("**Today's** [announcement](#)")

    window.undo_action.trigger()
    assert editor.toPlainText() == before
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    editor.setTextCursor(cursor)
    window.body.actions_by_name["bullets"].trigger()
    assert editor.toPlainText().startswith("- Today's")
    window.body.actions_by_name["bullets"].trigger()  # again: the bullet goes away
    assert editor.toPlainText() == before


def test_embargo_through_the_form(qtbot, window: MainWindow) -> None:
    status = window.form.release.embargo.status
    status.setFocus()
    status.setCurrentIndex(status.findData(Status.EMBARGOED.value))
    status.activated.emit(status.currentIndex())
    release = window.doc.model
    assert release.status is Status.EMBARGOED
    assert release.embargo is not None and release.embargo.utcoffset() is not None
    assert release.timezone
    zone = window.form.release.embargo.zone
    zone.setCurrentText("America/New_York")
    zone.activated.emit(zone.currentIndex())
    assert window.doc.model.timezone == "America/New_York"
    assert window.doc.model.embargo.hour == 9
    qtbot.waitUntil(
        lambda: "EMBARGOED UNTIL 9 a.m. E" in pdf_text(window.preview.pdf), timeout=60_000
    )
    window.undo_action.trigger()  # the zone
    assert window.doc.model.status is Status.EMBARGOED
    window.undo_action.trigger()  # the status with its default embargo: one step
    assert window.doc.model.status is Status.IMMEDIATE
    assert window.doc.model.embargo is None
    assert not window.form.release.embargo.when.isEnabled()


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    kinds = (QLineEdit, QComboBox, QPlainTextEdit, QAbstractButton)
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r}"
        for kind in kinds
        for w in window.findChildren(kind)
        if w.isVisibleTo(window)
        and not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
        and not (isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox))
        and "qt_" not in w.objectName()
    ]
    assert unnamed == []


def test_tab_walks_the_writing_fields_in_order(qtbot, window: MainWindow) -> None:
    headline = field(window, "headline")
    headline.setFocus()
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    assert order[:3] == ["field:subheadline", "field:dateline.city", "field:dateline.date"]


def test_new_asks_and_discard_clears(qtbot, window: MainWindow) -> None:
    replace_text(qtbot, field(window, "headline"), "Throw this away")
    answer_dialog(click(QMessageBox.StandardButton.Discard))
    window.files.new_blank()
    assert field(window, "headline").text() == ""
    assert window.windowTitle() == "Untitled[*] — Presskit"
    assert not window.isWindowModified()


def test_screenshot_command(tmp_path: Path, example_path: Path) -> None:
    """`presskit FILE --screenshot OUT.png` works with no display and exits by itself."""
    out = tmp_path / "shot.png"
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "c"),
        "XDG_DATA_HOME": str(tmp_path / "d"),
    }
    env.pop("DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-m", "presskit", str(example_path), "--screenshot", str(out),
         "--window-size", "1280x800"],
        capture_output=True, text=True, timeout=180, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    assert squash("wrote") in squash(done.stdout)


def test_export_press_kit_and_email_draft(qtbot, window: MainWindow, tmp_path: Path) -> None:
    import zipfile

    export_through_dialog(qtbot, window, "kit", tmp_path / "kit.zip")
    export_through_dialog(qtbot, window, "eml", tmp_path / "draft.eml")
    names = zipfile.ZipFile(tmp_path / "kit.zip").namelist()
    assert any(n.endswith("press-contacts.vcf") for n in names)
    assert any(n.endswith(".pdf") for n in names)
    assert b"X-Unsent: 1" in (tmp_path / "draft.eml").read_bytes()
