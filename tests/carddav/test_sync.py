"""Two-way sync against a real Radicale server with password authentication.

The issue's "done when": 20 cards on the server arrive; a contact imported here goes up; a card
deleted on the server disappears here; a sync with no changes changes nothing; a wrong password
is a clear message and changes nothing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from presskit.carddav import sync_library
from presskit.carddav.errors import AuthenticationFailed
from presskit.library.database import Library
from presskit.library.vcard import parse_vcards
from presskit.model.library import LibraryContact
from tests.carddav.conftest import Dav
from tests.carddav.radicale_server import card


def _snapshot(path: Path) -> list[tuple]:
    """Every row of every table: the whole library, to compare before and after."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return [(t, *row) for t in sorted(tables) for row in conn.execute(f"SELECT * FROM {t}")]
    finally:
        conn.close()


def _twenty(dav: Dav) -> list[str]:
    uids = []
    for number in range(20):
        uid = f"uid-{number:02d}"
        dav.user.put(dav.book, f"{uid}.vcf", card(f"Reporter Number{number:02d}", uid))
        uids.append(uid)
    return uids


def test_done_when_twenty_down_one_up_one_deleted_then_nothing(dav: Dav, library: Library) -> None:
    uids = _twenty(dav)

    first = sync_library(library, dav.account())
    contacts = {c.uid: c for c in library.list_contacts()}
    assert sorted(contacts) == uids
    assert contacts["uid-07"].name == "Reporter Number07"
    assert contacts["uid-07"].emails == ["number07@example.org"]
    assert first.down_new == 20 and first.up_new == 0

    imported = parse_vcards(
        card("Mary Wareham", "mary-uid", "TEL;TYPE=CELL:+1-646-203-8292").encode()
    ).contacts
    library.add_contacts(imported)
    dav.user.delete(dav.book, "uid-03.vcf")

    second = sync_library(library, dav.account())
    assert (second.up_new, second.down_deleted) == (1, 1)
    names = {c.name for c in library.list_contacts()}
    assert "Reporter Number03" not in names and "Mary Wareham" in names
    on_server = dav.user.cards(dav.book)
    assert len(on_server) == 20
    mary = next(text for text in on_server.values() if "Mary Wareham" in text)
    assert "+1-646-203-8292" in mary

    before_library, before_server = _snapshot(library.path), dav.user.cards(dav.book)
    third = sync_library(library, dav.account())
    assert third.changes == 0
    assert dav.user.cards(dav.book) == before_server
    after = _snapshot(library.path)
    # Only the book's "last synced" time moves.
    assert [r for r in after if r[0] != "carddav_books"] == [
        r for r in before_library if r[0] != "carddav_books"
    ]


def test_wrong_password_is_a_clear_message_and_changes_nothing(dav: Dav, library: Library) -> None:
    _twenty(dav)
    library.add_contact(LibraryContact(name="Local Only"))
    before = _snapshot(library.path)
    with pytest.raises(AuthenticationFailed) as caught:
        sync_library(library, dav.account(password="wrong"))
    assert "refused the user name or password" in str(caught.value)
    assert dav.user.name in str(caught.value)
    assert _snapshot(library.path) == before
    assert len(dav.user.cards(dav.book)) == 20
