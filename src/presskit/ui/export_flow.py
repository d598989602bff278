"""Export to every format of the output registry, and "Copy for email".

Every output is rendered by the worker process (never on the GUI thread). Export PDF writes
the very bytes the preview shows when the preview is up to date, and renders them the same
way otherwise. Files are written atomically; the status bar says where they went and offers
to open the folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from presskit.app.document import DocumentController
from presskit.app.preview_scheduler import PreviewScheduler
from presskit.app.render_service import RenderResult, RenderService
from presskit.app.settings import Preferences
from presskit.checks.findings import Finding
from presskit.model.wording import counted
from presskit.outputs.registry import output_format
from presskit.storage.atomic import write_output


@dataclass
class _Pending:
    kind: str
    target: Path | None  # None: "copy for email"


class ExportFlow(QObject):
    """Turns export actions into worker requests and writes the results."""

    message = Signal(str, object)  # text, folder to offer opening (or None)
    exported = Signal(object)  # the Path written

    def __init__(
        self,
        doc: DocumentController,
        service: RenderService,
        scheduler: PreviewScheduler,
        prefs: Preferences,
        window: QWidget,
        *,
        errors: Callable[[], list[Finding]] = list,
    ):
        super().__init__(window)
        self._errors = errors
        self._doc = doc
        self._service = service
        self._scheduler = scheduler
        self._prefs = prefs
        self._window = window
        self._pending: dict[int, _Pending] = {}
        # Questions a feature asks before anything goes out (an approval the preferences
        # require): each gets the format's noun and returns False to stop the export.
        self.gates: list[Callable[[str], bool]] = []
        service.finished.connect(self._on_finished)

    def choose_and_export(self, kind: str, title: str = "") -> None:
        """Ask where to write ``kind`` (the dialog titled ``title``), then export it."""
        fmt = output_format(kind)
        if not self._confirm_despite_errors() or not self.passes_gates(fmt.noun):
            return
        stem = self._doc.path.stem if self._doc.path else "release"
        folder = self._prefs.last_folder("export")
        name, _ = QFileDialog.getSaveFileName(
            self._window,
            title or f"Export {fmt.noun}",
            str(folder / f"{stem}{fmt.extension}"),
            fmt.file_filter,
        )
        if name:
            path = Path(name)
            self.export_to(kind, path if path.suffix else path.with_suffix(fmt.extension))

    def passes_gates(self, what: str) -> bool:
        """Whether every feature's question before sending ``what`` out was answered yes."""
        return all(gate(what) for gate in self.gates)

    def _confirm_despite_errors(self) -> bool:
        """Export warns, but does not block, when the checks found errors."""
        errors = self._errors()
        if not errors:
            return True
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("The release has errors")
        count = counted(len(errors), "error")
        box.setText(f"The checks found {count}. Export anyway?")
        box.setInformativeText("\n".join(f"• {e.message}" for e in errors[:5]))
        export = box.addButton("Export Anyway", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(export)
        box.exec()
        return box.clickedButton() is export

    def export_to(self, kind: str, target: Path) -> None:
        """Render ``kind`` for the current document and write it to ``target``."""
        self._prefs.set_last_folder("export", target.resolve().parent)
        if kind == "pdf" and (pdf := self._scheduler.pdf_for_current()) is not None:
            self._write(target, pdf)  # exactly the pages the preview shows
            return
        request = self._service.request(
            kind, self._doc.snapshot_text(), self._doc.base_dir, preview=False, path=self._doc.path
        )
        self._pending[request] = _Pending(kind, target)
        self.message.emit(f"Exporting {output_format(kind).noun}…", None)

    def copy_for_email(self) -> None:
        """Put the plain text and the HTML on the clipboard, for pasting into a mail client."""
        if not self.passes_gates("email text"):
            return
        request = self._service.request(
            "email", self._doc.snapshot_text(), self._doc.base_dir, preview=False
        )
        self._pending[request] = _Pending("email", None)
        self.message.emit("Preparing the email version…", None)

    def _on_finished(self, result: RenderResult) -> None:
        pending = self._pending.pop(result.id, None)
        if pending is None:
            return
        if not result.ok:
            self._fail(pending, result.error)
            return
        if pending.target is None:
            self._fill_clipboard(result.text, result.html)
            return
        self._write(pending.target, result.data)

    def _write(self, target: Path, data: bytes) -> None:
        try:
            write_output(target, data, sources=(self._doc.path,) if self._doc.path else ())
        except OSError as exc:
            self._fail(
                _Pending("", target), f"{target} could not be written: {exc.strerror or exc}"
            )
            return
        self.message.emit(f"Exported {target.name} to {target.parent}", target.parent)
        self.exported.emit(target)

    def _fill_clipboard(self, text: str, html: str) -> None:
        mime = QMimeData()
        mime.setText(text)
        mime.setHtml(html)
        QGuiApplication.clipboard().setMimeData(mime)
        self.message.emit("Copied for email: paste into a new message", None)

    def _fail(self, pending: _Pending, error: str) -> None:
        what = "copy for email" if pending.target is None else f"export {pending.target.name}"
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Export failed")
        box.setText(f"Could not {what}.")
        box.setInformativeText(error)
        box.open()  # not modal-blocking: the editor keeps working
        self.message.emit(f"Could not {what}: {error}", None)


def open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
