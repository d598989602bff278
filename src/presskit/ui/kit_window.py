"""The press-kit editor: a window of its own, with the release editor's manners: a form on
the left, the live fact sheet on the right (rendered off the GUI thread, as the release
preview is), undo, the kit's checks as you type, photos dropped in, export.

The fact sheet and the checks (which read the images' headers) run in a
:class:`~presskit.app.kit_document.KitWorker` thread on a copy of the kit; the export too.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from presskit.app.kit_document import PHOTO_SUFFIXES, KitDocument, KitWorker
from presskit.app.page_rasterizer import PageRasterizer
from presskit.kit.model import Kit
from presskit.ui.kit_form import KitForm
from presskit.ui.kit_logos import LogosPanel
from presskit.ui.kit_people import PeoplePanel
from presskit.ui.kit_photos import PhotosPanel

PREVIEW_DELAY_MS = 400
EXPORTS = {
    "zip": ("Export &Zip…", "Zip archive (*.zip)", "press-kit.zip"),
    "pdf": ("Export &Fact Sheet…", "PDF document (*.pdf)", "fact-sheet.pdf"),
    "html": ("Export &Web Page…", "", "press-kit-site"),
}


def _preview_job(kit: Kit, folder: Path) -> tuple[bytes, list]:
    from presskit.kit.checks import disk_probe, kit_findings  # noqa: PLC0415
    from presskit.kit.factsheet import render_fact_sheet  # noqa: PLC0415
    from presskit.kit.publish import publish_kit  # noqa: PLC0415

    findings = kit_findings(kit, disk_probe(folder))
    return render_fact_sheet(publish_kit(kit, folder, releases=False)).pdf, findings


class KitWindow(QMainWindow):
    """One open press kit."""

    exported = Signal(object)  # the KitExportResult, or the Exception
    closed = Signal()  # the window closed (saved, or the changes thrown away on purpose)

    def __init__(self, doc: KitDocument, parent: QWidget | None = None, library: Any = None):
        super().__init__(parent)
        self.doc = doc
        self.library = library
        doc.setParent(self)
        self.worker = KitWorker(self)
        self.rasterizer = PageRasterizer(self)
        self.findings: list = []
        self.autosaver: Any = None  # the feature gives the window its Autosaver
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self._menus()
        doc.changed.connect(self._timer.start)
        doc.dirtyChanged.connect(self.setWindowModified)
        self.worker.finished.connect(self._on_job)
        self.rasterizer.rendered.connect(self._on_pages)
        self.setAcceptDrops(True)
        self.setWindowTitle(f"{doc.path.name}[*] — Press Kit — Presskit")
        self.resize(1200, 800)
        self.refresh()

    def _build(self) -> None:
        self.form = KitForm(self.doc)
        self.photos = PhotosPanel(self.doc)
        self.people = PeoplePanel(self.doc, self.library)
        self.logos = LogosPanel(self.doc)
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(self.form)
        column.addWidget(self.photos)
        column.addWidget(self.people)
        column.addWidget(self.logos)
        column.addStretch()
        left_scroll = QScrollArea()
        left_scroll.setWidget(left)
        left_scroll.setWidgetResizable(True)
        self.preview = QLabel("Rendering the fact sheet…")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview.setAccessibleName("Fact sheet preview")
        self.preview_scroll = preview_scroll = QScrollArea()
        preview_scroll.setWidget(self.preview)
        preview_scroll.setWidgetResizable(True)
        self.checks = QListWidget()
        self.checks.setAccessibleName("Checks")
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(preview_scroll)
        right.addWidget(self.checks)
        right.setSizes([600, 160])
        split = QSplitter()
        split.addWidget(left_scroll)
        split.addWidget(right)
        split.setSizes([560, 640])
        self.setCentralWidget(split)
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        save = file_menu.addAction("&Save", self.save)
        save.setShortcut(QKeySequence.StandardKey.Save)
        file_menu.addSeparator()
        self.export_actions = {}
        for kind, (text, _filter, _name) in EXPORTS.items():
            action = file_menu.addAction(text, lambda k=kind: self.choose_and_export(k))
            self.export_actions[kind] = action
        file_menu.addSeparator()
        file_menu.addAction("&Close", self.close).setShortcut(QKeySequence.StandardKey.Close)
        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.doc.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.doc.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addActions([self.undo_action, self.redo_action])

    # -- preview and checks -----------------------------------------------------------------
    def refresh(self) -> None:
        kit, folder = copy.deepcopy(self.doc.kit), self.doc.folder
        self.worker.submit("preview", lambda: _preview_job(kit, folder))

    def _on_job(self, kind: str, result: object) -> None:
        if kind == "export":
            self._on_exported(result)
            return
        if isinstance(result, Exception):
            self.preview.setText(f"The fact sheet cannot be shown: {result}")
            return
        pdf, self.findings = result  # type: ignore[misc]
        self.checks.clear()
        for finding in self.findings:
            self.checks.addItem(f"{finding.severity}: {finding.field}: {finding.message}")
        # The page as wide as the preview (a Letter or A4 page is about 600 points wide).
        width = max(300, self.preview_scroll.viewport().width() - 24)
        self.rasterizer.rasterize(pdf, width / 612 * self.devicePixelRatioF())

    def _on_pages(self, _generation: int, images: list, _sizes: list) -> None:
        if images:
            pixmap = QPixmap.fromImage(images[0])
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            self.preview.setPixmap(pixmap)
            self.page_count = len(images)

    # -- photos -----------------------------------------------------------------------------
    @staticmethod
    def _photos(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData() else []
        paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in PHOTO_SUFFIXES and p.is_file()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._photos(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        photos = self._photos(event)
        if photos:
            event.acceptProposedAction()
            try:
                added = self.doc.add_photos(photos)
            except OSError as exc:
                QMessageBox.warning(self, "Add Photos", f"The photo could not be copied: {exc}")
                return
            self.status_label.setText(f"Added {', '.join(added)}")

    # -- files ------------------------------------------------------------------------------
    def save(self) -> bool:
        try:
            self.doc.save()
        except OSError as exc:
            QMessageBox.warning(self, "Save Press Kit", f"{self.doc.path}: {exc}")
            return False
        self.status_label.setText(f"Saved {self.doc.path}")
        return True

    def choose_and_export(self, kind: str) -> None:
        text, file_filter, name = EXPORTS[kind]
        title = text.replace("&", "").rstrip("…")
        start = str(self.doc.folder.parent / name)
        if kind == "html":
            chosen = QFileDialog.getSaveFileName(self, title, start)[0]
        else:
            chosen = QFileDialog.getSaveFileName(self, title, start, file_filter)[0]
        if chosen:
            self.export_to(kind, Path(chosen))

    def export_to(self, kind: str, target: Path) -> None:
        from presskit.kit.export import write_kit_outputs  # noqa: PLC0415

        kit, path = copy.deepcopy(self.doc.kit), self.doc.path
        options = {"html": "html_dir", "pdf": "pdf", "zip": "zip_path"}
        self.status_label.setText(f"Exporting {target.name}…")
        self.worker.submit(
            "export", lambda: write_kit_outputs(kit, path, **{options[kind]: target})
        )

    def _on_exported(self, result: object) -> None:
        if isinstance(result, Exception):
            self.status_label.setText("Export failed")
            QMessageBox.warning(self, "Export Press Kit", str(result))
        else:
            written = ", ".join(p.name for p in result.written)  # type: ignore[attr-defined]
            left_out = len(result.warnings)  # type: ignore[attr-defined]
            self.status_label.setText(
                f"Exported {written}" + (f" ({left_out} warnings)" if left_out else "")
            )
        self.exported.emit(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.doc.is_dirty:
            answer = QMessageBox.question(
                self, "Press Kit", f"Save the changes to {self.doc.path.name}?",
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )  # fmt: skip
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not self.save()
            ):
                event.ignore()
                return
        if self.autosaver is not None:
            self.autosaver.discard()  # saved, or thrown away on purpose: nothing to recover
        self.worker.shutdown()
        self.rasterizer.shutdown()
        event.accept()
        self.closed.emit()
