"""Runs an import off the GUI thread, with progress and cancel.

Reading a Word file or a long PDF takes from a few milliseconds to a second or two (a
200-page Word file about four seconds here); a hostile file is stopped by the importers' own
limits. The worker thread reports progress between stages and every few hundred paragraphs
within the long ones; Cancel makes the next progress report raise ImportCancelled (within
about half a second), and the window stops waiting at once either way (a result that
arrives after Cancel is dropped).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from presskit.importers import ImportCancelled, ImportFailed, ImportResult, import_file, import_text


class _Worker(QThread):
    progressed = Signal(float, str)
    succeeded = Signal(object)  # ImportResult
    failed = Signal(str)

    def __init__(self, path: Path | None, text: str, html: str, parent: QObject | None = None):
        super().__init__(parent)
        self._path, self._text, self._html = path, text, html
        self.cancelled = False

    def _progress(self, fraction: float, message: str) -> None:
        if self.cancelled:
            raise ImportCancelled
        self.progressed.emit(fraction, message)

    def run(self) -> None:
        try:
            if self._path is not None:
                result = import_file(self._path, self._progress)
            else:
                result = import_text(self._text, "pasted text", self._html)
        except ImportCancelled:
            return
        except ImportFailed as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:
            self.failed.emit(f"the import failed unexpectedly: {type(exc).__name__}: {exc}")
            return
        if not self.cancelled:
            self.succeeded.emit(result)


class ImportService(QObject):
    """Starts imports on a worker thread; one at a time."""

    progressed = Signal(float, str)
    finished = Signal(object)  # ImportResult
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._worker: _Worker | None = None
        self._running: set[_Worker] = set()  # cancelled ones too, until they end

    @property
    def busy(self) -> bool:
        return self._worker is not None and self._worker.isRunning()

    @property
    def winding_down(self) -> bool:
        """Whether an import thread, a cancelled one too, has not ended yet."""
        return any(worker.isRunning() for worker in self._running)

    def import_path(self, path: Path) -> None:
        self._start(_Worker(Path(path), "", "", self))

    def import_clipboard(self, text: str, html: str) -> None:
        self._start(_Worker(None, text, html, self))

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancelled = True
            self._worker = None

    def shutdown(self, ms: int = 10_000) -> None:
        """Cancel and wait for every import thread (the window is closing)."""
        self.cancel()
        for worker in list(self._running):
            worker.cancelled = True
            worker.wait(ms)

    def _start(self, worker: _Worker) -> None:
        self.cancel()
        self._worker = worker
        worker.progressed.connect(self.progressed)
        worker.succeeded.connect(lambda result, w=worker: self._done(w, result))
        worker.failed.connect(lambda message, w=worker: self._failed(w, message))
        self._running.add(worker)
        worker.finished.connect(lambda w=worker: self._running.discard(w))
        worker.finished.connect(worker.deleteLater)
        worker.start()

    def _done(self, worker: _Worker, result: ImportResult) -> None:
        if worker is self._worker:
            self._worker = None
            self.finished.emit(result)

    def _failed(self, worker: _Worker, message: str) -> None:
        if worker is self._worker:
            self._worker = None
            self.failed.emit(message)
