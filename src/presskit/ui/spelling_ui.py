"""Spelling in the form: squiggles in one-line fields and the right-click suggestions menu.

Multi-line fields get their squiggles from the Markdown highlighter. One-line fields (the
headline, the subheadline) have no highlighter, so their squiggles are drawn as input-method
text formats, the one styling hook QLineEdit offers.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QColor, QInputMethodEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QWidget

from presskit.app.spelling import SpellService

_WORD_CHARS = re.compile(r"[\w’'-]")


def squiggle() -> QTextCharFormat:
    char = QTextCharFormat()
    char.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    char.setUnderlineColor(QColor("red"))
    return char


class LineSpelling:
    """Keeps the squiggles of a QLineEdit in step with its text and the dictionary."""

    def __init__(self, edit: QLineEdit, spelling: SpellService):
        self.edit = edit
        self.spelling = spelling
        self.spans: list[tuple[int, int, str]] = []
        edit.textChanged.connect(self.update)
        edit.cursorPositionChanged.connect(lambda *_: self._paint())
        spelling.changed.connect(self.update)
        self.update()

    def update(self, *_: object) -> None:
        self.spans = self.spelling.misspelled(self.edit.text())
        self._paint()

    def _paint(self) -> None:
        # Input-method formats are placed relative to the cursor, so they are re-sent
        # whenever the cursor moves.
        cursor = self.edit.cursorPosition()
        attributes = [
            QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.TextFormat, start - cursor, end - start, squiggle()
            )
            for start, end, _word in self.spans
        ]
        QCoreApplication.sendEvent(self.edit, QInputMethodEvent("", attributes))


def word_at(text: str, position: int) -> tuple[int, int]:
    """The start and end of the word around ``position`` in ``text``."""
    start = position
    while start > 0 and _WORD_CHARS.match(text[start - 1]):
        start -= 1
    end = position
    while end < len(text) and _WORD_CHARS.match(text[end]):
        end += 1
    return start, end


def add_spelling_actions(
    menu: QMenu, widget: QWidget, spelling: SpellService, position: QPoint
) -> None:
    """Put suggestions and "Add to dictionary" at the top of ``menu`` for the word clicked."""
    if isinstance(widget, QPlainTextEdit):
        cursor = widget.cursorForPosition(position)
        block = cursor.block()
        start, end = word_at(block.text(), cursor.positionInBlock())
        word = block.text()[start:end]

        def replace(text: str) -> None:
            edit = QTextCursor(block)
            edit.setPosition(block.position() + start)
            edit.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
            edit.insertText(text)

    elif isinstance(widget, QLineEdit):
        text = widget.text()
        start, end = word_at(text, widget.cursorPositionAt(position))
        word = text[start:end]

        def replace(new: str) -> None:
            replace_range = getattr(widget, "replace_range", None)  # a form field: undoable
            if replace_range is not None:
                replace_range(start, end, new)
            else:
                widget.setSelection(start, end - start)
                widget.insert(new)

    else:
        return
    if not word or not spelling.is_misspelled(word):
        return
    first = menu.actions()[0] if menu.actions() else None
    suggestions = spelling.suggestions(word)
    for suggestion in suggestions:
        action = menu.addAction(suggestion)
        action.triggered.connect(lambda _=False, s=suggestion: replace(s))
        menu.insertAction(first, action)
    if not suggestions:
        none = menu.addAction("No suggestions")
        none.setEnabled(False)
        menu.insertAction(first, none)
    add = menu.addAction(f"Add “{word}” to Dictionary")
    add.setObjectName("spelling-add")
    add.triggered.connect(lambda: spelling.add_word(word))
    menu.insertAction(first, add)
    menu.insertSeparator(first)
