"""The press release as plain, typed Python data: no Qt, no I/O.

Every part of a release is a field here. The storage layer turns files into these objects and
back; the renderers and checks read them; the editor edits them through the app layer. Keys a
file holds that Presskit does not know are kept in ``extra`` so that a save never drops them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

FORMAT_VERSION = 1
"""The newest release-file format this Presskit reads and writes (the ``presskit:`` key)."""

DEFAULT_LANGUAGE = "en-US"
DEFAULT_THEME = "classic"
DEFAULT_END_MARK = "###"


class Status(StrEnum):
    """Whether the release may be published at once or only after its embargo."""

    IMMEDIATE = "immediate"
    EMBARGOED = "embargoed"


class DatelineStyle(StrEnum):
    """How the dateline is written at the start of the first paragraph."""

    PARENTHETICAL = "parenthetical"  # (Washington DC, September 23, 2014)
    AP = "ap"  # WASHINGTON, Sept. 23, 2014 —
    LOCALE = "locale"  # BERLIN, 23. September 2014 – (the date in the release's language)


@dataclass
class LibraryLink:
    """Which library entry a copied part came from, and how new that entry was then.

    A release keeps its own copy of a contact or boilerplate, so old releases never change
    behind their authors' backs; the link lets the editor offer "Update from library" when
    the entry has changed since.
    """

    id: int
    updated: str  # the entry's "updated" timestamp (ISO 8601, UTC) when it was copied
    # The entry's stable identity (a contact's vCard UID). Row ids differ between libraries
    # (a colleague's, a new laptop's): a link with a uid is followed by its uid only.
    uid: str = ""


@dataclass
class Phone:
    """One phone number of a press contact, with an optional label such as "mobile"."""

    number: str = ""
    label: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Contact:
    """A press contact journalists can call or write to."""

    name: str = ""
    title: str = ""
    organization: str = ""
    city: str = ""
    phones: list[Phone] = field(default_factory=list)
    email: str = ""
    library: LibraryLink | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def has_content(self) -> bool:
        """Whether there is anything to print: a name, or only a phone or an email (a
        "Media office, 202-555-0100" line is a contact too)."""
        texts = (self.name, self.title, self.organization, self.email)
        return any(t.strip() for t in texts) or any(p.number.strip() for p in self.phones)


@dataclass
class Link:
    """One entry of the "For more information" list."""

    title: str = ""
    url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class SocialHandle:
    """An organization's account on a social network: a handle, a URL, or both."""

    network: str = ""
    handle: str = ""
    url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Organization:
    """Who issues the release."""

    name: str = ""
    website: str = ""
    logo: str = ""  # a path relative to the release file, e.g. assets/logo.png
    accent: str = ""  # the house colour, "#1f3a5f"; themes use it for headings and rules

    social: list[SocialHandle] = field(default_factory=list)
    library: LibraryLink | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Dateline:
    """Where and when the news is reported from."""

    city: str = ""
    date: dt.date | None = None
    style: DatelineStyle = DatelineStyle.PARENTHETICAL
    extra: dict[str, Any] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return not self.city and self.date is None


@dataclass
class Approval:
    """A sign-off: who approved the release, when, and a fingerprint of what they approved.

    ``fields`` holds a short fingerprint of each part of the content (``headline``, ``body``,
    ...), so a later check can say which parts changed since; ``fingerprint`` covers them all
    (see :mod:`presskit.model.fingerprint`).
    """

    by: str = ""
    role: str = ""
    at: str = ""  # ISO 8601 with a UTC offset, as written in the file
    fingerprint: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Translation:
    """What a translation translates: the source file and its segments as they were then.

    ``segments`` holds a short fingerprint of each source segment (``headline``,
    ``body[3]``, ``links[1].title``: :mod:`presskit.model.segments`) as it was when the
    translation was made or last marked up to date, so a check can name the segments whose
    source has changed since (``translation-outdated``).
    """

    source: str = ""  # the source release's path, relative to this file
    language: str = ""  # the source's language when translated
    segments: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Release:
    """A whole press release: front-matter fields plus the Markdown body."""

    headline: str = ""
    subheadline: str = ""
    status: Status = Status.IMMEDIATE
    embargo: dt.datetime | None = None  # always timezone-aware when set
    timezone: str = ""  # IANA name such as America/New_York: shows the embargo as "EDT"
    dateline: Dateline = field(default_factory=Dateline)
    language: str = DEFAULT_LANGUAGE
    organization: Organization = field(default_factory=Organization)
    boilerplate: str = ""  # Markdown: the "About" paragraph(s)
    boilerplate_library: LibraryLink | None = None
    links: list[Link] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    theme: str = DEFAULT_THEME
    end_mark: str = DEFAULT_END_MARK
    approvals: list[Approval] = field(default_factory=list)  # oldest first
    translation: Translation | None = None  # set on a translation: which release it translates
    body: str = ""  # Markdown
    extra: dict[str, Any] = field(default_factory=dict)  # unknown top-level keys, in file order

    @property
    def is_embargoed(self) -> bool:
        return self.status is Status.EMBARGOED

    def embargo_local(self) -> dt.datetime | None:
        """The embargo in the release's named time zone when it has one (for "EDT")."""
        if self.embargo is None or not self.timezone:
            return self.embargo
        try:
            return self.embargo.astimezone(ZoneInfo(self.timezone))
        except (ZoneInfoNotFoundError, ValueError):
            return self.embargo
