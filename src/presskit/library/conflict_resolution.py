"""Resolving a CardDAV conflict: keep mine, keep the server's, or keep both.

After a sync found a contact edited on both sides, the contact holds the server's version and
a conflict copy ("Name (conflict copy)") holds the one edited here (see
:mod:`presskit.carddav.sync`). Resolving is local and immediate; what it means for the server
happens at the next sync, which the editor starts at once:

- ``MINE``: the contact takes the copy's fields (its UID, lists and card stay); the copy goes.
  The next sync uploads the contact as an edit (``If-Match``: a newer change there is a new
  conflict, never overwritten).
- ``SERVERS``: the copy goes; the contact stays as the server has it.
- ``BOTH``: the copy becomes a contact of its own, uploaded as a new card at the next sync.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import Enum

from presskit.library import carddav_state as state
from presskit.library.carddav_state import SYNCED_COLUMNS, ConflictRecord
from presskit.library.database import Library, LibraryError
from presskit.library.rows import CONTACTS, timestamp_text, utc_now
from presskit.model.library import LibraryContact

COPY_SUFFIX = " (conflict copy)"


class Choice(Enum):
    MINE = "mine"
    SERVERS = "servers"
    BOTH = "both"


@dataclass
class Conflict:
    """One open conflict: the two versions side by side."""

    record: ConflictRecord
    mine: LibraryContact  # the conflict copy: the version edited here
    servers: LibraryContact | None  # the contact: the server's version (None: deleted since)


def open_conflicts(library: Library) -> list[Conflict]:
    """Every conflict not resolved yet, with both versions."""
    records = state.conflicts(library)
    found = state.contacts_by_uid(library, {r.uid for r in records} | {r.copy_uid for r in records})
    return [
        Conflict(record, found[record.copy_uid], found.get(record.uid))
        for record in records
        if record.copy_uid in found
    ]


def original_name(copy: LibraryContact) -> str:
    """The copy's name without the " (conflict copy)" the sync gave it."""
    return copy.name.removesuffix(COPY_SUFFIX)


def resolve(library: Library, copy_uid: str, choice: Choice) -> None:
    """Resolve the conflict whose local version is the contact ``copy_uid``, in one transaction."""
    with library._writing() as conn:
        row = conn.execute(
            "SELECT uid FROM carddav_conflicts WHERE copy_uid = ?", (copy_uid,)
        ).fetchone()
        copy_row = conn.execute("SELECT * FROM contacts WHERE uid = ?", (copy_uid,)).fetchone()
        if row is None or copy_row is None:
            raise LibraryError(library.path, "this conflict was resolved already")
        conn.execute("DELETE FROM carddav_conflicts WHERE copy_uid = ?", (copy_uid,))
        if choice is Choice.BOTH:
            return
        if choice is Choice.MINE:
            copy = CONTACTS.from_row(copy_row)
            copy.name = original_name(copy)
            _take_fields(conn, row["uid"], copy)
        conn.execute("DELETE FROM contacts WHERE uid = ?", (copy_uid,))


def _take_fields(conn: sqlite3.Connection, uid: str, copy: LibraryContact) -> None:
    stored = dict(zip(CONTACTS.columns, CONTACTS.to_values(copy), strict=True))
    sets = ", ".join(f"{column} = ?" for column in SYNCED_COLUMNS)
    values = [stored[column] for column in SYNCED_COLUMNS]
    cursor = conn.execute(
        f"UPDATE contacts SET {sets}, updated = ? WHERE uid = ?",  # noqa: S608 - fixed names
        (*values, timestamp_text(utc_now()), uid),
    )
    if cursor.rowcount == 0:  # the server's version was deleted here since: the copy takes over
        conn.execute(
            "UPDATE contacts SET uid = ?, name = ? WHERE uid = ?", (uid, copy.name, copy.uid)
        )


_LABELS = (
    ("name", "Name"), ("first_name", "First name"), ("title", "Title"),
    ("organization", "Organization"), ("outlet", "Outlet"), ("city", "City"),
    ("phones", "Phones"), ("emails", "Emails"), ("website", "Website"), ("topics", "Beats"),
    ("language", "Language"), ("tags", "Tags"), ("do_not_contact", "Do not contact"),
    ("notes", "Notes"),
)  # fmt: skip


def _text(contact: LibraryContact | None, field: str) -> str:
    if contact is None:
        return ""
    value = getattr(contact, field)
    if field == "phones":
        return "\n".join(f"{p.number} ({p.label})" if p.label else p.number for p in value)
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else ""
    return str(value)


def side_by_side(conflict: Conflict) -> list[tuple[str, str, str, bool]]:
    """(field, mine, the server's, differ) for every field either version fills in."""
    rows = []
    for field, label in _LABELS:
        mine = original_name(conflict.mine) if field == "name" else _text(conflict.mine, field)
        theirs = _text(conflict.servers, field)
        if mine or theirs:
            rows.append((label, mine, theirs, mine != theirs))
    return rows
