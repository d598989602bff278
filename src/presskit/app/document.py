"""The document controller: the open release, its file, its undo history and dirty state.

Widgets never touch the model directly: they call :meth:`DocumentController.set_field` and
friends (for any field, the body and the boilerplate included), which push undo commands,
and they listen to the controller's signals to show changes made by undo, redo, revert or
opening another file. The main window only wires actions to these methods.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor, QTextDocument, QUndoStack

from presskit.app.commands import (
    InsertItemCommand,
    MoveItemCommand,
    RemoveItemCommand,
    SetFieldCommand,
    TextDocumentCommand,
)
from presskit.bundled import example_release_path
from presskit.model.paths import FieldPath, get_at
from presskit.model.release import DEFAULT_THEME, Dateline, Release
from presskit.storage.file_types import is_pdf
from presskit.storage.pdf_source import read_release_source_from_pdf
from presskit.storage.problems import FileProblem
from presskit.storage.release_file import (
    LoadedRelease,
    dumps_release,
    load_release,
    loads_release,
    save_release,
)

TEXT_FIELDS = ("body", "boilerplate")
"""Fields edited as QTextDocuments (multi-line Markdown) rather than as plain values."""


class DocumentController(QObject):
    """Owns the current release and everything about it that is not a widget."""

    fieldChanged = Signal(tuple)  # a single field's value changed (by edit, undo or redo)
    listChanged = Signal(tuple)  # items were added, removed or moved in a list
    documentReplaced = Signal()  # new, open, revert: every widget must reload
    changed = Signal()  # any change of content: schedule a render, an autosave
    pathChanged = Signal(object)  # Path | None
    dirtyChanged = Signal(bool)
    saved = Signal(object)  # Path written

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        # A bound method, not a lambda: Qt drops the connection when this object goes, so
        # the stack's last cleanChanged (while it is destroyed) reaches no deleted object.
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self._model = Release()
        self._path: Path | None = None
        self._base_dir: Path | None = None  # where relative images resolve, even if untitled
        self._display_name = "Untitled"
        self.load_warnings: list[FileProblem] = []
        self.documents: dict[str, QTextDocument] = {}
        self._stale: set[str] = set()
        for name in TEXT_FIELDS:
            self.documents[name] = self._make_text_document(name)

    def _on_clean_changed(self, clean: bool) -> None:
        self.dirtyChanged.emit(not clean)

    # -- state ------------------------------------------------------------------------------
    @property
    def model(self) -> Release:
        """The live release, with the body and boilerplate brought up to date."""
        for name in list(self._stale):
            setattr(self._model, name, self.documents[name].toPlainText())
        self._stale.clear()
        return self._model

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def base_dir(self) -> Path | None:
        """The folder relative asset paths resolve against."""
        return self._path.parent if self._path is not None else self._base_dir

    @property
    def display_name(self) -> str:
        return self._path.name if self._path is not None else self._display_name

    @property
    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def value(self, path: FieldPath) -> Any:
        return get_at(self.model, path)

    def exists(self, path: FieldPath) -> bool:
        """Whether ``path`` still points at a field (a removed contact's fields do not)."""
        try:
            get_at(self.model, path)
        except (IndexError, AttributeError):
            return False
        return True

    def snapshot_text(self) -> str:
        """The release as file text: what renders, autosaves and saves are made from."""
        return dumps_release(self.model)

    # -- edits ------------------------------------------------------------------------------
    def set_field(self, path: FieldPath, value: Any, *, typing: bool = False) -> None:
        """Set any field through the undo stack. ``typing`` merges keystrokes into one step.

        The body and the boilerplate are replaced through their QTextDocuments, so the
        editors showing them and the document's own undo stay in step.
        """
        if path[:1] and path[0] in TEXT_FIELDS:
            if len(path) != 1:
                raise ValueError(f"{path[0]} is one text; set it as a whole")
            if self.documents[str(path[0])].toPlainText() != value:
                self._replace_text(str(path[0]), value)
            return
        if get_at(self.model, path) == value:
            return
        self.undo_stack.push(SetFieldCommand(self, path, value, mergeable=typing))

    def set_fields(self, label: str, changes: list[tuple[FieldPath, Any]]) -> None:
        """Set several fields, any of them, as one undo step (an embargo's time and zone)."""
        changes = [(path, value) for path, value in changes if get_at(self.model, path) != value]
        if not changes:
            return
        self.undo_stack.beginMacro(label)
        for path, value in changes:
            self.set_field(path, value)
        self.undo_stack.endMacro()

    def _replace_text(self, name: str, text: str) -> None:
        """Replace the whole text of the body or the boilerplate as one edit of its document."""
        cursor = QTextCursor(self.documents[name])
        cursor.beginEditBlock()  # one undo step of the document, mirrored on our stack
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()

    def seal_typing(self) -> None:
        """End the current typing burst: the next keystroke starts a new undo step."""
        index = self.undo_stack.index() - 1
        command = self.undo_stack.command(index) if index >= 0 else None
        if isinstance(command, SetFieldCommand):
            command.seal()

    def insert_item(self, list_path: FieldPath, item: Any, index: int | None = None) -> int:
        items = get_at(self.model, list_path)
        index = len(items) if index is None else index
        self.undo_stack.push(InsertItemCommand(self, list_path, index, item))
        return index

    def remove_item(self, list_path: FieldPath, index: int) -> None:
        self.undo_stack.push(RemoveItemCommand(self, list_path, index))

    def move_item(self, list_path: FieldPath, source: int, target: int) -> None:
        count = len(get_at(self.model, list_path))
        if source == target or not (0 <= source < count and 0 <= target < count):
            return
        self.undo_stack.push(MoveItemCommand(self, list_path, source, target))

    # Called by the commands.
    def field_edited(self, path: FieldPath) -> None:
        self.fieldChanged.emit(path)
        self.changed.emit()

    def list_edited(self, list_path: FieldPath) -> None:
        self.listChanged.emit(list_path)
        self.changed.emit()

    # -- documents --------------------------------------------------------------------------
    def new_blank(self, release: Release | None = None) -> None:
        """An untitled release: ``release`` (the preferences' defaults), else a blank one
        dated today."""
        if release is None:
            release = Release(theme=DEFAULT_THEME, dateline=Dateline(date=dt.date.today()))
        self._replace(release, None, None, "Untitled")

    def new_from_example(self) -> None:
        """An untitled copy of the bundled example: saving asks where to put it."""
        example = example_release_path()
        loaded = load_release(example)
        self._replace(loaded.release, None, example.parent, "Example release")

    def open(self, path: Path) -> None:
        """Open a release file, or the release attached to a Presskit PDF.

        Raises ReleaseFileError; the current document is untouched when it does.
        """
        path = Path(path)
        if is_pdf(path):
            loaded = loads_release(read_release_source_from_pdf(path), str(path))
            # The release came out of a PDF: saving it must not overwrite the PDF.
            self._replace(loaded.release, None, path.parent, f"{path.stem} (from PDF)", loaded)
            return
        loaded = load_release(path)
        self._replace(loaded.release, path.resolve(), None, path.name, loaded)

    def new_imported(self, release: Release, name: str, base_dir: Path | None = None) -> None:
        """A new untitled document holding an imported release, unsaved.

        The document starts blank and the import fills it as one undo step ("Import …"), so
        Undo shows what the import brought and Redo brings it back.
        """
        self._replace(Release(theme=release.theme), None, base_dir, name)
        changes = [
            ((item.name,), copy.deepcopy(getattr(release, item.name)))
            for item in dataclasses.fields(Release)
            if item.name != "extra"
        ]
        self.set_fields(f"Import {name}", changes)

    def restore(self, text: str, path: Path | None, base_dir: Path | None, name: str) -> None:
        """Take recovered text as the document, unsaved (it differs from the file on disk)."""
        loaded = loads_release(text, name)
        self._replace(loaded.release, path, base_dir, name, loaded)
        self.undo_stack.resetClean()  # recovered work is not saved yet

    def revert(self) -> None:
        """Reload the file from disk, dropping unsaved changes. Raises ReleaseFileError."""
        if self._path is not None:
            self.open(self._path)

    def save(self, path: Path | None = None) -> Path:
        """Save atomically to ``path`` (default: the current file). Raises OSError."""
        target = Path(path) if path is not None else self._path
        if target is None:
            raise ValueError("an untitled release needs a file name: use save as")
        save_release(self.model, target)
        if self._path != target.resolve():
            self._path = target.resolve()
            self.pathChanged.emit(self._path)
        self.undo_stack.setClean()
        self.saved.emit(self._path)
        return self._path

    def mark_unsaved(self) -> None:
        """The file on disk no longer holds this document (changed or removed elsewhere)."""
        self.undo_stack.resetClean()

    def _replace(
        self,
        release: Release,
        path: Path | None,
        base_dir: Path | None,
        name: str,
        loaded: LoadedRelease | None = None,
    ) -> None:
        self._model = copy.deepcopy(release)
        self._path = path
        self._base_dir = base_dir
        self._display_name = name
        self.load_warnings = list(loaded.warnings) if loaded else []
        for field_name, document in self.documents.items():
            document.setUndoRedoEnabled(False)
            document.setPlainText(getattr(self._model, field_name))
            document.setUndoRedoEnabled(True)
        self._stale.clear()
        self.undo_stack.clear()
        self.pathChanged.emit(path)
        self.documentReplaced.emit()
        self.dirtyChanged.emit(False)
        self.changed.emit()

    def _make_text_document(self, name: str) -> QTextDocument:
        document = QTextDocument(self)
        document.setDocumentMargin(6)

        def contents_changed() -> None:
            self._stale.add(name)
            self.changed.emit()

        document.contentsChanged.connect(contents_changed)
        document.undoCommandAdded.connect(
            lambda: self.undo_stack.push(TextDocumentCommand(document, f"Edit {name}"))
        )
        return document
