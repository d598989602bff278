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

from presskit.library.contact_import import ContactImport, read_input
from presskit.library.vcard_export import VERSIONS, dumps_vcards, write_vcards
from presskit.library.vcard_import import CardError, contact_from_card
from presskit.library.vcard_text import read_cards


def parse_vcards(data: bytes, source: str = "<vCard>") -> ContactImport:
    """The contacts of a vCard file's bytes; problems name ``source`` and the card number."""
    result = ContactImport(source)
    cards = read_cards(data)
    for message in cards.problems:
        result.warn(message)
    if not cards.cards:
        result.error("no vCards in this file (no BEGIN:VCARD line)")
    for card in cards.cards:
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
        result.contacts.append(contact)
    return result


def read_vcards(path: str | os.PathLike[str]) -> ContactImport:
    """The contacts of a .vcf file. Never raises for bad input: see ``problems``."""
    result = ContactImport(os.fspath(path))
    data = read_input(path, result)
    return result if data is None else parse_vcards(data, result.source)


__all__ = [
    "VERSIONS",
    "ContactImport",
    "dumps_vcards",
    "parse_vcards",
    "read_vcards",
    "write_vcards",
]
