"""A release on a shared folder, in the real window: the lock while it is open, a second
person told who has it open, and a sync tool's conflict copy offered for comparison."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from presskit.storage.shared_folder import LOCK_SUFFIX, read_lock
from presskit.ui.main_window import MainWindow
from presskit.ui.shared_folder_ui import ConflictCopiesDialog
from tests.storage.test_shared_folder import _foreign_lock
from tests.ui.conftest import answer_dialog

# The pictures in docs/ are made again with PRESSKIT_SCREENSHOTS=1; otherwise they go to a
# temporary folder, so that a test run leaves the checkout as it was.
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _screenshots(tmp_path: Path) -> Path:
    folder = DOCS_SCREENSHOTS if os.environ.get("PRESSKIT_SCREENSHOTS") else tmp_path
    folder.mkdir(exist_ok=True)
    return folder


def test_the_open_release_is_locked_and_unlocked(qtbot, window: MainWindow) -> None:
    lock = window.doc.path.with_name(window.doc.path.name + LOCK_SUFFIX)
    assert read_lock(lock) is not None
    # Closing within a moment of opening races the library's search thread (ContactSearch:
    # "QThread: Destroyed while thread is still running" at a later test); a person reads first.
    qtbot.wait(1000)
    window.close()
    assert not lock.exists()


def test_a_second_person_is_told_and_copies_are_offered(
    qtbot, window: MainWindow, example_copy: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shutil.copytree(example_copy.parent, shared)
    release = shared / "release.md"
    _foreign_lock(release, seen_minutes_ago=1)
    copy = shared / "release (Jana's conflicted copy 2026-12-02).md"
    text = release.read_text(encoding="utf-8")
    copy.write_text(text.replace("Korea Included", "Korea Excluded"), encoding="utf-8")

    seen = answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Ok).click())
    assert window.files.open_path(release, confirmed=True)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "This release is open by Jana on LAPTOP-3 since" in seen[0]
    button = window.shared_folder.button
    assert button.text().startswith("open by Jana on LAPTOP-3 since")
    assert button.text().endswith("· 1 conflicting copy")
    assert read_lock(release.with_name(release.name + LOCK_SUFFIX)).user == "Jana"  # not taken

    button.click()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ConflictCopiesDialog))
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    shown = dialog.text.toPlainText()
    assert copy.name in shown and "headline" in shown and "Excluded" in shown
    shots = _screenshots(tmp_path)
    window.grab().save(str(shots / "shared-folder-status.png"))
    dialog.grab().save(str(shots / "conflicting-copies.png"))
    dialog.close()
