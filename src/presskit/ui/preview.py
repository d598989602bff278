"""The preview pane: the real PDF pages, as the export will write them.

New pages replace old ones in place (no blank flash), the scroll position and zoom stay put,
and a render error shows as a banner above the last good pages instead of a dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontInfo, QImage, QPalette, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from presskit.app.page_rasterizer import PageRasterizer
from presskit.model.wording import counted

ZOOMS = [("readable", "Readable"), ("fit-width", "Fit width"), ("fit-page", "Fit page")] + [
    (str(p), f"{p}%") for p in (50, 75, 100, 125, 150, 200)
]
BODY_POINTS = 11.0
"""The body text's size in the themes (classic style.css: ``.body { font-size: 11pt }``).
"Readable" shows it as many pixels high as the form's own text."""
PAGE_GAP = 16
LETTER = (612.0, 792.0)
SCREEN_DPI = 96.0


class PreviewPane(QWidget):
    """Shows PDF pages; call :meth:`show_pdf` with new bytes, :meth:`show_error` on failure."""

    pagesShown = Signal(int)  # number of pages now on screen
    zoomChanged = Signal(str)

    def __init__(self, zoom: str = "readable", parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf: bytes = b""
        self.page_count = 0
        self._page_size = LETTER
        self._labels: list[QLabel] = []
        self.rasterizer = PageRasterizer(self)
        self.rasterizer.rendered.connect(self._on_rendered)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(120)
        self._resize_timer.timeout.connect(self._rasterize)

        self.zoom = QComboBox()
        self.zoom.setAccessibleName("Preview zoom")
        for value, text in ZOOMS:
            self.zoom.addItem(text, value)
        self.zoom.setCurrentIndex(max(0, self.zoom.findData(zoom)))
        self.zoom.currentIndexChanged.connect(self._zoom_chosen)
        self.pages_label = QLabel("No pages yet")
        self.pages_label.setAccessibleName("Page count")
        self.state_label = QLabel("")
        self.state_label.setAccessibleName("Preview state")
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 4)
        bar.addWidget(self.zoom)
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        bar.addWidget(self.state_label)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("Preview problem")
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setStyleSheet(
            "QLabel { background: rgba(220, 120, 20, 0.18); border-radius: 4px;"
            " border: 1px solid rgba(200, 100, 0, 0.6); padding: 6px 8px; }"
        )
        self.banner.hide()

        self._pages = QWidget()
        self._pages.setBackgroundRole(QPalette.ColorRole.Mid)
        self._pages.setAutoFillBackground(True)
        self._pages_layout = QVBoxLayout(self._pages)
        self._pages_layout.setSpacing(PAGE_GAP)
        self._pages_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self._pages)
        self.scroll.setWidgetResizable(True)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Mid)
        self.scroll.setAccessibleName("Preview pages")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll, 1)

    # -- public -----------------------------------------------------------------------------
    def show_pdf(self, pdf: bytes, page_count: int, elapsed: float = 0.0) -> None:
        self.pdf = pdf
        self.page_count = page_count
        self.banner.hide()
        self.state_label.setText(f"Rendered in {elapsed:.2f} s" if elapsed else "")
        self._rasterize()

    def show_error(self, message: str) -> None:
        """Keep the last good pages; say above them what is wrong."""
        self.banner.setText(f"The preview is not up to date: {message}")
        self.banner.show()

    def show_warning(self, message: str) -> None:
        """The pages are current, but something was left out of them (an image, say)."""
        self.banner.setText(f"Left out of the pages: {message}")
        self.banner.show()

    def set_rendering(self, busy: bool) -> None:
        if busy:
            self.state_label.setText("Rendering…")

    def zoom_mode(self) -> str:
        return str(self.zoom.currentData())

    def shutdown(self) -> None:
        self.rasterizer.shutdown()

    def readable_scale(self) -> float:
        """Pixels per point at which the release's body text is as high as the form's text.
        A column narrower than such a page scrolls sideways, as a PDF viewer at 100 % does."""
        return QFontInfo(self.font()).pixelSize() / BODY_POINTS

    # -- drawing ----------------------------------------------------------------------------
    def _pixels_per_point(self) -> float:
        mode = self.zoom_mode()
        width, height = self._page_size
        viewport = self.scroll.viewport().size()
        bar = self.scroll.verticalScrollBar()
        # Leave room for the vertical scroll bar even before it appears, or fitting the width
        # would make it appear and then need a horizontal one too.
        bar_room = (
            0
            if bar.isVisible()
            else self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        )
        room_w = max(100, viewport.width() - 2 * PAGE_GAP - bar_room)
        room_h = max(100, viewport.height() - 2 * PAGE_GAP)
        if mode == "readable":
            scale = self.readable_scale()
        elif mode == "fit-width":
            scale = room_w / width
        elif mode == "fit-page":
            scale = min(room_w / width, room_h / height)
        else:
            scale = int(mode) / 100 * SCREEN_DPI / 72.0
        return scale * self.devicePixelRatioF()

    def _rasterize(self) -> None:
        if self.pdf:
            self.rasterizer.rasterize(self.pdf, self._pixels_per_point())

    def _on_rendered(self, _generation: int, images: list[QImage], sizes: list) -> None:
        if sizes:
            self._page_size = sizes[0]
        scroll_bar = self.scroll.verticalScrollBar()
        old_max = max(1, scroll_bar.maximum())
        fraction = scroll_bar.value() / old_max
        same_shape = len(images) == len(self._labels) and all(
            label.pixmap().deviceIndependentSize().toSize()
            == (image.size() / self.devicePixelRatioF())
            for label, image in zip(self._labels, images, strict=False)
        )
        while len(self._labels) < len(images):
            label = QLabel()
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            label.setAccessibleName(f"Page {len(self._labels) + 1}")
            self._pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self._labels.append(label)
        while len(self._labels) > len(images):
            self._labels.pop().deleteLater()
        for label, image in zip(self._labels, images, strict=True):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.deviceIndependentSize().toSize())
        if not same_shape:  # zoom or page count changed: keep the same place in the document
            QTimer.singleShot(
                0, lambda: scroll_bar.setValue(round(fraction * scroll_bar.maximum()))
            )
        pages = len(images)
        self.pages_label.setText(counted(pages, "page"))
        self.pagesShown.emit(pages)

    def _zoom_chosen(self) -> None:
        self.zoomChanged.emit(self.zoom_mode())
        self._rasterize()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.zoom_mode().startswith("fit"):
            self._resize_timer.start()
