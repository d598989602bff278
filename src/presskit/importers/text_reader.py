"""Plain text (pasted, a .txt or .md file, an email's text part) -> blocks.

Blank lines end paragraphs. Inside a paragraph, hard-wrapped lines (a line that stops
mid-sentence near the wrap width) are joined back; lines that stand apart (a contact's name,
title and phone; a page's menu) stay separate blocks of one group. Markdown headings, list
items, links and whole-line emphasis are understood; format=flowed soft breaks are joined.
"""

from __future__ import annotations

import re

from presskit.importers.cues import TITLE_SMALL_WORDS
from presskit.importers.dates import parse_dateline
from presskit.importers.features import EMAIL, looks_like_name, phone_numbers
from presskit.importers.model import Block, BlockKind, SourceDocument
from presskit.importers.runs import split_run

_LIST = re.compile(r"^\s*(?P<mark>[-*•‣◦–]|\d{1,3}[.)])\s+(?P<text>\S.*)$")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>[^#\s].*?)\s*#*\s*$")
_MD_LINK = re.compile(r"\[([^\]\n]{1,300})\]\(([^)\s]{1,2000})\)")
_EMPHASIS = re.compile(r"^(\*\*|__)(?P<text>.+)\1$")
_ITALIC = re.compile(r"^([*_])(?P<text>[^*_].*)\1$")
_ENDS_SENTENCE = re.compile(r"[.!?:;…\"”’)]$")
_QUOTE = re.compile(r"^\s*>\s?")
_ENDS_DATE = re.compile(r"(\d{1,2}:\d{2}(\s?[ap]\.?m\.?)?|\b\d{4})$", re.IGNORECASE)
_RUN_REACH = 12  # blocks from the top where a run-together head is looked for
_LABEL = re.compile(r"^[A-ZÀ-Ý][\w’'-]*(?: [\w’'-]+){0,2}\s?:(?:\s|$)")


def read_text(text: str, name: str, fmt: str = "text", *, whole: bool = False) -> SourceDocument:
    """The blocks of plain text; source lines are the text's own lines. ``whole``: the lines
    are already whole (a PDF's, joined by its layout), each line one block."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    document = SourceDocument(name=name, format=fmt, lines=list(lines))
    if lines and all(_QUOTE.match(line) or not line.strip() for line in lines if line.strip()):
        lines = [_QUOTE.sub("", line) for line in lines]  # a wholly quoted message
    paragraphs: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip():
            paragraphs[-1].append((number, line))
        elif paragraphs[-1]:
            paragraphs.append([])
    found = paragraphs[:-1] if whole else _columns(_double_spaced_titles(paragraphs[:-1]))
    for group, paragraph in enumerate(found, start=1):
        if not whole and len(paragraph) > 1 and all(_capitals(line) for _, line in paragraph):
            _add_block(document, paragraph, group)  # a title in capitals, line by line
        else:
            _add_paragraph(document, paragraph, group, whole)
    return document


_GAP = re.compile(r"^(\s*\S.*?\S)\s{4,}(\S.*)$")


def _columns(paragraphs: list[list[tuple[int, str]]]) -> list[list[tuple[int, str]]]:
    """A letterhead typed in two columns ("FOR IMMEDIATE RELEASE      CONTACT: Carol
    Hamilton" / "Wednesday, September 20, 1995      202-482-4883"): every line of the
    paragraph has a gap of four spaces or more; the left column, then the right one (both
    keep the source lines they came from)."""
    found: list[list[tuple[int, str]]] = []
    for paragraph in paragraphs:
        gaps = [_GAP.match(line) for _, line in paragraph]
        if len(paragraph) < 2 or not all(gaps) or all(_reach(gap[2]) for gap in gaps if gap):
            found.append(paragraph)
            continue
        found.append([(number, gap[1]) for (number, _), gap in zip(paragraph, gaps, strict=True)])
        found.append([(number, gap[2]) for (number, _), gap in zip(paragraph, gaps, strict=True)])
    return found


def _reach(text: str) -> bool:
    """A phone number or an address alone: a contact's row ("Jerry Rodriguez   (406) …")."""
    text = text.strip()
    return bool(EMAIL.fullmatch(text)) or phone_numbers(text) == [text]


def _double_spaced_titles(paragraphs: list[list[tuple[int, str]]]) -> list[list[tuple[int, str]]]:
    """A headline typed double-spaced, a blank line after each of its lines ("U.S. FISH AND
    WILDLIFE SERVICE ANNOUNCES START OF" / "PUBLIC COMMENT PERIOD FOR" / ...), is one
    paragraph: a one-line paragraph in capitals that stops after a small word, a comma or a
    semicolon goes on in the next one when that is in capitals too."""
    merged: list[list[tuple[int, str]]] = []
    for paragraph in paragraphs:
        if (
            merged
            and _title_goes_on(merged[-1][-1][1], paragraph[0][1])
            and (len(merged[-1]) == 1 or all(_capitals(line) for _, line in merged[-1]))
            and len(paragraph) == 1
        ):
            merged[-1] = merged[-1] + paragraph
        else:
            merged.append(paragraph)
    return merged


def _title_goes_on(previous: str, line: str) -> bool:
    """… "ON REPORTING REQUIREMENTS" / "FOR NUCLEAR POWER PLANTS": a small word ends the one
    or starts the other."""
    last = previous.strip().rsplit(maxsplit=1)[-1] if previous.strip() else ""
    first = line.strip().split(maxsplit=1)[0].lower() if line.strip() else ""
    return (
        _capitals(previous)
        and _capitals(line)
        and (last.lower() in TITLE_SMALL_WORDS or last[-1:] in ",;" or first in TITLE_SMALL_WORDS)
    )


def _capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 6 and all(c.isupper() for c in letters)


def _add_paragraph(
    document: SourceDocument, lines: list[tuple[int, str]], group: int, whole: bool = False
) -> None:
    width = max(40, *(len(line.strip()) for _, line in lines))
    wrapped = _wrapped(lines, width)
    current: list[tuple[int, str]] = []
    for number, line in lines:
        list_item = _LIST.match(line)
        starts_new = list_item is not None or _HEADING.match(line) is not None
        centred = _indent(line) >= 8
        if centred and current and _indent(current[-1][1]) >= 8 and _goes_on(current[-1][1], line):
            starts_new = False  # a centred headline broken over two lines
        elif centred or (current and _indent(current[-1][1]) >= 8):
            starts_new = True
        if current and (
            starts_new or whole or not (wrapped or _continues(current[-1][1], line, width))
        ):
            _add_block(document, current, group)
            current = []
        current.append((number, line))
    if current:
        _add_block(document, current, group)
    parts = [b for b in document.blocks[-len(lines) :] if b.group == group]
    if len(parts) > 1:  # lines that stand apart: a contact block, a menu
        for block in parts:
            if block.kind is BlockKind.PARAGRAPH:
                block.kind = BlockKind.LINE


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _wrapped(lines: list[tuple[int, str]], width: int) -> bool:
    """A paragraph of three or more lines all near the wrap width is one hard-wrapped text."""
    if len(lines) < 3 or width < 55:
        return False
    body = [line.strip() for _, line in lines[:-1]]
    return all(len(line) >= 0.72 * width for line in body) and not any(
        _LIST.match(line) or "@" in line for line in body
    )


def _continues(previous: str, line: str, width: int) -> bool:
    """Whether ``line`` carries on the sentence that ``previous`` broke off (a hard wrap)."""
    if previous.endswith(" ") and previous.strip():  # format=flowed: a soft line break
        return True
    previous = previous.strip()
    if _ENDS_SENTENCE.search(previous) or _ENDS_DATE.search(previous):
        return False
    if len(previous) < 0.55 * width:  # a short line: only a sentence going on in lower case
        return (
            _lower_continuation(previous, line.strip())
            or _goes_on(previous, line)
            or _dateline_goes_on(previous, line.strip())
        )
    if _LABEL.match(line.strip()):  # "Release Date: ...", "Contact: ...", "WHO: ..."
        return False
    if _LABEL.match(previous) and looks_like_name(line.strip()):
        return False  # "Contact:  Anne Luzzatto" / "Dianne Wildman": a list of people
    return not line.lstrip().startswith(("(", "+", "@")) and len(line.strip()) > 0


def _goes_on(previous: str, line: str) -> bool:
    """A title broken after a small word: "Census Bureau to Brief Reporters on" + "Census
    2000 Long-Form Demographic Profiles"; or a line going on in lower case."""
    last = previous.rsplit(maxsplit=1)[-1].lower() if previous.split() else ""
    line = line.strip()
    return bool(line) and (
        line[:1].islower() or (last in TITLE_SMALL_WORDS and len(previous.split()) >= 3)
    )


def _dateline_goes_on(previous: str, line: str) -> bool:
    """ "MARINE CORPS AIR STATION MIRAMAR," then "Calif. (April 26, 2016) – Personnel …": a
    dateline broken after its city's comma."""
    if not previous.endswith(",") or len(previous.split()) > 8:
        return False
    found = parse_dateline(f"{previous} {line}")
    return found is not None and bool(found.city) and found.end > len(previous) + 1


def _lower_continuation(previous: str, line: str) -> bool:
    """ "…der Europäischen Kommission zu den Anschlägen" then "in Brüssel": a line that goes
    on in lower case after one without a stop (not an address, a list or a label)."""
    return (
        line[:1].islower()
        and len(previous.split()) >= 3
        and "@" not in line
        and not re.match(r"(https?://|www\.)", line)
        and not previous.endswith(",")
    )


def _add_block(document: SourceDocument, lines: list[tuple[int, str]], group: int) -> None:
    first, last = lines[0][0], lines[-1][0]
    joined = _join([line.strip() for _, line in lines])
    kind, level, ordered = BlockKind.PARAGRAPH, 0, False
    heading = _HEADING.match(joined)
    list_item = _LIST.match(joined)
    if heading:
        kind, level, joined = BlockKind.HEADING, len(heading["hashes"]), heading["text"]
    elif list_item:
        kind, ordered, joined = (
            BlockKind.LIST_ITEM,
            list_item["mark"][0].isdigit(),
            list_item["text"],
        )
    bold = italic = False
    if match := _EMPHASIS.match(joined):
        bold, joined = True, match["text"]
    elif (match := _ITALIC.match(joined)) and "*" not in match["text"]:
        italic, joined = True, match["text"]
    plain = _MD_LINK.sub(r"\1", joined)
    links = [(m[1], m[2]) for m in _MD_LINK.finditer(joined)]
    if kind is BlockKind.PARAGRAPH and not links and len(document.blocks) < _RUN_REACH:
        pieces = split_run(plain)
        if len(pieces) > 1:  # a page's top run together on one line: its parts apart
            for piece in pieces:
                piece_block = Block(piece, kind=BlockKind.LINE, lines=(first, last), group=group)
                document.add(piece_block)
            return
    block = Block(
        text=plain, markdown=joined if links else "", kind=kind, lines=(first, last),
        group=group, level=level, ordered=ordered, bold=bold, italic=italic, links=links,
        centred=_indent(lines[0][1]) >= 8,
    )  # fmt: skip
    document.add(block)


def _join(parts: list[str]) -> str:
    """Lines of one paragraph as one text; a word hyphenated at a line end is mended."""
    text = ""
    for part in parts:
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and part[:1].islower():
            text = text[:-1] + part
        else:
            text = f"{text} {part}" if text else part
    return text


def read_text_file(data: bytes, name: str, _progress: object = None) -> SourceDocument:
    """A .txt or .md file's blocks (a Markdown release file's front matter is refused)."""
    from presskit.importers.guards import decode_text  # noqa: PLC0415

    text = decode_text(data, name)
    return read_text(text, name)
