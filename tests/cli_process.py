"""Running the ``presskit`` command in tests the way a user runs it: the console script pip
installed (pyproject.toml's ``[project.scripts]``), in a process of its own (issue 11)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PRESSKIT = Path(sys.executable).with_name("presskit")
"""The installed command: the console script pyproject.toml declares, as a user runs it."""


def presskit_process(
    *args: str | Path,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``presskit`` command with ``args`` in a process of its own."""
    assert PRESSKIT.is_file(), f"the presskit command is not installed next to {sys.executable}"
    return subprocess.run(
        [str(PRESSKIT), *(str(a) for a in args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=timeout,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
    )


def presskit_status(*args: str | Path) -> int:
    """Run the installed ``presskit`` command; its output goes on to this test's stdout and
    stderr, where ``capsys`` reads it. Returns the exit status."""
    done = presskit_process(*args)
    sys.stdout.write(done.stdout)
    sys.stderr.write(done.stderr)
    return done.returncode
