"""Media lists: journalists from the CSV exports of press databases, merged by email, on lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.cli import main as presskit
from presskit.library.contacts_csv import parse_contacts_csv
from presskit.library.database import Library, LibraryError
from presskit.library.media_lists import all_lists, create_list, import_list, members
from presskit.model.library import LibraryContact

CISION = (
    "First Name,Last Name,Outlet Name,Job Title,Email,Phone,Subjects,Language,Do Not Contact\n"
    "Anna,Schmidt,Der Spiegel,Redakteurin,anna.schmidt@spiegel.example,+49 40 1,"
    "Climate; Energy,de,\n"
    "John,Doe,The Times,Reporter,John.Doe@times.example,,Tech,en,TRUE\n"
    "Johnny,,,,john.doe@TIMES.example,,Science,,\n"
)
MUCK_RACK = (
    "Name,Email,Outlet(s),Title,Beats,Twitter\n"
    '"Maria García",maria@elpais.example,El País,Corresponsal,"Health, Science",@mgarcia\n'
)
GERMAN = (
    "Vorname;Nachname;E-Mail;Redaktion;Ressort;Sprache;Lieblingsfarbe\n"
    "Jörg;Müller;joerg@zeit.example;Die Zeit;Wirtschaft;de;blau\n"
)


def test_cision_columns_and_duplicates_by_email_in_any_case() -> None:
    result = parse_contacts_csv(CISION.encode(), "cision.csv")
    anna, john = result.contacts
    assert (anna.name, anna.first_name, anna.outlet, anna.title) == (
        "Anna Schmidt",
        "Anna",
        "Der Spiegel",
        "Redakteurin",
    )
    assert anna.topics == ["Climate", "Energy"] and anna.language == "de"
    assert not anna.do_not_contact and john.do_not_contact
    # The third row is John again (the address in another case): merged, and said so.
    assert john.topics == ["Tech", "Science"]
    assert john.emails == ["John.Doe@times.example"]
    assert result.lines == [2, 3]
    assert [str(p) for p in result.problems] == [
        "cision.csv:4: warning: same email address as line 3 (john.doe@TIMES.example): "
        "merged into it"
    ]


def test_muck_rack_and_localized_headers() -> None:
    (maria,) = parse_contacts_csv(MUCK_RACK.encode(), "muckrack.csv").contacts
    assert (maria.name, maria.outlet, maria.topics) == (
        "Maria García",
        "El País",
        ["Health", "Science"],
    )
    assert "Twitter: @mgarcia" in maria.notes
    result = parse_contacts_csv(GERMAN.encode(), "liste.csv")
    (jorg,) = result.contacts
    assert (jorg.name, jorg.first_name, jorg.email, jorg.outlet, jorg.topics) == (
        "Jörg Müller",
        "Jörg",
        "joerg@zeit.example",
        "Die Zeit",
        ["Wirtschaft"],
    )
    # A column nobody knows is not guessed: it is reported.
    assert [p.message for p in result.warnings] == [
        "columns not imported (unknown): Lieblingsfarbe"
    ]


def test_unknown_headers_mapped_by_hand() -> None:
    data = b"Wer,Adresse\nAnna,anna@example.org\n"
    assert parse_contacts_csv(data).errors
    (anna,) = parse_contacts_csv(data, columns={"Wer": "name", "Adresse": "email"}).contacts
    assert (anna.name, anna.email) == ("Anna", "anna@example.org")


def test_a_list_holds_library_contacts_merged_by_email(tmp_path: Path) -> None:
    with Library(tmp_path / "library.sqlite") as library:
        library.add_contact(LibraryContact(name="J. Doe", emails=["JOHN.DOE@times.example"]))
        contacts = parse_contacts_csv(CISION.encode()).contacts
        report = import_list(library, "Tech press", contacts, ["tech"])
        assert (report.added, report.merged, report.duplicates) == (1, 1, [])
        assert [c.name for c in members(library, "tech PRESS")] == ["Anna Schmidt", "J. Doe"]
        john = members(library, "Tech press")[1]
        assert john.do_not_contact and john.outlet == "The Times"  # filled in, kept the name
        assert len(library.list_contacts()) == 2
        # Importing the same file again changes nothing.
        again = import_list(library, "Tech press", parse_contacts_csv(CISION.encode()).contacts)
        assert (again.added, again.merged) == (0, 2)
        (tech,) = all_lists(library)
        assert (tech.name, tech.tags, tech.size) == ("Tech press", ["tech"], 2)
        with pytest.raises(LibraryError, match="already a list called"):
            create_list(library, "TECH PRESS")
        library.delete_contact(john.id or 0)
        assert [c.name for c in members(library, "Tech press")] == ["Anna Schmidt"]


def test_cli_imports_a_list_and_shows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "cision.csv"
    source.write_text(CISION, encoding="utf-8")
    db = tmp_path / "library.sqlite"
    assert presskit(["contacts", "import", str(source), "--list", "EU", "--library", str(db)]) == 0
    captured = capsys.readouterr()
    assert "same email address as line 3" in captured.err
    assert "EU: 2 new, 0 already in the library" in captured.out
    assert presskit(["contacts", "lists", "--library", str(db)]) == 0
    assert capsys.readouterr().out == "EU  ·  2 contacts\n"
    assert presskit(["contacts", "list", "--list", "EU", "--library", str(db)]) == 0
    shown = capsys.readouterr().out
    assert "Anna Schmidt" in shown and "do not contact" in shown
    assert presskit(["contacts", "list", "--list", "nope", "--library", str(db)]) == 2


def test_a_vcard_file_becomes_a_list_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cards = tmp_path / "press.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Schmidt\r\nN:Schmidt;Anna;;;\r\nORG:Die Zeit\r\n"
        "EMAIL:anna@zeit.example\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna S.\r\nEMAIL:ANNA@zeit.example\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    db = tmp_path / "library.sqlite"
    assert presskit(["contacts", "import", str(cards), "--list", "Zeit", "--library", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Zeit: 1 new, 0 already in the library" in out
    assert "duplicate of an earlier entry (merged): ANNA@zeit.example" in out
    with Library(db) as library:
        assert [c.name for c in members(library, "Zeit")] == ["Anna Schmidt"]
