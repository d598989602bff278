"""The checks panel: findings as you type, a click takes you to the field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from presskit.ui.main_window import MainWindow
from tests.ui.conftest import answer_dialog, click
from tests.ui.test_main_window import field, replace_text


def _row_of(window: MainWindow, field_path: str, body_line: int | None = None) -> int:
    for row in range(window.checks.topLevelItemCount()):
        finding = window.checks.finding_at(row)
        if finding.field == field_path and (body_line is None or finding.body_line == body_line):
            return row
    raise AssertionError(f"no finding for {field_path}")


def _click_row(qtbot, window: MainWindow, row: int) -> None:
    item = window.checks.topLevelItem(row)
    rect = window.checks.visualItemRect(item)
    qtbot.mouseClick(window.checks.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_example_findings_are_listed(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.checks.topLevelItemCount() == 5, timeout=10_000)
    assert all(window.checks.finding_at(r).id == "placeholder-link" for r in range(5))
    assert window.status.findings.text() == "⚠ 0 errors · 5 warnings"  # placeholder links


def test_clicking_a_finding_focuses_its_field(qtbot, window: MainWindow) -> None:
    replace_text(qtbot, field(window, "contacts.1.email"), "mbevington@")
    qtbot.waitUntil(lambda: window.preflight.count_errors() == 1, timeout=10_000)
    assert window.status.findings.text().startswith("✖ 1 error")
    field(window, "headline").setFocus()
    row = _row_of(window, "contacts[2].email")
    assert window.checks.topLevelItem(row).text(2) == "The email of contact 2"  # words, not code
    _click_row(qtbot, window, row)
    assert QApplication.focusWidget().objectName() == "field:contacts.1.email"


def test_clicking_a_body_finding_goes_to_its_line(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.checks.topLevelItemCount() == 5, timeout=10_000)
    _click_row(qtbot, window, _row_of(window, "body", body_line=9))
    assert QApplication.focusWidget() is window.body.editor
    assert window.body.editor.textCursor().blockNumber() == 8
    assert window.body.editor.textCursor().block().text().startswith("Today's White House")


def test_export_warns_but_does_not_block_on_errors(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    # a javascript: link is printed as text (a warning since issue 11); a broken email is an error
    replace_text(qtbot, field(window, "links.0.url"), "mailto:press@")
    qtbot.waitUntil(lambda: window.preflight.count_errors() >= 1, timeout=10_000)
    asked = answer_dialog(click(QMessageBox.StandardButton.Cancel))
    window.exports.choose_and_export("pdf")
    assert asked and "The checks found 1 error" in asked[0]
