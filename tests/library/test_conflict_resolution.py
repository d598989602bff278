"""Resolving a CardDAV conflict in the library (the editor's dialog is tested against Radicale
in tests/carddav/test_conflicts_dialog.py): each choice, in one transaction, only once."""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.library import carddav_state as state
from presskit.library.conflict_resolution import Choice, open_conflicts, resolve, side_by_side
from presskit.library.database import Library, LibraryError
from presskit.model.library import LibraryContact


def _conflict(library: Library) -> None:
    """Ana edited on both sides: the contact holds the server's title, the copy this one's."""
    book = state.book_state(library, "https://dav.example.org/book/")
    with state.batch(library, book.id) as batch:
        batch.put_contact(LibraryContact(name="Ana Ruiz", title="There", uid="ana"))
        batch.put_contact(LibraryContact(name="Ana Ruiz (conflict copy)", title="Here", uid="c"))
        batch.add_conflict("ana", "c", "Ana Ruiz")


@pytest.fixture
def library(tmp_path: Path):
    with Library(tmp_path / "library.sqlite") as opened:
        _conflict(opened)
        yield opened


def _titles(library: Library) -> dict[str, str]:
    return {c.name: c.title for c in library.list_contacts()}


def test_side_by_side_shows_the_names_without_the_copy_mark(library: Library) -> None:
    (conflict,) = open_conflicts(library)
    assert side_by_side(conflict) == [
        ("Name", "Ana Ruiz", "Ana Ruiz", False),
        ("Title", "Here", "There", True),
    ]


@pytest.mark.parametrize(
    ("choice", "titles"),
    [
        (Choice.MINE, {"Ana Ruiz": "Here"}),
        (Choice.SERVERS, {"Ana Ruiz": "There"}),
        (Choice.BOTH, {"Ana Ruiz": "There", "Ana Ruiz (conflict copy)": "Here"}),
    ],
)
def test_each_choice(library: Library, choice: Choice, titles: dict[str, str]) -> None:
    resolve(library, "c", choice)
    assert _titles(library) == titles
    assert open_conflicts(library) == []
    assert library.get_contact_by_uid("ana") is not None  # the UID the server knows stays
    with pytest.raises(LibraryError, match="resolved already"):
        resolve(library, "c", choice)


def test_keep_mine_when_the_servers_version_was_deleted_here_since(library: Library) -> None:
    library.delete_contact(library.get_contact_by_uid("ana").id)
    resolve(library, "c", Choice.MINE)
    (ana,) = library.list_contacts()
    assert (ana.name, ana.title, ana.uid) == ("Ana Ruiz", "Here", "ana")
