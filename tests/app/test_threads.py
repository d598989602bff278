"""Worker threads end before the window that owns them, even one deleted without closeEvent.

A QThread deleted while it runs aborts the process ("QThread: Destroyed while thread is still
running", seen in GUI tests), so each case runs in a child process and the test reads how it
ended.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

PRELUDE = """
import sys, time
from pathlib import Path
import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThread, QTimer
app = QCoreApplication([])

def until(done, seconds=10.0):
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        time.sleep(0.01)
"""


def run_script(body: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    script = PRELUDE + textwrap.dedent(body)
    return subprocess.run(
        [sys.executable, "-W", "error", "-c", script, *(str(a) for a in args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_library_search_thread_ends_when_its_panel_is_deleted(tmp_path: Path) -> None:
    done = run_script(
        """
        from presskit.app.library_search import ContactSearch
        from presskit.library.database import Library
        Library(Path(sys.argv[1])).close()
        panel = QObject()
        search = ContactSearch(Path(sys.argv[1]), parent=panel)
        search.request("a")
        until(search.isRunning)
        time.sleep(0.3)  # the worker waits for the next keystroke
        shiboken6.delete(panel)  # no closeEvent, no shutdown()
        print("panel deleted")
        """,
        tmp_path / "library.sqlite",
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "panel deleted\n", "")


def test_work_in_hand_finishes_before_the_parent_goes_and_no_hook_outlives_a_thread() -> None:
    done = run_script(
        """
        from presskit.app.threads import end_with_parent

        class Work(QThread):
            def __init__(self, parent, seconds):
                super().__init__(parent)
                self.seconds, self.finished_work = seconds, False
                end_with_parent(self)
            def run(self):
                time.sleep(self.seconds)
                self.finished_work = True

        window = QObject()
        for _ in range(3):  # threads deleted after their work (as the sync worker is)
            quick = Work(window, 0)
            quick.finished.connect(quick.deleteLater)
            quick.start()
            quick.wait()
            loop = QEventLoop(); QTimer.singleShot(50, loop.quit); loop.exec()
            assert not shiboken6.isValid(quick)
        slow = Work(window, 0.5)
        slow.start()
        until(slow.isRunning)
        shiboken6.delete(window)
        print("window deleted")
        """
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "window deleted\n", "")
