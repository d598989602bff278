"""Media lists as CardDAV contact groups: the lists by UID, and what the last sync saw.

A shared list is known by its UID (its group card's). Per address book the library remembers
each group card's href, ETag, the server's text and the fingerprint of the list (name, tags,
members' UIDs) after the last sync: a list whose fingerprint moved was edited here, a group
state without a list was deleted here. Writes go through the sync's :func:`carddav_state.batch`
connection, so a list and its group state change in one transaction.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field

from presskit.library.database import Library
from presskit.library.rows import new_uid, timestamp_text, utc_now


@dataclass
class SharedList:
    """A media list as a group card carries it: members are contact UIDs, in list order."""

    uid: str
    name: str
    tags: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)

    def fingerprint(self) -> str:
        values = (self.name, sorted(self.tags), sorted(set(self.members)))
        return hashlib.sha256(repr(values).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class GroupState:
    uid: str
    href: str
    etag: str
    card: str
    synced: str  # the list's fingerprint after the last sync


def shared_lists(library: Library) -> dict[str, SharedList]:
    """Every media list by UID (a list without one gets one now)."""
    with library._writing() as conn:
        for (list_id,) in conn.execute("SELECT id FROM media_lists WHERE uid IS NULL").fetchall():
            conn.execute("UPDATE media_lists SET uid = ? WHERE id = ?", (new_uid(), list_id))
        return _read_lists(conn)


def _read_lists(conn: sqlite3.Connection) -> dict[str, SharedList]:
    lists = {
        row[0]: SharedList(row[0], row[1], [str(t) for t in json.loads(row[2] or "[]")])
        for row in conn.execute("SELECT uid, name, tags FROM media_lists WHERE uid IS NOT NULL")
    }
    rows = conn.execute(
        """SELECT l.uid, c.uid FROM media_list_members m
           JOIN media_lists l ON l.id = m.list_id JOIN contacts c ON c.id = m.contact_id
           WHERE l.uid IS NOT NULL ORDER BY m.list_id, m.position"""
    )
    for list_uid, contact_uid in rows:
        lists[list_uid].members.append(contact_uid)
    return lists


def group_states(library: Library, book: int) -> dict[str, GroupState]:
    """The group cards the last syncs saw in ``book``, by UID."""
    with library._errors():
        rows = library._conn.execute(
            "SELECT uid, href, etag, card, synced FROM carddav_groups WHERE book = ?", (book,)
        ).fetchall()
    return {r[0]: GroupState(*r) for r in rows}


class ListWriter:
    """The list writes of one sync transaction (on a :func:`carddav_state.batch` connection)."""

    def __init__(self, conn: sqlite3.Connection, book: int):
        self._conn = conn
        self._book = book

    def known_contacts(self, uids: list[str]) -> dict[str, int]:
        """Contact id by UID, for those of ``uids`` in the library."""
        found: dict[str, int] = {}
        for start in range(0, len(uids), 500):
            chunk = uids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            found.update(
                self._conn.execute(
                    f"SELECT uid, id FROM contacts WHERE uid IN ({marks})",  # noqa: S608
                    chunk,
                ).fetchall()
            )
        return found

    def free_name(self, name: str, uid: str) -> str:
        """``name``, or "name (2)"... when another list has it."""
        wanted, number = name.strip() or "Contact group", 1
        while True:
            row = self._conn.execute(
                "SELECT uid FROM media_lists WHERE name = ?", (wanted,)
            ).fetchone()
            if row is None or row[0] == uid:
                return wanted
            number += 1
            wanted = f"{name.strip()} ({number})"

    def put_list(self, shared: SharedList) -> None:
        """Make or replace the list with ``shared.uid`` (members not in the library left out)."""
        now = timestamp_text(utc_now())
        tags = json.dumps(shared.tags, ensure_ascii=False)
        cursor = self._conn.execute(
            "UPDATE media_lists SET name = ?, tags = ?, updated = ? WHERE uid = ?",
            (shared.name, tags, now, shared.uid),
        )
        if cursor.rowcount == 0:
            self._conn.execute(
                "INSERT INTO media_lists (uid, name, tags, created, updated) "
                "VALUES (?, ?, ?, ?, ?)",
                (shared.uid, shared.name, tags, now, now),
            )
        list_id = self._conn.execute(
            "SELECT id FROM media_lists WHERE uid = ?", (shared.uid,)
        ).fetchone()[0]
        self._conn.execute("DELETE FROM media_list_members WHERE list_id = ?", (list_id,))
        ids = self.known_contacts(shared.members)
        wanted = [ids[uid] for uid in dict.fromkeys(shared.members) if uid in ids]
        self._conn.executemany(
            "INSERT INTO media_list_members (list_id, contact_id, position) VALUES (?, ?, ?)",
            [(list_id, contact_id, number) for number, contact_id in enumerate(wanted, 1)],
        )

    def set_uid(self, old: str, new: str) -> None:
        self._conn.execute("UPDATE media_lists SET uid = ? WHERE uid = ?", (new, old))

    def delete_list(self, uid: str) -> None:
        """Remove the list (its contacts stay)."""
        self._conn.execute("DELETE FROM media_lists WHERE uid = ?", (uid,))

    def set_group(self, uid: str, href: str, etag: str, card: str, synced: str) -> None:
        self._conn.execute(
            "DELETE FROM carddav_groups WHERE book = ? AND href = ? AND uid != ?",
            (self._book, href, uid),
        )
        self._conn.execute(
            "INSERT OR REPLACE INTO carddav_groups (book, uid, href, etag, card, synced) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (self._book, uid, href, etag, card, synced),
        )

    def drop_group(self, uid: str) -> None:
        self._conn.execute(
            "DELETE FROM carddav_groups WHERE book = ? AND uid = ?", (self._book, uid)
        )

    def current(self, uid: str) -> SharedList | None:
        """The list with ``uid`` as stored now, inside this transaction."""
        return _read_lists(self._conn).get(uid)
