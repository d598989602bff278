"""Form widgets bound to one field of the release through the document controller.

Each widget writes through ``DocumentController.set_field`` (so every edit is one step on the
window's undo stack) and refreshes itself when the controller reports that its field changed
(undo, redo, revert, another file). Text widgets hand Ctrl+Z to the window's Undo action
instead of keeping a private undo history, so undo works across all fields in order.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QWidget,
)

from presskit.app.document import DocumentController
from presskit.model.paths import FieldPath

_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


def is_undo_key(event: QKeyEvent) -> bool:
    return any(event.matches(key) for key in _UNDO_KEYS)


class GlobalUndoMixin:
    """Lets Ctrl+Z / Ctrl+Shift+Z reach the window's Undo and Redo actions.

    Qt text widgets grab these keys for their own per-widget history; refusing the shortcut
    override hands them to the window's actions, which undo across all fields.
    """

    undo_actions: tuple[QAction, QAction] | None = None
    spelling: Any = None  # a SpellService: adds suggestions to the context menu

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_undo_key(event):  # type: ignore[arg-type]
            event.ignore()
            return False
        return super().event(event)  # type: ignore[misc]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_undo_key(event):
            event.ignore()
            return
        super().keyPressEvent(event)  # type: ignore[misc]

    def contextMenuEvent(self, event: Any) -> None:
        menu: QMenu = self.createStandardContextMenu()  # type: ignore[attr-defined]
        if GlobalUndoMixin.undo_actions is not None:
            for action in menu.actions():
                if action.objectName() in ("edit-undo", "edit-redo"):
                    menu.removeAction(action)
            first = menu.actions()[0] if menu.actions() else None
            menu.insertActions(first, list(GlobalUndoMixin.undo_actions))
            if first is not None:
                menu.insertSeparator(first)
        if self.spelling is not None:
            from presskit.ui.spelling_ui import add_spelling_actions  # noqa: PLC0415

            add_spelling_actions(menu, self, self.spelling, event.pos())  # type: ignore[arg-type]
        menu.exec(event.globalPos())
        menu.deleteLater()


class FieldLineEdit(GlobalUndoMixin, QLineEdit):
    """A one-line text field bound to ``path``; keystrokes in a burst undo together."""

    def __init__(
        self, doc: DocumentController, path: FieldPath, label: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        _bind(self, doc, path, label)
        self.textEdited.connect(lambda text: doc.set_field(self.path, text, typing=True))
        self.editingFinished.connect(doc.seal_typing)
        _follow(doc, self, self.refresh)
        self.refresh()

    def replace_range(self, start: int, end: int, text: str) -> None:
        """Replace ``start:end`` with ``text`` as one undo step of its own (a correction)."""
        self._doc.seal_typing()  # the typing before it stays a separate step
        self.setSelection(start, end - start)
        self.insert(text)
        self._doc.set_field(self.path, self.text())
        self._doc.seal_typing()

    def refresh(self, path: FieldPath | None = None) -> None:
        if not affects(path, self.path) or not self._doc.exists(self.path):
            return  # another field, or this row's item is gone and the row is being rebuilt
        value = str(self._doc.value(self.path) or "")
        if value != self.text():
            self.setText(value)
            if not self.hasFocus():
                self.setCursorPosition(0)  # show the start of long text, not its end


class FieldComboBox(QComboBox):
    """A choice bound to ``path``. ``choices`` are (stored value, label) pairs.

    Editable combos (language, end mark) also accept values typed in.
    """

    def __init__(
        self,
        doc: DocumentController,
        path: FieldPath,
        label: str,
        choices: list[tuple[str, str]],
        *,
        editable: bool = False,
        commit: bool = True,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        _bind(self, doc, path, label)
        self.setEditable(editable)
        for value, text in choices:
            self.addItem(text, value)
        if commit:  # else the owner commits (to group the change with others in one undo step)
            self.activated.connect(self._commit)
            if editable:
                self.lineEdit().editingFinished.connect(self._commit)

        _follow(doc, self, self.refresh)
        self.refresh()

    def current_value(self) -> str:
        if self.isEditable():
            index = self.findText(self.currentText())
            return str(self.itemData(index)) if index >= 0 else self.currentText().strip()
        return str(self.currentData())

    def _commit(self, *_: object) -> None:
        self._doc.set_field(self.path, self._converted(self.current_value()))

    def _converted(self, value: str) -> Any:
        current = self._doc.value(self.path)
        # Enum fields (status, dateline style) must stay enums: StrEnum values are also str,
        # so test for Enum first.
        return type(current)(value) if isinstance(current, Enum) else value

    def refresh(self, path: FieldPath | None = None) -> None:
        if not affects(path, self.path) or not self._doc.exists(self.path):
            return  # another field, or this row's item is gone and the row is being rebuilt
        value = self._doc.value(self.path)
        stored = getattr(value, "value", value)
        index = self.findData(stored)
        if index >= 0:
            self.setCurrentIndex(index)
        elif self.isEditable():
            self.setEditText(str(stored))


class MarkdownTextEdit(GlobalUndoMixin, QPlainTextEdit):
    """A multi-line Markdown field showing one of the controller's QTextDocuments."""

    def __init__(
        self, doc: DocumentController, name: str, label: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        from PySide6.QtWidgets import QPlainTextDocumentLayout  # noqa: PLC0415

        document = doc.documents[name]
        if not isinstance(document.documentLayout(), QPlainTextDocumentLayout):
            document.setDocumentLayout(QPlainTextDocumentLayout(document))
        self.setDocument(document)
        self.setAccessibleName(label)
        self.setObjectName(f"field:{name}")
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)


def field_object_name(path: FieldPath) -> str:
    """``field:contacts.0.email``: how tests and the checks panel find a field's widget."""
    return "field:" + ".".join(str(part) for part in path)


def _bind(widget: QWidget, doc: DocumentController, path: FieldPath, label: str) -> None:
    """What every bound field has: its controller, its path and its accessible name."""
    widget._doc = doc  # type: ignore[attr-defined]
    widget.path = path  # type: ignore[attr-defined]
    widget.setAccessibleName(label)
    widget.setObjectName(field_object_name(path))


def affects(changed: FieldPath | None, path: FieldPath) -> bool:
    """Whether a change at ``changed`` (None: everything) can change the field at ``path``.

    A field changes with itself and with any group holding it: replacing a whole contact
    (Update from library) changes its email field.
    """
    return changed is None or path[: len(changed)] == changed


def _follow(doc: DocumentController, widget: QObject, refresh: Any) -> None:
    """Refresh ``widget`` when its field changes or a new document is opened.

    ``refresh`` is a method of the widget, so Qt drops the connections when the widget is
    deleted (list rows are rebuilt often).
    """
    doc.fieldChanged.connect(refresh)
    doc.documentReplaced.connect(refresh)
