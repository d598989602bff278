"""Notices when the open release's file changes on disk behind the editor's back.

Another editor, a git checkout or a sync client may rewrite the file while it is open. The
watcher compares the file's content with what was last loaded or saved (so the editor's own
saves are not news), and reports a change or a removal once; the window then asks the user
whether to reload or keep their version. Nothing is ever overwritten silently.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from presskit.app.document import DocumentController

SETTLE_MS = 250  # other programs write in steps: look once they are done


def content_signature(path: Path) -> str | None:
    """A fingerprint of the file's bytes, or None when it cannot be read (gone, say)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class DiskWatcher(QObject):
    """Watches the document's file; emits when its content is no longer what we know."""

    changedOnDisk = Signal(object)  # Path
    removedFromDisk = Signal(object)  # Path

    def __init__(self, doc: DocumentController):
        super().__init__(doc)
        self._doc = doc
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(lambda _path: self._settle.start())
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.check)
        self._known: str | None = None
        self._path: Path | None = None
        doc.documentReplaced.connect(self.resync)
        doc.saved.connect(lambda _path: self.resync())

    def resync(self) -> None:
        """Take the file as it is now as the known version (after a load or a save)."""
        for watched in self._watcher.files():
            self._watcher.removePath(watched)
        self._path = self._doc.path
        if self._path is None:
            self._known = None
            return
        self._known = content_signature(self._path)
        if self._path.exists():
            self._watcher.addPath(str(self._path))

    def check(self) -> None:
        """Compare the file with the known version; emit once per change."""
        path = self._path
        if path is None:
            return
        current = content_signature(path)
        if str(path) not in self._watcher.files() and path.exists():
            self._watcher.addPath(str(path))  # an atomic replace drops the old watch
        if current == self._known:
            return
        self._known = current
        if current is None:
            self.removedFromDisk.emit(path)
        else:
            self.changedOnDisk.emit(path)
