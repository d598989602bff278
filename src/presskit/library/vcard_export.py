"""Library contacts to vCard 4.0 (RFC 6350) or 3.0 (RFC 2426), written with vobject.

Every field the importer reads is written so that importing the file again gives the same
contacts: FN, ORG, TITLE, TEL (labels as TYPEs or ``X-ABLabel``), EMAIL, URL, NOTE, the city as
the locality of a work ADR, and the tags as CATEGORIES. N, which 3.0 requires and some address
books sort by, is a best guess from the name: the last word is the family name. A contact whose
name is its organization's is written as Apple writes a company card (``X-ABShowAs:COMPANY``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

import vobject

from presskit.library.vcard_labels import types_for_label
from presskit.model.library import LibraryContact
from presskit.storage.atomic import write_output

VERSIONS = ("4.0", "3.0")
PRODID = "-//Presskit//Presskit press contacts//EN"


def dumps_vcards(contacts: Iterable[LibraryContact], version: str = "4.0") -> str:
    """The contacts as one vCard file's text (CRLF line ends, folded at 75 octets)."""
    if version not in VERSIONS:
        raise ValueError(f"vCard version {version!r}; Presskit writes {' or '.join(VERSIONS)}")
    return "".join(_card(contact, version).serialize() for contact in contacts)


def write_vcards(
    contacts: Iterable[LibraryContact], path: str | os.PathLike[str], version: str = "4.0"
) -> None:
    """Write the contacts to a .vcf file in UTF-8, atomically; a symbolic link at ``path`` is
    refused (:class:`~presskit.storage.atomic.OutputRefused`), never written through."""
    write_output(path, dumps_vcards(contacts, version).encode("utf-8"))


def _add(card: Any, name: str, value: Any, types: list[str] | None = None) -> Any:
    line = card.add(name)
    line.value = value
    if types:
        line.type_paramlist = types
    return line


def _card(contact: LibraryContact, version: str) -> Any:
    card = vobject.vCard()
    _add(card, "version", version)
    _add(card, "prodid", PRODID)
    _add(card, "fn", contact.name)
    company = bool(contact.organization) and contact.name == contact.organization
    if company:
        _add(card, "n", vobject.vcard.Name())
        _add(card, "x-abshowas", "COMPANY")
    else:
        given, _, family = contact.name.rpartition(" ")
        _add(card, "n", vobject.vcard.Name(family=family, given=given))
    if contact.organization:
        _add(card, "org", [contact.organization])
    if contact.title:
        _add(card, "title", contact.title)
    for number, phone in enumerate(contact.phones, 1):
        types = types_for_label(phone.label)
        if types is None:  # a label of the user's own: Apple's and Google's way of keeping it
            _add(card, "tel", phone.number).group = f"item{number}"
            _add(card, "x-ablabel", phone.label).group = f"item{number}"
        else:
            _add(card, "tel", phone.number, types)
    for email in contact.emails:
        _add(card, "email", email)
    if contact.website:
        _add(card, "url", contact.website)
    if contact.notes:
        _add(card, "note", contact.notes)
    if contact.city:
        _add(card, "adr", vobject.vcard.Address(city=contact.city), ["work"])
    if contact.tags:
        _add(card, "categories", list(contact.tags))
    return card
