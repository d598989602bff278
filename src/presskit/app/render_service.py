"""Talks to the render worker process from the GUI thread, without ever blocking it.

One warm worker (see :mod:`presskit.outputs.worker`) renders one request at a time. Preview
requests collapse: only the newest waits, and a preview result that an edit has overtaken is
dropped. Export requests queue and are never dropped. A worker that dies is restarted and
its request resent once; if it dies on the same request again, that request fails with a
message and the next edit tries afresh.
"""

from __future__ import annotations

import sys
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess, Signal

from presskit.render.framing import FrameError, decode_frames, encode_frame

MAX_EARLY_DEATHS = 3


def _pass_to_stderr(noise: bytes) -> None:
    """Output on the worker's stdout that is not a frame (a library's message): show it."""
    sys.stderr.write(noise.decode("utf-8", "replace"))


def worker_command() -> list[str]:
    """How to start the worker: this Python with ``-m``, or the frozen app with a flag."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--render-worker"]
    return [sys.executable, "-m", "presskit.outputs.worker"]


@dataclass
class RenderResult:
    """A finished render, as the worker replied."""

    id: int
    kind: str
    ok: bool
    error: str = ""
    elapsed: float = 0.0
    pdf: bytes = b""
    page_count: int = 0
    html: str = ""
    text: str = ""
    data: bytes = b""  # an email draft (.eml) or a press kit (.zip)
    warnings: list[str] = field(default_factory=list)
    source: str = ""  # the release text it was rendered from
    preview: bool = False

    @classmethod
    def from_reply(cls, reply: dict[str, Any], request: _Request) -> RenderResult:
        known = {k: v for k, v in reply.items() if k in cls.__dataclass_fields__}
        return cls(source=request.source, preview=request.preview, **known)


@dataclass
class _Request:
    id: int
    kind: str
    source: str
    base_dir: str | None
    preview: bool
    attempts: int = 0
    path: str | None = None  # the release file, for outputs that name its language versions

    def failed(self, message: str) -> RenderResult:
        return RenderResult(self.id, self.kind, False, error=message, preview=self.preview)

    def frame(self) -> bytes:
        return encode_frame(
            {
                "id": self.id,
                "kind": self.kind,
                "source": self.source,
                "base_dir": self.base_dir,
                "path": self.path,
            }
        )


class RenderService(QObject):
    """Owns the worker process and the queue of render requests."""

    finished = Signal(object)  # RenderResult (ok or not), for requests that still matter
    workerRestarted = Signal(str)  # why the worker had to be restarted

    def __init__(self, parent: QObject | None = None, command: list[str] | None = None):
        super().__init__(parent)
        self._command = command or worker_command()
        self._next_id = 1
        self._latest_preview = 0
        self._pending_preview: _Request | None = None
        self._exports: deque[_Request] = deque()
        self._in_flight: _Request | None = None
        self._buffer = bytearray()
        self._ready = False
        self._stopping = False
        self._early_deaths = 0  # deaths before "ready": a worker that cannot start at all
        self._kill_reason = ""  # why we killed the worker ourselves, when we did
        self._process: QProcess | None = None
        self._start()

    # -- public -----------------------------------------------------------------------------
    def request(
        self,
        kind: str,
        source: str,
        base_dir: Path | None,
        *,
        preview: bool,
        path: Path | None = None,
    ) -> int:
        """Ask for a render; the answer comes through ``finished``. Returns the request id.
        ``path`` is the release's file, when it has one (language versions are found from it)."""
        request = _Request(
            self._next_id, kind, source, str(base_dir) if base_dir else None, preview
        )
        request.path = str(path) if path else None
        self._next_id += 1
        if preview:
            self._latest_preview = request.id
            self._pending_preview = request  # replaces any older preview still waiting
        else:
            self._exports.append(request)
        if self._process is None and not self._stopping:
            self._early_deaths = 0
            self._start()  # it gave up starting earlier: each new request tries once more
        self._dispatch()
        return request.id

    @property
    def busy(self) -> bool:
        return self._in_flight is not None

    def worker_pid(self) -> int:
        return int(self._process.processId()) if self._process is not None else 0

    def shutdown(self) -> None:
        """Stop the worker (when the window closes)."""
        self._stopping = True
        if self._process is not None:
            self._process.closeWriteChannel()
            if not self._process.waitForFinished(2000):
                self._process.kill()
                self._process.waitForFinished(1000)

    # -- the process ------------------------------------------------------------------------
    def _start(self) -> None:
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        self._buffer.clear()
        self._ready = False
        self._process = process
        process.start(self._command[0], self._command[1:])

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._fail_everything("the renderer could not start")

    def _on_finished(self, exit_code: int, exit_status: QProcess.ExitStatus) -> None:
        if self._stopping:
            return
        crashed = self._in_flight
        self._in_flight = None
        reason = self._kill_reason or (
            "the renderer crashed"
            if exit_status == QProcess.ExitStatus.CrashExit
            else f"the renderer stopped (exit code {exit_code})"
        )
        self._kill_reason = ""
        if crashed is not None:
            crashed.attempts += 1
            if crashed.attempts >= 2:
                self._deliver(crashed.failed(f"{reason} twice on this release"), crashed)
            elif not crashed.preview:
                self._exports.appendleft(crashed)
            elif self._pending_preview is None and crashed.id == self._latest_preview:
                self._pending_preview = crashed  # still the newest edit: try it once more
        old = self._process
        if old is not None:
            old.deleteLater()
        if not self._ready:
            self._early_deaths += 1
        if self._early_deaths >= MAX_EARLY_DEATHS:
            # Restarting a worker that dies while starting would loop forever: stop, say
            # why, and try again only when the next render is asked for.
            self._process = None
            self._fail_everything(f"{reason} while starting, {self._early_deaths} times")
            return
        self._start()
        self.workerRestarted.emit(reason)

    def _read(self) -> None:
        assert self._process is not None
        data = bytes(self._process.readAllStandardOutput().data())
        if self._kill_reason:
            return  # what a killed worker still had in the pipe: nothing we can trust
        self._buffer.extend(data)
        try:
            replies = decode_frames(self._buffer, on_noise=_pass_to_stderr)
        except FrameError as error:
            # A garbled reply: nothing more from this worker can be trusted. Killing it goes
            # the way of a crash: a restart, and the request in flight resent once.
            print(f"presskit: the render worker's reply is corrupt ({error})", file=sys.stderr)
            self._buffer.clear()
            self._kill_reason = "the renderer's reply was garbled"
            self._process.kill()
            return
        for reply in replies:
            if reply.get("kind") == "ready":
                self._ready = True
                self._early_deaths = 0
            else:
                request = self._in_flight
                self._in_flight = None
                if request is not None and request.id == reply.get("id"):
                    self._deliver(RenderResult.from_reply(reply, request), request)
            self._dispatch()

    def _dispatch(self) -> None:
        if self._in_flight is not None or not self._ready or self._process is None:
            return
        if self._exports:
            request = self._exports.popleft()
        elif self._pending_preview is not None:
            request, self._pending_preview = self._pending_preview, None
        else:
            return
        self._in_flight = request
        self._process.write(request.frame())

    def _deliver(self, result: RenderResult, request: _Request) -> None:
        # A preview that a newer edit has overtaken is stale: drop it, never show it.
        if request.preview and request.id != self._latest_preview:
            return
        self.finished.emit(result)

    def _fail_everything(self, message: str) -> None:
        for request in [*self._exports, self._pending_preview, self._in_flight]:
            if request is not None:
                self.finished.emit(request.failed(message))
        self._exports.clear()
        self._pending_preview = self._in_flight = None
