"""Edit > Find (Ctrl+F) and Replace (Ctrl+H) in the body.

A bar under the body: type to find (case does not matter), Enter for the next match,
Shift+Enter for the one before; Replace changes the match shown, Replace All every match as
one undo step. Escape closes the bar and leaves the cursor on the match.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)


class FindBar(QWidget):
    """Find and replace in one QPlainTextEdit."""

    def __init__(self, editor: QPlainTextEdit):
        super().__init__()
        self.editor = editor
        self.find = QLineEdit()
        self.find.setPlaceholderText("Find in the body")
        self.find.setAccessibleName("Find in the body")
        self.replace = QLineEdit()
        self.replace.setPlaceholderText("Replace with")
        self.replace.setAccessibleName("Replace with")
        self.count = QLabel()
        self.count.setAccessibleName("Matches found")
        self.replace_one = QPushButton("Replace")
        self.replace_all = QPushButton("Replace All")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        for widget in (self.find, self.count, self.replace, self.replace_one, self.replace_all):
            layout.addWidget(widget)
        self.find.textChanged.connect(lambda: self.next_match(from_start=True))
        self.find.returnPressed.connect(self.next_match)
        self.replace.returnPressed.connect(self.replace_current)
        self.replace_one.clicked.connect(self.replace_current)
        self.replace_all.clicked.connect(self.replace_every)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        back = QShortcut(QKeySequence("Shift+Return"), self.find)
        back.activated.connect(lambda: self.next_match(backward=True))
        self.hide()

    def open(self, replacing: bool) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find.setText(selected)
        for widget in (self.replace, self.replace_one, self.replace_all):
            widget.setVisible(replacing)
        self.show()
        target = self.replace if replacing and self.find.text() else self.find
        target.setFocus()
        target.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus()

    def next_match(self, *, backward: bool = False, from_start: bool = False) -> bool:
        text = self.find.text()
        self._count(text)
        if not text:
            return False
        cursor = self.editor.textCursor()
        if from_start:
            cursor.setPosition(cursor.selectionStart())
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        document = self.editor.document()
        found = document.find(text, cursor, flags)
        if found.isNull():  # wrap around
            start = QTextCursor(document)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(text, start, flags)
        if found.isNull():
            return False
        self.editor.setTextCursor(found)
        self.editor.ensureCursorVisible()
        return True

    def replace_current(self) -> None:
        cursor = self.editor.textCursor()
        if (
            cursor.hasSelection()
            and cursor.selectedText().casefold() == self.find.text().casefold()
        ):
            cursor.insertText(self.replace.text())
            self.editor.setTextCursor(cursor)
        self.next_match()

    def replace_every(self) -> None:
        text, document = self.find.text(), self.editor.document()
        if not text:
            return
        cursor = QTextCursor(document)
        edit = QTextCursor(document)
        edit.beginEditBlock()  # one undo step
        while not (cursor := document.find(text, cursor)).isNull():
            cursor.insertText(self.replace.text())
        edit.endEditBlock()
        self._count(text)

    def _count(self, text: str) -> None:
        if not text:
            self.count.setText("")
            return
        found = self.editor.toPlainText().casefold().count(text.casefold())
        self.count.setText(f"{found} found" if found != 1 else "1 found")


def install(window: Any) -> None:
    """Edit > Find… and Replace… for the body; the bar sits under the body editor."""
    bar = FindBar(window.body.editor)
    window.body.layout().addWidget(bar)
    window.find_bar = bar
    anchor = window.anchors["edit.after_undo"]
    actions = []
    for text, key, replacing in (("&Find…", "Ctrl+F", False), ("R&eplace…", "Ctrl+H", True)):
        action = QAction(text, window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _=False, r=replacing: bar.open(r))
        actions.append(action)
    window.menus["edit"].insertActions(anchor, actions)
