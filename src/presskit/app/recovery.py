"""Autosave to recovery files, and finding them again after a crash.

While a document has unsaved changes, its text is written every few seconds (atomically) to
``<data dir>/recovery/<key>.md`` with a small JSON file beside it saying which file it
belongs to and which process wrote it. A normal save, opening another document or an
explicit discard removes it. At start-up, recovery files whose process is gone are offered
back to the user.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from presskit.app.document import DocumentController
from presskit.app.settings import Preferences, data_dir
from presskit.storage.atomic import write_atomic
from presskit.storage.processes import process_running


@dataclass(frozen=True)
class RecoveryEntry:
    """Unsaved work found on disk."""

    key: str
    text_path: Path
    original: Path | None  # the file it was edited from, if it had one
    base_dir: Path | None
    name: str
    saved_at: float

    def text(self) -> str:
        return self.text_path.read_text(encoding="utf-8")


class RecoveryStore:
    """The folder of recovery files."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder or data_dir() / "recovery"

    def write(self, key: str, text: str, meta: dict[str, object]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self.folder / f"{key}.md", text.encode("utf-8"))
        meta = {**meta, "pid": os.getpid(), "saved_at": time.time()}
        write_atomic(self.folder / f"{key}.json", json.dumps(meta).encode("utf-8"))

    def remove(self, key: str) -> None:
        for suffix in (".md", ".json"):
            with contextlib.suppress(FileNotFoundError):
                (self.folder / f"{key}{suffix}").unlink()

    def orphaned(self) -> list[RecoveryEntry]:
        """Recovery files left by processes that are no longer running, newest first."""
        entries = []
        for meta_path in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
            key = meta_path.stem
            text_path = self.folder / f"{key}.md"
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not text_path.is_file() or process_running(int(meta.get("pid", 0))):
                continue
            original = meta.get("original")
            base_dir = meta.get("base_dir")
            entries.append(
                RecoveryEntry(
                    key=key,
                    text_path=text_path,
                    original=Path(original) if original else None,
                    base_dir=Path(base_dir) if base_dir else None,
                    name=str(meta.get("name", "Recovered release")),
                    saved_at=float(meta.get("saved_at", 0)),
                )
            )
        return sorted(entries, key=lambda e: e.saved_at, reverse=True)


class Autosaver(QObject):
    """Writes the open document's unsaved changes to its recovery file on a timer."""

    def __init__(self, doc: DocumentController, store: RecoveryStore, prefs: Preferences):
        super().__init__(doc)
        self._doc = doc
        self._store = store
        self._session = uuid.uuid4().hex[:8]
        self._key = self._key_for(doc.path)
        self._last_text: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(prefs.autosave_seconds() * 1000)
        self.timer.timeout.connect(self.autosave_now)
        self.timer.start()
        doc.dirtyChanged.connect(self._on_dirty_changed)
        doc.pathChanged.connect(self._on_path_changed)

    @property
    def key(self) -> str:
        return self._key

    def _key_for(self, path: Path | None) -> str:
        if path is None:
            return f"untitled-{os.getpid()}-{self._session}"
        return hashlib.sha256(str(path).encode("utf-8")).hexdigest()[:16]

    def autosave_now(self) -> None:
        """Write the recovery file now, if there is unsaved work that changed since last time."""
        if not self._doc.is_dirty:
            return
        text = self._doc.snapshot_text()
        if text == self._last_text:
            return
        meta = {
            "original": str(self._doc.path) if self._doc.path else "",
            "base_dir": str(self._doc.base_dir) if self._doc.base_dir else "",
            "name": self._doc.display_name,
        }
        try:
            self._store.write(self._key, text, meta)
        except OSError:
            return  # a full disk must not interrupt typing; the next tick tries again
        self._last_text = text

    def discard(self) -> None:
        """Forget the recovery file (after a save, or when the user throws the work away)."""
        self._store.remove(self._key)
        self._last_text = None

    def _on_dirty_changed(self, dirty: bool) -> None:
        if not dirty:
            self.discard()

    def _on_path_changed(self, path: Path | None) -> None:
        self.discard()
        self._key = self._key_for(path)
