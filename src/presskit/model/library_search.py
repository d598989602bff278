"""Searching the library the way a person types into a search box: pure functions, no I/O.

Every word typed must appear somewhere in the record (``mary hrw`` finds Mary Wareham of HRW),
ignoring case and accents written in different Unicode forms: text is NFKC-normalized and
case-folded, so ``MÜLLER`` finds ``Müller`` whether the file spelled the ü as one character or
two, and ``strasse`` finds ``Straße``. The library's search and a live filter in the editor use
these same functions, so both always agree.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from presskit.model.library import Boilerplate, LibraryContact, OrganizationProfile

_SEPARATOR = "\x00"  # between records in a SearchIndex; never in a search word


def fold(text: str) -> str:
    """``text`` in the form searches and sorting compare: NFKC-normalized and case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def search_terms(text: str) -> list[str]:
    """The folded words of a search; an empty list matches everything."""
    return fold(text).split()


def _all_found(terms: list[str], fields: Iterable[str]) -> bool:
    text = haystack(fields)
    return all(term in text for term in terms)


def contact_fields(
    name: str, organization: str, title: str, emails: Iterable[str], tags: Iterable[str]
) -> list[str]:
    """The fields of a contact a search looks in (the library's index reads the same)."""
    return [name, organization, title, *emails, *tags]


def contact_matches(contact: LibraryContact, terms: list[str]) -> bool:
    """Whether every term occurs in the contact's name, organization, title, emails or tags."""
    fields = contact_fields(
        contact.name, contact.organization, contact.title, contact.emails, contact.tags
    )
    return _all_found(terms, fields)


def contact_label(name: str, organization: str, emails: Iterable[str]) -> str:
    """How a list shows a contact: name · organization · first email."""
    email = next((e for e in emails if e.strip()), "")
    return " · ".join(part for part in (name, organization, email) if part)


def haystack(fields: Iterable[str]) -> str:
    """The folded text a search finds its terms in; a term never spans two fields."""
    return "\n".join(fold(f) for f in fields)


@dataclass(frozen=True)
class IndexEntry:
    """One record in a :class:`SearchIndex`: its id, sort key, searched text and label."""

    id: int
    sort_key: str
    text: str  # haystack() of its fields
    label: str  # how a list shows it


@dataclass
class Found:
    """The first matches of a search, as positions in list order, and how many there are."""

    positions: list[int]
    total: int  # all matches when ``complete``; else at least this many
    complete: bool


class SearchIndex:
    """Records' folded text kept in memory, in list order, for search as you type.

    All records' text is one UTF-8 string, so finding a word is ``bytes.find`` at C speed, and
    a search stops once it has the ``limit`` first matches a list shows: at 50,000 contacts a
    keystroke costs a few milliseconds, where reading and folding every record again took a
    second. The word seen least often in a sample leads; the others are checked in the records
    it is found in.
    Typing on narrows the previous result when it was complete: when each earlier word is part
    of the word now in its place (``we`` -> ``weis`` -> ``weiss mü``), only earlier matches
    can match.
    """

    NARROW_AT_MOST = 20_000

    def __init__(self, entries: Iterable[IndexEntry]):
        ordered = sorted(entries, key=lambda e: (e.sort_key, e.id))
        self.ids = [e.id for e in ordered]
        self.labels = [e.label for e in ordered]
        self._texts = [e.text.replace(_SEPARATOR, " ") for e in ordered]
        encoded = [text.encode() for text in self._texts]
        self._starts: list[int] = []
        offset = 0
        for data in encoded:
            self._starts.append(offset)
            offset += len(data) + 1
        # UTF-8 bytes: half the size of a str with one non-Latin-1 letter in it, and a UTF-8
        # substring match is exactly a text substring match.
        self._all = _SEPARATOR.encode().join(encoded) + _SEPARATOR.encode()
        self._last: tuple[list[str], list[int]] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def search(self, text: str, limit: int | None = None) -> Found:
        """The records holding every word of ``text``: the first ``limit`` (or all) of them."""
        terms = [t for t in (t.replace(_SEPARATOR, "") for t in search_terms(text)) if t]
        limit = len(self.ids) if limit is None else limit
        if not terms:
            return Found(list(range(min(limit, len(self.ids)))), len(self.ids), True)
        candidates = self._narrowed(terms)
        if candidates is not None:
            texts = self._texts
            positions = [i for i in candidates if all(t in texts[i] for t in terms)]
            found = Found(positions[:limit], len(positions), True)
            self._last = (terms, positions)
            return found
        found = self._scan(terms, limit)
        self._last = (terms, found.positions) if found.complete else None
        return found

    def _narrowed(self, terms: list[str]) -> list[int] | None:
        if self._last is None:
            return None
        last_terms, last_found = self._last
        if len(last_found) > self.NARROW_AT_MOST or len(terms) < len(last_terms):
            return None
        if all(old in new for old, new in zip(last_terms, terms, strict=False)):
            return last_found
        return None

    def _scan(self, terms: list[str], limit: int) -> Found:
        everything, starts, texts = self._all, self._starts, self._texts
        # The word seen least in the first part of the records leads (the longest on a tie).
        sample = min(len(everything), 1 << 18)
        needles = sorted(
            ((everything.count(t.encode(), 0, sample), -len(t), t) for t in terms),
        )
        lead = needles[0][2]
        others = [t for t in terms if t is not lead]
        needle = lead.encode()
        positions: list[int] = []
        at = everything.find(needle)
        while at >= 0:
            record = bisect.bisect_right(starts, at) - 1
            if all(t in texts[record] for t in others):
                positions.append(record)
                if len(positions) > limit:
                    return Found(positions[:limit], len(positions), False)
            following = record + 1
            if following == len(starts):
                break
            at = everything.find(needle, starts[following])
        return Found(positions, len(positions), True)


def boilerplate_matches(boilerplate: Boilerplate, terms: list[str]) -> bool:
    """Whether every term occurs in the boilerplate's organization or text."""
    return _all_found(terms, [boilerplate.organization, boilerplate.text])


def organization_matches(profile: OrganizationProfile, terms: list[str]) -> bool:
    """Whether every term occurs in the organization's name or website."""
    return _all_found(terms, [profile.name, profile.website])
