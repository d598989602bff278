"""vCard bytes to cards of decoded properties: line ends, folding, quoted-printable, charsets.

vobject parses clean vCard text well but not what phones and Outlook really write (see
``testdata/vcard/README.md`` in the shared folder), so this module reads the raw bytes first:

- Line ends: CRLF, LF, CR and iOS 6's CR CR LF are all one line break.
- Folding: a line starting with a space or TAB continues the previous one, even inside a
  parameter list (RFC 6350 allows it; Evolution writes it).
- vCard 2.1 quoted-printable: a QP value ending in ``=`` continues on the next line whatever
  that line starts with (a ``#``, an unindented ``=20``), and the whole value is decoded to
  bytes *before* its charset, so a UTF-8 character split across a soft break survives.
- Charsets: a ``CHARSET`` parameter is honoured (windows-1251, Shift_JIS, ...). Text without
  one is UTF-8 when it decodes as UTF-8; otherwise the file's own charset is guessed once, from
  all such text in it (see :func:`_guess_charset`), and a warning says which was used.
- Cards: split here, so one broken card costs only that card. A card nested inside another is
  a card of its own; a card the file ends inside is kept; lines that are not properties (such
  as ``# comments``) are dropped, and each of these is reported.

The values returned are text still in the vCard's own escaping (``\\,`` ``\\;`` ``\\n``);
only quoted-printable and charset encodings are undone.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

_LINE_BREAK = re.compile(rb"\r*\n|\r")
_NAME = re.compile(r"^(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)$")
_QP_BYTE = re.compile(rb"=([0-9A-Fa-f]{2})")
_BARE_ENCODINGS = frozenset({"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"})
_ASCII_CHARSETS = frozenset({"ascii", "us-ascii", "646"})
FALLBACK_CHARSETS = ("windows-1252", "windows-1250")
"""Tried, after the charsets a file declares elsewhere, for text that is not UTF-8; windows-1252
wins ties because it is what Outlook and Mac Address Book wrote in Western Europe and America."""


@dataclass
class Property:
    """One vCard property: ``item1.TEL;TYPE=CELL:+1 555`` -> group, name, params, value."""

    line: int  # where it starts in the file, counting from 1
    group: str
    name: str  # upper-case
    params: dict[str, list[str]]  # upper-case names; a bare 2.1 parameter is a TYPE
    value: str


@dataclass
class Card:
    """The properties of one BEGIN:VCARD ... END:VCARD block and what was wrong with it."""

    number: int  # counting BEGIN:VCARD lines from 1, as a person reading the file would
    line: int
    version: str = ""
    properties: list[Property] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    raw: list[tuple[int, bytes]] = field(default_factory=list, repr=False)


@dataclass
class CardFile:
    """Every card of a file, and the problems that concern the file as a whole."""

    cards: list[Card]
    problems: list[str]


@dataclass
class _RawProperty:
    line: int
    group: str
    name: str
    params: dict[str, list[str]]
    value: bytes  # quoted-printable already undone
    charset: str | None


def read_cards(data: bytes) -> CardFile:
    """Split vCard bytes into cards of decoded properties (see the module's docstring)."""
    lines = _logical_lines(_physical_lines(data))
    cards, problems = _split_cards(lines)
    raw_cards = [(card, _parse_card(card)) for card in cards]
    charset = _guess_charset([p for _, props in raw_cards for p in props])
    if charset:
        problems.append(
            f"some text names no character set and is not UTF-8; it was read as {charset}"
        )
    for card, props in raw_cards:
        card.properties = [_decode(card, p, charset or FALLBACK_CHARSETS[0]) for p in props]
    return CardFile(cards, problems)


def _physical_lines(data: bytes) -> list[bytes]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.decode("utf-16").encode("utf-8")  # some Windows tools write UTF-16
    return _LINE_BREAK.split(data.removeprefix(codecs.BOM_UTF8))


def _logical_lines(lines: list[bytes]) -> list[tuple[int, bytes]]:
    """Unfold: join continuation lines to the line they continue; drop blank lines."""
    result: list[tuple[int, bytes]] = []
    current: bytearray | None = None
    start = 0
    for number, line in enumerate(lines, 1):
        if current is not None and _soft_break(current, line):
            current[-1:] = line  # the "=" and the line break both go
            continue
        if current is not None and line[:1] in (b" ", b"\t"):
            current += line[1:]
            continue
        if current is not None:
            result.append((start, bytes(current)))
            current = None
        if line.strip():
            current, start = bytearray(line), number
    if current is not None:
        result.append((start, bytes(current)))
    return result


def _soft_break(current: bytearray, following: bytes) -> bool:
    """Whether ``current`` is a quoted-printable value whose last ``=`` joins ``following``."""
    if not current.endswith(b"="):
        return False
    # A card boundary is never part of a value, even after a dangling "=".
    if following.strip().upper() in (b"END:VCARD", b"BEGIN:VCARD"):
        return False
    return _is_quoted_printable(current)


def _split_name_part(text: bytes) -> tuple[bytes, bytes] | None:
    """Cut a content line at the first colon outside double quotes: (name;params, value)."""
    quoted = False
    for index, byte in enumerate(text):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return text[:index], text[index + 1 :]
    return None


def _split_params(text: str) -> list[str]:
    parts, current, quoted = [], [], False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _parse_params(items: list[str]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:  # vCard 2.1: TEL;CELL;PREF, NOTE;QUOTED-PRINTABLE
            key, value = "TYPE", key
            if value.strip().upper() in _BARE_ENCODINGS:
                key = "ENCODING"
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        if key.strip():
            params.setdefault(key.strip().upper(), []).append(value)
    return params


def _is_quoted_printable(line: bytes | bytearray) -> bool:
    split = _split_name_part(bytes(line))
    if split is None:
        return False
    params = _parse_params(_split_params(split[0].decode("latin-1"))[1:])
    return any(v.upper() == "QUOTED-PRINTABLE" for v in params.get("ENCODING", []))


def _split_cards(lines: list[tuple[int, bytes]]) -> tuple[list[Card], list[str]]:
    cards: list[Card] = []
    open_cards: list[Card] = []
    problems: list[str] = []
    outside: list[int] = []
    for number, text in lines:
        key = text.strip().upper()
        if key == b"BEGIN:VCARD":
            card = Card(number=len(cards) + 1, line=number)
            if open_cards:
                parent = open_cards[-1].number
                card.problems.append(f"is nested inside card {parent}; imported on its own")
            cards.append(card)
            open_cards.append(card)
        elif key == b"END:VCARD" and open_cards:
            open_cards.pop()
        elif open_cards:
            open_cards[-1].raw.append((number, text))
        else:
            outside.append(number)
    for card in open_cards:
        card.problems.append("has no END:VCARD; the file ends inside it")
    if outside:
        problems.append(f"{_lines_text(outside)} outside any BEGIN:VCARD ... END:VCARD ignored")
    return cards, problems


def _lines_text(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:5]) + (", ..." if len(numbers) > 5 else "")
    return f"line {shown}" if len(numbers) == 1 else f"lines {shown}"


def _parse_card(card: Card) -> list[_RawProperty]:
    properties, ignored = [], []
    card.version = next(
        (
            t.split(b":", 1)[1].strip().decode("ascii", "replace")
            for _, t in card.raw
            if t.upper().startswith(b"VERSION:")
        ),
        "",
    )
    for number, text in card.raw:
        split = _split_name_part(text)
        head = _split_params(split[0].decode("utf-8", "replace")) if split else []
        match = _NAME.match(head[0].strip()) if head else None
        if split is None or match is None:
            ignored.append(number)
            continue
        params = _parse_params(head[1:])
        value = split[1]
        if "QUOTED-PRINTABLE" in (v.upper() for v in params.get("ENCODING", [])):
            value = _QP_BYTE.sub(lambda m: bytes([int(m.group(1), 16)]), value)
            del params["ENCODING"]
            if card.version and not card.version.startswith("2"):
                card.problems.append(
                    f"line {number}: quoted-printable belongs to vCard 2.1, not "
                    f"{card.version}; decoded anyway"
                )
        charset = (params.pop("CHARSET", None) or [None])[0]
        group, name = match.group(1) or "", match.group(2).upper()
        properties.append(_RawProperty(number, group, name, params, value, charset))
    if ignored:
        card.problems.append(f"{_lines_text(ignored)}: not vCard properties, ignored")
    return properties


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _guess_charset(properties: list[_RawProperty]) -> str | None:
    """The charset for text that names none and is not UTF-8, or None when there is none.

    Candidates are the charsets the file names elsewhere (a file usually has one), then
    windows-1252 and windows-1250. Each reads all such text of the file; the one that makes
    the most letters out of its non-ASCII bytes wins, the earlier on a tie. Outlook 2003's
    ``Krak=F3w, ma=B3opolskie`` is "Kraków, małopolskie" in windows-1250 (two letters) and
    "Kraków, ma³opolskie" in windows-1252 (a letter and a superscript three).
    """
    orphans = [
        p.value
        for p in properties
        if _codec(p.charset) in (None, *_ASCII_CHARSETS) and not _is_utf8(p.value)
    ]
    if not orphans:
        return None
    declared = [_codec(p.charset) for p in properties]
    candidates = [c for c in declared if c and c not in _ASCII_CHARSETS and c != "utf-8"]
    candidates = list(dict.fromkeys([*candidates, *FALLBACK_CHARSETS]))

    def score(charset: str) -> int:
        text = "".join(value.decode(charset, "replace") for value in orphans)
        letters = sum(1 for ch in text if ord(ch) > 127 and ch.isalpha())
        return letters - 2 * text.count("\ufffd")

    scores = [score(c) for c in candidates]
    return candidates[scores.index(max(scores))]


def _decode(card: Card, prop: _RawProperty, fallback: str) -> Property:
    codec = _codec(prop.charset)
    if prop.charset and codec is None:
        card.problems.append(f"{prop.name}: unknown character set '{prop.charset}'")
    if codec and codec not in _ASCII_CHARSETS:
        try:
            text = prop.value.decode(codec)
        except UnicodeDecodeError:
            text = prop.value.decode(codec, "replace")
            card.problems.append(
                f"{prop.name}: the text is not valid {prop.charset}; "
                "unreadable bytes were replaced by \ufffd"
            )
    elif _is_utf8(prop.value):
        text = prop.value.decode("utf-8")
    else:
        text = prop.value.decode(fallback, "replace")
    return Property(prop.line, prop.group, prop.name, prop.params, text)
