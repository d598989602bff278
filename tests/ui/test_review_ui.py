"""The review loop in the real window: history, reviewed documents, approval."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QLineEdit, QPushButton

from presskit.storage import load_release
from presskit.ui.main_window import MainWindow
from tests.review.word_markup import reviewed_by_jana_and_legal
from tests.ui.conftest import answer_dialog, choose_file, press
from tests.ui.test_documents_and_export import export_through_dialog
from tests.ui.test_main_window import field, replace_text


def _activate(qtbot, window: MainWindow) -> None:
    """Back in the window after a dialog, as a click on it does (offscreen Qt leaves no
    window active when a modal dialog closes)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10_000)


def _save(qtbot, window: MainWindow) -> None:
    """Ctrl+S, and wait until the file is written."""
    _activate(qtbot, window)
    qtbot.keySequence(window, QKeySequence.StandardKey.Save)
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=10_000)


def _click_version(qtbot, window: MainWindow, number: int, *, add: bool = False) -> None:
    """Click the version ``number`` in the History panel's list (Ctrl-click to add it)."""
    versions = window.review.history_panel.versions
    for row in range(versions.count()):
        item = versions.item(row)
        if item.text().startswith(f"{number}. "):
            rect = versions.visualItemRect(item)
            modifier = Qt.KeyboardModifier.ControlModifier if add else Qt.KeyboardModifier(0)
            qtbot.mouseClick(
                versions.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center()
            )
            return
    raise AssertionError(f"no version {number}")


def test_ten_saves_ten_versions_diff_and_undoable_restore(
    qtbot, window: MainWindow, example_copy: Path
) -> None:
    headline = field(window, "headline")
    for number in range(1, 10):
        replace_text(qtbot, headline, f"Landmine ban, draft {number}")
        _save(qtbot, window)
    history = window.review.history_panel
    qtbot.keySequence(window, QKeySequence("Ctrl+Alt+H"))  # View > History
    assert not history.visibleRegion().isEmpty()  # the History tab is in front
    # The file as opened, then nine saves: ten versions.
    assert history.versions.count() == 10
    assert history.versions.item(0).text().startswith("10. ")
    assert "headline changed (+1 −1 words)" in history.versions.item(0).text()

    _click_version(qtbot, window, 3)
    _click_version(qtbot, window, 7, add=True)
    shown = history.comparison.toPlainText()
    assert "Version 3" in shown and "Version 7" in shown
    assert "draft 2" in shown and "draft 6" in shown
    html = history.comparison.toHtml()
    assert "line-through" in html  # the removed word is marked

    _click_version(qtbot, window, 1)
    assert history.restore_button.isEnabled()
    qtbot.mouseClick(history.restore_button, Qt.MouseButton.LeftButton)
    assert headline.text() == "US: Ban Landmine Use Everywhere, Korea Included"
    assert window.isWindowModified()
    qtbot.keySequence(window, QKeySequence.StandardKey.Undo)
    assert headline.text() == "Landmine ban, draft 9"
    assert window.doc.model.headline == "Landmine ban, draft 9"
    window.review.history_panel.grab().save(str(example_copy.parent / "history.png"))


def test_compare_a_reviewed_document_accept_reject_and_undo(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    sent = tmp_path / "sent.docx"
    answer_dialog(choose_file(sent))
    window.review.send_action.trigger()  # File > Send for Review…
    qtbot.waitUntil(sent.exists, timeout=60_000)
    reviewed = tmp_path / "reviewed.docx"
    headline = "US Says It Will Not Use Landmines, Except in Korea"
    reviewed.write_bytes(reviewed_by_jana_and_legal(sent.read_bytes(), headline))

    answer_dialog(choose_file(reviewed))
    window.review.compare_action.trigger()
    panel = window.review.review_panel
    qtbot.waitUntil(lambda: len(panel.rows) == 3, timeout=30_000)
    assert not panel.visibleRegion().isEmpty()  # the Review tab came to the front
    assert "3 changes, 1 comment by Jana Novak, Legal" in panel.summary.text()
    _activate(qtbot, window)

    def button(name: str) -> QPushButton:
        found = panel.findChild(QPushButton, name)
        assert found is not None, name
        return found

    qtbot.mouseClick(button("accept:0"), Qt.MouseButton.LeftButton)
    assert field(window, "headline").text() == "US Says It Will Not Use Landmines, Except in Korea"
    qtbot.mouseClick(button("accept:2"), Qt.MouseButton.LeftButton)  # Legal's deletion
    assert "affirms the US policy" in window.doc.model.body
    qtbot.mouseClick(button("reject:1"), Qt.MouseButton.LeftButton)  # Legal's insertion
    assert "and a welcome one" not in window.doc.model.body
    assert [row.state for row in panel.rows] == ["accepted", "rejected", "accepted"]
    window.grab().save(str(tmp_path / "review.png"))

    # Focus stays in the panel, on the next change to decide: Ctrl+Z works from there.
    assert panel.isAncestorOf(QApplication.focusWidget())
    qtbot.keySequence(QApplication.focusWidget(), QKeySequence.StandardKey.Undo)  # the rejection
    assert panel.rows[1].state == "pending"
    qtbot.keySequence(QApplication.focusWidget(), QKeySequence.StandardKey.Undo)  # the deletion
    assert "affirms the de facto US policy" in window.doc.model.body
    assert panel.rows[2].state == "pending"
    qtbot.mouseClick(button("accept:1"), Qt.MouseButton.LeftButton)  # now the insertion
    assert "positive step and a welcome one, but" in window.doc.model.body
    qtbot.keySequence(window, QKeySequence.StandardKey.Save)
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=10_000)
    saved = load_release(window.doc.path).release
    assert saved.headline == "US Says It Will Not Use Landmines, Except in Korea"
    assert "positive step and a welcome one, but" in saved.body
    assert "affirms the de facto US policy" in saved.body


def test_approval_in_the_status_bar_and_the_export_question(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    button = window.approval.button
    assert button.text() == "Not approved"

    def fill(dialog: QDialog) -> None:
        name, role = dialog.findChildren(QLineEdit)
        qtbot.keyClicks(name, "Jana Novak")
        qtbot.keyClicks(role, "Director")
        press("Approve")(dialog)

    answer_dialog(fill)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: button.text().startswith("✓ Approved by"), timeout=10_000)
    assert button.text() == "✓ Approved by Jana Novak (Director)"
    _save(qtbot, window)
    assert load_release(window.doc.path).release.approvals[0].by == "Jana Novak"

    editor = window.body.editor
    editor.setFocus()
    qtbot.keyClicks(editor, " More.")
    qtbot.waitUntil(lambda: button.text() == "⚠ Changed since approval", timeout=10_000)
    assert "the body changed since" in button.toolTip()

    def require_approval(dialog: QDialog) -> None:
        box = dialog.findChild(QCheckBox)
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().bottomLeft() / 2)
        press("OK")(dialog)

    answer_dialog(require_approval)
    window._preferences()  # Edit > Preferences…
    assert window.prefs.require_approval()
    asked = answer_dialog(press("Cancel"))
    window.exports.choose_and_export("pdf")
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert "Jana Novak (Director) approved an earlier text" in asked[0]
    assert not (tmp_path / "work" / "release.pdf").exists()
    window.prefs.set_require_approval(False)
    export_through_dialog(qtbot, window, "pdf", tmp_path / "out.pdf")
