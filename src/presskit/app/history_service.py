"""Keeps a snapshot of the release at every save, beside the document controller.

It listens to the controller's ``saved`` signal (the controller does not know about history)
and hands the text written to :class:`presskit.review.history.HistoryStore`. The first save
of a file with no history first keeps the text the file had when it was opened, so the
version before the first edit is never lost. A history that cannot be written (a full disk)
is reported, never raised: saving itself has already succeeded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from presskit.app.document import DocumentController
from presskit.review.history import HistoryStore, Version


class HistoryService(QObject):
    """The open document's history: versions to list, texts to compare or restore."""

    versionsChanged = Signal()
    failed = Signal(str)

    def __init__(self, doc: DocumentController, store: HistoryStore | None = None):
        super().__init__(doc)
        self._doc = doc
        self.store = store or HistoryStore()
        self._opened_text: str | None = None  # the file's text when it was opened or saved
        doc.documentReplaced.connect(self._on_replaced)
        doc.saved.connect(self._on_saved)
        self._on_replaced()

    def _on_replaced(self) -> None:
        path = self._doc.path
        self._opened_text = _read(path) if path is not None else None
        self.versionsChanged.emit()

    def _on_saved(self, path: Path) -> None:
        text = _read(path)
        if text is None:
            return
        previous = self._opened_text
        try:
            if previous is not None and not self.store.versions(path, previous):
                self.store.record(path, previous, previous=previous)
            self.store.record(path, text, previous=previous)
        except OSError as exc:
            self.failed.emit(f"the version history could not be written: {exc.strerror or exc}")
        self._opened_text = text
        self.versionsChanged.emit()

    def versions(self) -> list[Version]:
        """The open file's versions, oldest first (none for an untitled release)."""
        path = self._doc.path
        if path is None:
            return []
        return self.store.versions(path, self._opened_text)

    def text(self, version: Version) -> str:
        """The text of ``version`` of the open file. Raises OSError when it is gone."""
        path = self._doc.path
        if path is None:
            raise FileNotFoundError("an untitled release has no history")
        return self.store.text(path, version, self._opened_text)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
