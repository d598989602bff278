"""Contacts import off the GUI thread, with progress and Cancel.

    worker = ContactImportWorker(library_path, paths)
    worker.progress.connect(bar)          # (read, expected)
    worker.done.connect(show_report)      # ImportReport
    worker.start(); ...; worker.cancel()

The worker runs :func:`~presskit.library.bulk_import.import_contact_files` on its own
connection: every file in one transaction, so Cancel leaves the library exactly as it was
(``report.cancelled``), and other Presskit windows see all the new contacts at once.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from presskit.library.bulk_import import ImportReport, import_contact_files
from presskit.library.database import Library, LibraryError


class ContactImportWorker(QThread):
    """Imports contacts files into the library at ``path`` in a worker thread."""

    progress = Signal(int, int)  # contacts read so far, contacts expected
    done = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(
        self,
        path: Path,
        files: Sequence[str | os.PathLike[str]],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.path = path
        self.files = list(files)
        self._cancel = threading.Event()
        self.report: ImportReport | None = None

    def cancel(self) -> None:
        """Stop at the next contact and roll everything back."""
        self._cancel.set()

    def run(self) -> None:
        try:
            with Library(self.path) as library:
                self.report = import_contact_files(
                    library,
                    self.files,
                    progress=self.progress.emit,
                    stop=self._cancel.is_set,
                )
        except LibraryError as exc:
            self.failed.emit(str(exc))
            return
        self.done.emit(self.report)


__all__ = ["ContactImportWorker", "ImportReport"]
