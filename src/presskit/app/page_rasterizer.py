"""Turns PDF bytes into page images on a background thread, with QtPdf.

Rendering pages to images ourselves (about 13 ms a page) lets the preview swap old pages for
new ones without the blank flash QPdfView shows on every reload. It runs off the GUI thread
so that typing never waits for it. Only the newest request matters: older ones are skipped.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, QThread, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument

POINTS_PER_INCH = 72.0


def _on_white(page: QImage) -> QImage:
    """QtPdf leaves the paper transparent; a preview shows it white, as printed."""
    canvas = QImage(page.size(), QImage.Format.Format_RGB32)
    canvas.fill(QColor("white"))
    painter = QPainter(canvas)
    painter.drawImage(0, 0, page)
    painter.end()
    return canvas


class _RasterWorker(QObject):
    done = Signal(int, list, list)  # generation, [QImage], [page size in points as (w, h)]

    def __init__(self) -> None:
        super().__init__()
        self.latest = 0

    @Slot(int, bytes, float)
    def rasterize(self, generation: int, pdf: bytes, pixels_per_point: float) -> None:
        if generation < self.latest:
            return
        document = QPdfDocument()  # not parented to any view; dies at the end of this call
        buffer = QBuffer(document)  # QPdfDocument reads lazily: the buffer must outlive it
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        images: list[QImage] = []
        sizes: list[tuple[float, float]] = []
        for index in range(document.pageCount()):
            if generation < self.latest:
                document.close()
                return  # a newer request arrived: this one is stale
            points = document.pagePointSize(index)
            size = QSize(
                max(1, round(points.width() * pixels_per_point)),
                max(1, round(points.height() * pixels_per_point)),
            )
            images.append(_on_white(document.render(index, size)))
            sizes.append((points.width(), points.height()))
        document.close()
        self.done.emit(generation, images, sizes)


class PageRasterizer(QObject):
    """Request page images with :meth:`rasterize`; they arrive through ``rendered``."""

    rendered = Signal(int, list, list)  # generation, [QImage], [(w, h) in points]
    _request = Signal(int, bytes, float)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName("presskit-page-rasterizer")
        self._worker = _RasterWorker()
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.rasterize)
        self._worker.done.connect(self._on_done)
        self._generation = 0
        self._thread.start()

    def rasterize(self, pdf: bytes, pixels_per_point: float) -> int:
        """Start rendering ``pdf`` at ``pixels_per_point`` device pixels per PDF point."""
        self._generation += 1
        self._worker.latest = self._generation  # plain int: read by the worker between pages
        self._request.emit(self._generation, pdf, pixels_per_point)
        return self._generation

    def _on_done(self, generation: int, images: list, sizes: list) -> None:
        if generation == self._generation:
            self.rendered.emit(generation, images, sizes)

    def shutdown(self) -> None:
        self._thread.quit()
        self._thread.wait(3000)
