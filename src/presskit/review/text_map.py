"""Where a stretch of shown text lies in the source it was made from.

The review document shows ``Today’s announcement by …``; the release's Markdown says
``Today's [announcement](#) by …``. A reviewer's change to the shown text is written into
the source at the place that shows it: characters are aligned (curly quotes matched to
straight ones), a replacement of a link's words stays inside the link, a deletion that takes
a link's whole text takes the link with it, and an insertion next to markup goes on the side
the inserted words belong to.

    source_range(shown, source, start, end, inserted) -> (source_start, source_end)
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_EQUIVALENT = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})
# Markdown constructs whose shown text is a part of their source: links, emphasis, code.
_CONSTRUCTS = re.compile(
    r"!?\[(?P<link>[^\]\n]*)\]\([^)\n]*\)"
    r"|\[(?P<ref>[^\]\n]*)\]\[[^\]\n]*\]"
    r"|<(?P<auto>(?:https?|mailto):[^>\s]*)>"
    r"|(?P<d>\*\*|__)(?P<strong>[^\n]+?)(?P=d)"
    r"|(?P<s>[*_])(?P<em>[^\s*_][^\n]*?)(?P=s)"
    r"|`(?P<code>[^`\n]+)`"
)
_SHOWN = ("link", "ref", "auto", "strong", "em", "code")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<])")


def char_map(shown: str, source: str) -> list[int | None]:
    """For each character of ``shown``, its index in ``source``, or None when it has none."""
    matcher = SequenceMatcher(
        None, shown.translate(_EQUIVALENT), source.translate(_EQUIVALENT), autojunk=False
    )
    mapping: list[int | None] = [None] * len(shown)
    for a, b, size in matcher.get_matching_blocks():
        for offset in range(size):
            mapping[a + offset] = b + offset
    return mapping


def _after_previous(mapping: list[int | None], position: int) -> int:
    """Right after the last mapped character before ``position`` (0 when none)."""
    for index in range(min(position, len(mapping)) - 1, -1, -1):
        if mapping[index] is not None:
            return mapping[index] + 1  # type: ignore[operator]
    return 0


def _before_next(mapping: list[int | None], position: int, length: int) -> int:
    """At the first mapped character at or after ``position`` (the source's end when none)."""
    for index in range(position, len(mapping)):
        if mapping[index] is not None:
            return mapping[index]  # type: ignore[return-value]
    return length


def source_range(shown: str, source: str, start: int, end: int, inserted: str) -> tuple[int, int]:
    """The range of ``source`` that ``shown[start:end]`` (replaced by ``inserted``) stands for."""
    mapping = char_map(shown, source)
    if start == end:
        # An insertion. Words added after a word (" more") go after any markup closing it
        # (a link's ``](#)``); words added before one ("more ") before any markup opening it.
        if inserted[:1].isspace():
            point = _before_next(mapping, start, len(source))
        else:
            point = _after_previous(mapping, start)
        return point, point
    first = mapping[start]
    if first is None:  # "—" shown for "---": take the whole source of it
        first = _after_previous(mapping, start)
    last_char = mapping[end - 1]
    last = _before_next(mapping, end, len(source)) if last_char is None else last_char + 1
    return _whole_constructs(source, first, max(first, last))


def _whole_constructs(source: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole links or emphases it crosses the edge of; a range
    inside a construct's shown text stays inside."""
    changed = True
    while changed:
        changed = False
        for match in _CONSTRUCTS.finditer(source):
            if match.end() <= start or match.start() >= end:
                continue
            group = next(g for g in _SHOWN if match.group(g) is not None)
            inner_start, inner_end = match.span(group)
            inside = inner_start <= start and end <= inner_end
            if not inside and (match.start() < start or match.end() > end):
                start, end = min(start, match.start()), max(end, match.end())
                changed = True
    return start, end


def escape_markdown(text: str) -> str:
    """``text`` as Markdown that shows exactly it: specials escaped, paragraphs blank-lined."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"\n+", "\n\n", escaped)
