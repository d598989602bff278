"""The guard against PySide6 6.12's reference leaks keeps a long session alive."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_many_leaking_calls_do_not_crash_the_interpreter() -> None:
    """200,000 calls that each drop a reference to None, then a clean exit."""
    code = textwrap.dedent(
        """
        from presskit.app.qt_workarounds import protect_singletons
        protect_singletons()
        from PySide6.QtCore import QCoreApplication, QTimer
        app = QCoreApplication([])
        timer = QTimer()
        for _ in range(100_000):
            timer.start(100)
            app.processEvents()
        print("done")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "done"
