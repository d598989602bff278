"""What the library remembers between CardDAV syncs, and the writes a sync makes, in batches.

Per address book: the RFC 6578 sync-token (or the ctag) where the last complete sync stopped.
Per card: the contact's UID, the card's href and ETag, the server's card text and a fingerprint
of the contact as both sides held it after that sync (a contact whose fingerprint moved was
edited here). Per conflict: the contact both sides changed and the local copy kept beside it.

A sync writes through :func:`batch`: contacts and their card state change in one transaction,
so a sync killed at any moment leaves every contact with the state that matches it, and the
next sync resumes without duplicates. The tables are made by :mod:`presskit.library.schema`.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from presskit.library.database import Library
from presskit.library.rows import CONTACTS, timestamp_text, utc_now
from presskit.model.library import LibraryContact

SYNCED_COLUMNS = tuple(column for column in CONTACTS.columns if column != "uid")
"""The contact's columns that travel in a card (all but the UID, which is the card's name):
its fingerprint is made of their stored values, in the table's order."""

UNREADABLE = "unreadable"
"""The fingerprint of a server card Presskit cannot read: it has no contact, and stays."""


@dataclass(frozen=True)
class BookState:
    id: int
    url: str
    sync_token: str
    ctag: str
    last_sync: str | None


@dataclass(frozen=True)
class CardState:
    uid: str
    href: str
    etag: str
    synced: str  # the contact's fingerprint after the last sync, or UNREADABLE


@dataclass(frozen=True)
class ConflictRecord:
    uid: str  # the contact, which now holds the server's version
    copy_uid: str  # the conflict copy, which holds the version edited here
    name: str
    detected: str


def _digest(values: tuple[object, ...]) -> str:
    return hashlib.sha256(repr(values).encode("utf-8")).hexdigest()[:32]


def fingerprint(contact: LibraryContact) -> str:
    """What ``contact`` holds that travels in a card, as the library stores it, hashed."""
    stored = dict(zip(CONTACTS.columns, CONTACTS.to_values(contact), strict=True))
    return _digest(tuple(stored[column] for column in SYNCED_COLUMNS))


def fingerprints(library: Library) -> dict[str, str]:
    """Every contact's fingerprint by UID, straight from the rows (5,000 in a few ms)."""
    columns = ", ".join(SYNCED_COLUMNS)
    with library._errors():
        rows = library._conn.execute(f"SELECT uid, {columns} FROM contacts").fetchall()  # noqa: S608
    return {row[0]: _digest(tuple(row)[1:]) for row in rows}


def contacts_by_uid(library: Library, uids: set[str]) -> dict[str, LibraryContact]:
    """The contacts with these UIDs."""
    found: dict[str, LibraryContact] = {}
    wanted = sorted(uids)
    with library._errors():
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = library._conn.execute(
                f"SELECT * FROM contacts WHERE uid IN ({marks})",  # noqa: S608 - placeholders
                chunk,
            ).fetchall()
            found.update({row["uid"]: CONTACTS.from_row(row) for row in rows})
    return found


def book_state(library: Library, url: str) -> BookState:
    """The state of the book at ``url``, made empty on its first sync."""
    with library._writing() as conn:
        conn.execute("INSERT OR IGNORE INTO carddav_books (url) VALUES (?)", (url,))
        row = conn.execute("SELECT * FROM carddav_books WHERE url = ?", (url,)).fetchone()
    return BookState(row["id"], row["url"], row["sync_token"], row["ctag"], row["last_sync"])


def card_states(library: Library, book: int) -> dict[str, CardState]:
    """Every card the last syncs saw, by UID (without the card texts)."""
    with library._errors():
        rows = library._conn.execute(
            "SELECT uid, href, etag, synced FROM carddav_cards WHERE book = ?", (book,)
        ).fetchall()
    return {r["uid"]: CardState(r["uid"], r["href"], r["etag"], r["synced"]) for r in rows}


def card_text(library: Library, book: int, uid: str) -> str:
    with library._errors():
        row = library._conn.execute(
            "SELECT card FROM carddav_cards WHERE book = ? AND uid = ?", (book, uid)
        ).fetchone()
    return row["card"] if row else ""


def conflicts(library: Library, book: int | None = None) -> list[ConflictRecord]:
    """Conflicts not resolved yet: those whose conflict copy is still in the library."""
    where = "AND k.book = ?" if book is not None else ""
    with library._errors():
        rows = library._conn.execute(
            "SELECT k.uid, k.copy_uid, k.name, k.detected FROM carddav_conflicts k "  # noqa: S608
            f"JOIN contacts c ON c.uid = k.copy_uid WHERE 1 = 1 {where} ORDER BY k.detected",
            () if book is None else (book,),
        ).fetchall()
    return [ConflictRecord(r["uid"], r["copy_uid"], r["name"], r["detected"]) for r in rows]


def conflict_copies(library: Library) -> set[str]:
    """UIDs of conflict copies: local until the user resolves them, never uploaded."""
    with library._errors():
        rows = library._conn.execute("SELECT copy_uid FROM carddav_conflicts").fetchall()
    return {r["copy_uid"] for r in rows}


class Batch:
    """The writes of one transaction of a sync (see :func:`batch`)."""

    def __init__(self, library: Library, conn: sqlite3.Connection, book: int):
        self._library = library
        self._conn = conn
        self._book = book

    def put_contact(self, contact: LibraryContact) -> None:
        """Store ``contact`` under its UID: an update when that UID is here, else a new one."""
        now = timestamp_text(utc_now())
        sets = ", ".join(f"{column} = ?" for column in CONTACTS.columns)
        cursor = self._conn.execute(
            f"UPDATE contacts SET {sets}, updated = ? WHERE uid = ?",  # noqa: S608 - fixed names
            (*CONTACTS.to_values(contact), now, contact.uid),
        )
        if cursor.rowcount == 0:
            self._library._insert(self._conn, CONTACTS, contact)

    def current(self, uid: str) -> LibraryContact | None:
        """The contact with ``uid`` as stored now (inside this transaction)."""
        row = self._conn.execute("SELECT * FROM contacts WHERE uid = ?", (uid,)).fetchone()
        return CONTACTS.from_row(row) if row else None

    def delete_contact(self, uid: str) -> None:
        self._conn.execute("DELETE FROM contacts WHERE uid = ?", (uid,))

    def set_card(self, uid: str, href: str, etag: str, card: str, synced: str) -> None:
        # A card that moved to another href, or a new UID at an old href, replaces the old row.
        self._conn.execute(
            "DELETE FROM carddav_cards WHERE book = ? AND href = ? AND uid != ?",
            (self._book, href, uid),
        )
        self._conn.execute(
            "INSERT OR REPLACE INTO carddav_cards (book, uid, href, etag, card, synced) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (self._book, uid, href, etag, card, synced),
        )

    def drop_card(self, uid: str) -> None:
        self._conn.execute(
            "DELETE FROM carddav_cards WHERE book = ? AND uid = ?", (self._book, uid)
        )

    def add_conflict(self, uid: str, copy_uid: str, name: str) -> ConflictRecord:
        detected = timestamp_text(utc_now())
        self._conn.execute(
            "INSERT INTO carddav_conflicts (book, uid, copy_uid, name, detected) "
            "VALUES (?, ?, ?, ?, ?)",
            (self._book, uid, copy_uid, name, detected),
        )
        return ConflictRecord(uid, copy_uid, name, detected)

    def finish_book(self, sync_token: str, ctag: str) -> None:
        """Remember where this complete sync stopped."""
        self._conn.execute(
            "UPDATE carddav_books SET sync_token = ?, ctag = ?, last_sync = ? WHERE id = ?",
            (sync_token, ctag, timestamp_text(utc_now()), self._book),
        )


@contextlib.contextmanager
def batch(library: Library, book: int) -> Iterator[Batch]:
    """One transaction of sync writes: all of them happen, or (killed, failed) none."""
    with library._writing() as conn:
        yield Batch(library, conn, book)
