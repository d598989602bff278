"""Server cards to library contacts and back, keeping what Presskit does not use.

A card read from the server goes through the library's own vCard reader
(:func:`~presskit.library.vcard_text.read_cards`, then
:func:`~presskit.library.vcard_import.contact_from_card`). A contact changed in Presskit goes
back as the server's own card text with only the changed fields' properties replaced: a photo,
a birthday, a street address, ``X-`` properties of other programs and the card's UID all stay
exactly as they were, line for line. The replacement lines come from the library's vCard writer
(:func:`~presskit.library.vcard_export.dumps_vcards`) in the card's own version.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from presskit.library.carddav_state import fingerprint
from presskit.library.vcard_export import dumps_vcards
from presskit.library.vcard_import import CardError, contact_from_card
from presskit.library.vcard_labels import type_values
from presskit.library.vcard_text import Property, read_cards
from presskit.model.library import LibraryContact

_FOLD = re.compile(r"\r?\n[ \t]")
_HEAD = re.compile(r"^(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)")
LINE_OCTETS = 75

# The properties behind each field Presskit owns; ADR (the city) is patched in place.
_FIELD_PROPERTIES: dict[str, tuple[str, ...]] = {
    "name": ("FN", "N", "X-ABSHOWAS"),
    "title": ("TITLE",),
    "organization": ("ORG",),
    "phones": ("TEL",),
    "emails": ("EMAIL",),
    "website": ("URL",),
    "notes": ("NOTE",),
    "tags": ("CATEGORIES",),
}


# The journalist fields no vCard property holds, as X- properties: other address books keep
# them untouched (RFC 6350 section 6.10), and the team's Presskits share them.
_EXTRA: dict[str, str] = {
    "first_name": "X-PRESSKIT-FIRST-NAME",
    "outlet": "X-PRESSKIT-OUTLET",
    "topics": "X-PRESSKIT-TOPICS",
    "language": "X-PRESSKIT-LANGUAGE",
    "do_not_contact": "X-PRESSKIT-DO-NOT-CONTACT",
}


_KIND = frozenset({"KIND", "X-ADDRESSBOOKSERVER-KIND"})


class ServerCard:
    """One card as the server holds it: its text, its UID and the contact it gives."""

    def __init__(self, text: str):
        self.text = text
        cards = read_cards(text.encode("utf-8")).cards
        if not cards:
            raise CardError("is not a vCard")
        card = cards[0]
        self.uid = next((p.value.strip() for p in card.properties if p.name == "UID"), "")
        self.version = card.version or "3.0"
        kinds = {p.value.strip().lower() for p in card.properties if p.name in _KIND}
        if kinds - {"individual", ""}:
            # A contact group (Apple, Nextcloud), an organization's or a location's card:
            # not a person; the sync leaves it on the server as it is.
            raise CardError(f"is a {'/'.join(sorted(kinds))} card, not a contact; left alone")
        self.contact, _ = contact_from_card(card)  # raises CardError
        self.contact.uid = self.uid
        _read_extra(card.properties, self.contact)


def _read_extra(properties: list[Property], contact: LibraryContact) -> None:
    values = {p.name: p.value for p in properties}
    for field, name in _EXTRA.items():
        text = values.get(name)
        if text is None:
            continue
        if field == "topics":
            value: object = [_unescape(t).strip() for t in re.split(r"(?<!\\),", text) if t.strip()]
        elif field == "do_not_contact":
            value = text.strip().upper() in ("TRUE", "YES", "1")
        else:
            value = _unescape(text).strip()
        setattr(contact, field, value)


def _extra_lines(contact: LibraryContact, field: str) -> list[str]:
    value = getattr(contact, field)
    if field == "topics":
        text = ",".join(_escape(t) for t in value)
    elif field == "do_not_contact":
        text = "TRUE" if value else ""
    else:
        text = _escape(value)
    return [_fold(f"{_EXTRA[field]}:{text}")] if text else []


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def content_hash(contact: LibraryContact) -> str:
    """A short fingerprint of what a contact holds that travels in a card (not its id, UID or
    timestamps); the one the library computes from its rows."""
    return fingerprint(contact)


def _writer_version(version: str) -> str:
    return "4.0" if version.startswith("4") else "3.0"


def new_card(contact: LibraryContact) -> str:
    """A new card for a contact Presskit made: the vCard writer's text, with the UID."""
    lines = _logical_lines(dumps_vcards([contact], "3.0"))
    lines.insert(2, _fold(f"UID:{contact.uid}"))
    extra = [line for field in _EXTRA for line in _extra_lines(contact, field)]
    at = _end(lines)
    return "\r\n".join([*lines[:at], *extra, *lines[at:]]) + "\r\n"


def patch_card(text: str, before: LibraryContact, after: LibraryContact) -> str:
    """The server card ``text`` (which reads as ``before``) changed to hold ``after``."""
    version = _card_version(text)
    fresh = _logical_lines(dumps_vcards([after], _writer_version(version)))
    lines = _logical_lines(text)
    for field, names in _FIELD_PROPERTIES.items():
        if getattr(before, field) != getattr(after, field):
            wanted = _with_labels(fresh, [line for line in fresh if _name(line) in names])
            lines = _replace(lines, names, wanted, first_only=field == "website" and bool(wanted))
    if before.city != after.city:
        lines = _patch_city(lines, after.city)
    for field, name in _EXTRA.items():
        if getattr(before, field) != getattr(after, field):
            lines = _replace(lines, (name,), _extra_lines(after, field))
    return "\r\n".join(lines) + "\r\n"


def _with_labels(card: list[str], chosen: list[str]) -> list[str]:
    """``chosen`` with the ``X-ABLabel`` lines of their groups, each after its property."""
    labels = {_group(line): line for line in card if _name(line) == "X-ABLABEL" and _group(line)}
    out = []
    for line in chosen:
        out.append(line)
        if (group := _group(line)) in labels:
            out.append(labels[group])
    return out


def _card_version(text: str) -> str:
    for line in _logical_lines(text):
        if _name(line) == "VERSION":
            return _unfold(line).partition(":")[2].strip()
    return "3.0"


def _logical_lines(text: str) -> list[str]:
    """The card's content lines, each still folded as the server wrote it."""
    out: list[str] = []
    for raw in re.split(r"\r\n|\r|\n", text):
        if raw[:1] in (" ", "\t") and out:
            out[-1] += "\r\n" + raw
        elif raw.strip():
            out.append(raw)
    return out


def _unfold(line: str) -> str:
    return _FOLD.sub("", line)


def _name(line: str) -> str:
    match = _HEAD.match(_unfold(line))
    return match.group(2).upper() if match else ""


def _group(line: str) -> str:
    match = _HEAD.match(_unfold(line))
    return (match.group(1) or "").lower() if match else ""


def _replace(
    lines: list[str], names: tuple[str, ...], wanted: list[str], *, first_only: bool = False
) -> list[str]:
    """Take out the properties ``names`` (with their X-ABLabel) and put ``wanted`` there."""
    doomed = [i for i, line in enumerate(lines) if _name(line) in names]
    if first_only:
        doomed = doomed[:1]
    groups = {_group(lines[i]) for i in doomed} - {""}
    doomed += [
        i for i, line in enumerate(lines) if _name(line) == "X-ABLABEL" and _group(line) in groups
    ]
    wanted = _regroup(wanted, {_group(line) for line in lines} - groups)
    at = min(doomed) if doomed else _end(lines)
    kept = [line for i, line in enumerate(lines) if i not in set(doomed)]
    at -= sum(1 for i in doomed if i < at)
    return kept[:at] + wanted + kept[at:]


def _end(lines: list[str]) -> int:
    ends = [i for i, line in enumerate(lines) if _unfold(line).strip().upper() == "END:VCARD"]
    return ends[-1] if ends else len(lines)


def _regroup(lines: list[str], taken: set[str]) -> list[str]:
    """Rename the writer's ``item1.`` groups to ones the card does not use yet."""
    renames: dict[str, str] = {}
    number = 1
    out = []
    for line in lines:
        group = _group(line)
        if group and group not in renames:
            while f"item{number}" in taken:
                number += 1
            renames[group] = f"item{number}"
            taken.add(f"item{number}")
        out.append(re.sub(r"^[A-Za-z0-9_-]+\.", renames[group] + ".", line) if group else line)
    return out


def _split_value(line: str) -> tuple[str, str]:
    text, quoted = _unfold(line), False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return text[:index], text[index + 1 :]
    return text, ""


def _params(head: str) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for item in head.split(";")[1:]:
        key, sep, value = item.partition("=")
        params.setdefault(key.upper() if sep else "TYPE", []).append(value if sep else key)
    return params


def _patch_city(lines: list[str], city: str) -> list[str]:
    """Set the locality of the address the city was read from (work, preferred, first)."""
    addresses = [i for i, line in enumerate(lines) if _name(line) == "ADR"]
    pick: Callable[[int], bool]
    for pick in (
        lambda i: "work" in type_values(_params(_split_value(lines[i])[0])),
        lambda i: "pref" in type_values(_params(_split_value(lines[i])[0])),
        lambda i: True,
    ):
        chosen = [i for i in addresses if pick(i)]
        if chosen:
            break
    else:
        if not city:
            return lines
        at = _end(lines)
        return [*lines[:at], _fold(f"ADR;TYPE=work:;;;{_escape(city)};;;"), *lines[at:]]
    index = chosen[0]
    head, value = _split_value(lines[index])
    parts = re.split(r"(?<!\\);", value)
    parts += [""] * (7 - len(parts))
    parts[3] = _escape(city)
    if not any(parts):
        return lines[:index] + lines[index + 1 :]
    return [*lines[:index], _fold(f"{head}:{';'.join(parts)}"), *lines[index + 1 :]]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without cutting a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return line
    pieces, start, limit = [], 0, LINE_OCTETS
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        pieces.append(data[start:end].decode("utf-8"))
        start, limit = end, LINE_OCTETS - 1
    return "\r\n ".join(pieces)
