"""File > Import…, Edit > Paste as Release and dropping files to import: the editor's side
of the importers.

The import runs on a worker thread (:mod:`presskit.app.import_service`) behind a progress
dialog with Cancel; the Import Review (:mod:`presskit.ui.import_review`) shows what went
where; accepting asks about unsaved changes as opening a file does, then opens the release
as a new untitled document (one undo step). Bad input is a message; the open document
stays as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog

from presskit.app.import_service import ImportService
from presskit.importers import ImportResult, import_filter, is_importable
from presskit.storage.file_types import is_pdf, is_release_file
from presskit.ui.import_review import ImportReviewDialog


class ImportFlow(QObject):
    """Owns the import actions of one window."""

    def __init__(self, window: Any):
        super().__init__(window)
        self._window = window
        self.service = ImportService(self)
        self.service.progressed.connect(self._progressed)
        self.service.finished.connect(self._finished)
        self.service.failed.connect(self._failed)
        self._progress: QProgressDialog | None = None
        self._source: Path | None = None
        self.review: ImportReviewDialog | None = None  # the open review, for tests and focus

    # -- starting -----------------------------------------------------------------------------
    def import_dialog(self) -> None:
        prefs = self._window.prefs
        name, _ = QFileDialog.getOpenFileName(
            self._window, "Import a release", str(prefs.last_folder("import")), import_filter()
        )
        if name:
            prefs.set_last_folder("import", Path(name).parent)
            self.import_path(Path(name))

    def import_path(self, path: Path) -> None:
        self._source = Path(path)
        self._start(f"Importing {path.name}…")
        self.service.import_path(path)

    def paste_as_release(self) -> None:
        data = QGuiApplication.clipboard().mimeData()
        text = data.text() if data is not None and data.hasText() else ""
        page = data.html() if data is not None and data.hasHtml() else ""
        if not text.strip() and not page.strip():
            self._window.status.show_message("The clipboard holds no text to import")
            return
        self._source = None
        self._start("Importing the clipboard…")
        self.service.import_clipboard(text, page)

    def accepts_drop(self, path: Path) -> bool:
        """Whether a dropped file is the importer's (not a release or a Presskit PDF)."""
        if not is_importable(path) or is_release_file(path):
            return False
        return not is_pdf(path) or not _presskit_pdf(path)

    # -- progress ---------------------------------------------------------------------------
    def _start(self, label: str) -> None:
        progress = QProgressDialog(label, "Cancel", 0, 100, self._window)
        progress.setWindowTitle("Import")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.canceled.connect(self._cancel)
        self._progress = progress

    def _progressed(self, fraction: float, message: str) -> None:
        if self._progress is not None:
            self._progress.setLabelText(message)
            self._progress.setValue(int(fraction * 100))

    def _cancel(self) -> None:
        self.service.cancel()
        self._close_progress()
        self._window.status.show_message("Import cancelled")

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect(self._cancel)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    # -- results ----------------------------------------------------------------------------
    def _failed(self, message: str) -> None:
        self._close_progress()
        box = QMessageBox(QMessageBox.Icon.Warning, "Cannot import", message, parent=self._window)
        box.setInformativeText("The document you had open is unchanged.")
        box.exec()

    def _finished(self, result: ImportResult) -> None:
        self._close_progress()
        if not result.presskit_source:
            self.review = review = ImportReviewDialog(result, self._window)
            accepted = review.exec() == QDialog.DialogCode.Accepted
            result, self.review = review.result, None
            review.deleteLater()
            if not accepted:
                return
        if not self._window.files.confirm_discard():
            return
        source = self._source
        name = f"{source.stem} (imported)" if source is not None else "Pasted release"
        self._window.doc.new_imported(result.release, name, source.parent if source else None)
        self._window.status.show_message(f"Imported {result.document.name}: check and save it")


def _presskit_pdf(path: Path) -> bool:
    from presskit.storage.pdf_source import read_release_source_from_pdf  # noqa: PLC0415
    from presskit.storage.problems import ReleaseFileError  # noqa: PLC0415

    try:
        read_release_source_from_pdf(path)
    except ReleaseFileError:
        return False
    return True


def install(window: Any) -> None:
    """File > Import… (before the anchor after Open), Edit > Paste as Release, drops."""
    flow = ImportFlow(window)
    window.import_flow = flow
    action = QAction("&Import…", window)
    action.setObjectName("import")
    action.setShortcut(QKeySequence("Ctrl+Shift+I"))
    action.setStatusTip("Turn a Word file, email, web page, PDF or text into a release")
    action.triggered.connect(flow.import_dialog)
    window.menus["file"].insertAction(window.anchors["file.after_open"], action)
    paste = QAction("Paste as &Release", window)
    paste.setObjectName("paste-as-release")
    paste.setShortcut(QKeySequence("Ctrl+Shift+V"))
    paste.triggered.connect(flow.paste_as_release)
    window.menus["edit"].insertAction(window.anchors["edit.after_undo"], paste)
    window.drop_handlers.append((flow.accepts_drop, flow.import_path))
    window.shutdown_hooks.append(flow.service.shutdown)
