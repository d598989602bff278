"""An editable list of items (contacts, links, phones, social accounts): add, remove, reorder.

Rows are rebuilt from the model whenever the controller reports that the list changed, so
undo and redo of structural edits show up like any other change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from presskit.app.document import DocumentController
from presskit.model.paths import FieldPath
from presskit.ui.focus_order import ROW_BUTTON


class ListEditor(QWidget):
    """Rows made by ``make_row(index)`` for the list at ``list_path``, plus an Add button."""

    def __init__(
        self,
        doc: DocumentController,
        list_path: FieldPath,
        item_name: str,
        make_row: Callable[[int], QWidget],
        new_item: Callable[[], Any],
        *,
        reorderable: bool = True,
        framed: bool = True,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._reorderable = reorderable
        self._framed = framed
        self._doc = doc
        self.list_path = list_path
        self._item_name = item_name
        self._make_row = make_row
        self._new_item = new_item
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(6)
        self.add_button = QPushButton(f"Add {item_name}")
        self.add_button.setAccessibleName(f"Add {item_name}")
        self.add_button.setObjectName("add:" + ".".join(str(part) for part in list_path))
        self.add_button.clicked.connect(self.add_item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._rows)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        doc.listChanged.connect(self._on_list_changed)
        doc.fieldChanged.connect(self._on_field_changed)
        doc.documentReplaced.connect(self.rebuild)
        self.rebuild()

    def count(self) -> int:
        return len(self._doc.value(self.list_path))

    def row(self, index: int) -> QWidget:
        item = self._rows.itemAt(index)
        assert item is not None and item.widget() is not None
        return item.widget()

    def add_item(self) -> None:
        index = self._doc.insert_item(self.list_path, self._new_item())
        if index >= self._rows.count():
            return
        for child in self.row(index).findChildren(QWidget):  # the new row's first field
            if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.isEnabled():
                child.setFocus()
                break

    def _on_list_changed(self, path: FieldPath) -> None:
        if path == self.list_path:
            self.rebuild()

    def _on_field_changed(self, path: FieldPath) -> None:
        # A whole contact or organization replaced (Update from library), or the whole list
        # (an import, a restored version): rebuild.
        if len(path) <= len(self.list_path) and self.list_path[: len(path)] == path:
            self.rebuild()

    def rebuild(self) -> None:
        try:
            items = self._doc.value(self.list_path)
        except (IndexError, AttributeError):
            return  # this editor belongs to a row that no longer exists
        while self._rows.count():
            widget = self._rows.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for index in range(len(items)):
            self._rows.addWidget(self._framed_row(index, len(items)))

    def _framed_row(self, index: int, count: int) -> QWidget:
        frame = QFrame()
        if self._framed:
            frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setObjectName(f"row:{self._item_name}:{index}")
        layout = QHBoxLayout(frame)
        margin = 6 if self._framed else 0
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.addWidget(self._make_row(index), 1)
        buttons = QVBoxLayout() if self._reorderable else QHBoxLayout()
        buttons.setSpacing(2)
        number = index + 1
        commands = [
            ("▲", "up", index > 0, lambda: self._doc.move_item(self.list_path, index, index - 1)),
            ("▼", "down", index < count - 1,
             lambda: self._doc.move_item(self.list_path, index, index + 1)),
        ] if self._reorderable else []  # fmt: skip
        commands.append(("✕", "remove", True, lambda: self._doc.remove_item(self.list_path, index)))
        for symbol, what, enabled, handler in commands:
            button = QToolButton()
            button.setText(symbol)
            label = (
                f"Remove {self._item_name} {number}"
                if what == "remove"
                else f"Move {self._item_name} {number} {what}"
            )
            button.setToolTip(label)
            button.setAccessibleName(label)
            button.setEnabled(enabled)
            button.setAutoRaise(True)
            button.setProperty(ROW_BUTTON, True)  # Tab reaches it after the row's fields
            button.clicked.connect(handler)
            buttons.addWidget(button)
        if self._reorderable:
            buttons.addStretch(1)
        else:  # beside the row's first line (a phone number), also when the row wraps
            buttons.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addLayout(buttons)
        return frame
