"""Enter in a Markdown list continues it, as every editor does.

At the end of ``- First`` (or ``3. Third``), Enter starts ``- `` (``4. ``) on the next line;
Enter on an empty item ends the list (its marker goes; a blank line separates the next
paragraph, which Markdown would otherwise join to the last item). In the middle of an
item's text, the rest moves to the new item. Shift+Enter is a plain new line.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

_ITEM = re.compile(r"^(?P<indent>\s*)(?:(?P<bullet>[-*+])|(?P<number>\d{1,9})(?P<delim>[.)]))\s+")


def continue_list(cursor: QTextCursor) -> bool:
    """Handle Enter at ``cursor`` inside a list item; False when it is no list item."""
    if cursor.hasSelection():
        return False
    text = cursor.block().text()
    match = _ITEM.match(text)
    if match is None or cursor.positionInBlock() < match.end():
        return False
    cursor.beginEditBlock()
    if not text[match.end() :].strip():  # an empty item: the list ends here
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        # A blank line, then the new paragraph: text right under an item would join it.
        cursor.insertText("\n")
    else:
        if match["bullet"]:
            marker = f"{match['bullet']} "
        else:
            marker = f"{int(match['number']) + 1}{match['delim']} "
        cursor.insertText("\n" + match["indent"] + marker)
    cursor.endEditBlock()
    return True


class ListContinuation(QObject):
    """Installed on a QPlainTextEdit: Enter continues or ends the list the cursor is in."""

    def __init__(self, editor: QPlainTextEdit):
        super().__init__(editor)
        self._editor = editor
        editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._editor and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            plain = key_event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier
            )  # fmt: skip
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                cursor = self._editor.textCursor()
                if continue_list(cursor):
                    self._editor.setTextCursor(cursor)
                    self._editor.ensureCursorVisible()
                    return True
        return super().eventFilter(watched, event)
