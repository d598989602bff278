"""Media lists shared as contact groups, against a real Radicale with a password.

A list made here goes up as an Apple-style group card; a group made on the server (vCard 4
``KIND:group``) arrives as a list; membership changes travel both ways; a group deleted on the
server removes the list and not its contacts; a list deleted here deletes the group; a second
sync with nothing changed changes nothing, here or there.
"""

from __future__ import annotations

from presskit.carddav import sync_library
from presskit.carddav.groups import read_group
from presskit.library import media_lists
from presskit.library.database import Library
from presskit.model.library import LibraryContact
from tests.carddav.conftest import Dav
from tests.carddav.radicale_server import card
from tests.carddav.test_sync import _snapshot


def _group4(uid: str, name: str, members: list[str], extra: str = "") -> str:
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"UID:{uid}",
        f"FN:{name}",
        "KIND:group",
        *[f"MEMBER:urn:uuid:{m}" for m in members],
        *([extra] if extra else []),
        "END:VCARD",
    ]
    return "\r\n".join(lines) + "\r\n"


def _groups_on_server(dav: Dav) -> dict[str, tuple[str, str, list[str], list[str]]]:
    """Group cards on the server by name: (uid, name, tags, member values)."""
    found = {}
    for text in dav.user.cards(dav.book).values():
        if "KIND:group" in text:
            uid, name, tags, members = read_group(text)
            found[name] = (uid, name, tags, members)
    return found


def _member_names(library: Library, name: str) -> list[str]:
    return [c.name for c in media_lists.members(library, name)]


def _assert_idle(dav: Dav, library: Library) -> None:
    """A sync with nothing changed changes nothing, here or there."""
    before_library, before_server = _snapshot(library.path), dav.user.cards(dav.book)
    report = sync_library(library, dav.account())
    assert report.changes == 0, report.summary()
    assert dav.user.cards(dav.book) == before_server
    after = _snapshot(library.path)
    assert [r for r in after if r[0] != "carddav_books"] == [
        r for r in before_library if r[0] != "carddav_books"
    ]


def test_a_list_made_here_goes_up_as_a_group_and_a_second_sync_changes_nothing(
    dav: Dav, library: Library
) -> None:
    people = [
        LibraryContact(name="Ana Ruiz", emails=["ana@example.org"]),
        LibraryContact(name="Ben Okafor", emails=["ben@example.org"]),
        LibraryContact(name="Cleo Park", emails=["cleo@example.org"]),
    ]
    library.add_contacts(people)
    media_lists.create_list(library, "Tech press", ["tech", "national"])
    media_lists.import_list(library, "Tech press", [people[0], people[2]])

    first = sync_library(library, dav.account())
    assert first.up_new == 3 and first.lists_up == 1

    groups = _groups_on_server(dav)
    _uid, _, tags, members = groups["Tech press"]
    text = next(t for t in dav.user.cards(dav.book).values() if "Tech press" in t)
    assert "X-ADDRESSBOOKSERVER-KIND:group" in text
    by_name = {c.name: c.uid for c in library.list_contacts()}
    assert members == [by_name["Ana Ruiz"], by_name["Cleo Park"]]  # urn:uuid: UIDs already
    assert all(m.startswith("urn:uuid:") for m in members)
    assert sorted(tags) == ["national", "tech"]

    _assert_idle(dav, library)


def test_a_group_made_on_the_server_arrives_and_changes_travel_both_ways(
    dav: Dav, library: Library
) -> None:
    for uid, name in (("ana", "Ana Ruiz"), ("ben", "Ben Okafor"), ("cleo", "Cleo Park")):
        dav.user.put(dav.book, f"{uid}.vcf", card(name, uid))
    dav.user.put(
        dav.book,
        "radio.vcf",
        _group4("radio-group", "Radio desks", ["ana", "ben", "not-here"], "X-OTHER-APP:keep me"),
    )

    first = sync_library(library, dav.account())
    assert first.down_new == 3 and first.lists_down == 1 and not first.skipped
    assert _member_names(library, "Radio desks") == ["Ana Ruiz", "Ben Okafor"]
    _assert_idle(dav, library)

    # On the server Ben leaves and Cleo joins (a colleague's phone).
    dav.user.put(dav.book, "radio.vcf", _group4("radio-group", "Radio desks", ["ana", "cleo"]))
    sync_library(library, dav.account())
    assert _member_names(library, "Radio desks") == ["Ana Ruiz", "Cleo Park"]

    # Here Ben joins again: the server's card keeps its vCard 4 form and its other lines.
    dav.user.put(
        dav.book,
        "radio.vcf",
        _group4("radio-group", "Radio desks", ["ana", "cleo", "not-here"], "X-OTHER-APP:keep"),
    )
    sync_library(library, dav.account())
    ben = next(c for c in library.list_contacts() if c.name == "Ben Okafor")
    media_lists.import_list(library, "Radio desks", [ben])
    report = sync_library(library, dav.account())
    assert report.lists_up == 1
    text = dav.user.get(dav.book, "radio.vcf") or ""
    assert "VERSION:4.0" in text and "KIND:group" in text and "X-OTHER-APP:keep" in text
    assert read_group(text)[3] == [
        "urn:uuid:ana",
        "urn:uuid:cleo",
        "urn:uuid:ben",
        "urn:uuid:not-here",  # a member Presskit never had stays on the server's card
    ]
    _assert_idle(dav, library)

    # Deleted on the server: the list goes, its contacts stay.
    dav.user.delete(dav.book, "radio.vcf")
    gone = sync_library(library, dav.account())
    assert gone.lists_down == 1
    assert media_lists.get_list(library, "Radio desks") is None
    assert len(library.list_contacts()) == 3
    _assert_idle(dav, library)


def test_a_list_deleted_here_deletes_the_group_and_not_the_contacts(
    dav: Dav, library: Library
) -> None:
    dav.user.put(dav.book, "ana.vcf", card("Ana Ruiz", "ana"))
    dav.user.put(dav.book, "tv.vcf", _group4("tv-group", "TV", ["ana"]))
    sync_library(library, dav.account())
    assert media_lists.delete_list(library, "TV")

    report = sync_library(library, dav.account())
    assert report.lists_up == 1
    assert sorted(dav.user.cards(dav.book)) == ["ana.vcf"]
    assert [c.name for c in library.list_contacts()] == ["Ana Ruiz"]
    _assert_idle(dav, library)


def test_a_list_edited_on_both_sides_keeps_both_edits(dav: Dav, library: Library) -> None:
    for uid, name in (("ana", "Ana Ruiz"), ("ben", "Ben Okafor"), ("cleo", "Cleo Park")):
        dav.user.put(dav.book, f"{uid}.vcf", card(name, uid))
    dav.user.put(dav.book, "desk.vcf", _group4("desk", "Desk", ["ana", "ben"]))
    sync_library(library, dav.account())

    dav.user.put(dav.book, "desk.vcf", _group4("desk", "Desk", ["ben"]))  # Ana left there
    cleo = next(c for c in library.list_contacts() if c.name == "Cleo Park")
    media_lists.import_list(library, "Desk", [cleo])  # Cleo joined here

    sync_library(library, dav.account())
    assert sorted(_member_names(library, "Desk")) == ["Ben Okafor", "Cleo Park"]
    text = dav.user.get(dav.book, "desk.vcf") or ""
    assert sorted(read_group(text)[3]) == ["urn:uuid:ben", "urn:uuid:cleo"]
    _assert_idle(dav, library)


def test_a_list_with_the_same_name_on_both_sides_before_the_first_sync_is_one_list(
    dav: Dav, library: Library
) -> None:
    dav.user.put(dav.book, "ana.vcf", card("Ana Ruiz", "ana"))
    dav.user.put(dav.book, "tv.vcf", _group4("tv-group", "TV", ["ana"]))
    ben = LibraryContact(name="Ben Okafor", emails=["ben@example.org"])
    media_lists.import_list(library, "TV", [ben])

    sync_library(library, dav.account())
    assert [m.name for m in media_lists.all_lists(library)] == ["TV"]
    assert sorted(_member_names(library, "TV")) == ["Ana Ruiz", "Ben Okafor"]
    assert len(_groups_on_server(dav)["TV"][3]) == 2
    _assert_idle(dav, library)


def test_an_upload_whose_record_was_lost_is_not_made_twice(dav: Dav, library: Library) -> None:
    """A sync killed between a group's upload and recording it: the next one adopts the card."""
    ana = LibraryContact(name="Ana Ruiz", emails=["ana@example.org"])
    media_lists.import_list(library, "Wire services", [ana])
    sync_library(library, dav.account())
    with library._writing() as conn:  # as if killed before the record was written
        conn.execute("DELETE FROM carddav_groups")

    again = sync_library(library, dav.account())
    assert again.rejected == [] and again.lists_up == 0
    with library._writing() as conn:
        assert conn.execute("SELECT count(*) FROM carddav_groups").fetchone()[0] == 1
    assert list(_groups_on_server(dav)) == ["Wire services"]
    assert [m.name for m in media_lists.all_lists(library)] == ["Wire services"]
    assert _member_names(library, "Wire services") == ["Ana Ruiz"]
    _assert_idle(dav, library)
