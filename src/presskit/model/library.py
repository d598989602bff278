"""The press contact and boilerplate library as plain, typed Python data: no Qt, no I/O.

A communications office keeps the people journalists should call, the "About us" paragraphs of
the organizations it speaks for, and those organizations' web and social details, and drops them
into each new release. These records live in the library (``presskit.library.database``); the
helpers here turn a library contact into the release's :class:`~presskit.model.release.Contact`
and back, and an organization profile into the release's
:class:`~presskit.model.release.Organization` and back.

``id``, ``created`` and ``updated`` are set by the library; a record that is not stored yet has
``id=None``. Timestamps are timezone-aware and in UTC.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from presskit.model.release import (
    DEFAULT_LANGUAGE,
    Contact,
    LibraryLink,
    Organization,
    Phone,
    SocialHandle,
)


@dataclass
class LibraryContact:
    """A press contact kept in the library: more than a release shows (all emails, notes, tags)."""

    id: int | None = None
    name: str = ""
    title: str = ""
    organization: str = ""
    city: str = ""
    phones: list[Phone] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    website: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    created: dt.datetime | None = None
    updated: dt.datetime | None = None
    # A stable identity across libraries and machines (vCard's UID): a release links to a
    # library contact by it, since row ids differ between a colleague's library and one's own.
    # Empty until the library stores the contact, which then gives it one.
    uid: str = ""
    # A journalist is a contact with these: the outlet they write for, their beats, the
    # language they read, and whether they asked not to be contacted (never sent to).
    first_name: str = ""  # for the greeting; empty: taken from ``name`` when it is clear
    outlet: str = ""
    topics: list[str] = field(default_factory=list)
    language: str = ""  # a BCP 47 tag such as "de"; empty: unknown
    do_not_contact: bool = False

    @property
    def email(self) -> str:
        """The first non-empty email address, the one a release shows; "" when there is none."""
        return next((e for e in self.emails if e.strip()), "")


@dataclass
class Boilerplate:
    """An organization's "About" text in one language, in Markdown."""

    id: int | None = None
    organization: str = ""
    language: str = DEFAULT_LANGUAGE
    text: str = ""
    last_reviewed: dt.date | None = None  # "About" texts go stale; the editor can say so
    created: dt.datetime | None = None
    updated: dt.datetime | None = None


@dataclass
class OrganizationProfile:
    """An organization a release can be issued by: name, website, logo and social handles."""

    id: int | None = None
    name: str = ""
    website: str = ""
    logo: str = ""  # a path, as a release holds it (relative to the release that uses it)
    social: list[SocialHandle] = field(default_factory=list)
    created: dt.datetime | None = None
    updated: dt.datetime | None = None


def library_link(record: LibraryContact | Boilerplate | OrganizationProfile) -> LibraryLink | None:
    """The link a release keeps to the entry it copied, or None for an unsaved record."""
    if record.id is None:
        return None
    updated = record.updated.isoformat() if record.updated else ""
    return LibraryLink(record.id, updated, getattr(record, "uid", ""))


def linked_contact(
    contact: Contact,
    by_uid: Callable[[str], LibraryContact | None],
    by_id: Callable[[int], LibraryContact | None],
) -> LibraryContact | None:
    """The library entry ``contact`` was copied from, in this library, or None.

    A link with a uid is followed by its uid only: the same row number in another library
    (a colleague's file, a new laptop) is somebody else. An old link without a uid is
    trusted only when the entry at its number still has the contact's name.
    """
    link = contact.library
    if link is None:
        return None
    if link.uid:
        return by_uid(link.uid)
    entry = by_id(link.id)
    if entry is None or _folded_name(entry.name) != _folded_name(contact.name):
        return None
    return entry


def _folded_name(name: str) -> str:
    return " ".join(name.casefold().split())


CONTACT_FIELD_NAMES = (
    ("name", "Name"), ("title", "Title"), ("organization", "Organization"),
    ("city", "City"), ("email", "Email"),
)  # fmt: skip


def contact_changes(current: Contact, fresh: Contact) -> list[tuple[str, str, str]]:
    """What replacing ``current`` by ``fresh`` changes: (field, before, after), in words."""
    changes = [
        (label, getattr(current, key), getattr(fresh, key))
        for key, label in CONTACT_FIELD_NAMES
        if getattr(current, key) != getattr(fresh, key)
    ]
    before = ", ".join(p.number for p in current.phones)
    after = ", ".join(p.number for p in fresh.phones)
    if before != after:
        changes.append(("Phones", before, after))
    return changes


def changed_since(link: LibraryLink | None, record: object) -> bool:
    """Whether the library entry changed after the release copied it."""
    updated = getattr(record, "updated", None)
    if link is None or updated is None or not link.updated:
        return False
    try:
        copied = dt.datetime.fromisoformat(link.updated)
    except ValueError:
        return True  # a link we cannot read: let the user decide
    return updated > copied


def to_release_contact(contact: LibraryContact) -> Contact:
    """The contact as a release shows it: its first email and all of its phones (copied),
    linked to its library entry."""
    return Contact(
        name=contact.name,
        title=contact.title,
        organization=contact.organization,
        city=contact.city,
        phones=copy.deepcopy(contact.phones),
        email=contact.email,
        library=library_link(contact),
    )


def from_release_contact(contact: Contact) -> LibraryContact:
    """A new library contact from a release's contact (not stored yet: ``id`` is None).

    Keys of the release that Presskit does not know (``extra``) stay with the release.
    """
    return LibraryContact(
        name=contact.name,
        title=contact.title,
        organization=contact.organization,
        city=contact.city,
        phones=copy.deepcopy(contact.phones),
        emails=[contact.email] if contact.email.strip() else [],
    )


def to_release_organization(profile: OrganizationProfile) -> Organization:
    """The organization as a release holds it (social handles copied)."""
    return Organization(
        name=profile.name,
        website=profile.website,
        logo=profile.logo,
        social=copy.deepcopy(profile.social),
        library=library_link(profile),
    )


def from_release_organization(organization: Organization) -> OrganizationProfile:
    """A new organization profile from a release's organization (not stored yet)."""
    return OrganizationProfile(
        name=organization.name,
        website=organization.website,
        logo=organization.logo,
        social=copy.deepcopy(organization.social),
    )


def same_content(a: LibraryContact, b: LibraryContact) -> bool:
    """Whether two contacts hold the same data, whatever their ids and timestamps."""
    return content_key(a) == content_key(b)


def content_key(contact: LibraryContact) -> tuple:
    """A hashable value equal for contacts with the same data (for skipping duplicates)."""
    return (
        contact.name,
        contact.title,
        contact.organization,
        contact.city,
        tuple((p.number, p.label) for p in contact.phones),
        tuple(contact.emails),
        contact.website,
        contact.notes,
        tuple(contact.tags),
        contact.first_name,
        contact.outlet,
        tuple(contact.topics),
        contact.language,
        contact.do_not_contact,
    )


@dataclass
class MediaList:
    """A named list of journalists (library contacts) to send releases to, with tags."""

    id: int | None = None
    name: str = ""
    tags: list[str] = field(default_factory=list)
    size: int = 0  # how many contacts it holds (read from the library)
    created: dt.datetime | None = None
    updated: dt.datetime | None = None


def merge_into(known: LibraryContact, new: LibraryContact) -> bool:
    """Fill ``known``'s empty fields from ``new`` (the same person, found twice); True when
    anything changed. Beats and tags are joined; a do-not-contact anywhere wins."""
    changed = False
    for name in ("name", "first_name", "title", "organization", "outlet", "city", "language"):
        if not getattr(known, name) and getattr(new, name):
            setattr(known, name, getattr(new, name))
            changed = True
    for name in ("topics", "tags", "emails"):
        extra = [t for t in getattr(new, name) if t not in getattr(known, name)]
        if name == "emails":
            have = {e.casefold() for e in known.emails}
            extra = [e for e in extra if e.casefold() not in have]
        if extra:
            getattr(known, name).extend(extra)
            changed = True
    if new.do_not_contact and not known.do_not_contact:
        known.do_not_contact = True
        changed = True
    return changed
