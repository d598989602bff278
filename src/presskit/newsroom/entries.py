"""The published releases as entries of the site: when each was published, its address, and
the other language versions it belongs with.

An entry's address is ``releases/<date>-<headline>.html`` (with its ``.pdf`` and
``-press-kit.zip`` beside it): readable, stable while the headline and date stay, and a plain
file name, so the site works from ``file://`` where a folder URL would not open its index.
Two releases with the same date and headline get ``-2``, ``-3``, … in the order of their
files' paths.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from presskit.model.release import Release
from presskit.newsroom.languages import group_keys, translated_from
from presskit.newsroom.sources import Candidate
from presskit.outputs.release_kit import safe_file_name

RELEASES_FOLDER = "releases"


@dataclass
class Entry:
    """One published release and its place in the site."""

    path: Path
    data: bytes
    release: Release
    published: dt.datetime  # aware: the feeds' time, and the order of the index
    day: dt.date  # the date shown
    dated: bool  # False: the release has no date, the file's time stands in
    slug: str = ""
    group: Path | None = None
    fingerprint: str = ""
    versions: list[Entry] = field(default_factory=list)  # the group's others, published

    @property
    def key(self) -> str:
        """Names the source without naming the author's folders (the manifest is public)."""
        return hashlib.sha256(str(self.path).encode("utf-8", "surrogatepass")).hexdigest()[:24]

    @property
    def page(self) -> str:
        return f"{RELEASES_FOLDER}/{self.slug}.html"

    @property
    def pdf(self) -> str:
        return f"{RELEASES_FOLDER}/{self.slug}.pdf"

    @property
    def kit(self) -> str:
        return f"{RELEASES_FOLDER}/{self.slug}-press-kit.zip"


def publication_time(release: Release, mtime: float) -> tuple[dt.datetime, dt.date, bool]:
    """When the release was published: its embargo, else its dateline's date, else the file's
    modification time. Returns the moment, the date to show and whether the release had one."""
    if release.embargo is not None and (release.is_embargoed or release.dateline.date is None):
        local = release.embargo_local() or release.embargo
        return release.embargo, local.date(), True
    if release.dateline.date is not None:
        day = release.dateline.date
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC), day, True
    moment = dt.datetime.fromtimestamp(mtime, dt.UTC)
    return moment, moment.date(), False


def make_entries(published: list[Candidate]) -> list[Entry]:
    """Entries for the published releases, newest first, with addresses and language groups."""
    entries = []
    for candidate in published:
        moment, day, dated = publication_time(candidate.release, candidate.mtime)
        entries.append(Entry(candidate.path, candidate.data, candidate.release, moment, day, dated))
    _assign_slugs(entries)
    _assign_groups(entries)
    entries.sort(key=lambda e: (-e.published.timestamp(), e.release.headline.casefold(), e.slug))
    return entries


def _assign_slugs(entries: list[Entry]) -> None:
    taken: set[str] = set()
    for entry in sorted(entries, key=lambda e: str(e.path)):
        stem = f"{entry.day:%Y-%m-%d}-{safe_file_name(entry.release.headline)}"
        slug, number = stem, 1
        while slug in taken:
            number += 1
            slug = f"{stem}-{number}"
        taken.add(slug)
        entry.slug = slug


def _assign_groups(entries: list[Entry]) -> None:
    links = {e.path: translated_from(e.release, e.path) for e in entries}
    keys = group_keys(links)
    by_group: dict[Path, list[Entry]] = {}
    for entry in entries:
        entry.group = keys[entry.path]
        by_group.setdefault(entry.group, []).append(entry)
    for members in by_group.values():
        if len(members) > 1:
            members.sort(key=lambda e: e.release.language.casefold())
            for entry in members:
                entry.versions = [m for m in members if m is not entry]
