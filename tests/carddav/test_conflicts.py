"""Never lose an edit: both sides changed, mass deletion, rejected cards, edits both ways, and
the properties of other programs surviving Presskit's edits."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from presskit.carddav import sync_library
from presskit.carddav.errors import MassDeleteRefused
from presskit.cli import main
from presskit.library import media_lists
from presskit.library.carddav_state import conflicts
from presskit.library.database import Library
from presskit.model.library import LibraryContact
from presskit.model.release import Phone
from tests.carddav.conftest import Dav
from tests.carddav.radicale_server import card


def _contact(library: Library, uid: str) -> LibraryContact:
    return next(c for c in library.list_contacts() if c.uid == uid)


def _edit(library: Library, uid: str, **fields: object) -> None:
    contact = _contact(library, uid)
    for name, value in fields.items():
        setattr(contact, name, value)
    library.update_contact(contact)


@pytest.mark.parametrize("use_sync_token", [True, False], ids=["sync-token", "ctag-etag"])
def test_edits_travel_both_ways(dav: Dav, library: Library, use_sync_token: bool) -> None:
    dav.user.put(dav.book, "a.vcf", card("Ana Lima", "a"))
    dav.user.put(dav.book, "b.vcf", card("Ben Okafor", "b"))
    first = sync_library(library, dav.account(), use_sync_token=use_sync_token)
    assert first.method == ("sync-token" if use_sync_token else "ctag")

    _edit(library, "a", title="Science editor")
    dav.user.put(dav.book, "b.vcf", card("Ben Okafor", "b", "TITLE:Night desk"))
    report = sync_library(library, dav.account(), use_sync_token=use_sync_token)
    assert (report.up_changed, report.down_changed, len(report.new_conflicts)) == (1, 1, 0)
    assert "TITLE:Science editor" in dav.user.get(dav.book, "a.vcf")
    assert _contact(library, "b").title == "Night desk"
    again = sync_library(library, dav.account(), use_sync_token=use_sync_token)
    assert again.changes == 0


RICH_CARD = "\r\n".join(
    [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "PRODID:-//Apple Inc.//iPhone OS 17.0//EN",
        "UID:rich-1",
        "FN:Mary Wareham",
        "N:Wareham;Mary;;;",
        "ORG:Human Rights Watch;Arms Division",
        "TITLE:Advocacy Director",
        "BDAY:1970-05-04",
        "item1.TEL:+1-646-203-8292",
        "item1.X-ABLabel:Press desk",
        "EMAIL;TYPE=INTERNET,WORK:wareham@hrw.org",
        "ADR;TYPE=WORK:;;350 Fifth Avenue\\, 34th floor;New York;NY;10118;USA",
        "item2.URL:https://www.hrw.org",
        "item2.X-ABLabel:_$!<HomePage>!$_",
        "X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/marywareham",
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsL",
        " DBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA",
        "CATEGORIES:landmines,arms",
        "END:VCARD",
        "",
    ]
)


def test_properties_presskit_does_not_use_survive_an_edit(dav: Dav, library: Library) -> None:
    dav.user.put(dav.book, "rich.vcf", RICH_CARD)
    sync_library(library, dav.account())
    mary = _contact(library, "rich-1")
    assert (mary.organization, mary.city, mary.phones) == (
        "Human Rights Watch",
        "New York",
        [Phone("+1-646-203-8292", "Press desk")],
    )
    _edit(
        library,
        "rich-1",
        title="Director, Arms Division",
        city="Washington",
        phones=[Phone("+1 202 612 4333", "work")],
    )
    assert sync_library(library, dav.account()).up_changed == 1

    text = dav.user.get(dav.book, "rich.vcf")
    # Radicale stores cards as vobject writes them: property names in capitals.
    unfolded = text.replace("\r\n ", "").upper()
    for kept in (
        "UID:rich-1",
        "PRODID:-//Apple Inc.//iPhone OS 17.0//EN",
        "BDAY:1970-05-04",
        "ORG:Human Rights Watch;Arms Division",
        "EMAIL;TYPE=INTERNET,WORK:wareham@hrw.org",
        "item2.URL:https://www.hrw.org",
        "item2.X-ABLabel:_$!<HomePage>!$_",
        "X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/marywareham",
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwg",
        "CATEGORIES:landmines,arms",
        "ADR;TYPE=WORK:;;350 Fifth Avenue\\, 34th floor;Washington;NY;10118;USA",
    ):
        assert kept.upper() in unfolded, kept
    assert "TITLE:DIRECTOR\\, ARMS DIVISION" in unfolded
    assert "TEL;TYPE=WORK:+1 202 612 4333" in unfolded
    assert "PRESS DESK" not in unfolded and "646-203" not in unfolded
    # Read back by another program's view of it, the contact is what Presskit holds.
    again = Library(library.path.with_name("other.sqlite"))
    sync_library(again, dav.account())
    assert _contact(again, "rich-1").title == "Director, Arms Division"
    assert _contact(again, "rich-1").city == "Washington"
    again.close()


def test_both_sides_changed_keeps_both_and_lists_the_conflict(
    dav: Dav, library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    dav.user.put(dav.book, "a.vcf", card("Ana Lima", "a"))
    sync_library(library, dav.account())
    _edit(library, "a", title="Edited here")
    dav.user.put(dav.book, "a.vcf", card("Ana Lima", "a", "TITLE:Edited on the phone"))

    report = sync_library(library, dav.account())
    assert [c.name for c in report.new_conflicts] == ["Ana Lima"]
    assert _contact(library, "a").title == "Edited on the phone"
    copy = next(c for c in library.list_contacts() if c.name == "Ana Lima (conflict copy)")
    assert copy.title == "Edited here"
    assert [c.copy_uid for c in conflicts(library)] == [copy.uid]

    # The copy stays here until the user resolves it; the server keeps one card.
    assert sync_library(library, dav.account()).changes == 0
    assert len(dav.user.cards(dav.book)) == 1
    assert main(["contacts", "conflicts", "--library", str(library.path)]) == 0
    assert "Ana Lima  (conflict copy kept)" in capsys.readouterr().out

    library.delete_contact(copy.id)  # resolved: the user kept the server's version
    assert conflicts(library) == []


def test_the_same_edit_on_both_sides_is_no_conflict(dav: Dav, library: Library) -> None:
    dav.user.put(dav.book, "a.vcf", card("Ana Lima", "a"))
    sync_library(library, dav.account())
    _edit(library, "a", title="Same")
    dav.user.put(dav.book, "a.vcf", card("Ana Lima", "a", "TITLE:Same"))
    report = sync_library(library, dav.account())
    assert report.new_conflicts == [] and len(library.list_contacts()) == 1


def test_an_edit_wins_over_a_deletion_on_either_side(dav: Dav, library: Library) -> None:
    dav.user.put(dav.book, "a.vcf", card("Ana Lima", "a"))
    dav.user.put(dav.book, "b.vcf", card("Ben Okafor", "b"))
    dav.user.put(dav.book, "c.vcf", card("Chen Wei", "c"))
    sync_library(library, dav.account())
    _edit(library, "a", title="Edited here")
    dav.user.delete(dav.book, "a.vcf")  # deleted there, edited here: kept, uploaded again
    library.delete_contact(_contact(library, "b").id)  # deleted here, edited there: back
    dav.user.put(dav.book, "b.vcf", card("Ben Okafor", "b", "TITLE:Edited there"))

    sync_library(library, dav.account())
    assert _contact(library, "a").title == "Edited here"
    assert _contact(library, "b").title == "Edited there"
    assert any("Edited here" in text for text in dav.user.cards(dav.book).values())
    assert len(dav.user.cards(dav.book)) == 3


def _rows(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT uid, name FROM contacts ORDER BY uid").fetchall()
    finally:
        conn.close()


def test_mass_deletion_needs_consent(
    dav: Dav, library: Library, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(10):
        dav.user.put(dav.book, f"{number}.vcf", card(f"Reporter Nr{number}", f"r{number}"))
    sync_library(library, dav.account())
    for number in range(6):
        dav.user.delete(dav.book, f"{number}.vcf")
    before = _rows(library.path)
    with pytest.raises(MassDeleteRefused, match="would delete 6 contacts of 10"):
        sync_library(library, dav.account())
    assert _rows(library.path) == before

    monkeypatch.setenv("TEST_DAV_PASSWORD", dav.user.password)
    args = ["contacts", "sync", "--carddav", dav.book, "--user", dav.user.name]
    args += ["--password-env", "TEST_DAV_PASSWORD", "--library", str(library.path)]
    assert main(args) == 2
    assert "--allow-mass-delete" in capsys.readouterr().err
    assert _rows(library.path) == before
    assert main([*args, "--allow-mass-delete"]) == 0
    assert len(_rows(library.path)) == 4


def test_a_card_the_server_refuses_is_named_and_changes_nothing_here(
    dav: Dav, library: Library
) -> None:
    dav.user.put(dav.book, "a.vcf", card("Ana Lima", "a"))
    library.add_contact(LibraryContact(name="Huge Notes", notes="x" * 30_000))  # > 20 kB limit
    library.add_contact(LibraryContact(name="Fine Person", emails=["fine@example.org"]))
    before = _rows(library.path)
    report = sync_library(library, dav.account())
    assert len(report.rejected) == 1
    assert report.rejected[0].startswith("Huge Notes: the server refused this card (")
    assert "stays in your library" in report.rejected[0]
    assert report.up_new == 1 and report.down_new == 1
    assert len(_rows(library.path)) == len(before) + 1
    assert len(dav.user.cards(dav.book)) == 2


def test_group_cards_become_media_lists_and_other_kinds_are_left_alone(
    dav: Dav, library: Library
) -> None:
    group = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:group-1\r\nFN:Energy desk\r\nN:Energy desk;;;;\r\n"
        "X-ADDRESSBOOKSERVER-KIND:group\r\nX-ADDRESSBOOKSERVER-MEMBER:urn:uuid:a\r\nEND:VCARD\r\n"
    )
    company = "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:org-1\r\nFN:Acme\r\nKIND:org\r\nEND:VCARD\r\n"
    dav.user.put(dav.book, "group.vcf", group)
    dav.user.put(dav.book, "org.vcf", company)
    dav.user.put(dav.book, "a.vcf", card("Ana Lima", "a"))
    on_server = dav.user.cards(dav.book)
    report = sync_library(library, dav.account())
    assert [c.name for c in library.list_contacts()] == ["Ana Lima"]  # a group is no person
    assert [c.name for c in media_lists.members(library, "Energy desk")] == ["Ana Lima"]
    assert len(report.skipped) == 1 and "not a contact" in report.skipped[0]
    assert sync_library(library, dav.account()).changes == 0
    assert dav.user.cards(dav.book) == on_server  # the group and the company card untouched


def test_an_edit_made_while_the_sync_runs_is_not_lost(dav: Dav, library: Library) -> None:
    dav.user.put(dav.book, "a.vcf", card("Ana Lima", "a"))
    dav.user.put(dav.book, "b.vcf", card("Ben Okafor", "b"))
    sync_library(library, dav.account())
    dav.user.put(dav.book, "a.vcf", card("Ana Lima", "a", "TITLE:Edited there"))
    dav.user.delete(dav.book, "b.vcf")
    edits = []

    def edit_meanwhile(_message: str) -> None:  # the editor's GUI thread, during the sync
        if not edits:
            _edit(library, "a", title="Edited here meanwhile")
            _edit(library, "b", title="Also edited meanwhile")
            edits.append(True)

    report = sync_library(library, dav.account(), progress=edit_meanwhile)
    assert [c.name for c in report.new_conflicts] == ["Ana Lima"]
    titles = {c.name: c.title for c in library.list_contacts()}
    assert titles["Ana Lima"] == "Edited there"
    assert titles["Ana Lima (conflict copy)"] == "Edited here meanwhile"
    assert titles["Ben Okafor"] == "Also edited meanwhile"  # not deleted: uploaded again
    assert any("Also edited meanwhile" in t for t in dav.user.cards(dav.book).values())
