"""Word-level differences between two texts: what the review and the history show.

Texts are cut into words, runs of white space and single punctuation marks; the difference is
a list of :class:`Hunk` s in character positions of both texts. Hunks separated only by white
space are joined, so "a b" -> "c d" is one change, as a person reads it.

    word_hunks("The quick fox", "The slow brown fox")
    # [Hunk(4, 9, 4, 14)]: "quick" -> "slow brown"
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\w+|\s|[^\w\s]", re.UNICODE)
# One token per white-space character: a paragraph break ("\n") is a change of its own.


@dataclass(frozen=True)
class Hunk:
    """``old[old_start:old_end]`` became ``new[new_start:new_end]``."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int


def tokens(text: str) -> list[str]:
    """``text`` cut into words, single white-space characters and punctuation marks."""
    return _TOKEN.findall(text)


def _offsets(parts: list[str]) -> list[int]:
    offsets, position = [], 0
    for part in parts:
        offsets.append(position)
        position += len(part)
    offsets.append(position)
    return offsets


def matching_blocks(old: str, new: str) -> list[tuple[int, int, int]]:
    """Word-aligned stretches equal in both: ``(old_start, new_start, length)`` in characters,
    ending with a zero-length block at both ends.

    Paragraphs are matched first and words only within the paragraphs that changed: a long
    body with two edits far apart then costs two short comparisons, not one of the whole text
    (whose common words, "the" and the spaces, make the matcher slow).
    """
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    old_at, new_at = _offsets(old_lines), _offsets(new_lines)
    blocks: list[tuple[int, int, int]] = []
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            blocks.append((old_at[i1], new_at[j1], old_at[i2] - old_at[i1]))
            continue
        inner = _word_blocks("".join(old_lines[i1:i2]), "".join(new_lines[j1:j2]))
        blocks += [(a + old_at[i1], b + new_at[j1], size) for a, b, size in inner if size]
    blocks.append((len(old), len(new), 0))
    return blocks


def _word_blocks(old: str, new: str) -> list[tuple[int, int, int]]:
    """The word-aligned matching stretches of two short texts, in characters."""
    old_parts, new_parts = tokens(old), tokens(new)
    old_at, new_at = _offsets(old_parts), _offsets(new_parts)
    head = 0  # the common start and end are matched without the matcher
    limit = min(len(old_parts), len(new_parts))
    while head < limit and old_parts[head] == new_parts[head]:
        head += 1
    tail = 0
    while tail < limit - head and old_parts[-1 - tail] == new_parts[-1 - tail]:
        tail += 1
    matcher = SequenceMatcher(
        None,
        old_parts[head : len(old_parts) - tail],
        new_parts[head : len(new_parts) - tail],
        autojunk=False,
    )
    token_blocks = [(0, 0, head)]
    token_blocks += [(a + head, b + head, n) for a, b, n in matcher.get_matching_blocks()]
    token_blocks.append((len(old_parts) - tail, len(new_parts) - tail, tail))
    return [(old_at[a], new_at[b], old_at[a + n] - old_at[a]) for a, b, n in token_blocks if n]


def word_hunks(old: str, new: str) -> list[Hunk]:
    """Where ``new`` differs from ``old``, word by word."""
    hunks: list[Hunk] = []
    old_pos = new_pos = 0
    for old_start, new_start, length in matching_blocks(old, new):
        if old_start > old_pos or new_start > new_pos:
            hunks.append(Hunk(old_pos, old_start, new_pos, new_start))
        old_pos, new_pos = old_start + length, new_start + length
    return _joined(hunks, old, new)


def _joined(hunks: list[Hunk], old: str, new: str) -> list[Hunk]:
    joined: list[Hunk] = []
    for hunk in hunks:
        if joined:
            last = joined[-1]
            between = old[last.old_end : hunk.old_start]
            if between.strip(" \t") == "" and "\n" not in between:
                joined[-1] = Hunk(last.old_start, hunk.old_end, last.new_start, hunk.new_end)
                continue
        joined.append(hunk)
    return joined


def map_position(blocks: list[tuple[int, int, int]], new_position: int) -> int:
    """The position in the old text that ``new_position`` in the new text corresponds to
    (positions inside a changed stretch go to its start)."""
    for old_start, new_start, length in blocks:
        if new_start <= new_position <= new_start + length:
            return old_start + (new_position - new_start)
    previous = [(o, n, size) for o, n, size in blocks if n + size <= new_position]
    if previous:
        old_start, _new_start, length = previous[-1]
        return old_start + length
    return 0


@dataclass(frozen=True)
class DiffPiece:
    """A stretch of a word-level comparison: ``kind`` is "same", "removed" or "added"."""

    kind: str
    text: str


def word_diff(old: str, new: str) -> list[DiffPiece]:
    """``old`` and ``new`` as one sequence of unchanged, removed and added stretches."""
    pieces: list[DiffPiece] = []
    position = 0
    for hunk in word_hunks(old, new):
        if hunk.old_start > position:
            pieces.append(DiffPiece("same", old[position : hunk.old_start]))
        if hunk.old_end > hunk.old_start:
            pieces.append(DiffPiece("removed", old[hunk.old_start : hunk.old_end]))
        if hunk.new_end > hunk.new_start:
            pieces.append(DiffPiece("added", new[hunk.new_start : hunk.new_end]))
        position = hunk.old_end
    if position < len(old):
        pieces.append(DiffPiece("same", old[position:]))
    return pieces


def inline_diff(
    old: str,
    new: str,
    context: int = 8,
    *,
    mark: Callable[[str, str], str] | None = None,
) -> str:
    """The change from ``old`` to ``new`` in one text, with up to ``context`` words of
    unchanged text around each change (``…`` where text is left out). ``mark(kind, text)``
    writes each stretch ("same", "removed", "added"); by default ``[-removed-]{+added+}``
    on one line."""
    mark = mark or _plain_mark
    pieces = word_diff(old, new)
    out: list[str] = []
    for number, piece in enumerate(pieces):
        text = piece.text
        if piece.kind == "same":
            text = _context(text, context, number > 0, number < len(pieces) - 1)
        out.append(mark(piece.kind, text))
    return "".join(out)


def _plain_mark(kind: str, text: str) -> str:
    text = text.replace("\n", " ¶ ")
    if kind == "removed":
        return f"[-{text}-]"
    return f"{{+{text}+}}" if kind == "added" else text


def _context(text: str, words: int, after_change: bool, before_change: bool) -> str:
    parts = tokens(text)
    word_positions = [i for i, part in enumerate(parts) if part.strip()]
    if len(word_positions) <= 2 * words:
        return text
    head = "".join(parts[: word_positions[words - 1] + 1]) if after_change else ""
    tail = "".join(parts[word_positions[-words] :]) if before_change else ""
    return f"{head}…{tail}" if head or tail else f"…{''.join(parts[word_positions[-words] :])}"
