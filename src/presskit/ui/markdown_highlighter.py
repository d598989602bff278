"""Syntax highlighting for Markdown in the body and boilerplate editors.

Colours come from the widget's palette (the link colour, a muted text colour), so the
highlighting reads well in light and dark themes alike.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QWidget

_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^#{1,6}\s.*$"), "heading"),
    (re.compile(r"^\s*>.*$"), "quote"),
    (re.compile(r"^\s*([-*+]|\d+[.)])\s"), "marker"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), "bold"),
    (re.compile(r"(?<![*_\w])([*_])(?=\S)(.+?)(?<=\S)\1(?![*_\w])"), "italic"),
    (re.compile(r"`[^`\n]+`"), "code"),
    (re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)"), "link"),
    (re.compile(r"<https?://[^>\s]+>"), "link"),
]


class MarkdownHighlighter(QSyntaxHighlighter):
    """Headings, emphasis, links, quotes, list markers and code, in palette colours; and
    misspelt words with a red squiggle, when given a spell service."""

    def __init__(self, document: QTextDocument, palette: QPalette, spelling: Any = None):
        super().__init__(document)
        self._formats = self._make_formats(palette)
        self._palette_widget: QWidget | None = None
        self._spelling = spelling
        if spelling is not None:
            spelling.changed.connect(self.rehighlight)

    def set_palette(self, palette: QPalette) -> None:
        self._formats = self._make_formats(palette)
        self.rehighlight()

    def follow_palette(self, widget: QWidget) -> None:
        """Take ``widget``'s colours again whenever its palette changes (the desktop turned
        dark, say): the formats hold colours, not roles."""
        self._palette_widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        widget = self._palette_widget
        if watched is widget and event.type() == QEvent.Type.PaletteChange:
            self.set_palette(widget.palette())
        return super().eventFilter(watched, event)

    @staticmethod
    def _make_formats(palette: QPalette) -> dict[str, QTextCharFormat]:
        text = palette.color(QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlphaF(0.6)
        link = palette.color(QPalette.ColorRole.Link)

        def fmt(color: QColor | None = None, weight: int | None = None, italic: bool = False,
                mono: bool = False) -> QTextCharFormat:  # fmt: skip
            char = QTextCharFormat()
            if color is not None:
                char.setForeground(color)
            if weight is not None:
                char.setFontWeight(weight)
            char.setFontItalic(italic)
            if mono:
                char.setFontFamilies(["monospace"])
            return char

        return {
            "heading": fmt(weight=QFont.Weight.Bold),
            "quote": fmt(color=muted, italic=True),
            "marker": fmt(color=link, weight=QFont.Weight.Bold),
            "bold": fmt(weight=QFont.Weight.Bold),
            "italic": fmt(italic=True),
            "code": fmt(color=muted, mono=True),
            "link": fmt(color=link),
        }

    def highlightBlock(self, text: str) -> None:
        for pattern, name in _RULES:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self._formats[name])
        if self._spelling is None:
            return
        for start, end, _word in self._spelling.misspelled(text):
            for position in range(start, end):  # keep the Markdown format under the squiggle
                char = self.format(position)
                char.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
                char.setUnderlineColor(QColor("red"))
                self.setFormat(position, 1, char)
