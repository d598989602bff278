"""Who gets the release: recipients from a contacts file or a media list, and who is left out.

Every recipient has exactly one valid address. A row is left out, and reported with its file
and line, when its address is missing or invalid, when it repeats an earlier address (any
case), or when the journalist asked not to be contacted. Nothing is left out silently.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from presskit.library.contacts_file import read_contacts_file
from presskit.library.database import Library
from presskit.library.media_lists import email_key, get_list, members
from presskit.model.library import LibraryContact
from presskit.model.validation import is_email

HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "herr", "frau", "m", "mme"}
    | {"mlle", "sr", "sra", "srta", "dott", "dott.ssa"}
)
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’-]*$")


@dataclass(frozen=True)
class Recipient:
    """One person the release goes to: one address."""

    email: str
    name: str = ""
    first_name: str = ""  # for the greeting; "" when unknown
    language: str = ""
    where: str = ""  # "list.csv:7" or the media list's name: where the row came from

    @property
    def key(self) -> str:
        """The address as the send log knows it (any case is the same person)."""
        return email_key(self.email)


@dataclass(frozen=True)
class Skipped:
    """A row that gets nothing, and why."""

    where: str
    email: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.email or '(no address)'}: {self.reason}"


@dataclass
class RecipientList:
    """The recipients in order, what was left out, and the problems of reading the source."""

    source: str
    recipients: list[Recipient] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # the reader's, one line each


def first_name_of(contact: LibraryContact) -> str:
    """The first name to greet by: the stored one, else the first word of a clear full name
    ("Dr. Anna Schmidt" -> "Anna"); "" when there is none ("Newsdesk", an address)."""
    if contact.first_name.strip():
        return contact.first_name.strip()
    words = [w for w in contact.name.split() if w.casefold().rstrip(".") not in HONORIFICS]
    if len(words) < 2 or "@" in contact.name or not _NAME_WORD.match(words[0]):
        return ""
    return words[0] if words[0][0].isupper() else ""


def from_contacts(
    source: str, contacts: list[LibraryContact], lines: list[int | None] | None = None
) -> RecipientList:
    """The recipients among ``contacts``, in order; ``lines`` says where each came from."""
    result = RecipientList(source)
    seen: dict[str, str] = {}
    for index, contact in enumerate(contacts):
        line = lines[index] if lines and index < len(lines) else None
        where = f"{source}:{line}" if line else f"{source}: {contact.name or index + 1}"
        address = contact.email.strip()
        reason = _refusal(address, contact, seen)
        if reason:
            result.skipped.append(Skipped(where, address, reason))
            continue
        seen[email_key(address)] = where
        name, first = _display(contact.name), _display(first_name_of(contact))
        result.recipients.append(Recipient(address, name, first, contact.language, where))
    return result


def _display(name: str) -> str:
    """A name safe to show in To and the greeting: one line, and no address in it (a name
    could otherwise carry a line break and a Bcc, or another recipient's address)."""
    name = " ".join("".join(c if c.isprintable() else " " for c in name).split())
    return "" if "@" in name or "<" in name or ">" in name else name


def _refusal(address: str, contact: LibraryContact, seen: dict[str, str]) -> str:
    if not address:
        return "no email address; skipped"
    if not is_email(address):
        return "not a valid email address; skipped"
    if email_key(address) in seen:
        return f"the same address as {seen[email_key(address)]}; sent once"
    if contact.do_not_contact:
        return "do not contact; skipped"
    return ""


def from_file(path: str | os.PathLike[str]) -> RecipientList:
    """The recipients of a CSV or vCard file (see :mod:`presskit.library.contacts_file`)."""
    read = read_contacts_file(path)
    lines: list[int | None] = [read.line_of(i) for i in range(len(read.contacts))]
    result = from_contacts(read.source, read.contacts, lines)
    result.problems = [str(p) for p in read.problems]
    return result


def from_list(library: Library, name: str) -> RecipientList:
    """The recipients on the media list ``name``; a problem when there is no such list."""
    media_list = get_list(library, name)
    if media_list is None:
        result = RecipientList(name)
        result.problems.append(f"there is no media list called '{name}'")
        return result
    return from_contacts(media_list.name, members(library, media_list.name))
