"""Word-level differences as HTML for the Review and History panels: removed words struck
through on red, added words on green, long unchanged stretches cut to a few words."""

from __future__ import annotations

from html import escape

from presskit.review.words import inline_diff, word_diff

REMOVED_STYLE = "background-color:#f8d0d0;color:#7a0000;text-decoration:line-through;"
ADDED_STYLE = "background-color:#c9f0c9;color:#004d00;"
CONTEXT_WORDS = 12


def _html(text: str) -> str:
    return escape(text).replace("\n", "<br>").replace("\u2028", "<br>")


def _mark(kind: str, text: str) -> str:
    if kind == "removed":
        return f'<span style="{REMOVED_STYLE}">{_html(text)}</span>'
    if kind == "added":
        return f'<span style="{ADDED_STYLE}">{_html(text)}</span>'
    return _html(text)


def inline_diff_html(old: str, new: str) -> str:
    """``old`` -> ``new`` in one text, the differences highlighted, long unchanged stretches
    cut to a few words around each change."""
    return inline_diff(old, new, CONTEXT_WORDS, mark=_mark)


def side_by_side_html(old: str, new: str) -> tuple[str, str]:
    """The old text with its removed words marked, and the new with its added words."""
    left, right = [], []
    for piece in word_diff(old, new):
        if piece.kind != "added":
            left.append(_mark(piece.kind, piece.text))
        if piece.kind != "removed":
            right.append(_mark(piece.kind, piece.text))
    return "".join(left), "".join(right)
