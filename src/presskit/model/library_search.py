"""Searching the library the way a person types into a search box: pure functions, no I/O.

Every word typed must appear somewhere in the record (``mary hrw`` finds Mary Wareham of HRW),
ignoring case and accents written in different Unicode forms: text is NFKC-normalized and
case-folded, so ``MÜLLER`` finds ``Müller`` whether the file spelled the ü as one character or
two, and ``strasse`` finds ``Straße``. The library's search and a live filter in the editor use
these same functions, so both always agree.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from presskit.model.library import Boilerplate, LibraryContact, OrganizationProfile


def fold(text: str) -> str:
    """``text`` in the form searches and sorting compare: NFKC-normalized and case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def search_terms(text: str) -> list[str]:
    """The folded words of a search; an empty list matches everything."""
    return fold(text).split()


def _all_found(terms: list[str], fields: Iterable[str]) -> bool:
    haystack = "\n".join(fold(f) for f in fields)
    return all(term in haystack for term in terms)


def contact_matches(contact: LibraryContact, terms: list[str]) -> bool:
    """Whether every term occurs in the contact's name, organization, title, emails or tags."""
    fields = [contact.name, contact.organization, contact.title, *contact.emails, *contact.tags]
    return _all_found(terms, fields)


def boilerplate_matches(boilerplate: Boilerplate, terms: list[str]) -> bool:
    """Whether every term occurs in the boilerplate's organization or text."""
    return _all_found(terms, [boilerplate.organization, boilerplate.text])


def organization_matches(profile: OrganizationProfile, terms: list[str]) -> bool:
    """Whether every term occurs in the organization's name or website."""
    return _all_found(terms, [profile.name, profile.website])
