"""Autosave and recovery, end to end: type in a real editor process, kill it, start again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from presskit.app.recovery import RecoveryStore
from presskit.app.settings import Preferences
from presskit.ui.main_window import MainWindow
from tests.conftest import REPO
from tests.ui.conftest import answer_dialog
from tests.ui.test_main_window import field

HEADLINE = "Übergabe um 9 Uhr — “wörtlich” zitiert"
BODY = " A sentence typed just before the crash."


def test_killed_editor_offers_its_unsaved_work_back(
    qtbot, isolated_dirs: Path, example_copy: Path
) -> None:
    driver = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "ui" / "editor_driver.py"),
         str(example_copy), HEADLINE, BODY],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ),
    )  # fmt: skip
    try:
        assert driver.stdout is not None
        line = driver.stdout.readline().strip()
        if line != "AUTOSAVED":
            driver.kill()
            raise AssertionError(f"the editor did not autosave: {driver.stderr.read()[-3000:]}")
    finally:
        driver.send_signal(signal.SIGKILL)  # a crash: no clean-up code runs
        driver.wait(timeout=30)
    assert driver.returncode == -signal.SIGKILL
    original = example_copy.read_text(encoding="utf-8")
    assert HEADLINE not in original  # the work exists only in the recovery file

    window = MainWindow(Preferences(), RecoveryStore())
    qtbot.addWidget(window, before_close_func=lambda w: w.doc.undo_stack.setClean())
    window.show()
    asked = answer_dialog(lambda box: box.buttons()[0].click())  # Restore
    assert window.files.offer_recovery(window.store)
    assert "Presskit closed without saving release.md" in asked[0]
    assert field(window, "headline").text() == HEADLINE
    assert window.doc.model.body.endswith(BODY.strip())
    assert window.doc.path == example_copy.resolve()
    assert window.isWindowModified()
    assert window.files.save()
    assert window.store.orphaned() == []
    assert list(window.store.folder.glob("*.md")) == []  # cleaned up after the save
