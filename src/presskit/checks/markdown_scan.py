"""Links, images and running text in Markdown source, with the line each one is on.

The checks need line numbers, which a Markdown-to-HTML converter throws away, so this reads
the source itself. Fenced and indented code, HTML comment blocks and reference definitions
(``[ref]: url``) are set aside line by line. Inline links and images (``[text](url "title")``),
autolinks (``<https://…>``), raw ``<a href>`` and ``<img src>`` tags and reference links
(``[text][ref]``, ``[text][]``, ``[ref]``) are then found paragraph by paragraph, so a link
whose text wraps onto a second line is still found, and code spans are never mistaken for
links.

``prose`` is the source with everything that is not running text (link targets, code, tags,
Markdown syntax) blanked out with spaces, keeping every offset and newline: the word count
and the speller read it, and an offset in it is an offset in the source.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class MarkdownLink:
    """A link or image in Markdown source. ``line`` counts from 1; offsets index the source."""

    line: int
    start: int
    end: int
    text: str  # the link text or image alt text, whitespace collapsed
    target: str  # the address as written, without <angle brackets>; "" when empty
    image: bool = False
    form: str = "inline"  # inline, reference, autolink or html
    label: str = ""  # the reference label of a reference link
    defined: bool = True  # False for [text][label] when no [label]: definition exists


@dataclass(frozen=True)
class MarkdownScan:
    """Everything :func:`scan_markdown` found, links in source order."""

    links: tuple[MarkdownLink, ...]
    prose: str


_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
_DEFINITION = re.compile(
    r"^ {0,3}\[(?!\^)((?:[^\[\]\\]|\\.)+)\]:[ \t]*(?:<([^<>]*)>|(\S+))"
    r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t]*$"
)

_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# Link text may hold one level of brackets, as in [![logo](logo.png)](https://…).
_TEXT = r"(?:[^\[\]]|\[[^\[\]]*\])*"
# A destination: <anything but angle brackets>, or no spaces with balanced (parentheses).
_DEST = r"<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*"
_TITLE = r"\"[^\"]*\"|'[^']*'|\([^()]*\)"
_INLINE = re.compile(rf"(!?)\[({_TEXT})\]\(\s*({_DEST})(?:\s+(?:{_TITLE}))?\s*\)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_TAG_TARGET = re.compile(
    r"^<(a|img)\s[^<>]*?\b(?:href|src)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'<>]+))", re.I
)
_TAG_ALT = re.compile(r"\balt\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.I)
_FULL_REF = re.compile(rf"(!?)\[({_TEXT})\][ \t]?\[((?:[^\[\]\\]|\\.)*)\]")
_SHORTCUT_REF = re.compile(rf"(!?)\[({_TEXT})\](?![ \t]?\[|\(|:)")
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]:?")
_ATTR_LIST = re.compile(r"\{:?[ \t]*[#.][^{}\n]*\}|\{:[^{}\n]*\}")


def normalize_label(label: str) -> str:
    """Reference labels match case-insensitively, with runs of whitespace as one space."""
    return " ".join(label.split()).casefold()


def _blank(text: str) -> str:
    """Spaces in place of ``text``, keeping its newlines (so offsets and lines stay put)."""
    return re.sub(r"[^\n]", " ", text)


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every ``(start, end)`` span blanked, in one pass however many there are.

    Rebuilding the text once per span made a paragraph of n links cost n copies of it:
    seconds, on the GUI thread, for a pasted list of a few thousand links.
    """
    pieces: list[str] = []
    done = 0
    for span_start, end in sorted(spans):
        start = max(span_start, done)  # spans may overlap
        if end <= start:
            continue
        pieces += (text[done:start], _blank(text[start:end]))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


@lru_cache(maxsize=16)
def scan_markdown(text: str) -> MarkdownScan:
    """The links and the prose of Markdown ``text``.

    Cached: the body is scanned once per edit however many rules and the speller read it.
    """
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    sorter = _LineSorter()
    sorter.sort(lines)
    prose_lines = [" " * len(line) for line in lines]  # all but paragraphs is not prose
    links: list[MarkdownLink] = []
    for first, last in sorter.blocks:
        block = "\n".join(lines[first : last + 1])
        scanner = _BlockScanner(block, starts[first], starts, sorter.definitions)
        scanner.run()
        links.extend(scanner.links)
        prose_lines[first : last + 1] = scanner.prose().split("\n")
    links.sort(key=lambda link: link.start)
    return MarkdownScan(tuple(links), "\n".join(prose_lines))


class _LineSorter:
    """Sorts lines into paragraph blocks, code, comments and link definitions, in one pass."""

    def __init__(self) -> None:
        self.blocks: list[tuple[int, int]] = []  # first and last line index of each paragraph
        self.definitions: dict[str, str] = {}
        self.fence: tuple[str, int] | None = None
        self.in_comment = self.in_list = self.prev_blank = self.prev_code = False
        self.block_start: int | None = None

    def sort(self, lines: list[str]) -> None:
        for i, line in enumerate(lines):
            if self.fence is not None:
                self._inside_fence(line)
            elif self.in_comment:
                self.in_comment = "-->" not in line
            elif not line.strip():
                self._close_block(i - 1)
                self.prev_blank = True
            elif not self._set_aside(i, line):
                self._text_line(i, line)
        self._close_block(len(lines) - 1)

    def _close_block(self, last: int) -> None:
        if self.block_start is not None:
            self.blocks.append((self.block_start, last))
            self.block_start = None

    def _inside_fence(self, line: str) -> None:
        assert self.fence is not None
        mark = line.strip()
        # A closing fence: the same character, at least as long, indented at most 3 spaces.
        if mark and set(mark) == {self.fence[0]} and len(mark) >= self.fence[1]:
            self.fence = None if line[:4].strip() else self.fence

    def _set_aside(self, i: int, line: str) -> bool:
        """Handle a line that is code, a comment or a definition; False for a text line."""
        indented = line.startswith(("    ", "\t"))
        code = (
            indented
            and self.block_start is None
            and (self.prev_blank or self.prev_code)
            and not self.in_list
        )
        opening = None if code else _FENCE_OPEN.match(line)
        definition = None if code or opening else _DEFINITION.match(line)
        comment = line.strip().startswith("<!--") and "-->" not in line.strip()[4:]
        if not (code or opening or definition or comment):
            return False
        self._close_block(i - 1)
        if opening:
            self.fence = (opening.group(1)[0], len(opening.group(1)))
        elif definition:
            target = definition.group(2) if definition.group(2) is not None else definition[3]
            self.definitions.setdefault(normalize_label(definition.group(1)), target.strip())
        elif comment and not code:
            self.in_comment = True
        self.prev_code, self.prev_blank = bool(code), False
        return True

    def _text_line(self, i: int, line: str) -> None:
        if _LIST_ITEM.match(line):
            self.in_list = True
        elif self.prev_blank and not line.startswith((" ", "\t")):
            self.in_list = False
        if self.block_start is None:
            self.block_start = i
        self.prev_blank = self.prev_code = False


class _BlockScanner:
    """Finds the links of one paragraph block and which of its characters are prose."""

    def __init__(self, block: str, offset: int, starts: list[int], definitions: dict[str, str]):
        self.block = block
        self.work = block  # the block with what is already understood blanked out
        self.offset = offset
        self.starts = starts  # where each line of the whole text starts
        self.definitions = definitions
        self.links: list[MarkdownLink] = []
        self.masked: list[tuple[int, int]] = []  # spans that are not prose
        self._hidden: list[tuple[int, int]] = []  # spans to blank in the work copy, batched
        self._lower_block = block.lower()

    def run(self) -> None:
        self._mask_all(_ESCAPE)
        self._mask_all(_CODE_SPAN)
        self._mask_all(_COMMENT)
        for _ in range(3):  # links inside link text (an image in a link) come out next pass
            if not self._sub(_INLINE, self._inline):
                break
        self._sub(_AUTOLINK, self._autolink)
        self._sub(_TAG, self._tag)
        self._sub(_FULL_REF, self._full_reference)
        self._sub(_SHORTCUT_REF, self._shortcut_reference)
        self._mask_all(_FOOTNOTE)
        self._mask_all(_ATTR_LIST)

    def prose(self) -> str:
        return _blank_spans(self.block, self.masked)

    def _mask_all(self, pattern: re.Pattern[str]) -> None:
        def mask(match: re.Match[str]) -> str:
            self.masked.append(match.span())
            return _blank(match.group())

        self.work = pattern.sub(mask, self.work)

    def _sub(self, pattern: re.Pattern[str], handle: Callable[[re.Match[str]], bool]) -> bool:
        """Run ``handle`` on each match; it blanks what it understood. True if any matched."""
        found = False
        for match in list(pattern.finditer(self.work)):
            found = handle(match) or found
        # Handlers read only the original block, so the blanking can wait until all have run.
        self.work = _blank_spans(self.work, self._hidden)
        self._hidden = []
        return found

    def _hide(self, start: int, end: int, prose: bool = False) -> None:
        """Blank ``start:end`` in the work copy, and in the prose unless it is prose."""
        self._hidden.append((start, end))
        if not prose:
            self.masked.append((start, end))

    def _text(self, match: re.Match[str], group: int) -> str:
        """The link text as a reader sees it: an image inside it shows as its alt text."""
        text = self.block[match.start(group) : match.end(group)]
        return " ".join(_INLINE.sub(lambda inner: inner.group(2), text).split())

    def _add(
        self,
        match: re.Match[str],
        text: str,
        target: str,
        *,
        image: bool = False,
        form: str = "inline",
        label: str = "",
        defined: bool = True,
    ) -> None:
        start, end = self.offset + match.start(), self.offset + match.end()
        line = bisect.bisect_right(self.starts, start)
        self.links.append(MarkdownLink(line, start, end, text, target, image, form, label, defined))

    def _inline(self, match: re.Match[str]) -> bool:
        target = self.block[match.start(3) : match.end(3)].strip()
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1].strip()
        self._add(match, self._text(match, 2), target, image=bool(match.group(1)))
        self._hide(match.start(), match.start(2))
        self._hide(match.end(2), match.end())
        return True

    def _autolink(self, match: re.Match[str]) -> bool:
        target = match.group(1)
        self._add(match, target, target, form="autolink")
        self._hide(*match.span())
        return True

    def _tag(self, match: re.Match[str]) -> bool:
        tag = self.block[match.start() : match.end()]
        if found := _TAG_TARGET.match(tag):
            image = found.group(1).lower() == "img"
            target = next(g for g in found.groups()[1:] if g is not None).strip()
            text = ""
            if image and (alt := _TAG_ALT.search(tag)):
                text = alt.group(1) if alt.group(1) is not None else alt.group(2)
            elif not image:
                close = self._lower_block.find("</a>", match.end())
                inner = self.block[match.end() : close] if close >= 0 else ""
                text = " ".join(_TAG.sub(" ", inner).split())
            self._add(match, text, target, image=image, form="html")
        self._hide(*match.span())
        return False

    def _full_reference(self, match: re.Match[str]) -> bool:
        label = match.group(3) or match.group(2)  # [text][] uses the text as its label
        target = self.definitions.get(normalize_label(label))
        image = bool(match.group(1))
        text = self._text(match, 2)
        self._add(
            match,
            text,
            target or "",
            image=image,
            form="reference",
            label=label.strip(),
            defined=target is not None,
        )
        self._hide(match.start(), match.start(2))
        self._hide(match.end(2), match.end())
        return True

    def _shortcut_reference(self, match: re.Match[str]) -> bool:
        label = match.group(2)
        target = self.definitions.get(normalize_label(label))
        if target is None or label.startswith("^"):  # plain text in brackets, or a footnote
            return False
        image = bool(match.group(1))
        self._add(
            match, self._text(match, 2), target, image=image, form="reference", label=label.strip()
        )
        self._hide(match.start(), match.start(2))
        self._hide(match.end(2), match.end())
        return True
