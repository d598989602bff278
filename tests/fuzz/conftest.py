"""Fuzz settings, the hostile release folder, a network guard and the run's summary.

How many cases run is set in :mod:`tests.fuzz.budget`.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fuzz.pipeline import STATS

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082"
)


@pytest.fixture(scope="session")
def hostile_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A release folder with a real logo and traps: a symlink to /etc/passwd, a FIFO."""
    folder = tmp_path_factory.mktemp("fuzz-release")
    (folder / "assets").mkdir()
    (folder / "assets" / "logo.png").write_bytes(PNG_1PX)
    (folder / "logo.png").write_bytes(PNG_1PX)
    if Path("/etc/passwd").exists():
        (folder / "passwd.png").symlink_to("/etc/passwd")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "fifo.png")
    return folder


@pytest.fixture(scope="session")
def secret() -> str:
    """The first line of /etc/passwd: it must never appear in any output."""
    try:
        return Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]
    except (OSError, IndexError):
        return ""


@pytest.fixture(scope="module", autouse=True)
def no_network() -> Iterator[None]:
    """Any socket a fuzz case opens fails it: nothing in a release may reach the network."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a fuzz case tried to open a network connection")

    saved = socket.socket, socket.create_connection
    socket.socket, socket.create_connection = refuse, refuse  # type: ignore[assignment,misc]
    try:
        yield
    finally:
        socket.socket, socket.create_connection = saved  # type: ignore[misc]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print (and with PRESSKIT_FUZZ_REPORT, save as JSON) what the fuzzing did."""
    if not STATS.cases:
        return
    summary = STATS.summary()
    terminalreporter.write_sep("-", "fuzzing")
    for key, value in summary.items():
        terminalreporter.write_line(f"{key}: {value}")
    if report := os.environ.get("PRESSKIT_FUZZ_REPORT"):
        Path(report).write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
