"""The body editor: Markdown with highlighting and a small formatting toolbar.

Each formatting command is one edit block, so one Undo takes it back. Shortcuts follow word
processors: Ctrl+B bold, Ctrl+I italic, Ctrl+K link, Ctrl+Shift+8 bullets, Ctrl+Shift+7
numbers, Ctrl+Shift+. quote, Ctrl+Shift+H heading. Enter continues a list (see
:mod:`presskit.ui.list_continuation`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QToolBar, QVBoxLayout, QWidget

from presskit.app.document import DocumentController
from presskit.app.spelling import SpellService
from presskit.ui.fields import MarkdownTextEdit
from presskit.ui.list_continuation import ListContinuation
from presskit.ui.markdown_highlighter import MarkdownHighlighter

_LINE_PREFIX = re.compile(r"^(\s*)(#{1,6}\s|>\s?|[-*+]\s|\d+[.)]\s)?")


def toggle_wrap(cursor: QTextCursor, marker: str, placeholder: str) -> None:
    """Wrap the selection in ``marker`` (or unwrap it); with no selection, insert a placeholder."""
    text = cursor.selectedText()
    cursor.beginEditBlock()
    if text.startswith(marker) and text.endswith(marker) and len(text) >= 2 * len(marker):
        cursor.insertText(text[len(marker) : -len(marker)])
    else:
        start = cursor.selectionStart()
        inner = text or placeholder
        cursor.insertText(f"{marker}{inner}{marker}")
        if not text:  # select the placeholder so typing replaces it
            cursor.setPosition(start + len(marker))
            cursor.setPosition(start + len(marker) + len(inner), QTextCursor.MoveMode.KeepAnchor)
    cursor.endEditBlock()


def insert_link(cursor: QTextCursor) -> None:
    """``[selection](https://)`` with the URL part selected, ready to type or paste."""
    text = cursor.selectedText() or "link text"
    cursor.beginEditBlock()
    start = cursor.selectionStart()
    cursor.insertText(f"[{text}](https://)")
    url_start = start + len(text) + 3
    cursor.setPosition(url_start)
    cursor.setPosition(url_start + len("https://"), QTextCursor.MoveMode.KeepAnchor)
    cursor.endEditBlock()


def set_line_prefix(cursor: QTextCursor, make_prefix: Callable[[int], str]) -> None:
    """Give every selected line the prefix ``make_prefix(n)``, or remove it if all have it."""
    doc = cursor.document()
    first = doc.findBlock(cursor.selectionStart())
    last = doc.findBlock(cursor.selectionEnd())
    blocks = [first]
    while blocks[-1] != last and blocks[-1].next().isValid():
        blocks.append(blocks[-1].next())
    wanted = [make_prefix(i + 1) for i in range(len(blocks))]
    already = all(
        b.text().lstrip().startswith(w.strip()) for b, w in zip(blocks, wanted, strict=True)
    )
    cursor.beginEditBlock()
    for block, prefix in zip(blocks, wanted, strict=True):
        match = _LINE_PREFIX.match(block.text())
        assert match is not None
        edit = QTextCursor(block)
        edit.setPosition(block.position() + len(match.group(1)))
        edit.setPosition(block.position() + match.end(), QTextCursor.MoveMode.KeepAnchor)
        edit.insertText("" if already else prefix)
    cursor.endEditBlock()


class BodyEditor(QWidget):
    """The Markdown body with its formatting toolbar."""

    def __init__(
        self, doc: DocumentController, spelling: SpellService, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.editor = MarkdownTextEdit(doc, "body", "Body (Markdown)", self)
        self.editor.setPlaceholderText(
            "Write the release here. The dateline is added at the start of the first paragraph."
        )
        self.editor.spelling = spelling
        self.lists = ListContinuation(self.editor)  # Enter continues a list, ends an empty one
        self.highlighter = MarkdownHighlighter(
            self.editor.document(), self.editor.palette(), spelling
        )
        self.highlighter.follow_palette(self.editor)
        self.toolbar = QToolBar("Formatting", self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setAccessibleName("Formatting toolbar")
        self.actions_by_name: dict[str, QAction] = {}
        for name, label, shortcut, handler in self._commands():
            action = QAction(label, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{label.replace('&', '')} ({QKeySequence(shortcut).toString()})")
            action.triggered.connect(handler)
            self.toolbar.addAction(action)
            self.addAction(action)
            self.actions_by_name[name] = action
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.editor, 1)

    def _commands(self) -> list[tuple[str, str, str, Callable[[], None]]]:
        def on_cursor(fn: Callable[[QTextCursor], None]) -> Callable[[], None]:
            def run() -> None:
                cursor = self.editor.textCursor()
                fn(cursor)
                self.editor.setTextCursor(cursor)
                self.editor.setFocus()

            return run

        def prefix(text: str) -> Callable[[QTextCursor], None]:
            return lambda cursor: set_line_prefix(cursor, lambda n: text.format(n=n))

        return [
            ("bold", "Bold", "Ctrl+B", on_cursor(lambda c: toggle_wrap(c, "**", "bold text"))),
            ("italic", "Italic", "Ctrl+I", on_cursor(lambda c: toggle_wrap(c, "*", "italic text"))),
            ("link", "Link", "Ctrl+K", on_cursor(insert_link)),
            ("quote", "Quote", "Ctrl+Shift+.", on_cursor(prefix("> "))),
            ("bullets", "• List", "Ctrl+Shift+8", on_cursor(prefix("- "))),
            ("numbers", "1. List", "Ctrl+Shift+7", on_cursor(prefix("{n}. "))),
            ("heading", "Heading", "Ctrl+Shift+H", on_cursor(prefix("## "))),
        ]
