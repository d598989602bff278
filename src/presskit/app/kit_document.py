"""One open press kit for the editor: the model, its file, its undo history, and the work
that must not run on the GUI thread (the fact-sheet preview, the checks that read images,
the export), done by :class:`KitWorker` in a thread of its own.

Every edit goes through :meth:`KitDocument.edit`, one undo step each; typing into one field
merges into one step, as in the release editor. ``replaced`` tells the form to reload the
model (after an undo, a redo or a photo added); ``changed`` follows every change.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack

from presskit.kit.file import dumps_kit, load_kit, loads_kit, save_kit
from presskit.kit.model import Kit, KitImage, Logo
from presskit.outputs.release_kit import safe_file_name

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff")
"""What a person may drop in as a photo (the formats :mod:`presskit.kit.images` reads)."""
LOGO_SUFFIXES = (*PHOTO_SUFFIXES, ".svg")
"""A logo may also be an SVG (checked for scripts and external references on export)."""


class _Snapshot(QUndoCommand):
    """An edit as the kit before and after: small (a kit is a few kB) and always right."""

    _ids: dict[str, int] = {}  # noqa: RUF012 - one merge id per field key, shared

    def __init__(self, doc: KitDocument, label: str, before: Kit, after: Kit, key: str):
        super().__init__(label)
        self.doc, self.before, self.after, self.key = doc, before, after, key
        self.first = True

    def id(self) -> int:
        if not self.key:
            return -1
        return self._ids.setdefault(self.key, len(self._ids) + 1)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _Snapshot) or other.key != self.key or not self.key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self.first:  # the edit is already in the model: the widget made it
            self.first = False
            return
        self.doc._restore(self.after)

    def undo(self) -> None:
        self.doc._restore(self.before)


class KitDocument(QObject):
    """The open kit: model, file, undo history."""

    changed = Signal()
    replaced = Signal()
    dirtyChanged = Signal(bool)
    pathChanged = Signal(object)  # never emitted (a kit keeps its file); the Autosaver listens

    def __init__(self, path: Path, kit: Kit, parent: QObject | None = None):
        super().__init__(parent)
        self.path = path
        self.kit = kit
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(lambda clean: self.dirtyChanged.emit(not clean))

    @classmethod
    def open(cls, path: Path, parent: QObject | None = None) -> KitDocument:
        """The kit file at ``path``. Raises ReleaseFileError."""
        return cls(path, load_kit(path).kit, parent)

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()

    # What the release editor's Autosaver (app/recovery.py) asks of a document.
    @property
    def base_dir(self) -> Path:
        return self.folder

    @property
    def display_name(self) -> str:
        return f"the press kit {self.path.name}"

    def snapshot_text(self) -> str:
        return dumps_kit(self.kit)

    def restore_text(self, text: str) -> None:
        """Put recovered unsaved work into the kit: one undo step, so it shows as unsaved.
        Raises ReleaseFileError when the text is not a kit."""
        recovered = loads_kit(text, self.path.name).kit
        self.edit("Restore Unsaved Work", lambda kit: kit.__dict__.update(recovered.__dict__))
        self.replaced.emit()

    def edit(self, label: str, change: Callable[[Kit], None], merge_key: str = "") -> None:
        """Apply ``change`` to the kit as one undo step (merged with the last one of the same
        ``merge_key``, so typing a caption is one step)."""
        before = copy.deepcopy(self.kit)
        change(self.kit)
        if dumps_kit(before) == dumps_kit(self.kit):
            return
        self.undo_stack.push(_Snapshot(self, label, before, copy.deepcopy(self.kit), merge_key))
        self.changed.emit()

    def _restore(self, kit: Kit) -> None:
        self.kit = copy.deepcopy(kit)
        self.replaced.emit()
        self.changed.emit()

    def add_photos(self, sources: list[Path]) -> list[str]:
        """Add photos to the gallery (one undo step), copying into ``photos/`` those that are
        not in the kit's folder yet. Returns their paths relative to the kit."""
        added = [self._bring_in(source) for source in sources]
        self.edit(
            "Add Photo" if len(added) == 1 else "Add Photos",
            lambda kit: kit.images.extend(KitImage(file=path) for path in added),
        )
        self.replaced.emit()
        return added

    def set_person_photo(self, index: int, source: Path) -> str:
        """Make ``source`` person ``index``'s headshot (one undo step), copied into
        ``people/`` unless it is in the kit's folder already. Returns its relative path."""
        photo = self._bring_in(source, "people", "person")
        self.edit("Set Person Photo", lambda kit: setattr(kit.people[index], "photo", photo))
        self.replaced.emit()
        return photo

    def add_logos(self, sources: list[Path], variant: str = "") -> list[str]:
        """Add logo files (one undo step), copied into ``logos/`` as photos are."""
        added = [self._bring_in(source, "logos", "logo") for source in sources]
        self.edit(
            "Add Logo" if len(added) == 1 else "Add Logos",
            lambda kit: kit.logos.extend(Logo(file=path, variant=variant) for path in added),
        )
        self.replaced.emit()
        return added

    def _bring_in(self, source: Path, subfolder: str = "photos", fallback: str = "photo") -> str:
        folder = self.folder.resolve()
        resolved = source.resolve()
        if resolved.is_relative_to(folder) and not source.is_symlink():
            return resolved.relative_to(folder).as_posix()
        target_dir = self.folder / subfolder
        target_dir.mkdir(exist_ok=True)
        stem, suffix = safe_file_name(source.stem, fallback), source.suffix.lower()
        target, n = target_dir / f"{stem}{suffix}", 2
        while target.exists():
            target, n = target_dir / f"{stem}-{n}{suffix}", n + 1
        shutil.copyfile(source, target)  # the original stays where it was, untouched
        return target.relative_to(self.folder).as_posix()

    def save(self) -> None:
        """Write the kit file atomically. Raises OSError."""
        save_kit(self.kit, self.path)
        self.undo_stack.setClean()


class _KitJobs(QObject):
    done = Signal(str, int, object)  # kind, generation, result or Exception

    def __init__(self) -> None:
        super().__init__()
        self.latest: dict[str, int] = {}

    @Slot(str, int, object)
    def run(self, kind: str, generation: int, job: Callable[[], Any]) -> None:
        if generation < self.latest.get(kind, 0):
            return  # a newer request of the same kind is queued: skip this one
        try:
            result: Any = job()
        except Exception as exc:  # errors come back as data, shown to the user
            result = exc
        self.done.emit(kind, generation, result)


class KitWorker(QObject):
    """Runs kit jobs (preview, checks, export) on one thread; for each kind only the newest
    request's result is delivered through ``finished(kind, result)``."""

    finished = Signal(str, object)
    _request = Signal(str, int, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName("presskit-kit-worker")
        self._jobs = _KitJobs()
        self._jobs.moveToThread(self._thread)
        self._request.connect(self._jobs.run)
        self._jobs.done.connect(self._on_done)
        self._generation = 0
        self._thread.start()

    def submit(self, kind: str, job: Callable[[], Any]) -> None:
        self._generation += 1
        self._jobs.latest[kind] = self._generation
        self._request.emit(kind, self._generation, job)

    def _on_done(self, kind: str, generation: int, result: object) -> None:
        if generation == self._jobs.latest.get(kind):
            self.finished.emit(kind, result)

    def shutdown(self) -> None:
        self._thread.quit()
        self._thread.wait(30_000)
