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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

_NAME = re.compile(r"^(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)$")
_QP_BYTE = re.compile(rb"=([0-9A-Fa-f]{2})")
_BARE_ENCODINGS = frozenset({"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"})
_ASCII_CHARSETS = frozenset({"ascii", "us-ascii", "646"})
_QUOTED_PRINTABLE = re.compile(rb"(?i)quoted-printable")
MAX_PROPERTY_BYTES = 256 * 1024
"""A property longer than this (after unfolding) is left out of its card with a warning: a
press contact's note is a few KB, and a photo (never imported) is what is usually this long.
Reading a 20 MB NOTE through vobject took 3 GB of memory."""
MAX_CARD_BYTES = 8 * 1024 * 1024
"""A card's lines past this are left out, with a warning: a card is a few KB."""
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
    raw: list[LogicalLine] = field(default_factory=list, repr=False)
    size: int = 0  # bytes of its lines so far
    too_long: list[tuple[int, str, int]] = field(default_factory=list)
    """(line, property name, size in bytes) of each property left out for its size."""


@dataclass
class CardFile:
    """Every card of a file, and the problems that concern the file as a whole."""

    cards: list[Card]
    problems: list[str]


@dataclass(slots=True)
class _RawProperty:
    line: int
    group: str
    name: str
    params: dict[str, list[str]]
    value: bytes  # quoted-printable already undone
    charset: str | None
    quoted_printable: bool = False


class LogicalLine(NamedTuple):
    """One unfolded content line: where it starts, its bytes (cut at the cap), its real size."""

    line: int
    text: bytes
    size: int


def read_cards(data: bytes) -> CardFile:
    """Split vCard bytes into cards of decoded properties (see the module's docstring)."""
    problems: list[str] = []
    cards = list(iter_cards(data, problems))
    return CardFile(cards, problems)


def iter_cards(data: bytes, problems: list[str]) -> Iterator[Card]:
    """The cards of ``data`` one at a time, in file order; file-wide problems go to ``problems``.

    Only one card's properties are held at a time (a card nested in another waits for its
    parent). A file that is not all UTF-8, or has quoted-printable text, is read twice: first
    for the charset guess, then for the cards. ``problems`` is complete when the iterator is
    exhausted (lines outside any card are known only at the end).
    """
    data = _utf8_bytes(data)
    charset = _guess_charset(list(_charset_evidence(data)))
    if charset:
        problems.append(
            f"some text names no character set and is not UTF-8; it was read as {charset}"
        )
    for card in _split_cards(_logical_lines(_physical_lines(data)), problems):
        props = _parse_card(card)
        card.properties = [_decode(card, p, charset or FALLBACK_CHARSETS[0]) for p in props]
        card.raw = []
        yield card


def _utf8_bytes(data: bytes) -> bytes:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.decode("utf-16").encode("utf-8")  # some Windows tools write UTF-16
    return data.removeprefix(codecs.BOM_UTF8)


def _physical_lines(data: bytes) -> Iterator[tuple[bytes, int]]:
    """Each line of ``data`` (cut after MAX_PROPERTY_BYTES + 1 bytes) and its real length.

    A line ends at LF (with any CRs before it: CR LF, iOS 6's CR CR LF) or at a lone CR.
    ``bytes.find`` rather than a regular expression: this runs once per line of the file.
    """
    cap = MAX_PROPERTY_BYTES + 1
    position, size = 0, len(data)
    while True:
        newline = data.find(b"\n", position)
        stop = size if newline < 0 else newline
        if newline >= 0:
            while stop > position and data[stop - 1] == 0x0D:
                stop -= 1
        start = position
        while (carriage := data.find(b"\r", start, stop)) >= 0:
            yield data[start : min(carriage, start + cap)], carriage - start
            start = carriage + 1
        yield data[start : min(stop, start + cap)], stop - start
        if newline < 0:
            return
        position = newline + 1


@dataclass
class _Logical:
    """A content line being unfolded: its text (up to the cap), its real size, QP or not."""

    start: int
    text: bytearray
    size: int
    last: bytes
    quoted_printable: bool | None = None

    def add(self, line: bytes, length: int, drop: int) -> None:
        """Append ``line`` without its first ``drop`` bytes, stopping at the size cap."""
        self.size += length - drop
        room = MAX_PROPERTY_BYTES + 1 - len(self.text)
        if room > 0:
            self.text += line[drop : drop + room]
        self.last = line

    def is_quoted_printable(self) -> bool:
        if self.quoted_printable is None:
            split = _split_name_part(bytes(self.text[:4096]))
            if split is None:
                return False  # the name and parameters go on in the next line
            self.quoted_printable = _is_quoted_printable(bytes(self.text[:4096]))
        return self.quoted_printable


def _logical_lines(lines: Iterable[tuple[bytes, int]]) -> Iterator[LogicalLine]:
    """Unfold: join continuation lines to the line they continue; drop blank lines."""
    current: _Logical | None = None
    for number, (line, length) in enumerate(lines, 1):
        if current is not None and _soft_break(current, line):
            if len(current.text) == current.size:  # not cut at the cap
                del current.text[-1]  # the "=" and the line break both go
            current.size -= 1
            current.add(line, length, 0)
            continue
        if current is not None and line[:1] in (b" ", b"\t"):
            current.add(line, length, 1)
            continue
        if current is not None:
            yield _finished(current)
            current = None
        if line.strip():
            current = _Logical(number, bytearray(), 0, b"")
            current.add(line, length, 0)
    if current is not None:
        yield _finished(current)


def _finished(line: _Logical) -> LogicalLine:
    if line.size > MAX_PROPERTY_BYTES:
        return LogicalLine(line.start, bytes(line.text[:MAX_PROPERTY_BYTES]), line.size)
    return LogicalLine(line.start, bytes(line.text), line.size)


def _soft_break(current: _Logical, following: bytes) -> bool:
    """Whether ``current`` is a quoted-printable value whose last ``=`` joins ``following``."""
    if not current.last.endswith(b"="):
        return False
    # A card boundary is never part of a value, even after a dangling "=".
    if following.strip().upper() in (b"END:VCARD", b"BEGIN:VCARD"):
        return False
    return current.is_quoted_printable()


def _split_name_part(text: bytes) -> tuple[bytes, bytes] | None:
    """Cut a content line at the first colon outside double quotes: (name;params, value)."""
    colon = text.find(b":")
    if colon >= 0 and text.find(b'"', 0, colon) < 0:  # nearly every line: no quotes before
        return text[:colon], text[colon + 1 :]
    quoted = False
    for index, byte in enumerate(text):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return text[:index], text[index + 1 :]
    return None


def _split_params(text: str) -> list[str]:
    if '"' not in text:
        return text.split(";")
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


def _split_cards(lines: Iterable[LogicalLine], problems: list[str]) -> Iterator[Card]:
    """Cards in file order. A card nested in another is held until the outer one ends."""
    count = 0
    open_cards: list[Card] = []
    done: list[Card] = []
    outside: list[int] = []
    for line in lines:
        key = line.text.strip().upper()
        if key == b"BEGIN:VCARD":
            count += 1
            card = Card(number=count, line=line.line)
            if open_cards:
                parent = open_cards[-1].number
                card.problems.append(f"is nested inside card {parent}; imported on its own")
            open_cards.append(card)
        elif key == b"END:VCARD" and open_cards:
            done.append(open_cards.pop())
            if not open_cards:
                yield from sorted(done, key=lambda c: c.number)
                done = []
        elif open_cards:
            _add_line(open_cards[-1], line)
        else:
            outside.append(line.line)
    for card in open_cards:
        card.problems.append("has no END:VCARD; the file ends inside it")
    yield from sorted(done + open_cards, key=lambda c: c.number)
    if outside:
        text = f"{_lines_text(outside)} outside any BEGIN:VCARD ... END:VCARD ignored"
        problems.insert(0, text)  # first, as it concerns the whole file


def _add_line(card: Card, line: LogicalLine) -> None:
    card.size += len(line.text)
    if card.size <= MAX_CARD_BYTES:
        card.raw.append(line)
    elif not any(p.startswith("is larger than") for p in card.problems):
        card.problems.append(
            f"is larger than {_size(MAX_CARD_BYTES)}; "
            f"its lines from line {line.line} on were left out"
        )


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    return f"{count / 1024:.0f} KB"


def _charset_evidence(data: bytes) -> Iterator[_RawProperty]:
    """The properties the charset guess looks at; none when every byte is UTF-8 text."""
    if _all_utf8(data) and not _QUOTED_PRINTABLE.search(data):
        return
    for line in _logical_lines(_physical_lines(data)):
        if line.size <= MAX_PROPERTY_BYTES and (prop := _raw_property(line)) is not None:
            yield prop


def _lines_text(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:5]) + (", ..." if len(numbers) > 5 else "")
    return f"line {shown}" if len(numbers) == 1 else f"lines {shown}"


def _parse_card(card: Card) -> list[_RawProperty]:
    properties, ignored = [], []
    card.version = next(
        (
            t.split(b":", 1)[1].strip().decode("ascii", "replace")
            for _, t, _ in card.raw
            if t.upper().startswith(b"VERSION:")
        ),
        "",
    )
    for line in card.raw:
        prop = _raw_property(line)
        if prop is None:
            ignored.append(line.line)
            continue
        if line.size > MAX_PROPERTY_BYTES:
            card.too_long.append((line.line, prop.name, line.size))
            continue
        if prop.quoted_printable and card.version and not card.version.startswith("2"):
            card.problems.append(
                f"line {line.line}: quoted-printable belongs to vCard 2.1, not "
                f"{card.version}; decoded anyway"
            )
        properties.append(prop)
    if ignored:
        card.problems.append(f"{_lines_text(ignored)}: not vCard properties, ignored")
    return properties


def _raw_property(line: LogicalLine) -> _RawProperty | None:
    """One content line's group, name, parameters and value (QP undone), or None."""
    split = _split_name_part(line.text)
    head = _split_params(split[0].decode("utf-8", "replace")) if split else []
    match = _NAME.match(head[0].strip()) if head else None
    if split is None or match is None:
        return None
    params = _parse_params(head[1:])
    value = split[1]
    quoted_printable = "ENCODING" in params and "QUOTED-PRINTABLE" in (
        v.upper() for v in params["ENCODING"]
    )
    if quoted_printable:
        value = _QP_BYTE.sub(lambda m: bytes([int(m.group(1), 16)]), value)
        del params["ENCODING"]
    charset = (params.pop("CHARSET", None) or [None])[0] if params else None
    group, name = match.group(1) or "", match.group(2).upper()
    return _RawProperty(line.line, group, name, params, value, charset, quoted_printable)


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


def _all_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8, decoded 64 KB at a time (not a copy of the whole file)."""
    if data.isascii():
        return True
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(data), 1 << 16):
            decoder.decode(view[start : start + (1 << 16)])
        decoder.decode(b"", final=True)
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
    else:
        try:
            text = prop.value.decode("utf-8")
        except UnicodeDecodeError:
            text = prop.value.decode(fallback, "replace")
    return Property(prop.line, prop.group, prop.name, prop.params, text)
