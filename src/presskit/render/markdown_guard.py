"""Keeps python-markdown's time linear in the text, however the text was made.

python-markdown is quadratic in ways that real releases never meet but a paste or a hostile
file can, and the fuzzing found them (a 200 KB body took minutes):

- Every inline match (emphasis, a code span, an escape, a line break, a smart quote or
  dash...) rebuilds the text of the paragraph, list item or table cell it is in, so a unit
  of n characters with m such marks costs about n * m: an 80 KB paragraph of ``*a*`` took
  10 s. A unit whose marks times length is beyond :data:`MAX_MARK_WORK` is given to
  python-markdown as a plain HTML paragraph instead: its text and line breaks kept, its
  Markdown not interpreted.
- For every ``[`` it scans for the ``]`` that closes it, to the unit's end when none does:
  8,000 unclosed ``[`` (8 KB) took 16 s, brackets nested 4,000 deep 5 s. In a unit whose
  bracket scans cost far more than its length, the brackets are backslash-escaped, so they
  print as the brackets they are (inside a code span, with the backslash) and nothing is
  scanned.
- Every abbreviation definition is matched against the whole text: past
  :data:`MAX_ABBREVIATIONS`, definitions are escaped and print as the text they are.

Where python-markdown's own reading matters (fenced code, lists, tables) the guard asks
python-markdown's own processors, so that it never takes for code or for separate list
items what python-markdown reads as one paragraph. Real text is far below every bound, and
comes back exactly as it went in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape as html_escape

import markdown

MAX_MARK_WORK = 10_000_000
"""A unit's length times its Markdown marks; about 0.05-0.3 s of python-markdown's time (a
real 2,000-character paragraph with 100 marks: 200,000)."""
_MARKS = frozenset("*_`[]!<&\\\"'\n-.")
STEPS_PER_CHARACTER = 16
"""A unit may cost this many bracket-scanning steps per character (real text: 1-3)..."""
FREE_STEPS = 10_000
"""...plus this many, so that short units are never touched."""
MAX_ABBREVIATIONS = 50

_BLANK_LINE = re.compile(r"^[ ]*\n", re.MULTILINE)
_ESCAPED = re.compile(r"\\[\\`*_{}\[\]()#+\-.!<>]")
_ABBREVIATION = re.compile(r"^[ ]{0,3}\*\[", re.MULTILINE)


class _Reader:
    """python-markdown's own tests for fences, lists and tables, from a converter set up
    as the renderer's."""

    def __init__(self) -> None:
        md = markdown.Markdown(extensions=["extra", "smarty", "sane_lists"])
        self.fence = md.preprocessors["fenced_code_block"].FENCED_BLOCK_RE
        blocks = md.parser.blockprocessors
        self.lists = [blocks["ulist"], blocks["olist"]]
        self.table = blocks["table"]


_reader: _Reader | None = None


def guard_markdown(text: str) -> str:
    """``text`` with over-costly units made plain or their brackets escaped; when nothing
    needs either, ``text`` itself."""
    global _reader  # noqa: PLW0603 - built once, on first use: it costs a converter
    if _reader is None:
        _reader = _Reader()
    # Read it as python-markdown will: its line ends, its tabs.
    normal = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    pieces: list[str] = []
    changed = False
    for piece, prose in _regions(normal, _reader):
        guarded = _guard_chunk(piece, _reader) if prose else piece
        changed |= guarded is not piece
        pieces.append(guarded)
    guarded_text = _limit_abbreviations("".join(pieces))
    return guarded_text if changed or guarded_text != normal else text


def plain_paragraph_html(paragraph: str) -> str:
    """``paragraph`` as one escaped ``<p>``, its line breaks kept. Given to python-markdown,
    it is a raw HTML block, which it passes through without reading it."""
    lines = html_escape(paragraph.strip("\n"), quote=False).split("\n")
    return "<p>" + "<br>\n".join(lines) + "</p>\n"


def _regions(text: str, reader: _Reader) -> Iterator[tuple[str, bool]]:
    """``text`` as (piece, True) for runs of lines between blank lines, and (piece, False)
    for blank lines and the fenced code blocks python-markdown will find."""
    done = 0
    for fence in reader.fence.finditer(text):
        yield from _chunks(text[done : fence.start()])
        yield fence.group(), False
        done = fence.end()
    yield from _chunks(text[done:])


def _chunks(text: str) -> Iterator[tuple[str, bool]]:
    done = 0
    for blank in _BLANK_LINE.finditer(text):
        if blank.start() > done:
            yield text[done : blank.start()], True
        yield blank.group(), False
        done = blank.end()
    if done < len(text):
        yield text[done:], True


def _guard_chunk(chunk: str, reader: _Reader) -> str:
    units = list(_units(chunk, reader))
    if any(_too_many_marks(unit) for unit in units):
        # A plain paragraph cannot sit inside a list or table: the whole chunk goes plain.
        return plain_paragraph_html(chunk)
    guarded = [_defuse_brackets(unit) for unit in units]
    if all(new is old for new, old in zip(guarded, units, strict=True)):
        return chunk
    return "".join(guarded)


def _units(chunk: str, reader: _Reader) -> Iterator[str]:
    """The pieces of ``chunk`` python-markdown reads inline one at a time: the items of a
    list (each with its continuation and nested lines), the rows of a table, or else the
    whole chunk as one paragraph."""
    if reader.table.test(None, chunk):
        yield from chunk.splitlines(keepends=True)
        return
    processor = next((p for p in reader.lists if p.RE.match(chunk)), None)
    if processor is None:
        yield chunk
        return
    item: list[str] = []
    for line in chunk.splitlines(keepends=True):
        if item and processor.CHILD_RE.match(line):
            yield "".join(item)
            item = []
        item.append(line)
    yield "".join(item)


def _too_many_marks(unit: str) -> bool:
    return sum(1 for char in unit if char in _MARKS) * len(unit) > MAX_MARK_WORK


def _defuse_brackets(unit: str) -> str:
    masked = _ESCAPED.sub(lambda m: "  ", unit)  # escaped brackets are never scanned
    if _scan_cost(masked) <= STEPS_PER_CHARACTER * len(unit) + FREE_STEPS:
        return unit
    out: list[str] = []
    for char, seen in zip(unit, masked, strict=True):
        if seen in "[]":
            out.append("\\")
        out.append(char)
    return "".join(out)


def _scan_cost(masked: str) -> int:
    """How many characters python-markdown's bracket scans read in this unit: from each
    ``[`` to the ``]`` that closes it, or to the end when none does; and for each ``](``,
    from the ``(`` to the ``)`` that closes it (the link's address), or to the end."""
    closing = _closing_parens(masked)
    open_at: list[int] = []
    cost = 0
    for index, char in enumerate(masked):
        if char == "[":
            open_at.append(index)
        elif char == "]" and open_at:
            cost += index - open_at.pop()
            if masked.startswith("(", index + 1):
                cost += closing.get(index + 1, len(masked)) - index
    return cost + sum(len(masked) - index for index in open_at)


def _closing_parens(masked: str) -> dict[int, int]:
    """Where the ``)`` that closes each ``(`` is."""
    open_at: list[int] = []
    closing: dict[int, int] = {}
    for index, char in enumerate(masked):
        if char == "(":
            open_at.append(index)
        elif char == ")" and open_at:
            closing[open_at.pop()] = index
    return closing


def _limit_abbreviations(text: str) -> str:
    starts = [match.start() for match in _ABBREVIATION.finditer(text)]
    if len(starts) <= MAX_ABBREVIATIONS:
        return text
    pieces, done = [], 0
    for start in starts[MAX_ABBREVIATIONS:]:
        star = text.index("*", start)
        pieces += (text[done:star], "\\")
        done = star
    pieces.append(text[done:])
    return "".join(pieces)
