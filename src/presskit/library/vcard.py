"""vCard files to library contacts and back: 2.1, 3.0 and 4.0 in, 4.0 (or 3.0) out.

    result = read_vcards("phone-export.vcf")
    result.contacts                      # in file order
    for problem in result.problems:      # phone-export.vcf: card 3: has no name (FN or N)...
        print(problem)
    write_vcards(result.contacts, "out.vcf", version="4.0")

Reading happens in three steps, each in its own module: bytes to decoded cards
(:mod:`~presskit.library.vcard_text`: line ends, folding, quoted-printable, charsets, card
boundaries), a card to a contact through vobject (:mod:`~presskit.library.vcard_import`), and
contacts back to vCard text (:mod:`~presskit.library.vcard_export`). A card that cannot be read
is an error naming its number; the file's other cards still import.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from presskit.library.contact_import import ContactImport, read_input
from presskit.library.vcard_export import VERSIONS, dumps_vcards, write_vcards
from presskit.library.vcard_import import CardError, contact_from_card
from presskit.library.vcard_text import iter_cards
from presskit.model.library import LibraryContact

_BEGIN = re.compile(rb"(?i)begin:vcard")


def parse_vcards(data: bytes, source: str = "<vCard>") -> ContactImport:
    """The contacts of a vCard file's bytes; problems name ``source`` and the card number."""
    result = ContactImport(source)
    result.contacts.extend(stream_vcards(data, result))
    return result


def stream_vcards(data: bytes, result: ContactImport) -> Iterator[LibraryContact]:
    """The contacts of a vCard file's bytes one at a time, in file order.

    Problems are added to ``result`` as each card is read; those about the whole file come
    first once the iterator is exhausted. Only one card is held at a time, and a property too
    long to be contact data is left out with a warning (see ``MAX_PROPERTY_BYTES``).
    """
    start = len(result.problems)
    file_problems: list[str] = []
    found = False
    for card in iter_cards(data, file_problems):
        found = True
        where = f"card {card.number}"
        for message in card.problems:
            result.warn(message, where)
        try:
            contact, warnings = contact_from_card(card)
        except CardError as exc:
            result.error(str(exc), where)
            continue
        for message in warnings:
            result.warn(message, where)
        yield contact
    head = ContactImport(result.source)
    for message in file_problems:
        head.warn(message)
    if not found:
        head.error("no vCards in this file (no BEGIN:VCARD line)")
    result.problems[start:start] = head.problems


def count_vcards(data: bytes) -> int:
    """How many cards ``data`` holds (BEGIN:VCARD lines), for progress; cheap."""
    return len(_BEGIN.findall(data))


def read_vcards(path: str | os.PathLike[str]) -> ContactImport:
    """The contacts of a .vcf file. Never raises for bad input: see ``problems``."""
    result = ContactImport(os.fspath(path))
    data = read_input(path, result)
    return result if data is None else parse_vcards(data, result.source)


__all__ = [
    "VERSIONS",
    "ContactImport",
    "count_vcards",
    "dumps_vcards",
    "parse_vcards",
    "read_vcards",
    "stream_vcards",
    "write_vcards",
]
