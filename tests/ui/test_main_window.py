"""The editor, driven as a person drives it: typing, clicking, menus, dialogs."""

from __future__ import annotations

import datetime as dt
import os
import signal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton

from presskit.storage import load_release
from presskit.ui.main_window import MainWindow
from tests.conftest import pdf_text, squash
from tests.ui.conftest import answer_dialog, choose_file, click


def field(window: MainWindow, name: str) -> QLineEdit:
    widget = window.findChild(QLineEdit, f"field:{name}")
    assert widget is not None, name
    return widget


def replace_text(qtbot, widget: QLineEdit, text: str) -> None:
    """Select all and type, as a user would."""
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def wait_for_preview_text(qtbot, window: MainWindow, text: str) -> None:
    qtbot.waitUntil(lambda: squash(text) in squash(pdf_text(window.preview.pdf)), timeout=60_000)


def test_example_fills_every_field(window: MainWindow) -> None:
    assert field(window, "headline").text() == "US: Ban Landmine Use Everywhere, Korea Included"
    assert field(window, "subheadline").text().startswith("20th Anniversary")
    assert field(window, "dateline.city").text() == "Washington DC"
    assert field(window, "organization.name").text() == "US Campaign to Ban Landmines"
    assert field(window, "organization.website").text() == "https://www.banminesusa.org"
    assert field(window, "organization.social.0.url").text().endswith("/banminesusa")
    assert field(window, "organization.social.1.handle").text() == "@BanMinesUSA"
    assert field(window, "contacts.0.name").text() == "Mary Wareham"
    assert field(window, "contacts.1.email").text() == "mbevington@handicap-international.us"
    assert field(window, "contacts.0.phones.0.number").text() == "+1-646-203-8292"
    assert field(window, "links.0.url").text().startswith("http://www.uscbl.org/")
    assert window.body.editor.toPlainText().startswith("Today's [announcement](#)")
    assert window.form.about.editor.toPlainText().startswith("The United States Campaign")
    assert window.header.date.date() == dt.date(2014, 9, 23)
    assert window.form.output.theme.currentData() == "classic"
    assert window.windowTitle() == "release.md[*] — Presskit"
    assert not window.isWindowModified()
    assert window.preview.page_count == 2


def test_typed_headline_reaches_the_preview_and_undo_brings_it_back(
    qtbot, window: MainWindow
) -> None:
    headline = field(window, "headline")
    replace_text(qtbot, headline, "Landmine ban gains a new supporter")
    assert window.doc.model.headline == "Landmine ban gains a new supporter"
    assert window.isWindowModified()
    wait_for_preview_text(qtbot, window, "Landmine ban gains a new supporter")

    qtbot.keyClick(headline, Qt.Key.Key_Tab)  # leave the field: the typing burst ends
    subheadline = field(window, "subheadline")
    replace_text(qtbot, subheadline, "Second edit")

    window.undo_action.trigger()  # undoes the subheadline
    assert subheadline.text().startswith("20th Anniversary")
    assert headline.text() == "Landmine ban gains a new supporter"
    qtbot.keySequence(window, QKeySequence.StandardKey.Undo)  # Ctrl+Z: the headline, whole
    assert headline.text() == "US: Ban Landmine Use Everywhere, Korea Included"
    assert window.doc.model.headline == headline.text()
    assert not window.isWindowModified()  # back where the file was
    window.redo_action.trigger()
    assert headline.text() == "Landmine ban gains a new supporter"


def test_undo_spans_body_and_fields_in_order(qtbot, window: MainWindow) -> None:
    editor = window.body.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Added sentence.")
    city = field(window, "dateline.city")
    replace_text(qtbot, city, "Geneva")
    assert window.doc.model.body.endswith("Added sentence.")
    window.undo_action.trigger()
    assert city.text() == "Washington DC"
    assert window.doc.model.body.endswith("Added sentence.")
    while window.doc.undo_stack.canUndo():
        window.undo_action.trigger()
    assert not window.doc.model.body.endswith("Added sentence.")


def test_add_contact_and_link_then_export_pdf(qtbot, window: MainWindow, tmp_path: Path) -> None:
    qtbot.mouseClick(window.form.contacts.list.add_button, Qt.MouseButton.LeftButton)
    name = field(window, "contacts.2.name")
    assert name.hasFocus()
    qtbot.keyClicks(name, "Ana Souza")
    qtbot.keyClicks(field(window, "contacts.2.email"), "ana@example.org")
    add_phone = next(
        b
        for b in window.form.contacts.list.row(2).findChildren(QPushButton)
        if b.text() == "Add phone"
    )
    qtbot.mouseClick(add_phone, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field(window, "contacts.2.phones.0.number"), "+41 22 555 0100")

    qtbot.mouseClick(window.form.links.list.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field(window, "links.1.title"), "Photos of the campaign")
    qtbot.keyClicks(field(window, "links.1.url"), "https://example.org/photos")

    target = tmp_path / "exported.pdf"
    answer_dialog(choose_file(target))
    _trigger_menu(window, "Export &PDF…")
    qtbot.waitUntil(target.exists, timeout=60_000)
    text = squash(pdf_text(target.read_bytes()))
    for expected in ("Ana Souza", "ana@example.org", "+41 22 555 0100", "Photos of the campaign"):
        assert squash(expected) in text


def _trigger_menu(window: MainWindow, text: str) -> None:
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text() == text:
                action.trigger()
                return
    raise AssertionError(f"no menu item {text}")


def test_closing_with_unsaved_changes_asks(qtbot, window: MainWindow) -> None:
    replace_text(qtbot, field(window, "headline"), "Unsaved headline")
    asked = answer_dialog(click(QMessageBox.StandardButton.Cancel))
    window.close()
    assert asked and "Save the changes to release.md?" in asked[0]
    assert window.isVisible()  # Cancel keeps the window open
    assert window.doc.model.headline == "Unsaved headline"

    answer_dialog(click(QMessageBox.StandardButton.Save))
    window.close()
    assert not window.isVisible()
    saved = load_release(window.doc.path).release
    assert saved.headline == "Unsaved headline"


def test_malformed_file_leaves_the_document_untouched(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    replace_text(qtbot, field(window, "headline"), "Work in progress")
    bad = tmp_path / "broken.md"
    bad.write_text("---\nheadline: [unclosed\ncontacts: 5\n---\nBody\n")
    shown = answer_dialog(click(QMessageBox.StandardButton.Ok))
    window.files.open_path(bad, confirmed=True)
    assert shown and "broken.md could not be opened" in shown[0]
    assert "broken.md:" in shown[0] and "YAML syntax error" in shown[0]
    assert window.doc.model.headline == "Work in progress"
    assert field(window, "headline").text() == "Work in progress"
    assert window.doc.path is not None and window.doc.path.name == "release.md"
    assert window.isWindowModified()


def test_killed_worker_restarts_and_preview_comes_back(qtbot, window: MainWindow) -> None:
    old_pid = window.service.worker_pid()
    os.kill(old_pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: window.service.worker_pid() not in (0, old_pid), timeout=30_000)
    qtbot.waitUntil(window.preview.banner.isVisible, timeout=10_000)
    assert "crashed" in window.preview.banner.text() or "stopped" in window.preview.banner.text()
    replace_text(qtbot, field(window, "headline"), "After the crash")
    wait_for_preview_text(qtbot, window, "After the crash")
    assert not window.preview.banner.isVisible()


def test_render_error_shows_a_banner_and_keeps_the_pages(qtbot, window: MainWindow) -> None:
    before = window.preview.pdf
    window.doc.set_field(("theme",), "no-such-theme")
    qtbot.waitUntil(window.preview.banner.isVisible, timeout=30_000)
    assert "no theme called 'no-such-theme'" in window.preview.banner.text()
    assert window.preview.pdf == before
    assert QApplication.activeModalWidget() is None  # no dialog


def test_save_as_then_title_and_recent_files(qtbot, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "renamed.md"
    answer_dialog(choose_file(target))
    window.files.save_as()
    assert target.is_file()
    assert window.windowTitle() == "renamed.md[*] — Presskit"
    assert window.prefs.recent_files()[0] == target.resolve()
    assert load_release(target).release == window.doc.model
