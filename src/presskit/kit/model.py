"""The press kit as plain, typed data: no Qt, no I/O.

The organization and the press contacts are the release's own structures
(:mod:`presskit.model.release`), so the library's organization profiles and contacts fill
both. Keys a file holds that Presskit does not know are kept in ``extra``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from presskit.model.release import DEFAULT_LANGUAGE, DEFAULT_THEME, Contact, Organization

KIT_FORMAT_VERSION = 1
"""The newest kit-file format this Presskit reads and writes (the ``presskit_kit:`` key)."""


@dataclass
class Fact:
    """One line of the fact sheet: "Founded" / "1992"."""

    label: str = ""
    value: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Person:
    """Someone journalists may quote or interview, with a headshot."""

    name: str = ""
    role: str = ""
    bio: str = ""  # Markdown
    photo: str = ""  # a path relative to the kit file
    photo_alt: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class KitImage:
    """A photo of the gallery, with what a publisher must print beside it."""

    file: str = ""
    caption: str = ""
    credit: str = ""
    license: str = ""
    alt: str = ""
    keep_original: str = ""  # "true": the zip holds the file as it is too, metadata and all
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def publishes_original(self) -> bool:
        return self.keep_original.strip().lower() in ("true", "yes", "1", "on")


@dataclass
class Logo:
    """One variant of the logo: colour, mono, reverse…"""

    file: str = ""
    variant: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Video:
    title: str = ""
    url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Quote:
    text: str = ""
    source: str = ""
    url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Award:
    title: str = ""
    detail: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Kit:
    """A whole press kit: the front-matter fields plus the Markdown description (the body)."""

    language: str = DEFAULT_LANGUAGE
    theme: str = DEFAULT_THEME
    organization: Organization = field(default_factory=Organization)
    history: str = ""  # Markdown
    facts: list[Fact] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    images: list[KitImage] = field(default_factory=list)
    logos: list[Logo] = field(default_factory=list)
    videos: list[Video] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    releases: list[str] = field(default_factory=list)  # release files, relative to the kit
    contacts: list[Contact] = field(default_factory=list)
    description: str = ""  # the Markdown body
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str:
        """What the page and the fact sheet are called: the organization's name."""
        return self.organization.name.strip() or "Press kit"


LIST_ITEMS: dict[str, type] = {
    "facts": Fact,
    "people": Person,
    "images": KitImage,
    "logos": Logo,
    "videos": Video,
    "quotes": Quote,
    "awards": Award,
}
"""The kit's lists of records, by key, with the type of their items (documented order)."""
