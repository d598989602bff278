"""Undo commands for every kind of edit, so one undo stack spans the whole form.

Line fields and pickers push :class:`SetFieldCommand` (typing bursts merge into one step);
lists (contacts, links, phones, social accounts) push insert/remove/move commands; the body
and the boilerplate are QTextDocuments whose own undo steps are mirrored by
:class:`TextDocumentCommand`, so a global Undo walks back through all of them in order.
"""

from __future__ import annotations

import copy
import time
from typing import Any, Protocol

from PySide6.QtGui import QTextDocument, QUndoCommand

from presskit.model.paths import FieldPath, field_words, get_at, set_at
from presskit.model.release import Release


class EditTarget(Protocol):
    """What a command edits: the document controller, seen from here without importing it."""

    @property
    def model(self) -> Release: ...

    def field_edited(self, path: FieldPath) -> None: ...

    def list_edited(self, list_path: FieldPath) -> None: ...


MERGE_WINDOW_S = 1.5
"""Keystrokes closer together than this in one field undo as one step."""
_SET_FIELD_ID = 1001


class SetFieldCommand(QUndoCommand):
    """Set one field to a new value."""

    def __init__(self, doc: EditTarget, path: FieldPath, value: Any, mergeable: bool):
        super().__init__(f"Edit {field_words(path)}")
        self._doc = doc
        self.path = path
        self.old = copy.deepcopy(get_at(doc.model, path))
        self.new = value
        self.mergeable = mergeable
        self.stamp = time.monotonic()

    def id(self) -> int:
        return _SET_FIELD_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetFieldCommand) and self.mergeable and other.mergeable):
            return False
        if other.path != self.path or other.stamp - self.stamp > MERGE_WINDOW_S:
            return False
        self.new = other.new
        self.stamp = other.stamp
        return True

    def redo(self) -> None:
        set_at(self._doc.model, self.path, copy.deepcopy(self.new))
        self._doc.field_edited(self.path)

    def undo(self) -> None:
        set_at(self._doc.model, self.path, copy.deepcopy(self.old))
        self._doc.field_edited(self.path)

    def seal(self) -> None:
        """Stop later keystrokes from merging into this step (the user left the field)."""
        self.mergeable = False


class InsertItemCommand(QUndoCommand):
    """Insert an item (a contact, a link, a phone, a social account) into a list."""

    def __init__(self, doc: EditTarget, list_path: FieldPath, index: int, item: Any):
        super().__init__(f"Add to {field_words(list_path)}")
        self._doc, self._path, self._index, self._item = doc, list_path, index, item

    def redo(self) -> None:
        get_at(self._doc.model, self._path).insert(self._index, copy.deepcopy(self._item))
        self._doc.list_edited(self._path)

    def undo(self) -> None:
        del get_at(self._doc.model, self._path)[self._index]
        self._doc.list_edited(self._path)


class RemoveItemCommand(QUndoCommand):
    """Remove an item from a list; undo puts it back where it was."""

    def __init__(self, doc: EditTarget, list_path: FieldPath, index: int):
        super().__init__(f"Remove from {field_words(list_path)}")
        self._doc, self._path, self._index = doc, list_path, index
        self._item = copy.deepcopy(get_at(doc.model, list_path)[index])

    def redo(self) -> None:
        del get_at(self._doc.model, self._path)[self._index]
        self._doc.list_edited(self._path)

    def undo(self) -> None:
        get_at(self._doc.model, self._path).insert(self._index, copy.deepcopy(self._item))
        self._doc.list_edited(self._path)


class MoveItemCommand(QUndoCommand):
    """Move an item within a list (reordering contacts or links)."""

    def __init__(self, doc: EditTarget, list_path: FieldPath, source: int, target: int):
        super().__init__(f"Reorder {field_words(list_path)}")
        self._doc, self._path, self._source, self._target = doc, list_path, source, target

    def _move(self, source: int, target: int) -> None:
        items = get_at(self._doc.model, self._path)
        items.insert(target, items.pop(source))
        self._doc.list_edited(self._path)

    def redo(self) -> None:
        self._move(self._source, self._target)

    def undo(self) -> None:
        self._move(self._target, self._source)


class TextDocumentCommand(QUndoCommand):
    """Mirrors one undo step of a QTextDocument (the body, the boilerplate) on the global stack.

    The document has already applied the change when this is pushed, so the first redo()
    that QUndoStack.push() calls does nothing.
    """

    def __init__(self, document: QTextDocument, label: str):
        super().__init__(label)
        self._document = document
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._document.redo()

    def undo(self) -> None:
        self._document.undo()
