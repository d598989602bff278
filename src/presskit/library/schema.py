"""The library's SQLite schema and its migrations, versioned with ``PRAGMA user_version``.

Version N of the schema is what the first N steps of :data:`MIGRATIONS` build, in order, from
an empty database (version 0: a new or empty file). To change the schema, append one function
that takes the connection and alters the tables; never edit a step that has shipped, because
libraries made with it exist on people's laptops.

All missing steps run in one ``BEGIN IMMEDIATE`` transaction together with the version bump, so
a migration either happens completely or not at all, and two Presskits opening the same old
library at once do not both migrate it: the second waits for the write lock, then sees the new
version.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Sequence

APPLICATION_ID = 0x50524B4C  # "PRKL": marks the file as a Presskit library (PRAGMA application_id)

Migration = Callable[[sqlite3.Connection], None]


class NotALibrary(Exception):
    """The file is an SQLite database, but one made by another program."""


class NewerLibrary(Exception):
    """The library was written by a newer Presskit, with a schema this one does not know."""

    def __init__(self, found: int, supported: int):
        self.found = found
        self.supported = supported
        super().__init__(f"library version {found}; this Presskit reads up to {supported}")


def _create_version_1(conn: sqlite3.Connection) -> None:
    # Lists (phones, emails, tags, social handles) are JSON arrays: they round-trip exactly,
    # keep their order, and need no join for the few hundred records a press office keeps.
    # Timestamps are ISO 8601 text in UTC, which sorts in time order.
    statements = [
        f"PRAGMA application_id = {APPLICATION_ID}",
        """CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            organization TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            phones TEXT NOT NULL DEFAULT '[]',
            emails TEXT NOT NULL DEFAULT '[]',
            website TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )""",
        """CREATE TABLE boilerplates (
            id INTEGER PRIMARY KEY,
            organization TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            last_reviewed TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )""",
        """CREATE TABLE organizations (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL DEFAULT '',
            website TEXT NOT NULL DEFAULT '',
            logo TEXT NOT NULL DEFAULT '',
            social TEXT NOT NULL DEFAULT '[]',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )""",
        "CREATE INDEX boilerplates_by_organization ON boilerplates (organization, language)",
    ]
    for statement in statements:
        # Not executescript(): it would COMMIT the migration's transaction half-way.
        conn.execute(statement)


def _add_dictionary_version_2(conn: sqlite3.Connection) -> None:
    # Words the user added to the spelling dictionary: known in every release.
    conn.execute(
        """CREATE TABLE dictionary_words (
            word TEXT PRIMARY KEY COLLATE NOCASE,
            created TEXT NOT NULL
        )"""
    )


def _add_contact_uid_version_3(conn: sqlite3.Connection) -> None:
    # A stable identity per contact (vCard UID): releases link to library contacts by it, and
    # a shared address book (CardDAV) knows its cards by it. Existing contacts get a new one.
    conn.execute("ALTER TABLE contacts ADD COLUMN uid TEXT NOT NULL DEFAULT ''")
    ids = [row[0] for row in conn.execute("SELECT id FROM contacts")]
    for contact_id in ids:
        conn.execute(
            "UPDATE contacts SET uid = ? WHERE id = ?", (f"urn:uuid:{uuid.uuid4()}", contact_id)
        )
    conn.execute("CREATE UNIQUE INDEX contacts_by_uid ON contacts (uid)")


def _add_carddav_sync(conn: sqlite3.Connection) -> None:
    # Two-way sync with shared CardDAV address books (presskit.carddav): per book, where the
    # last sync stopped (RFC 6578 sync-token, else the collection's ctag); per card, its href,
    # ETag, the server's text (so properties Presskit does not use survive an edit) and the
    # fingerprint of the contact both sides held then; conflicts kept for the user to resolve.
    statements = [
        """CREATE TABLE carddav_books (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            sync_token TEXT NOT NULL DEFAULT '',
            ctag TEXT NOT NULL DEFAULT '',
            last_sync TEXT
        )""",
        """CREATE TABLE carddav_cards (
            book INTEGER NOT NULL REFERENCES carddav_books (id) ON DELETE CASCADE,
            uid TEXT NOT NULL,
            href TEXT NOT NULL,
            etag TEXT NOT NULL DEFAULT '',
            card TEXT NOT NULL DEFAULT '',
            synced TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (book, uid)
        )""",
        "CREATE UNIQUE INDEX carddav_cards_by_href ON carddav_cards (book, href)",
        """CREATE TABLE carddav_conflicts (
            id INTEGER PRIMARY KEY,
            book INTEGER NOT NULL REFERENCES carddav_books (id) ON DELETE CASCADE,
            uid TEXT NOT NULL,
            copy_uid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL DEFAULT '',
            detected TEXT NOT NULL
        )""",
    ]
    for statement in statements:
        conn.execute(statement)


def _add_media_lists(conn: sqlite3.Connection) -> None:
    # Journalists: contacts with an outlet, beats, a language and a do-not-contact flag; and
    # named media lists of them. A contact in no list is still a contact; deleting a contact
    # takes it out of its lists.
    for column in (
        "first_name TEXT NOT NULL DEFAULT ''",
        "outlet TEXT NOT NULL DEFAULT ''",
        "topics TEXT NOT NULL DEFAULT '[]'",
        "language TEXT NOT NULL DEFAULT ''",
        "do_not_contact INTEGER NOT NULL DEFAULT 0",
    ):
        conn.execute(f"ALTER TABLE contacts ADD COLUMN {column}")
    conn.execute(
        """CREATE TABLE media_lists (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            tags TEXT NOT NULL DEFAULT '[]',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )"""
    )
    conn.execute(
        """CREATE TABLE media_list_members (
            list_id INTEGER NOT NULL REFERENCES media_lists (id) ON DELETE CASCADE,
            contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            PRIMARY KEY (list_id, contact_id)
        )"""
    )
    conn.execute("CREATE INDEX media_list_members_by_contact ON media_list_members (contact_id)")


def _add_send_log(conn: sqlite3.Connection) -> None:
    # The send log: one row per (release content, recipient), moved queued -> sending ->
    # sent / failed, committed before and after each SMTP transaction, so a re-run after a
    # crash knows who got the release and which one message was in flight. A run is one
    # `presskit send` (or the editor's Send): the history of a release.
    conn.execute(
        """CREATE TABLE send_runs (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            release TEXT NOT NULL DEFAULT '',
            headline TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            server TEXT NOT NULL DEFAULT '',
            started TEXT NOT NULL,
            finished TEXT
        )"""
    )
    conn.execute("CREATE INDEX send_runs_by_fingerprint ON send_runs (fingerprint)")
    conn.execute(
        """CREATE TABLE send_log (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            recipient TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            reply TEXT NOT NULL DEFAULT '',
            run_id INTEGER,
            queued TEXT NOT NULL,
            updated TEXT NOT NULL,
            UNIQUE (fingerprint, recipient)
        )"""
    )
    conn.execute("CREATE INDEX send_log_by_updated ON send_log (state, updated)")


def _add_shared_lists(conn: sqlite3.Connection) -> None:
    # Media lists shared as CardDAV contact groups: each list gets a UID (its group card's),
    # and per book the group cards the last sync saw (href, ETag, the server's text, the
    # list's fingerprint then). Group cards were recorded as unreadable cards before: forget
    # them and the books' sync-tokens, so the next sync lists the books again and reads them.
    conn.execute("ALTER TABLE media_lists ADD COLUMN uid TEXT")
    conn.execute("CREATE UNIQUE INDEX media_lists_by_uid ON media_lists (uid)")
    conn.execute(
        """CREATE TABLE carddav_groups (
            book INTEGER NOT NULL REFERENCES carddav_books (id) ON DELETE CASCADE,
            uid TEXT NOT NULL,
            href TEXT NOT NULL,
            etag TEXT NOT NULL DEFAULT '',
            card TEXT NOT NULL DEFAULT '',
            synced TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (book, uid)
        )"""
    )
    conn.execute("CREATE UNIQUE INDEX carddav_groups_by_href ON carddav_groups (book, href)")
    conn.execute("DELETE FROM carddav_cards WHERE synced = 'unreadable'")
    conn.execute("UPDATE carddav_books SET sync_token = '', ctag = ''")


MIGRATIONS: tuple[Migration, ...] = (
    _create_version_1,
    _add_dictionary_version_2,
    _add_contact_uid_version_3,
    _add_carddav_sync,
    _add_media_lists,
    _add_send_log,
    _add_shared_lists,
)
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, steps: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the database up to ``len(steps)``; returns the version it had before.

    ``conn`` must be in autocommit mode (``isolation_level=None``). Raises NewerLibrary or
    NotALibrary; a failing step rolls everything back.
    """
    target = len(steps)
    found = _check(conn, target)
    if found == target:
        return found
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another process may have migrated meanwhile.
        found = _check(conn, target)
        for version in range(found + 1, target + 1):
            steps[version - 1](conn)
            conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found


def _check(conn: sqlite3.Connection, target: int) -> int:
    found = user_version(conn)
    application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    foreign = (found > 0 or application_id) and application_id != APPLICATION_ID
    if foreign or (found == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]):
        # Never add our tables to someone else's database.
        raise NotALibrary("it is an SQLite database made by another program")
    if found > target:
        raise NewerLibrary(found, target)
    return found
