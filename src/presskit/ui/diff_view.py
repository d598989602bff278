"""Word-level differences as HTML for the Review and History panels: removed words struck
through on red, added words on green, long unchanged stretches cut to a few words."""

from __future__ import annotations

from html import escape

from presskit.review.words import word_diff

REMOVED_STYLE = "background-color:#f8d0d0;color:#7a0000;text-decoration:line-through;"
ADDED_STYLE = "background-color:#c9f0c9;color:#004d00;"
CONTEXT_WORDS = 12


def _trim(text: str, head: bool, tail: bool) -> str:
    words = text.split(" ")
    if len(words) <= 2 * CONTEXT_WORDS:
        return text
    start = " ".join(words[:CONTEXT_WORDS]) + " … " if head else "… "
    end = " ".join(words[-CONTEXT_WORDS:]) if tail else ""
    return start + end if head or tail else text


def _html(text: str) -> str:
    return escape(text).replace("\n", "<br>").replace("\u2028", "<br>")


def inline_diff_html(old: str, new: str, *, trim: bool = True) -> str:
    """``old`` -> ``new`` in one text, the differences highlighted."""
    pieces = word_diff(old, new)
    out = []
    for number, piece in enumerate(pieces):
        if piece.kind == "removed":
            out.append(f'<span style="{REMOVED_STYLE}">{_html(piece.text)}</span>')
        elif piece.kind == "added":
            out.append(f'<span style="{ADDED_STYLE}">{_html(piece.text)}</span>')
        else:
            text = _trim(piece.text, number > 0, number < len(pieces) - 1) if trim else piece.text
            out.append(_html(text))
    return "".join(out)


def side_by_side_html(old: str, new: str) -> tuple[str, str]:
    """The old text with its removed words marked, and the new with its added words."""
    left, right = [], []
    for piece in word_diff(old, new):
        if piece.kind == "removed":
            left.append(f'<span style="{REMOVED_STYLE}">{_html(piece.text)}</span>')
        elif piece.kind == "added":
            right.append(f'<span style="{ADDED_STYLE}">{_html(piece.text)}</span>')
        else:
            left.append(_html(piece.text))
            right.append(_html(piece.text))
    return "".join(left), "".join(right)
