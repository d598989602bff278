"""Google Contacts and Outlook CSV exports: recognised by their columns, in their encodings."""

from __future__ import annotations

import codecs
from pathlib import Path

from presskit.library.contacts_csv import parse_contacts_csv, read_contacts_csv
from presskit.library.contacts_file import read_contacts_file
from presskit.model.release import Phone

# The header of Google's older "Google CSV" export (trimmed to the columns a row below uses).
GOOGLE_LEGACY = (
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Name Prefix,"
    "Name Suffix,Nickname,Birthday,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,"
    "E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,"
    "Phone 2 - Value,Address 1 - Type,Address 1 - Formatted,Address 1 - City,Address 2 - Type,"
    "Address 2 - City,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title,"
    "Website 1 - Type,Website 1 - Value\r\n"
    'Mary Wareham,Mary,,Wareham,,,,,,,"Arms division,\nprefers email",'
    "* myContacts ::: Press ::: * starred,* Work,wareham@hrw.org ::: mary@example.org,"
    "Other,mw@example.net,Mobile,+1-646-203-8292,Work Fax,+1 202 612 4333,Home,"
    '"1 Main St, Bethesda",Bethesda,Work,"Washington, D.C.",,Human Rights Watch,'
    "Advocacy Director,Profile,https://www.hrw.org\r\n"
    ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n"
    ",Jörg,,Müller,,,Dr.,,,,,,,,,,Google Voice,030 123 456,,,,,,,,,,,,\r\n"
    ",,,,,,,,,,just a note,,,,,,,,,,,,,,,,,,,\r\n"
    ",,,,,,,,,,,,,,,,,,,,,,,,,,Amnesty International,,,\r\n"
)

# Google's current export.
GOOGLE_CURRENT = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Name Prefix,Name Suffix,Nickname,"
    "File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,"
    "Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,"
    "Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - City,Website 1 - Label,"
    "Website 1 - Value\n"
    "Mica,,Bevington,,,,,,Handicap International,Press Officer,Communications,,,,"
    "* myContacts ::: Press,* Work,mbevington@handicap-international.us,Work,"
    "+1 301 891 2138,Mobile,+1 240 000 0000 ::: +1 240 000 0001,Work,Silver Spring,,"
    "https://www.hi-us.org\n"
    ",,,,,,,The Press Desk,,,,,,,,,press@example.org,,,,,,,,\n"
)

# Outlook's export (its columns in Outlook's order, the unused ones cut).
OUTLOOK = (
    '"Title","First Name","Middle Name","Last Name","Suffix","Company","Department",'
    '"Job Title","Business Street","Business City","Business State","Home City",'
    '"Business Fax","Business Phone","Business Phone 2","Car Phone","Home Phone",'
    '"Mobile Phone","Pager","Categories","E-mail Address","E-mail Type","E-mail 2 Address",'
    '"Notes","Web Page"\r\n'
    '"Dr.","Renée","","François","","Société Générale des Eaux","","Porte-parole",'
    '"12 rue de Rivoli","Paris","","","+33 1 23 45 67 89","+33 1 23 45 67 80","","",'
    '"","+33 6 12 34 56 78","","Presse;VIP","renee@example.fr","SMTP","",'
    '"Appeler le matin","http://example.fr"\r\n'
    '"","","","","","Greenpeace","","","","","","Hamburg","","","","","+49 40 1","","",'
    '"","","","","",""\r\n'
)


def test_google_legacy_export() -> None:
    result = parse_contacts_csv(GOOGLE_LEGACY.encode("utf-8"), "google.csv")
    mary, jorg, amnesty = result.contacts
    assert mary.name == "Mary Wareham"
    assert (mary.organization, mary.title) == ("Human Rights Watch", "Advocacy Director")
    assert mary.emails == ["wareham@hrw.org", "mary@example.org", "mw@example.net"]
    assert mary.phones == [Phone("+1-646-203-8292", "mobile"), Phone("+1 202 612 4333", "work fax")]
    assert mary.city == "Washington, D.C."  # the work address, though listed second
    assert mary.website == "https://www.hrw.org"
    assert mary.notes == "Arms division,\nprefers email"
    assert mary.tags == ["Press", "starred"]  # "* myContacts" holds everyone: dropped
    assert jorg.name == "Dr. Jörg Müller"
    assert jorg.phones == [Phone("030 123 456", "Google Voice")]  # a label of its own, kept
    assert amnesty.name == amnesty.organization == "Amnesty International"
    # Empty rows are skipped silently; a row with nothing to call the contact is reported with
    # the line it starts on (the quoted note of row 1 spans two lines).
    assert [str(p) for p in result.problems] == [
        "google.csv:6: has no name, organization or email address; skipped",
        "google.csv:7: warning: has no name; named after its organization",
    ]


def test_google_current_export() -> None:
    result = parse_contacts_csv(GOOGLE_CURRENT.encode("utf-8"), "contacts.csv")
    mica, desk = result.contacts
    assert mica.name == "Mica Bevington"
    assert (mica.organization, mica.title) == ("Handicap International", "Press Officer")
    assert mica.emails == ["mbevington@handicap-international.us"]
    assert mica.phones == [
        Phone("+1 301 891 2138", "work"),
        Phone("+1 240 000 0000", "mobile"),
        Phone("+1 240 000 0001", "mobile"),
    ]
    assert (mica.city, mica.website, mica.tags) == (
        "Silver Spring",
        "https://www.hi-us.org",
        ["Press"],
    )
    assert desk.name == "The Press Desk"  # File As, when there is no name
    assert desk.emails == ["press@example.org"]
    assert result.problems == []


def test_outlook_export_in_windows_1252() -> None:
    result = parse_contacts_csv(OUTLOOK.encode("windows-1252"), "outlook.csv")
    renee, greenpeace = result.contacts
    assert renee.name == "Dr. Renée François"  # Outlook's "Title" is Dr., not a job title
    assert (renee.organization, renee.title) == ("Société Générale des Eaux", "Porte-parole")
    assert renee.phones == [
        Phone("+33 1 23 45 67 80", "work"),
        Phone("+33 6 12 34 56 78", "mobile"),
        Phone("+33 1 23 45 67 89", "work fax"),
    ]
    assert (renee.emails, renee.city) == (["renee@example.fr"], "Paris")
    assert (renee.website, renee.notes) == ("http://example.fr", "Appeler le matin")
    assert renee.tags == ["Presse", "VIP"]
    assert greenpeace.name == "Greenpeace"
    assert greenpeace.city == "Hamburg"
    assert greenpeace.phones == [Phone("+49 40 1", "home")]
    assert [str(p) for p in result.problems] == [
        "outlook.csv:3: warning: has no name; named after its organization"
    ]


def test_byte_order_marks_and_semicolons(tmp_path: Path) -> None:
    expected = parse_contacts_csv(OUTLOOK.encode("utf-8")).contacts
    assert parse_contacts_csv(codecs.BOM_UTF8 + OUTLOOK.encode("utf-8")).contacts == expected
    assert parse_contacts_csv(OUTLOOK.encode("utf-16")).contacts == expected
    # Excel in much of Europe separates with semicolons.
    semicolons = OUTLOOK.replace('","', '";"')
    assert parse_contacts_csv(semicolons.encode("utf-8")).contacts == expected
    path = tmp_path / "export.csv"
    path.write_bytes(codecs.BOM_UTF8 + GOOGLE_CURRENT.encode("utf-8"))
    assert [c.name for c in read_contacts_csv(path).contacts] == [
        "Mica Bevington",
        "The Press Desk",
    ]
    assert read_contacts_file(path).contacts == read_contacts_csv(path).contacts


def test_an_unknown_csv_is_refused_with_a_reason(tmp_path: Path) -> None:
    result = parse_contacts_csv(b"Headline,Date\nBan landmines,2014-09-23\n", "releases.csv")
    assert result.contacts == []
    assert [str(p) for p in result.problems] == [
        "releases.csv: no column of email addresses (such as 'E-mail Address', 'Email' or "
        "'E-Mail'): not a Google Contacts, Outlook or media-list export; map its columns by hand"
    ]
    assert parse_contacts_csv(b"").errors  # an empty file
    missing = tmp_path / "missing.csv"
    assert [str(p) for p in read_contacts_csv(missing).problems] == [f"{missing}: no such file"]
