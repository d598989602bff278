"""Blocks their role could not use: listed as not placed, never silently dropped.

Some fields take only what they recognise in a block: a release line its status and embargo,
a dateline its place and date, "For more information" its links, a press contact a name, a
phone or an email, the website and social line their addresses, the end mark one mark. A
block given such a role (by the scorer, or by the person in the Import Review) that its
field could not use at all would vanish from the release: :func:`unused` finds it, and the
pipeline lists it as not placed with a note saying why.

A section's own heading ("Media contacts:", "For more information, visit:", "Follow us:")
is used: the release prints its own.
"""

from __future__ import annotations

import re

from presskit.importers.dates import find_date
from presskit.importers.features import phrase_cues
from presskit.importers.model import ROLE_NAMES, Block, ImportResult, Role

HEADINGS: dict[Role, frozenset[str]] = {
    Role.RELEASE_LINE: frozenset({"release", "embargo"}),
    Role.CONTACT: frozenset({"contact"}),
    Role.LINKS: frozenset({"links"}),
    Role.SOCIAL: frozenset({"social"}),
    Role.END_MARK: frozenset({"end"}),
}
"""The phrase cues (:data:`presskit.importers.cues.PHRASES`) of a block each role uses whole."""

WHY: dict[Role, str] = {
    Role.RELEASE_LINE: "is no release line (such as FOR IMMEDIATE RELEASE or EMBARGOED UNTIL …)",
    Role.DATELINE: "names no place or date (or the dateline came from another line)",
    Role.LINKS: "holds no web address",
    Role.SOCIAL: "holds no web address or handle",
    Role.CONTACT: "holds no name, phone or email of a contact",
    Role.END_MARK: "is not the end mark (a release has one)",
}
"""Why a block of each role was of no use to its field, in the words of the review's note."""

_WHOLE = (Role.HEADLINE, Role.SUBHEADLINE, Role.BODY, Role.BOILERPLATE, Role.NOT_PLACED)
"""Roles whose field holds the block's text as it is."""


def unused(result: ImportResult) -> list[int]:
    """The blocks (by index) that hold a role their field made no use of."""
    spans = [span for source in result.fields.values() for span in source.lines]
    blocks = result.document.blocks
    found = []
    for block, role in zip(blocks, result.roles, strict=True):
        if block.chrome or role in _WHOLE:
            continue
        if role is Role.RELEASE_LINE:  # every release line is the status's source
            used = False
        elif role is Role.CONTACT:  # a stray line is a contact's source, yet not in it
            used = _in_contact(block, result)
        else:
            used = any(first <= block.lines[0] and block.lines[1] <= last for first, last in spans)
        if not (used or _heading(block, role, result) or _repeated_date(block, role, result)):
            found.append(block.index)
    return found


def note(result: ImportResult, index: int) -> str:
    """The review's note for an unused block: its line, its role, and why."""
    block, role = result.document.blocks[index], result.roles[index]
    first, last = block.lines
    where = f"line {first}" if first == last else f"lines {first}–{last}"
    given = "you marked" if index in result.chosen else "read as"
    return (
        f"{where} ({given} {ROLE_NAMES[role]}) {WHY.get(role, 'fits no field')}: "
        "it is listed as not placed"
    )


def _heading(block: Block, role: Role, result: ImportResult) -> bool:
    """A section's heading: a cue of its role, or a short label ending in ":" that the
    next block of the same role follows ("For more information about NASA, visit:")."""
    if phrase_cues(block.text) & HEADINGS.get(role, frozenset()):
        return True
    text = block.text.strip()
    after = block.index + 1
    return (
        role in HEADINGS
        and role is not Role.RELEASE_LINE
        and text.endswith(":")
        and len(text.split()) <= 12
        and after < len(result.roles)
        and result.roles[after] is role
    )


def _in_contact(block: Block, result: ImportResult) -> bool:
    """Whether a contact holds a part of ``block``: its name, title, organization, city,
    email or one of its phone numbers."""
    text = block.text
    for contact in result.release.contacts:
        parts = [contact.name, contact.title, contact.organization, contact.city, contact.email]
        parts += [phone.number for phone in contact.phones]
        if any(len(part.strip()) > 1 and part.strip() in text for part in parts):
            return True
    return False


def _repeated_date(block: Block, role: Role, result: ImportResult) -> bool:
    """A date line that repeats the dateline's date ("Tuesday, October 31, 2017", or
    "Monday, June 25" without its year)."""
    day = result.release.dateline.date
    if role is not Role.DATELINE or day is None:
        return False
    found = find_date(block.text)
    if found is not None:
        return found[0] == day
    return re.findall(r"\d+", block.text) == [str(day.day)]
