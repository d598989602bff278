"""Decides when the preview renders: after a pause in editing, newest edit first.

Edits restart a debounce timer whose delay grows with how long the last render took (a long
release renders slowly, so there is no point asking more often than it can answer). When it
fires, the release text goes to the render worker, unless it is the text already shown.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from presskit.app.document import DocumentController
from presskit.app.render_service import RenderResult, RenderService

MIN_DELAY_MS = 150
MAX_DELAY_MS = 1500


def debounce_delay_ms(last_render_s: float, source_chars: int) -> int:
    """Wait about half a render after the last keystroke, more for long documents."""
    by_render = int(last_render_s * 1000 * 0.5)
    by_size = source_chars // 200  # +50 ms per 10,000 characters
    return max(MIN_DELAY_MS, min(MAX_DELAY_MS, max(by_render, by_size)))


class PreviewScheduler(QObject):
    """Turns document changes into preview renders and reports their outcome."""

    previewReady = Signal(object)  # RenderResult with the PDF
    previewFailed = Signal(str)  # what is wrong; the last good pages stay
    renderingChanged = Signal(bool)  # a preview render is waiting or running

    def __init__(self, doc: DocumentController, service: RenderService):
        super().__init__(doc)
        self._doc = doc
        self._service = service
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.render_now)
        self._last_elapsed = 0.25
        self._requested_source: str | None = None
        self._waiting_id = 0
        self.last_good: RenderResult | None = None
        doc.changed.connect(self._on_changed)
        doc.documentReplaced.connect(self.render_now)  # no wait for a freshly opened document
        service.finished.connect(self._on_finished)
        service.workerRestarted.connect(self._on_worker_restarted)

    @property
    def delay_ms(self) -> int:
        return self._timer.interval()

    def _on_changed(self) -> None:
        self._timer.start(debounce_delay_ms(self._last_elapsed, len(self._doc.model.body)))

    def render_now(self) -> None:
        self._timer.stop()
        source = self._doc.snapshot_text()
        if source == self._requested_source:
            return
        self._requested_source = source
        self._waiting_id = self._service.request("pdf", source, self._doc.base_dir, preview=True)
        self.renderingChanged.emit(True)

    def _on_finished(self, result: RenderResult) -> None:
        if not result.preview or result.id != self._waiting_id:
            return
        self.renderingChanged.emit(False)
        if result.ok:
            self._last_elapsed = result.elapsed
            self.last_good = result
            self.previewReady.emit(result)
        else:
            self._requested_source = None  # let the next edit (or a retry) render again
            self.previewFailed.emit(result.error)

    def _on_worker_restarted(self, reason: str) -> None:
        self.previewFailed.emit(f"{reason}; it was restarted")

    def pdf_for_current(self) -> bytes | None:
        """The previewed PDF if it shows exactly the current document, else None."""
        if self.last_good is not None and self.last_good.source == self._doc.snapshot_text():
            return self.last_good.pdf
        return None
