"""A press kit opens in the kit editor however it is opened from the main window: File >
Open…, Open Recent, ``presskit kit.md``; the release stays open beside it. And closing the
main window with an unsaved kit asks about the kit, and Cancel keeps both windows open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from presskit.ui.kit_window import KitWindow
from presskit.ui.launch import open_first_document
from presskit.ui.main_window import MainWindow
from tests.kit.builder import build_kit
from tests.ui.conftest import answer_dialog, choose_file, click


def _file_action(window: MainWindow, text: str) -> QAction:
    return next(a for a in window.menus["file"].actions() if a.text() == text)


def _only_kit_window(qtbot, window: MainWindow, kit_file: Path) -> KitWindow:
    (kit_window,) = window.kits.windows
    qtbot.addWidget(kit_window, before_close_func=lambda w: w.doc.undo_stack.setClean())
    assert kit_window.isVisible()
    assert kit_window.doc.path.resolve() == kit_file.resolve()
    assert [r.fields["name"].text() for r in kit_window.people.rows][:1] == ["Mary Wareham"]
    return kit_window


def test_file_open_routes_a_kit_to_the_kit_editor(qtbot, window: MainWindow, tmp_path: Path):
    release = window.doc.path
    kit_file = build_kit(tmp_path / "kit")
    answer_dialog(choose_file(kit_file))
    _file_action(window, "&Open…").trigger()
    _only_kit_window(qtbot, window, kit_file)
    assert window.doc.path == release  # the release is still open, not replaced by the kit
    assert "Landmines" in window.doc.model.organization.name
    assert window.prefs.recent_files()[0] == kit_file.resolve()


def test_open_recent_routes_a_kit_to_the_kit_editor(qtbot, window: MainWindow, tmp_path: Path):
    release = window.doc.path
    kit_file = build_kit(tmp_path / "kit")
    window.prefs.add_recent_file(kit_file.resolve())
    menu = window.files.recent_menu
    menu.aboutToShow.emit()
    next(a for a in menu.actions() if a.text() == "kit.md").trigger()
    _only_kit_window(qtbot, window, kit_file)
    assert window.doc.path == release


def test_a_kit_on_the_command_line_opens_the_kit_editor(qtbot, window: MainWindow, tmp_path: Path):
    release = window.doc.path
    kit_file = build_kit(tmp_path / "kit")
    assert open_first_document(window, kit_file)
    _only_kit_window(qtbot, window, kit_file)
    # The main window holds a release (the last one), never the kit as a release.
    assert window.doc.path == release
    assert "Landmines" in window.doc.model.organization.name


def test_cancel_in_the_kits_prompt_stops_closing_the_main_window(
    qtbot, window: MainWindow, tmp_path: Path
):
    kit_window = window.kits.open_path(build_kit(tmp_path / "kit"))
    qtbot.addWidget(kit_window, before_close_func=lambda w: w.doc.undo_stack.setClean())
    qtbot.keyClicks(kit_window.people.rows[0].fields["role"], " (acting)")
    assert kit_window.doc.is_dirty

    seen = answer_dialog(click(QMessageBox.StandardButton.Cancel))
    assert not window.close()
    assert "Save the changes to kit.md" in seen[0]
    assert window.isVisible() and kit_window.isVisible()
    assert kit_window.doc.is_dirty and kit_window.doc.kit.people[0].role.endswith(" (acting)")
    assert window.kits.windows == [kit_window]
    assert window.service is not None and kit_window.worker is not None

    seen = answer_dialog(click(QMessageBox.StandardButton.Discard))
    assert window.close()  # Discard: the kit closes, then the main window
    assert seen and not kit_window.isVisible() and window.kits.windows == []
