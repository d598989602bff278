"""Named media lists of journalists in the library, and importing a list from a file.

    with Library.open() as library:
        report = import_list(library, "Tech press", read_contacts_file("cision.csv").contacts)
        members(library, "Tech press")            # LibraryContact, in list order

A list holds library contacts, so a journalist on three lists is one contact: correcting an
address corrects it everywhere. Importing matches contacts by email address, ignoring case:
a journalist already in the library is added to the list (empty fields filled in from the
file), not stored twice, and the report says who was new, who was merged and who was left out.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from presskit.library.database import Library, LibraryError
from presskit.library.rows import CONTACTS, parse_timestamp, timestamp_text, utc_now
from presskit.model.library import LibraryContact, MediaList, merge_into


@dataclass
class ListImport:
    """What importing contacts into a list did."""

    list_name: str
    added: int = 0  # new contacts stored in the library
    merged: int = 0  # contacts that were already in the library (same email), now on the list
    duplicates: list[str] = field(default_factory=list)  # emails given more than once
    without_email: int = 0  # contacts kept in the library but not put on the list

    def lines(self) -> list[str]:
        """The report, one line per fact, for a terminal or a dialog."""
        lines = [
            f"{self.list_name}: {self.added} new, {self.merged} already in the library",
        ]
        lines += [f"duplicate of an earlier entry (merged): {email}" for email in self.duplicates]
        if self.without_email:
            lines.append(f"{self.without_email} without an email address: not put on the list")
        return lines


def email_key(address: str) -> str:
    """The key two addresses are the same person by: trimmed, any case."""
    return address.strip().casefold()


def _list_from_row(row: sqlite3.Row) -> MediaList:
    return MediaList(
        id=row["id"],
        name=row["name"],
        tags=[str(t) for t in json.loads(row["tags"] or "[]")],
        size=int(row["size"]),
        created=parse_timestamp(row["created"]),
        updated=parse_timestamp(row["updated"]),
    )


_LISTS = """SELECT l.*, (SELECT count(*) FROM media_list_members m WHERE m.list_id = l.id)
    AS size FROM media_lists l"""


def all_lists(library: Library) -> list[MediaList]:
    """Every media list, by name."""
    with library._errors():
        rows = library._conn.execute(_LISTS + " ORDER BY l.name COLLATE NOCASE").fetchall()
    return [_list_from_row(row) for row in rows]


def get_list(library: Library, name: str) -> MediaList | None:
    """The list called ``name`` (any case), or None."""
    with library._errors():
        row = library._conn.execute(_LISTS + " WHERE l.name = ?", (name.strip(),)).fetchone()
    return _list_from_row(row) if row else None


def create_list(library: Library, name: str, tags: list[str] | None = None) -> MediaList:
    """A new, empty list; a LibraryError when the name is empty or taken."""
    name = name.strip()
    if not name:
        raise LibraryError(library.path, "a media list needs a name")
    now = timestamp_text(utc_now())
    try:
        with library._writing() as conn:
            conn.execute(
                "INSERT INTO media_lists (name, tags, created, updated) VALUES (?, ?, ?, ?)",
                (name, json.dumps(tags or [], ensure_ascii=False), now, now),
            )
    except LibraryError as exc:
        if "UNIQUE" in str(exc):
            raise LibraryError(library.path, f"there is already a list called '{name}'") from None
        raise
    found = get_list(library, name)
    assert found is not None
    return found


def delete_list(library: Library, name: str) -> bool:
    """Remove the list (its contacts stay in the library); False when there is none."""
    with library._writing() as conn:
        cursor = conn.execute("DELETE FROM media_lists WHERE name = ?", (name.strip(),))
    return cursor.rowcount > 0


def members(library: Library, name: str) -> list[LibraryContact]:
    """The contacts on the list, in the order they were added; [] for an unknown list."""
    with library._errors():
        rows = library._conn.execute(
            """SELECT c.* FROM contacts c
               JOIN media_list_members m ON m.contact_id = c.id
               JOIN media_lists l ON l.id = m.list_id
               WHERE l.name = ? ORDER BY m.position""",
            (name.strip(),),
        ).fetchall()
    return [CONTACTS.from_row(row) for row in rows]


def import_list(
    library: Library, name: str, contacts: list[LibraryContact], tags: list[str] | None = None
) -> ListImport:
    """Put ``contacts`` on the list ``name`` (made if needed), in one transaction.

    A contact whose email is already in the library (any case) is that contact: its empty
    fields are filled in from the file and it joins the list; an email given twice in
    ``contacts`` is merged into the first and reported.
    """
    media_list = get_list(library, name) or create_list(library, name, tags)
    report = ListImport(media_list.name)
    with library._writing() as conn:
        by_email = _contacts_by_email(conn)
        position = conn.execute(
            "SELECT coalesce(max(position), 0) FROM media_list_members WHERE list_id = ?",
            (media_list.id,),
        ).fetchone()[0]
        known_before, seen = set(by_email), set()
        for contact in contacts:
            key = email_key(contact.email)
            if not key:
                report.without_email += 1
                library._insert(conn, CONTACTS, contact)
                continue
            if key in seen:
                report.duplicates.append(contact.email)
            elif key in known_before:
                report.merged += 1
            else:
                report.added += 1
            seen.add(key)
            contact_id = _store(library, conn, by_email, key, contact)
            position += 1
            conn.execute(
                "INSERT OR IGNORE INTO media_list_members (list_id, contact_id, position) "
                "VALUES (?, ?, ?)",
                (media_list.id, contact_id, position),
            )
        conn.execute(
            "UPDATE media_lists SET updated = ? WHERE id = ?",
            (timestamp_text(utc_now()), media_list.id),
        )
    return report


def _contacts_by_email(conn: sqlite3.Connection) -> dict[str, LibraryContact]:
    found: dict[str, LibraryContact] = {}
    for row in conn.execute("SELECT * FROM contacts ORDER BY id"):
        contact = CONTACTS.from_row(row)
        for address in contact.emails:
            found.setdefault(email_key(address), contact)
    return found


def _store(
    library: Library,
    conn: sqlite3.Connection,
    by_email: dict[str, LibraryContact],
    key: str,
    contact: LibraryContact,
) -> int:
    known = by_email.get(key)
    if known is None:
        contact.id = library._insert(conn, CONTACTS, contact)
        by_email[key] = contact
        return contact.id
    assert known.id is not None
    if merge_into(known, contact):
        sets = ", ".join(f"{column} = ?" for column in (*CONTACTS.columns, "updated"))
        conn.execute(
            f"UPDATE contacts SET {sets} WHERE id = ?",  # noqa: S608 - fixed names
            (*CONTACTS.to_values(known), timestamp_text(utc_now()), known.id),
        )
    return known.id
