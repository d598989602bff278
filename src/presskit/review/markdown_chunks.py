"""Cut a Markdown field into the pieces that become paragraphs: blocks and list items.

Each chunk keeps its place in the source, so a reviewer's change to one paragraph of the
Word document is written back into that paragraph's own Markdown and nowhere else. Blocks
are separated by blank lines; a list is cut into its items; a fenced code block is one chunk
whatever blank lines it holds. Reference-link definitions (``[ref]: https://...``) are kept
aside, so every chunk can be rendered on its own with its links resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"^ {0,3}(```+|~~~+)")
_ITEM = re.compile(r"^ {0,3}([-*+]|\d{1,9}[.)])[ \t]+\S")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S")
_BLANK = re.compile(r"^[ \t]*$")


@dataclass(frozen=True)
class Chunk:
    """A piece of Markdown source: ``source[start:end]``."""

    start: int
    end: int
    text: str


def _lines(source: str) -> list[tuple[int, str]]:
    """Each line with the offset it starts at (no line-break characters)."""
    out, offset = [], 0
    for line in source.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def split_chunks(source: str) -> tuple[list[Chunk], str]:
    """The chunks of ``source`` in order, and its reference definitions (for rendering)."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    fence = ""
    for offset, line in _lines(source):
        if fence:
            current.append((offset, line))
            if line.strip().startswith(fence):
                fence = ""
            continue
        if match := _FENCE.match(line):
            fence = match.group(1)[:3]
        if _BLANK.match(line) and not fence:
            if current:
                blocks.append(current)
            current = []
            continue
        current.append((offset, line))
    if current:
        blocks.append(current)
    chunks: list[Chunk] = []
    definitions: list[str] = []
    for block in blocks:
        if all(_DEFINITION.match(line) for _, line in block):
            definitions += [line for _, line in block]
            continue
        for piece in _items(block):
            start = piece[0][0]
            end = piece[-1][0] + len(piece[-1][1])
            chunks.append(Chunk(start, end, source[start:end]))
    return chunks, "\n".join(definitions)


def _items(block: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """A list block cut at each top-level item; any other block whole."""
    if not _ITEM.match(block[0][1]):
        return [block]
    items: list[list[tuple[int, str]]] = []
    for offset, line in block:
        if _ITEM.match(line) and not line.startswith((" " * 4, "\t")) and _top_level(line):
            items.append([])
        items[-1].append((offset, line))
    return items


def _top_level(line: str) -> bool:
    """An item marker at the left margin (up to one space), not a nested item."""
    return len(line) - len(line.lstrip(" ")) <= 1
