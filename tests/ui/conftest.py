"""Fixtures for driving the real editor window with pytest-qt."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMessageBox,
)

from presskit.app.recovery import RecoveryStore
from presskit.app.settings import Preferences
from presskit.ui.main_window import MainWindow


@pytest.fixture
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings and recovery files go to a temporary folder, never the developer's own."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


@pytest.fixture
def example_copy(tmp_path: Path, example_path: Path) -> Path:
    folder = tmp_path / "work"
    shutil.copytree(example_path.parent, folder)
    return folder / "release.md"


@pytest.fixture
def window(qtbot, isolated_dirs: Path, example_copy: Path) -> Iterator[MainWindow]:
    """The editor with a copy of the example open, preview rendered."""
    win = MainWindow(
        Preferences(isolated_dirs / "settings.ini"), RecoveryStore(isolated_dirs / "rec")
    )
    # pytest-qt closes the window after the test; unsaved test edits must not prompt then.
    qtbot.addWidget(win, before_close_func=lambda w: w.doc.undo_stack.setClean())
    win.resize(1280, 800)
    win.show()
    assert win.files.open_path(example_copy, confirmed=True)
    qtbot.waitUntil(lambda: win.preview.page_count > 0, timeout=60_000)
    yield win


def answer_dialog(respond: Callable[[QDialog], None], timeout_ms: int = 20_000) -> list[str]:
    """Respond to the next modal dialog (a QMessageBox or a QFileDialog) when it opens.

    Returns a list that receives the dialog's text, so the test can check what was asked.
    """
    seen: list[str] = []
    waited = {"ms": 0}

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            if isinstance(dialog, QMessageBox):
                seen.append(f"{dialog.text()}\n{dialog.informativeText()}")
            else:
                seen.append(dialog.windowTitle())
            respond(dialog)
            return
        waited["ms"] += 50
        if waited["ms"] < timeout_ms:
            QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)
    return seen


def click(button: QMessageBox.StandardButton) -> Callable[[QDialog], None]:
    def respond(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        dialog.button(button).click()

    return respond


def press(label: str) -> Callable[[QDialog], None]:
    """Click the dialog's button labelled ``label`` (custom buttons have no standard role)."""

    def respond(dialog: QDialog) -> None:
        next(b for b in dialog.findChildren(QAbstractButton) if b.text() == label).click()

    return respond


def choose_file(path: Path) -> Callable[[QDialog], None]:
    def respond(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog), type(dialog)
        dialog.setDirectory(str(path.parent))
        name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
        if name_edit is not None:  # Qt's own dialog: type the name, as a user does
            name_edit.setText(path.name)
        else:
            dialog.selectFile(str(path))
        dialog.accept()

    return respond
