"""Search as you type over the library's contacts: the in-memory index finds what the plain
search finds, keystroke by keystroke, folds case and accents the same way, and sees changes
made through another connection (another Presskit, the CLI)."""

from __future__ import annotations

import random
import sys
import unicodedata
from pathlib import Path

import pytest

from presskit.library.contact_index import ContactIndex
from presskit.library.database import Library
from presskit.model.library import LibraryContact
from presskit.model.library_search import contact_matches, search_terms

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
from library_corpus import contacts


@pytest.fixture
def library(tmp_path: Path):
    with Library(tmp_path / "library.sqlite") as library:
        yield library


def _expected(everyone: list[LibraryContact], text: str) -> list[int]:
    terms = search_terms(text)
    return [c.id for c in everyone if contact_matches(c, terms) and c.id]


def test_typing_finds_what_the_plain_search_finds(library: Library) -> None:
    library.add_contacts(contacts(1500))
    everyone = library.list_contacts()
    index = ContactIndex(library)
    rng = random.Random(5)
    queries = ["weiß müller", "ŁUKASZ øster reuters", "s o", "climate health", "zz", "ana e"]
    queries += [
        rng.choice(["a", "é", "ø", "ss", "gu"]) + " " + rng.choice("aeiouł") for _ in range(6)
    ]
    for query in queries:
        for end in range(len(query) + 1):  # every keystroke, so narrowing is exercised
            typed = query[:end]
            page = index.search(typed, limit=50)
            expected = _expected(everyone, typed)
            assert page.ids == expected[:50], typed
            if page.complete:
                assert page.total == len(expected), typed
            else:
                assert len(expected) > 50, typed
        for end in range(len(query), -1, -1):  # and deleting back
            assert index.search(query[:end], limit=50).ids == _expected(everyone, query[:end])[:50]


def test_case_and_accents_fold_as_the_library_does(library: Library) -> None:
    decomposed = unicodedata.normalize("NFD", "Jana Müller")
    library.add_contacts(
        [
            LibraryContact(name=decomposed, organization="Straße & Co"),
            LibraryContact(name="Zoë Núñez", emails=["ZOE@EXAMPLE.ORG"], tags=["Klima"]),
        ]
    )
    index = ContactIndex(library)
    assert index.search("MÜLLER").labels == [f"{decomposed} · Straße & Co"]
    assert index.search("strasse").total == 1
    assert index.search("zoe@example klima").labels == ["Zoë Núñez · ZOE@EXAMPLE.ORG"]
    assert index.search("").total == 2


def test_changes_from_another_connection_are_seen(library: Library, tmp_path: Path) -> None:
    library.add_contact(LibraryContact(name="Ana Souza"))
    index = ContactIndex(library)
    assert index.search("souza").total == 1
    with Library(tmp_path / "library.sqlite") as other:  # another Presskit, or the CLI
        other.add_contact(LibraryContact(name="Ben Souza"))
        first = other.list_contacts()[0]
        other.delete_contact(first.id or 0)
    assert index.search("souza").labels == ["Ben Souza"]
    library.add_contact(LibraryContact(name="Cy Souza"))  # and from its own connection
    assert index.search("souza").labels == ["Ben Souza", "Cy Souza"]
