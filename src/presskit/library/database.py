"""The press contact and boilerplate library: one SQLite file shared by every Presskit window.

    with Library.open() as library:                 # PRESSKIT_LIBRARY, or the user data folder
        new_id = library.add_contact(LibraryContact(name="Mary Wareham", emails=["..."]))
        library.search_contacts("wareham hrw")      # every word, any case, any field

The file is opened in WAL mode with a busy timeout and every write is one ``BEGIN IMMEDIATE``
transaction, so two Presskits (or a Presskit and ``presskit contacts import``) can write at the
same time and nothing is lost: the second writer waits for the first. Commits are synchronous
(``synchronous=FULL``): a contact saved is on disk, even if the laptop then loses power.

Every failure is a :class:`LibraryError` whose message names the file: not an SQLite database,
a library from a newer Presskit, a read-only file or folder, a locked or damaged database.
A Library object belongs to the thread that opened it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from presskit.library.rows import (
    BOILERPLATES,
    CONTACTS,
    ORGANIZATIONS,
    R,
    Table,
    parse_timestamp,
    timestamp_text,
    utc_now,
)
from presskit.library.schema import NewerLibrary, NotALibrary, migrate
from presskit.model.library import Boilerplate, LibraryContact, OrganizationProfile, content_key
from presskit.model.library_search import (
    boilerplate_matches,
    contact_matches,
    fold,
    organization_matches,
    search_terms,
)

ENV_VARIABLE = "PRESSKIT_LIBRARY"
FILE_NAME = "library.sqlite"
BUSY_TIMEOUT_SECONDS = 15.0
"""How long a writer waits for another one; a bulk import of thousands takes a second or two."""


class LibraryError(Exception):
    """The library cannot be opened, read or written. The message starts with the file."""

    def __init__(self, path: str | os.PathLike[str], message: str):
        self.path = Path(path)
        self.reason = message
        super().__init__(f"{os.fspath(path)}: {message}")


class RecordNotFound(LibraryError):
    """An update of a record that is not (or no longer) in the library."""


def library_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Where the library is: ``explicit``, else $PRESSKIT_LIBRARY, else the user data folder."""
    if explicit is not None and os.fspath(explicit):
        return Path(explicit).expanduser()
    if from_env := os.environ.get(ENV_VARIABLE, "").strip():
        return Path(from_env).expanduser()
    import platformdirs  # noqa: PLC0415 - only when no path is given

    return Path(platformdirs.user_data_dir("presskit", appauthor=False)) / FILE_NAME


def _describe(exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    if "not a database" in text or "encrypted" in text:
        return "not a Presskit library: it is not an SQLite database"
    if "readonly" in text or "read-only" in text:
        return "the library is read-only; Presskit cannot save to it"
    if "unable to open" in text:
        return "cannot be opened; check that its folder exists and that you may write to it"
    if "locked" in text or "busy" in text:
        return "another program is using the library; try again in a moment"
    if "full" in text:
        return "the disk is full"
    if "malformed" in text or "corrupt" in text:
        return "the library is damaged; restore it from a backup"
    return f"database error: {exc}"


class Library:
    """An open library file. Use it as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self._conn = self._connect()

    @classmethod
    def open(cls, explicit: str | os.PathLike[str] | None = None) -> Library:
        """Open (creating it if needed) the library :func:`library_path` names."""
        return cls(library_path(explicit))

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- opening -----------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self._check_file()
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        except sqlite3.Error as exc:
            raise LibraryError(self.path, _describe(exc)) from None
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA user_version").fetchone()  # reads the header: is it SQLite?
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = FULL")
            migrate(conn)
        except sqlite3.Error as exc:
            conn.close()
            raise LibraryError(self.path, _describe(exc)) from None
        except NotALibrary as exc:
            conn.close()
            raise LibraryError(self.path, f"not a Presskit library: {exc}") from None
        except NewerLibrary as exc:
            conn.close()
            raise LibraryError(
                self.path, f"made by a newer Presskit ({exc}); update Presskit to open it"
            ) from None
        return conn

    def _check_file(self) -> None:
        if self.path.is_dir():
            raise LibraryError(self.path, "this is a folder, not a library file")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(
                self.path, f"cannot create its folder: {exc.strerror or exc}"
            ) from None
        # SQLite would open a read-only file and fail only at the first save; say so now.
        if self.path.exists() and not os.access(self.path, os.R_OK):
            raise LibraryError(self.path, "you do not have permission to read the library")
        if self.path.exists() and not os.access(self.path, os.W_OK):
            raise LibraryError(self.path, "the library is read-only; Presskit cannot save to it")
        if not os.access(self.path.parent, os.W_OK):
            # WAL mode keeps two helper files next to the library.
            raise LibraryError(
                self.path, "its folder is read-only; Presskit cannot save the library there"
            )

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise LibraryError(self.path, _describe(exc)) from None

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE takes the write lock up front: a transaction that read first and then
        # tried to write could fail with "database is locked" instead of waiting its turn.
        with self._errors():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    # -- the same five operations for every record type ------------------------------------

    def _insert(self, conn: sqlite3.Connection, table: Table[R], record: R, now: str = "") -> int:
        now = now or timestamp_text(utc_now())
        cursor = conn.execute(_insert_sql(table), (*table.to_values(record), now, now))
        return int(cursor.lastrowid or 0)

    def _get(self, table: Table[R], record_id: int) -> R | None:
        with self._errors():
            row = self._conn.execute(
                f"SELECT * FROM {table.name} WHERE id = ?",  # noqa: S608 - fixed names
                (record_id,),
            ).fetchone()
        return table.from_row(row) if row else None

    def _update(self, table: Table[R], record: R) -> R:
        if record.id is None:
            raise RecordNotFound(self.path, f"cannot update a {table.name[:-1]} never stored")
        with self._writing() as conn:
            row = conn.execute(
                f"SELECT updated FROM {table.name} WHERE id = ?",  # noqa: S608 - fixed names
                (record.id,),
            ).fetchone()
            if row is None:
                raise RecordNotFound(self.path, f"{table.name[:-1]} {record.id} is not there")
            updated = _later_than(parse_timestamp(row["updated"]))
            sets = ", ".join(f"{column} = ?" for column in (*table.columns, "updated"))
            conn.execute(
                f"UPDATE {table.name} SET {sets} WHERE id = ?",  # noqa: S608 - fixed names
                (*table.to_values(record), timestamp_text(updated), record.id),
            )
            stored = conn.execute(
                f"SELECT * FROM {table.name} WHERE id = ?",  # noqa: S608 - fixed names
                (record.id,),
            ).fetchone()
        return table.from_row(stored)

    def _delete(self, table: Table[R], record_id: int) -> bool:
        with self._writing() as conn:
            cursor = conn.execute(
                f"DELETE FROM {table.name} WHERE id = ?",  # noqa: S608 - fixed names
                (record_id,),
            )
        return cursor.rowcount > 0

    def _all(self, table: Table[R]) -> list[R]:
        with self._errors():
            rows = self._conn.execute(f"SELECT * FROM {table.name}").fetchall()  # noqa: S608
        return [table.from_row(row) for row in rows]

    # -- contacts ----------------------------------------------------------------------------

    def add_contact(self, contact: LibraryContact) -> int:
        """Store a new contact (its id and timestamps are ignored); returns its id."""
        with self._writing() as conn:
            return self._insert(conn, CONTACTS, contact)

    def add_contacts(
        self, contacts: Iterable[LibraryContact], *, skip_duplicates: bool = False
    ) -> list[int]:
        """Store many contacts in one transaction; returns the new ids, in order.

        With ``skip_duplicates``, a contact whose data equals one already in the library (or
        earlier in ``contacts``) is not added: importing the same file twice adds nothing.
        """
        ids = []
        now = timestamp_text(utc_now())
        with self._writing() as conn:
            seen = set()
            if skip_duplicates:
                rows = conn.execute("SELECT * FROM contacts").fetchall()
                seen = {content_key(CONTACTS.from_row(row)) for row in rows}
            for contact in contacts:
                if skip_duplicates:
                    key = content_key(contact)
                    if key in seen:
                        continue
                    seen.add(key)
                ids.append(self._insert(conn, CONTACTS, contact, now))
        return ids

    def get_contact(self, contact_id: int) -> LibraryContact | None:
        return self._get(CONTACTS, contact_id)

    def get_contact_by_uid(self, uid: str) -> LibraryContact | None:
        """The contact with vCard UID ``uid`` (the identity a release links by), or None."""
        if not uid:
            return None
        with self._errors():
            row = self._conn.execute("SELECT * FROM contacts WHERE uid = ?", (uid,)).fetchone()
        return CONTACTS.from_row(row) if row else None

    def update_contact(self, contact: LibraryContact) -> LibraryContact:
        """Save changes to a stored contact; returns it as stored, with ``updated`` moved on."""
        return self._update(CONTACTS, contact)

    def delete_contact(self, contact_id: int) -> bool:
        """Remove a contact; False when it was not there."""
        return self._delete(CONTACTS, contact_id)

    def list_contacts(self) -> list[LibraryContact]:
        """Every contact, by name (ignoring case and accents' Unicode form)."""
        return sorted(self._all(CONTACTS), key=lambda c: (fold(c.name), c.id or 0))

    def search_contacts(self, text: str) -> list[LibraryContact]:
        """Contacts with every word of ``text`` in name, organization, title, emails or tags."""
        terms = search_terms(text)
        return [c for c in self.list_contacts() if contact_matches(c, terms)]

    def contacts_by_id(self, ids: Iterable[int]) -> list[LibraryContact]:
        """The contacts with these ids, in the order given (ids not there are left out)."""
        wanted = list(ids)
        found: dict[int, LibraryContact] = {}
        with self._errors():
            for start in range(0, len(wanted), 500):  # SQLite's limit on parameters
                chunk = wanted[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                rows = self._conn.execute(
                    f"SELECT * FROM contacts WHERE id IN ({marks})",  # noqa: S608 - only marks
                    chunk,
                ).fetchall()
                found.update((row["id"], CONTACTS.from_row(row)) for row in rows)
        return [found[i] for i in wanted if i in found]

    def contact_index_rows(self) -> list[sqlite3.Row]:
        """id, name, organization, title, emails and tags (JSON) of every contact, for an index."""
        with self._errors():
            return self._conn.execute(
                "SELECT id, name, organization, title, emails, tags FROM contacts"
            ).fetchall()

    def change_stamp(self) -> tuple[int, int]:
        """A value that changes whenever any connection (this one or another) changed the file."""
        with self._errors():
            version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        return int(version), self._conn.total_changes

    # -- boilerplates ------------------------------------------------------------------------

    def add_boilerplate(self, boilerplate: Boilerplate) -> int:
        with self._writing() as conn:
            return self._insert(conn, BOILERPLATES, boilerplate)

    def get_boilerplate(self, boilerplate_id: int) -> Boilerplate | None:
        return self._get(BOILERPLATES, boilerplate_id)

    def update_boilerplate(self, boilerplate: Boilerplate) -> Boilerplate:
        return self._update(BOILERPLATES, boilerplate)

    def delete_boilerplate(self, boilerplate_id: int) -> bool:
        return self._delete(BOILERPLATES, boilerplate_id)

    def list_boilerplates(self) -> list[Boilerplate]:
        """Every boilerplate, by organization, then language."""
        return sorted(
            self._all(BOILERPLATES),
            key=lambda b: (fold(b.organization), b.language.casefold(), b.id or 0),
        )

    def search_boilerplates(self, text: str) -> list[Boilerplate]:
        """Boilerplates with every word of ``text`` in their organization or text."""
        terms = search_terms(text)
        return [b for b in self.list_boilerplates() if boilerplate_matches(b, terms)]

    # -- organization profiles ---------------------------------------------------------------

    def search_organizations(self, text: str) -> list[OrganizationProfile]:
        """Organization profiles with every word of ``text`` in their name or website."""
        terms = search_terms(text)
        return [o for o in self.list_organizations() if organization_matches(o, terms)]

    def add_organization(self, profile: OrganizationProfile) -> int:
        with self._writing() as conn:
            return self._insert(conn, ORGANIZATIONS, profile)

    def get_organization(self, profile_id: int) -> OrganizationProfile | None:
        return self._get(ORGANIZATIONS, profile_id)

    def update_organization(self, profile: OrganizationProfile) -> OrganizationProfile:
        return self._update(ORGANIZATIONS, profile)

    def delete_organization(self, profile_id: int) -> bool:
        return self._delete(ORGANIZATIONS, profile_id)

    def list_organizations(self) -> list[OrganizationProfile]:
        """Every organization profile, by name."""
        return sorted(self._all(ORGANIZATIONS), key=lambda o: (fold(o.name), o.id or 0))

    # -- the spelling dictionary -------------------------------------------------------------

    def dictionary_words(self) -> list[str]:
        """Words the user added to the spelling dictionary, in alphabetical order."""
        with self._errors():
            rows = self._conn.execute("SELECT word FROM dictionary_words ORDER BY word").fetchall()
        return [row["word"] for row in rows]

    def add_dictionary_word(self, word: str) -> None:
        """Remember ``word`` as correctly spelt (any capitalization); adding it twice is fine."""
        word = word.strip()
        if not word:
            return
        with self._writing() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO dictionary_words (word, created) VALUES (?, ?)",
                (word, timestamp_text(utc_now())),
            )


@functools.cache
def _insert_sql(table: Table) -> str:
    names = ", ".join((*table.columns, "created", "updated"))
    marks = ", ".join("?" * (len(table.columns) + 2))
    return f"INSERT INTO {table.name} ({names}) VALUES ({marks})"  # noqa: S608 - fixed names


def _later_than(previous: dt.datetime | None) -> dt.datetime:
    # Strictly after the last change, even when two saves fall in the same clock tick, so
    # "changed since" comparisons always see an update.
    now = utc_now()
    if previous is not None and now <= previous:
        return previous + dt.timedelta(microseconds=1)
    return now


__all__ = [
    "Boilerplate",
    "Library",
    "LibraryContact",
    "LibraryError",
    "OrganizationProfile",
    "RecordNotFound",
    "library_path",
]
