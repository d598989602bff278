"""File > Print (Ctrl+P): the release's PDF pages, the ones the preview shows, on paper.

The pages are the export's own (one rendering path), drawn at the printer's resolution
through QtPdf, on the paper size the release's language and region give (A4 or US Letter).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from presskit.render.context import page_size


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page of ``pdf`` on ``printer``; returns the number of pages printed."""
    document = QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    painter = QPainter()
    if document.pageCount() == 0 or not painter.begin(printer):
        return 0
    dpi = printer.resolution()
    for index in range(document.pageCount()):
        if index:
            printer.newPage()
        points = document.pagePointSize(index)
        pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        image = document.render(index, pixels)
        area = painter.viewport()
        scaled = pixels.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(area.topLeft(), scaled)
        painter.drawImage(target, image)
    painter.end()
    return document.pageCount()


def print_release(window: Any) -> None:
    pdf = window.preview.pdf
    if not pdf:
        window.status.show_message("Nothing to print yet: the pages are still being made")
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    letter = page_size(window.doc.model.language) == "letter"
    printer.setPageSize(
        QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)
    )
    printer.setDocName(window.doc.display_name)
    dialog = QPrintDialog(printer, window)
    dialog.setWindowTitle("Print the release")
    if dialog.exec() == QPrintDialog.DialogCode.Accepted:
        pages = print_pdf(pdf, printer)
        window.status.show_message(f"Sent {pages} page{'s' if pages != 1 else ''} to the printer")


def install(window: Any) -> None:
    action = QAction("&Print…", window)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    action.triggered.connect(lambda: print_release(window))
    window.menus["file"].insertAction(window.anchors["file.after_export"], action)
    window.print_action = action
