"""process_running: the one check behind recovery files and shared-folder locks."""

from __future__ import annotations

import os
import subprocess
import sys

from presskit.storage.processes import process_running


def test_this_process_runs_and_a_finished_one_does_not() -> None:
    assert process_running(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not process_running(child.pid)
    assert not process_running(0) and not process_running(-5)
