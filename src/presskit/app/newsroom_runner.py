"""Publishing a newsroom from the editor: ``presskit newsroom`` in a process of its own.

The build renders releases with WeasyPrint for seconds or minutes; in its own process it
never holds up the window (not even through the GIL), it uses every core, and cancelling
is a signal the build answers by finishing the release in hand and leaving a consistent
site. Progress and the final report come back as JSON lines (``--progress-json``).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from PySide6.QtCore import QObject, QProcess, Signal

from presskit.app.settings import NewsroomSettings

EXIT_CANCELLED = 130


def newsroom_command(settings: NewsroomSettings) -> list[str]:
    """This Presskit's ``newsroom`` verb for ``settings`` (the frozen app runs itself)."""
    presskit = (
        [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "presskit"]
    )
    command = [*presskit, "newsroom", *(str(p) for p in settings.sources)]
    command += ["-o", str(settings.site), "--progress-json"]
    for option, value in (("--base-url", settings.base_url), ("--title", settings.title),
                          ("--theme", settings.theme)):  # fmt: skip
        if value.strip():
            command += [option, value.strip()]
    return command


class NewsroomRunner(QObject):
    """Runs one build; says how far it got, and how it ended."""

    progress = Signal(int, int, str)  # done, total, the release just rendered
    finished = Signal(object, str)  # the report (a dict) or None, and an error message

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._process: QProcess | None = None
        self._buffer = b""
        self._report: dict[str, Any] | None = None
        self.cancelled = False

    def start(self, settings: NewsroomSettings) -> None:
        program, *arguments = newsroom_command(settings)
        process = QProcess(self)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._done)
        process.errorOccurred.connect(self._failed_to_start)
        self._process = process
        process.start(program, arguments)

    def running(self) -> bool:
        return (
            self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning
        )

    def cancel(self) -> None:
        """Ask the build to stop after the release in hand (it keeps the site consistent)."""
        if self.running():
            assert self._process is not None
            self.cancelled = True
            self._process.terminate()

    def wait(self, ms: int = 30_000) -> None:
        if self._process is not None:
            self._process.waitForFinished(ms)

    def _read(self) -> None:
        assert self._process is not None
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                message = json.loads(line)
            except ValueError:
                continue  # a library's stray output: not ours
            if "progress" in message:
                done, total, text = message["progress"]
                self.progress.emit(int(done), int(total), str(text))
            elif "report" in message:
                self._report = message["report"]

    def _done(self, code: int, _status: QProcess.ExitStatus) -> None:
        assert self._process is not None
        self._read()
        errors = bytes(self._process.readAllStandardError().data()).decode("utf-8", "replace")
        lines = [line for line in errors.splitlines() if line.strip() and "cancelling" not in line]
        if self._report is None and not (self.cancelled and code == EXIT_CANCELLED):
            self.finished.emit(
                None,
                lines[-1].removeprefix("presskit: ")
                if lines
                else f"the build stopped (status {code})",
            )
        else:
            self.finished.emit(self._report, "")

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self.finished.emit(None, "the newsroom build could not be started")
