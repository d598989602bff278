"""Read a contacts file of any kind Presskit knows: vCard (.vcf) or CSV (.csv).

The extension decides; a file with another (or none) is recognised by its first bytes: a vCard
starts with BEGIN:VCARD, binary data is neither, and any other text is tried as CSV. This is
what the editor's "Import contacts..." and ``presskit contacts import`` both call.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from presskit.library.contact_import import ContactImport, read_input
from presskit.library.contacts_csv import parse_contacts_csv
from presskit.library.vcard import count_vcards, parse_vcards, stream_vcards
from presskit.model.library import LibraryContact

VCARD_SUFFIXES = (".vcf", ".vcard")
CSV_SUFFIXES = (".csv",)


def read_contacts_file(
    path: str | os.PathLike[str], columns: dict[str, str] | None = None
) -> ContactImport:
    """The contacts of a vCard or CSV file. Never raises for bad input: see ``problems``.

    ``columns`` maps a CSV's unknown headers to fields (see ``parse_contacts_csv``)."""
    result = ContactImport(os.fspath(path))
    data = read_input(path, result)
    if data is None:
        return result
    suffix = Path(path).suffix.lower()
    if suffix in VCARD_SUFFIXES or _looks_like_vcard(data):
        return parse_vcards(data, result.source)
    if suffix in CSV_SUFFIXES or not _looks_binary(data):
        # It says when the columns are unknown.
        return parse_contacts_csv(data, result.source, columns)
    result.error("not a vCard (.vcf) or CSV (.csv) contacts file")
    return result


@dataclass
class OpenedContacts:
    """A contacts file being read: its contacts one at a time, and how many to expect."""

    result: ContactImport  # problems are added as the contacts are read
    contacts: Iterator[LibraryContact]
    expected: int  # cards or rows, for progress; 0 when the file cannot be read


def open_contacts_file(
    path: str | os.PathLike[str], columns: dict[str, str] | None = None
) -> OpenedContacts:
    """Like :func:`read_contacts_file`, but a vCard's contacts stream (one card at a time)."""
    result = ContactImport(os.fspath(path))
    data = read_input(path, result)
    if data is None:
        return OpenedContacts(result, iter(()), 0)
    if Path(path).suffix.lower() in VCARD_SUFFIXES or _looks_like_vcard(data):
        return OpenedContacts(result, stream_vcards(data, result), count_vcards(data))
    parsed = read_contacts_file(path, columns)  # CSV merges duplicate rows: read it whole
    return OpenedContacts(parsed, iter(parsed.contacts), len(parsed.contacts))


def _looks_binary(data: bytes) -> bool:
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    return not utf16 and b"\x00" in data[:4096]


def _looks_like_vcard(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").upper()
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = data[:2048].decode("utf-16", "replace").lstrip("\ufeff \t\r\n").upper().encode()
    return head.startswith(b"BEGIN:VCARD")
