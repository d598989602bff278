"""The SQLite library: CRUD for every record type, search, migrations, errors, two writers.

Every library lives in tmp_path. The concurrency test runs two real processes.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from presskit.library.database import Library, LibraryError, RecordNotFound, library_path
from presskit.library.schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    migrate,
    user_version,
)
from presskit.model.library import Boilerplate, LibraryContact, OrganizationProfile
from presskit.model.release import Phone, SocialHandle


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library(tmp_path / "library.sqlite") as opened:
        yield opened


def _mary() -> LibraryContact:
    return LibraryContact(
        name="Mary Wareham",
        title="Advocacy Director, Arms Division",
        organization="Human Rights Watch",
        city="Washington, D.C.",
        phones=[
            Phone("+1-646-203-8292", "mobile"),
            Phone("+1 (202) 612-4333", 'Press desk "night"', {"ext": 12, "note": "ask"}),
        ],
        emails=["wareham@hrw.org", "mary,w@example.org", "ünïcode@exämple.org"],
        website="https://www.hrw.org",
        notes='Line one\nLine two; with "quotes" and a\ttab',
        tags=["landmines", "arms, cluster", "EN"],
    )


# -- where the library is -------------------------------------------------------------------


def test_library_path_prefers_explicit_then_environment_then_user_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.delenv("PRESSKIT_LIBRARY", raising=False)
    default = Path(platformdirs.user_data_dir("presskit", appauthor=False)) / "library.sqlite"
    assert library_path(None) == default
    monkeypatch.setenv("PRESSKIT_LIBRARY", str(tmp_path / "env.sqlite"))
    assert library_path(None) == tmp_path / "env.sqlite"
    assert library_path(tmp_path / "explicit.sqlite") == tmp_path / "explicit.sqlite"
    monkeypatch.setenv("PRESSKIT_LIBRARY", "  ")
    assert library_path(None) == default
    monkeypatch.setenv("HOME", str(tmp_path))
    assert library_path("~/lib.sqlite") == tmp_path / "lib.sqlite"


def test_open_uses_the_environment_and_creates_missing_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a" / "b" / "library.sqlite"
    monkeypatch.setenv("PRESSKIT_LIBRARY", str(target))
    with Library.open() as library:
        assert library.path == target
        library.add_contact(LibraryContact(name="x"))
    assert target.is_file()


# -- contacts -------------------------------------------------------------------------------


def test_a_contact_round_trips_exactly(library: Library) -> None:
    before = dt.datetime.now(dt.UTC)
    new_id = library.add_contact(_mary())
    stored = library.get_contact(new_id)
    assert stored is not None
    assert stored.id == new_id
    assert stored.created is not None and stored.created.tzinfo == dt.UTC
    assert before <= stored.created <= dt.datetime.now(dt.UTC)
    assert stored.updated == stored.created
    assert stored.uid.startswith("urn:uuid:")  # the library gave it an identity
    stored.id = stored.created = stored.updated = None
    stored.uid = ""
    assert stored == _mary()


def test_add_ignores_the_given_id_and_timestamps(library: Library) -> None:
    contact = _mary()
    contact.id = 999
    contact.created = contact.updated = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    new_id = library.add_contact(contact)
    assert new_id != 999
    stored = library.get_contact(new_id)
    assert stored is not None and stored.created is not None
    assert stored.created.year > 2000
    assert contact.id == 999  # the caller's object is not changed


def test_update_saves_changes_and_bumps_updated_only(library: Library) -> None:
    new_id = library.add_contact(_mary())
    stored = library.get_contact(new_id)
    assert stored is not None
    stored.phones.append(Phone("+41 22 919 21 00", "Geneva"))
    stored.tags = []
    first = library.update_contact(stored)
    second = library.update_contact(first)  # twice in a row: still strictly later
    assert first.phones[-1] == Phone("+41 22 919 21 00", "Geneva") and first.tags == []
    assert second.created == stored.created
    assert stored.updated is not None and first.updated is not None and second.updated is not None
    assert stored.updated < first.updated < second.updated
    assert second.updated.tzinfo == dt.UTC
    assert library.get_contact(new_id) == second


def test_update_of_a_missing_contact_says_so(library: Library) -> None:
    new_id = library.add_contact(LibraryContact(name="Gone"))
    contact = library.get_contact(new_id)
    assert contact is not None
    assert library.delete_contact(new_id) is True
    assert library.delete_contact(new_id) is False
    assert library.get_contact(new_id) is None
    with pytest.raises(RecordNotFound, match=f"contact {new_id} is not there"):
        library.update_contact(contact)
    with pytest.raises(RecordNotFound, match="never stored"):
        library.update_contact(LibraryContact(name="new"))


def test_list_is_by_name_ignoring_case(library: Library) -> None:
    for name in ("carol", "Bob", "alice", "Émile"):
        library.add_contact(LibraryContact(name=name))
    assert [c.name for c in library.list_contacts()] == ["alice", "Bob", "carol", "Émile"]


def test_search_covers_name_organization_title_emails_and_tags(library: Library) -> None:
    library.add_contact(_mary())
    library.add_contact(
        LibraryContact(name="Jörg Müller", organization="Bündnis", emails=["jm@example.de"])
    )
    library.add_contact(LibraryContact(name="Someone", notes="Human Rights Watch"))

    def names(text: str) -> list[str]:
        return [c.name for c in library.search_contacts(text)]

    assert names("MARY") == ["Mary Wareham"]
    assert names("human rights") == ["Mary Wareham"]  # notes are not searched
    assert names("advocacy") == ["Mary Wareham"]  # title
    assert names("EXÄMPLE.ORG") == ["Mary Wareham"]  # emails, non-ASCII case folded
    assert names("cluster") == ["Mary Wareham"]  # tags
    assert names("müller bündnis") == ["Jörg Müller"]
    assert names("MÜLLER") == ["Jörg Müller"]
    assert names("example") == ["Jörg Müller", "Mary Wareham"]
    assert names("nobody") == []
    assert len(names("")) == 3


def test_add_contacts_is_one_transaction_and_can_skip_duplicates(library: Library) -> None:
    ids = library.add_contacts([_mary(), LibraryContact(name="B")])
    assert len(ids) == 2
    again = library.add_contacts(
        [_mary(), LibraryContact(name="C"), LibraryContact(name="C")], skip_duplicates=True
    )
    assert len(again) == 1
    assert sorted(c.name for c in library.list_contacts()) == ["B", "C", "Mary Wareham"]


def test_two_connections_see_each_others_writes(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    with Library(path) as first, Library(path) as second:
        a = first.add_contact(LibraryContact(name="from first"))
        b = second.add_contact(LibraryContact(name="from second"))
        assert {c.name for c in first.list_contacts()} == {"from first", "from second"}
        contact = second.get_contact(a)
        assert contact is not None
        contact.title = "edited by second"
        second.update_contact(contact)
        stored = first.get_contact(a)
        assert stored is not None and stored.title == "edited by second"
        assert first.delete_contact(b)
        assert second.get_contact(b) is None


def _add_many(path: str, prefix: str, count: int, start: Any) -> None:
    with Library(path) as library:
        start.wait(timeout=60)
        for number in range(count):
            library.add_contact(LibraryContact(name=f"{prefix} {number}", tags=[prefix]))


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    Library(path).close()
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    workers = [
        context.Process(target=_add_many, args=(str(path), prefix, 200, start))
        for prefix in ("first", "second")
    ]
    for worker in workers:
        worker.start()
    start.set()  # both are connected by now or connect within their busy timeout
    for worker in workers:
        worker.join(timeout=120)
    assert [w.exitcode for w in workers] == [0, 0]
    with Library(path) as library:
        contacts = library.list_contacts()
    assert len(contacts) == 400
    assert len({c.id for c in contacts}) == 400
    for prefix in ("first", "second"):
        assert {c.name for c in contacts if c.tags == [prefix]} == {
            f"{prefix} {n}" for n in range(200)
        }


# -- boilerplates and organization profiles -------------------------------------------------


def test_boilerplate_crud_and_search(library: Library) -> None:
    text = "Human Rights Watch is an **independent** organization.\n\n- one\n- two"
    about = Boilerplate(
        organization="Human Rights Watch",
        language="en-US",
        text=text,
        last_reviewed=dt.date(2024, 5, 31),
    )
    new_id = library.add_boilerplate(about)
    library.add_boilerplate(Boilerplate(organization="Human Rights Watch", language="de-DE"))
    library.add_boilerplate(Boilerplate(organization="Amnesty", text="Amnesty works on rights."))
    stored = library.get_boilerplate(new_id)
    assert stored is not None and stored.created is not None
    assert (stored.organization, stored.language, stored.text) == (
        "Human Rights Watch",
        "en-US",
        text,
    )
    assert stored.last_reviewed == dt.date(2024, 5, 31)
    assert [(b.organization, b.language) for b in library.list_boilerplates()] == [
        ("Amnesty", "en-US"),
        ("Human Rights Watch", "de-DE"),
        ("Human Rights Watch", "en-US"),
    ]
    assert [b.id for b in library.search_boilerplates("INDEPENDENT")] == [new_id]
    assert len(library.search_boilerplates("rights")) == 3  # text or organization
    stored.last_reviewed = None
    updated = library.update_boilerplate(stored)
    assert updated.last_reviewed is None
    assert updated.updated is not None and stored.updated is not None
    assert updated.updated > stored.updated
    assert library.delete_boilerplate(new_id)
    assert library.get_boilerplate(new_id) is None


def test_organization_profile_crud_keeps_social_handles_exactly(library: Library) -> None:
    social = [
        SocialHandle("twitter", "@BanMinesUSA"),
        SocialHandle("facebook", url="https://www.facebook.com/banminesusa"),
        SocialHandle("mastodon", "@uscbl@mastodon.social", extra={"verified": True}),
    ]
    profile = OrganizationProfile(
        name="US Campaign to Ban Landmines",
        website="https://www.banminesusa.org",
        logo="assets/logo.png",
        social=social,
    )
    new_id = library.add_organization(profile)
    library.add_organization(OrganizationProfile(name="Amnesty"))
    stored = library.get_organization(new_id)
    assert stored is not None
    assert stored.social == social
    assert (stored.name, stored.website, stored.logo) == (
        profile.name,
        profile.website,
        profile.logo,
    )
    assert [o.name for o in library.list_organizations()] == ["Amnesty", profile.name]
    stored.social = stored.social[:1]
    assert library.update_organization(stored).social == social[:1]
    assert library.delete_organization(new_id)
    assert [o.name for o in library.list_organizations()] == ["Amnesty"]


# -- schema versions ------------------------------------------------------------------------


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_opening_migrates_from_every_earlier_version(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:version])  # the library as a Presskit of that version left it
    assert user_version(conn) == version
    conn.close()
    with Library(path) as library:
        library.add_contact(_mary())
        library.add_boilerplate(Boilerplate(organization="HRW", text="About"))
        library.add_organization(OrganizationProfile(name="HRW"))
        assert [c.name for c in library.list_contacts()] == ["Mary Wareham"]
    conn = sqlite3.connect(path)
    assert user_version(conn) == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_an_empty_file_is_version_zero_and_becomes_a_library(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    with Library(path) as library:
        assert library.add_contact(LibraryContact(name="first")) == 1
    conn = sqlite3.connect(path)
    assert user_version(conn) == SCHEMA_VERSION
    conn.close()


def test_adding_a_version_is_one_function_and_data_survives(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    with Library(path) as library:
        library.add_contact(_mary())

    def add_pronouns(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE contacts ADD COLUMN pronouns TEXT NOT NULL DEFAULT ''")

    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, (*MIGRATIONS, add_pronouns)) == SCHEMA_VERSION
    assert user_version(conn) == SCHEMA_VERSION + 1
    assert conn.execute("SELECT name, pronouns FROM contacts").fetchall() == [("Mary Wareham", "")]
    assert migrate(conn, (*MIGRATIONS, add_pronouns)) == SCHEMA_VERSION + 1  # nothing to do
    conn.close()
    # This Presskit does not know version 2: it refuses, naming the file, and changes nothing.
    with pytest.raises(LibraryError) as caught:
        Library(path)
    assert str(caught.value) == (
        f"{path}: made by a newer Presskit (library version {SCHEMA_VERSION + 1}; this "
        f"Presskit reads up to {SCHEMA_VERSION}); update Presskit to open it"
    )


def test_a_failing_migration_step_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    Library(path).close()

    def half_done(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE contacts ADD COLUMN pronouns TEXT")
        raise RuntimeError("power cut")

    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(RuntimeError, match="power cut"):
        migrate(conn, (*MIGRATIONS, half_done))
    assert user_version(conn) == SCHEMA_VERSION
    columns = [row[1] for row in conn.execute("PRAGMA table_info(contacts)")]
    assert "pronouns" not in columns
    conn.close()


# -- errors name the file -------------------------------------------------------------------


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "contacts.sqlite"
    path.write_text("BEGIN:VCARD\nFN:not a database\nEND:VCARD\n" * 200)
    with pytest.raises(LibraryError) as caught:
        Library(path)
    assert str(caught.value) == f"{path}: not a Presskit library: it is not an SQLite database"
    assert caught.value.path == path
    assert path.read_text().startswith("BEGIN:VCARD")  # untouched


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError, match="made by another program") as caught:
        Library(path)
    assert str(caught.value).startswith(f"{path}: not a Presskit library")
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["songs"]
    conn.close()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="this is a folder, not a library file"):
        Library(tmp_path)


def _open_without_privileges(folder: Path, name: str) -> str:
    """Open ``folder/name`` in a forked child that may not write what its owner did not allow.

    Root may write to any file, so when the tests run as root the child becomes "nobody"
    (Python and presskit are already loaded: nobody need not read them from /root). The path
    is relative, from inside the folder, as nobody may not enter pytest's private parents.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 1
        try:
            os.close(read_end)
            os.chdir(folder)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
            try:
                Library(Path(name)).close()
                message = "opened"
            except LibraryError as exc:
                message = str(exc)
            os.write(write_end, message.encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        message = pipe.read().decode()
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
    return message


def test_a_read_only_library_file_is_refused(tmp_path: Path) -> None:
    Library(tmp_path / "library.sqlite").close()
    (tmp_path / "library.sqlite").chmod(0o444)
    tmp_path.chmod(0o755)
    assert _open_without_privileges(tmp_path, "library.sqlite") == (
        "library.sqlite: the library is read-only; Presskit cannot save to it"
    )


def test_a_library_in_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    Library(tmp_path / "library.sqlite").close()
    (tmp_path / "library.sqlite").chmod(0o666)
    tmp_path.chmod(0o555 if os.geteuid() != 0 else 0o755)  # root owns it: nobody can't write
    try:
        message = _open_without_privileges(tmp_path, "library.sqlite")
    finally:
        tmp_path.chmod(0o755)
    assert message == (
        "library.sqlite: its folder is read-only; Presskit cannot save the library there"
    )


def test_organizations_are_searched_like_contacts(library: Library) -> None:
    library.add_organization(
        OrganizationProfile(name="Stadtgrün Berlin", website="https://sg.example")
    )
    library.add_organization(OrganizationProfile(name="Amnesty", website="https://amnesty.org"))
    # Every word, in any order and case, with the ü written as u + combining diaeresis.
    found = library.search_organizations("BERLIN stadtgru\u0308n")
    assert [o.name for o in found] == ["Stadtgrün Berlin"]
    assert [o.name for o in library.search_organizations("amnesty.org")] == ["Amnesty"]
    assert library.search_organizations("berlin amnesty") == []


# -- stable identity ------------------------------------------------------------------------


def test_contacts_of_an_older_library_get_distinct_uids_that_stay(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:2])  # before contacts had a UID
    for name in ("Mary Wareham", "Daniel Hughes"):
        conn.execute(
            "INSERT INTO contacts (name, created, updated) VALUES (?, ?, ?)",
            (name, "2025-01-01T00:00:00+00:00", "2025-01-01T00:00:00+00:00"),
        )
    conn.close()
    with Library(path) as library:
        uids = [c.uid for c in library.list_contacts()]
        assert len(set(uids)) == 2
        assert all(uid.startswith("urn:uuid:") for uid in uids)
        mary = library.list_contacts()[0]
        mary.title = "Advocacy director"
        library.update_contact(mary)
        assert library.get_contact(mary.id or 0).uid == uids[0]  # an edit keeps the identity


def test_a_new_contact_gets_a_uid_and_keeps_one_it_brings(tmp_path: Path) -> None:
    with Library(tmp_path / "library.sqlite") as library:
        given = library.add_contact(LibraryContact(name="From a vCard", uid="urn:uuid:1234"))
        made = library.add_contact(LibraryContact(name="Typed in"))
        assert library.get_contact(given).uid == "urn:uuid:1234"
        assert library.get_contact(made).uid.startswith("urn:uuid:")
        with pytest.raises(LibraryError):  # two contacts cannot share an identity
            library.add_contact(LibraryContact(name="Copy", uid="urn:uuid:1234"))
