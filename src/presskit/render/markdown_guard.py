"""Keeps python-markdown's time linear in the text, however the text was made.

python-markdown is quadratic in two ways that real releases never meet but a paste or a
hostile file can, and the fuzzing found both (a 200 KB body took minutes):

- Every inline match (emphasis, a code span, an escape, a line break...) rebuilds the
  paragraph's text, so a paragraph of n characters with m such marks costs about n * m: an
  80 KB paragraph of ``*a*`` took 10 s. A paragraph whose marks times length is beyond
  :data:`MAX_MARK_WORK` is given to python-markdown as a plain HTML paragraph instead: its
  text and line breaks kept, its Markdown not interpreted.
- For every ``[`` it scans for the ``]`` that closes it, to the paragraph's end when none
  does: 8,000 unclosed ``[`` (8 KB) took 16 s, brackets nested 4,000 deep 5 s. In a paragraph
  whose bracket scans cost far more than its length, the brackets are backslash-escaped
  (outside code), so they print as the brackets they are and nothing is scanned.

Real paragraphs are far below both bounds, and nothing is changed in them.
"""

from __future__ import annotations

import re
from html import escape as html_escape

MAX_MARK_WORK = 10_000_000
"""A paragraph's length times its Markdown marks; about 0.05 s of python-markdown's time (a
real 2,000-character paragraph with 40 marks: 80,000)."""
_MARKS = frozenset("*_`[]!<&\\\"'\n")
STEPS_PER_CHARACTER = 16
"""A paragraph may cost this many bracket-scanning steps per character (real text: 1-3)..."""
FREE_STEPS = 10_000
"""...plus this many, so that short paragraphs are never touched."""

_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_BLANK = re.compile(r"^[ \t]*$")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
_ESCAPED = re.compile(r"\\[\\`*_{}\[\]()#+\-.!<>]")


def guard_markdown(text: str) -> str:
    """``text`` with over-costly paragraphs made plain or their brackets escaped."""
    return "".join(_guard(piece) if prose else piece for piece, prose in _paragraphs(text))


def _guard(paragraph: str) -> str:
    marks = sum(1 for char in paragraph if char in _MARKS)
    if marks * len(paragraph) > MAX_MARK_WORK:
        return plain_paragraph_html(paragraph)
    return _defuse_brackets(paragraph)


def plain_paragraph_html(paragraph: str) -> str:
    """``paragraph`` as one escaped ``<p>``, its line breaks kept. Given to python-markdown,
    it is a raw HTML block, which it passes through without reading it."""
    lines = [html_escape(line, quote=False) for line in paragraph.strip("\n").split("\n")]
    return "<p>" + "<br>\n".join(lines) + "</p>\n"


def _paragraphs(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into runs of lines: (run, True) for prose between blank lines, and
    (run, False) for blank lines and fenced code, which python-markdown does not scan."""
    runs: list[tuple[str, bool]] = []
    current: list[str] = []
    fence = ""

    def close(prose: bool) -> None:
        if current:
            runs.append(("".join(current), prose))
            current.clear()

    for line in text.splitlines(keepends=True):
        if fence:
            current.append(line)
            if line.lstrip(" ").startswith(fence):
                fence = ""
                close(False)
        elif match := _FENCE.match(line):
            close(True)
            fence = match.group(1)[0] * 3
            current.append(line)
        elif _BLANK.match(line):
            close(True)
            runs.append((line, False))
        else:
            current.append(line)
    close(not fence)
    return runs


def _defuse_brackets(paragraph: str) -> str:
    masked = _mask_code_and_escapes(paragraph)
    if _scan_cost(masked) <= STEPS_PER_CHARACTER * len(paragraph) + FREE_STEPS:
        return paragraph
    out: list[str] = []
    for char, seen in zip(paragraph, masked, strict=True):
        if seen in "[]":
            out.append("\\")
        out.append(char)
    return "".join(out)


def _mask_code_and_escapes(paragraph: str) -> str:
    """``paragraph`` with code spans and escaped characters blanked: their brackets are not
    scanned by python-markdown, and must not be escaped by us."""

    def blank(match: re.Match[str]) -> str:
        return " " * len(match.group())

    return _ESCAPED.sub(blank, _CODE_SPAN.sub(blank, paragraph))


def _scan_cost(masked: str) -> int:
    """How many characters python-markdown's bracket scans read in this paragraph: from each
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
