"""vCard import and export, on the 23 real-world files in ../shared/testdata/vcard.

The expected names and fields are those of that folder's README.md. The importer trims the
spaces around a name (Android's FN values 3 and 5 of file 01 end in one), so expectations are
compared trimmed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.library.vcard import dumps_vcards, parse_vcards, read_vcards, write_vcards
from presskit.library.vcard_text import read_cards
from presskit.model.library import LibraryContact
from presskit.model.release import Phone
from presskit.storage.problems import Severity

_N = "Ñ "
EXPECTED_NAMES = {
    "01_android-2.1-qp-utf8-multi-photo.vcf": [
        "john.doe@company.com",
        "jane.doe@company.com",
        _N * 5,
        " ".join(["Ñ"] * 11),
        _N * 4,
        "ÑÑÑÑ",
    ],
    "02_outlook-2007-2.1-qp-photo-key.vcf": ["Mr. Michael Angstadt Jr."],
    "03_outlook-2003-2.1-qp-8bit-no-charset.vcf": ["Antoni Jozef Mylka jun."],
    "04_nokia-2.1-qp-softbreak-umlaut.vcf": ["Michael Brüning"],
    "05_evolution-2.1-qp-cjk-split-utf8.vcf": ["十城目管理大型知座"],
    "06_android-2.1-qp-chinese-url-softbreak.vcf": ["黄世勇"],
    "07_outlook-2.1-windows-1251-cyrillic.vcf": ["Василий Пупкин"],
    "08_feature-phone-2.1-shift-jis-qp.vcf": ["安藤 ロイド 1"],
    "09_iphone-ios6-3.0-photo-grouped.vcf": ["Bob Smith"],
    "10_apple-addressbook-3.0-30-contacts-latin1.vcf": [
        "Gwendolina Brown",
        "Peter Smalholtz",
        "Kristina Krull",
        "Rutger Dreger",
        "Karlsruhe Travel",
        "Ulla Bernadotte",
        "Albert Aubrey",
        "Helmut Meyer",
        "Marco Andriotti",
        "Ingrid Spaßlund",
        "Adam Atkins",
        "Martin Williams",
        "Margit Stern",
        "Frederica Fuchs",
        "Günther Blümchen",
        "Hans Kohler",
        "Fritz Lang",
        "Claudia Stern",
        "Harald Treutiger",
        "Berit Müller",
        "Mathilde Wolf",
        "Dirk Hageman",
        "Daniel Wimmerman",
        "Daniel Kurtz",
        "Caspar Schnurrbart",
        "Monika Setter",
        "Heinrich Glans",
        "Ambrosia Fischer",
        "Markus Sprung",
        "Diana Smith",
    ],
    "11_gmail-3.0-three-contacts.vcf": ["Arnold Smith", "Chris Beatle", "Doug White"],
    "12_gmail-3.0-many-tel-email-url-types.vcf": ["VCard Test"],
    "13_evolution-3.0-17-contacts-folding-escapes-photos.vcf": [
        "parserbug=",
        "incomplete",
        "long line",
        "xml entities",
        "colon",
        "quotation marks",
        "spouse name",
        "charset",
        "Umlaut Ä Ö Ü ß",
        "special characters",
        "line breaks",
        "John Doe",
        "Ms. JPG",
        "Mrs. PNG",
        "Mr. First ; special ; middle Last",
        "Mr. GIF",
        "large vcard",
    ],
    "14_thunderbird-3.0-charset-param-photo.vcf": ["John Doe"],
    "15_davx5-3.0-allfields-nonascii-org-units.vcf": ["Ämi Display"],
    "16_rfc6350-4.0-author-example.vcf": ["Simon Perreault"],
    "17_android-4.0-japanese-sort-as.vcf": ["安藤 ロイド"],
    "18_khard-4.0-photo-data-uri.vcf": ["with photo v4"],
    "19_malformed-sogo-two-cards-no-fn-no-n.vcf": [
        "test-misses-N-or-FN@example.com",
        "test-misses-N-or-FN@example1.com",
    ],
    "20_malformed-evolution-evil-folding-escapes.vcf": ["Ralf Engels"],
    # The outer card is card 1; the two cards nested in it are cards 2 and 3.
    "21_malformed-nested-vcards.vcf": ["parent", "nest1", "nest2"],
    "22_malformed-missing-end-vcard.vcf": ["second contact with minimal Vcard"],
    "23_malformed-2.1-comment-lines-qp.vcf": ["Conference Call"],
}

# What is wrong with each malformed file, by card: reported, while the rest imports.
MALFORMED = {
    "19_malformed-sogo-two-cards-no-fn-no-n.vcf": {
        1: "has no name (FN or N); named after its email address",
        2: "has no name (FN or N); named after its email address",
    },
    "20_malformed-evolution-evil-folding-escapes.vcf": {
        1: "line 15: quoted-printable belongs to vCard 2.1, not 3.0; decoded anyway",
    },
    "21_malformed-nested-vcards.vcf": {
        2: "is nested inside card 1; imported on its own",
        3: "is nested inside card 1; imported on its own",
    },
    "22_malformed-missing-end-vcard.vcf": {1: "has no END:VCARD; the file ends inside it"},
    "23_malformed-2.1-comment-lines-qp.vcf": {1: "lines 6, 9: not vCard properties, ignored"},
}


@pytest.fixture(scope="module")
def vcard_dir(shared_dir: Path) -> Path:
    folder = shared_dir / "testdata" / "vcard"
    assert sorted(p.name for p in folder.glob("*.vcf")) == sorted(EXPECTED_NAMES)
    return folder


def _contacts(folder: Path, name: str) -> list[LibraryContact]:
    return read_vcards(folder / name).contacts


def _phones(contact: LibraryContact) -> list[tuple[str, str]]:
    return [(p.number, p.label) for p in contact.phones]


@pytest.mark.parametrize("name", sorted(EXPECTED_NAMES))
def test_every_card_imports_with_the_readme_name(vcard_dir: Path, name: str) -> None:
    result = read_vcards(vcard_dir / name)
    assert [c.name for c in result.contacts] == [n.strip() for n in EXPECTED_NAMES[name]]
    assert result.errors == []


@pytest.mark.parametrize("name", sorted(EXPECTED_NAMES))
def test_export_and_reimport_gives_the_same_contacts(vcard_dir: Path, name: str) -> None:
    contacts = _contacts(vcard_dir, name)
    for version in ("4.0", "3.0"):
        text = dumps_vcards(contacts, version)
        again = parse_vcards(text.encode("utf-8"), f"export-{version}.vcf")
        assert again.problems == []
        assert again.contacts == contacts


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_cards_are_reported_by_file_and_card(vcard_dir: Path, name: str) -> None:
    path = vcard_dir / name
    result = read_vcards(path)
    reported = [str(p) for p in result.problems]
    expected = [
        f"{path}: warning: card {card}: {message}" for card, message in MALFORMED[name].items()
    ]
    assert reported == expected
    assert len(result.contacts) == len(EXPECTED_NAMES[name])


@pytest.mark.parametrize(
    "name",
    sorted(set(EXPECTED_NAMES) - set(MALFORMED) - {"01_android-2.1-qp-utf8-multi-photo.vcf"}),
)
def test_well_formed_files_have_no_card_problems(vcard_dir: Path, name: str) -> None:
    # Files 03 and 10 have a file-level note about the charset guessed (tested below).
    assert [p.field for p in read_vcards(vcard_dir / name).problems] in ([], [None])


def test_a_broken_card_costs_only_itself(vcard_dir: Path) -> None:
    good = (vcard_dir / "11_gmail-3.0-three-contacts.vcf").read_bytes()
    broken = b"BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:nobody to call\r\nTEL:123\r\nEND:VCARD\r\n"
    first_end = good.index(b"END:VCARD\r\n") + len(b"END:VCARD\r\n")
    result = parse_vcards(good[:first_end] + broken + good[first_end:], "mixed.vcf")
    assert [c.name for c in result.contacts] == ["Arnold Smith", "Chris Beatle", "Doug White"]
    assert [str(p) for p in result.problems] == [
        "mixed.vcf: card 2: has no name (FN or N), organization or email address; skipped"
    ]
    assert result.errors[0].severity is Severity.ERROR


def test_file_level_problems(tmp_path: Path) -> None:
    assert [str(p) for p in read_vcards(tmp_path / "missing.vcf").problems] == [
        f"{tmp_path / 'missing.vcf'}: no such file"
    ]
    empty = parse_vcards(b"", "empty.vcf")
    assert [str(p) for p in empty.problems] == [
        "empty.vcf: no vCards in this file (no BEGIN:VCARD line)"
    ]
    stray = parse_vcards(b"hello\nBEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n", "stray.vcf")
    assert [c.name for c in stray.contacts] == ["A"]
    assert [str(p) for p in stray.problems] == [
        "stray.vcf: warning: lines 1, 5 outside any BEGIN:VCARD ... END:VCARD ignored"
    ]


# -- the fields the README names ------------------------------------------------------------


def test_android_21_quoted_printable(vcard_dir: Path) -> None:
    contacts = _contacts(vcard_dir, "01_android-2.1-qp-utf8-multi-photo.vcf")
    assert contacts[0].emails == ["john.doe@company.com"]
    assert contacts[0].tags == ["My Contacts"]
    assert _phones(contacts[3]) == [
        ("123456", "mobile"),
        ("234567", "home"),
        ("3456789", "mobile"),
        ("45678901", "home"),
    ]
    # Two NOTEs, each over three lines joined by soft breaks that fall between two Ñ.
    eight = " ".join(["Ñ"] * 8)
    note = eight + eight + " ".join(["Ñ"] * 5)
    assert contacts[3].notes == f"{note}\n\n{note}"
    assert contacts[4].organization == "Ñ" * 12  # the first of two ORG
    assert contacts[4].website == "www.company.com"  # as written, without a scheme
    assert contacts[5].organization == "Ñ" * 44
    warnings = [
        str(p) for p in read_vcards(vcard_dir / "01_android-2.1-qp-utf8-multi-photo.vcf").problems
    ]
    assert any("card 6: ORG: the text is not valid UTF-8" in w for w in warnings)


def test_outlook_2007(vcard_dir: Path) -> None:
    (mike,) = _contacts(vcard_dir, "02_outlook-2007-2.1-qp-photo-key.vcf")
    assert (mike.organization, mike.title) == ("TheCompany", "TheJobTitle")
    assert _phones(mike) == [
        ("(111) 555-1111", "work"),
        ("(111) 555-2222", "home"),
        ("(111) 555-4444", "mobile"),
        ("(111) 555-3333", "work fax"),
    ]
    assert mike.emails == ["mike.angstadt@gmail.com"]
    assert mike.website == "http://mikeangstadt.name"
    assert mike.city == "New York"
    assert mike.notes.startswith("This is the NOTE field\t\nI assume it encodes this text")
    assert mike.notes.endswith("going on here.\nIt does not preserve the formatting")


def test_outlook_2003_8bit_without_charset_is_windows_1250(vcard_dir: Path) -> None:
    path = vcard_dir / "03_outlook-2003-2.1-qp-8bit-no-charset.vcf"
    (antoni,) = read_vcards(path).contacts
    assert (antoni.organization, antoni.title) == ("DFKI", "Intern")
    assert _phones(antoni) == [
        ("49 631 234 341", "work"),
        ("48 691 342 341", "home"),
        ("48 91 3 175 234", "mobile"),
    ]
    assert antoni.emails == ["antoni_mylka@somedomain.com"]
    assert antoni.city == "Kaiserslautern"  # the work address
    assert antoni.notes == "These are some notes about antoni."
    labels = [
        p.value for p in read_cards(path.read_bytes()).cards[0].properties if p.name == "LABEL"
    ]
    assert labels[1] == "Budryka 2/1110\r\nKraków, małopolskie 30-072\r\nPolen"
    assert [str(p) for p in read_vcards(path).problems] == [
        f"{path}: warning: some text names no character set and is not UTF-8; "
        "it was read as windows-1250"
    ]


def _decoded(path: Path, name: str) -> list[str]:
    return [p.value for p in read_cards(path.read_bytes()).cards[0].properties if p.name == name]


def test_nokia_soft_breaks_before_the_value(vcard_dir: Path) -> None:
    path = vcard_dir / "04_nokia-2.1-qp-softbreak-umlaut.vcf"
    assert _decoded(path, "N") == ["Brüning;Michael"]
    assert _decoded(path, "ADR") == [";;Münsterplatz 21;Ulm;Baden-Württemberg;89073;"]
    (michael,) = read_vcards(path).contacts
    assert michael.city == "Ulm"
    assert _phones(michael) == [
        ("+491622433834", "work mobile"),
        ("017623384942", "home mobile"),
        ("+4973117546691", "work"),
    ]
    assert michael.emails == ["ext-Michael.Bruning@nokia.com"]


def test_utf8_character_split_across_a_soft_break(vcard_dir: Path) -> None:
    (card,) = _contacts(vcard_dir, "05_evolution-2.1-qp-cjk-split-utf8.vcf")
    assert card.organization == card.title == "十城目管理大型知座"
    assert _phones(card) == [
        ("十城目管理大型知座", "work"),  # not phone numbers, kept as written
        ("十城目管理大型知座", "work fax"),
        ("十城目管理大型知座", "home"),
        ("十城目管理大型知座", "mobile"),
    ]
    assert card.emails == ["weird@weird.com"]


def test_unindented_quoted_printable_url(vcard_dir: Path) -> None:
    path = vcard_dir / "06_android-2.1-qp-chinese-url-softbreak.vcf"
    (card,) = read_vcards(path).contacts
    assert card.website == "http://weibo.com/3094900433?闪闪H红星"
    assert card.city == "北京 丰台区"
    assert _decoded(path, "N") == ["黄;世勇;;;"]


def test_windows_1251(vcard_dir: Path) -> None:
    path = vcard_dir / "07_outlook-2.1-windows-1251-cyrillic.vcf"
    assert _decoded(path, "N") == ["Пупкин;Василий"]
    assert _decoded(path, "ADR") == [";;Ленина д. 1"]
    (card,) = read_vcards(path).contacts
    assert card.emails == ["test@test.ru"]
    assert _phones(card) == [("12-34-56", "work")]


def test_shift_jis_with_quoted_printable(vcard_dir: Path) -> None:
    path = vcard_dir / "08_feature-phone-2.1-shift-jis-qp.vcf"
    assert _decoded(path, "N") == ["安藤;ロイド1;;;"]
    (address,) = _decoded(path, "ADR")
    assert "東京都渋谷区桜丘町26-1セルリアンタワー6階" in address.split(";")
    assert address.split(";")[5] == "150-8512"
    assert read_vcards(path).contacts[0].notes == "メモ"


def test_iphone_cr_cr_lf_and_groups(vcard_dir: Path) -> None:
    (bob,) = _contacts(vcard_dir, "09_iphone-ios6-3.0-photo-grouped.vcf")
    assert bob.organization == "Smith Auto Repair"
    assert bob.emails == ["bob@smithauto.com"]
    assert _phones(bob) == [("(650) 555-1212", "mobile")]
    assert bob.website == "www.smithauto.com"


def test_mac_address_book_latin1(vcard_dir: Path) -> None:
    path = vcard_dir / "10_apple-addressbook-3.0-30-contacts-latin1.vcf"
    result = read_vcards(path)
    contacts = result.contacts
    assert (contacts[4].name, contacts[4].organization) == ("Karlsruhe Travel", "Karlsruhe Travel")
    assert _phones(contacts[1]) == [("§", "work")]  # a garbage value, kept as it is
    assert contacts[12].city == "Siegertsbrunn"
    assert contacts[0].tags == ["Demo", "Nepomuk(SAP)"]
    assert [str(p) for p in result.problems] == [
        f"{path}: warning: some text names no character set and is not UTF-8; "
        "it was read as windows-1252"
    ]


def test_gmail_types_custom_labels_and_escaped_colon(vcard_dir: Path) -> None:
    (card,) = _contacts(vcard_dir, "12_gmail-3.0-many-tel-email-url-types.vcf")
    assert (card.organization, card.title) == ("TheCompany", "TheJobTitle")
    assert card.emails == [
        "email@example.com",
        "homeemail@example.com",
        "workemail@example.com",
        "otheremail@example.com",
        "customcategory@example.com",
    ]
    assert _phones(card) == [
        ("5555551111", ""),
        ("5555551112", "home"),
        ("5555551113", "work"),
        ("5555551114", ""),
        ("5555551115", "mobile"),
        ("5555551116", "main"),
        ("5555551117", "home fax"),
        ("5555551118", "work fax"),
        ("5555551119", "GRAND_CENTRAL"),
        ("5555551120", "pager"),
        ("5555551121", "CustomePhoneCategory"),
    ]
    assert card.website == "http://www.example1.com"
    assert card.notes == "note line 1\nnote line 2\nCustomField: field value"


def test_evolution_folding_and_escapes(vcard_dir: Path) -> None:
    contacts = {
        c.name: c
        for c in _contacts(vcard_dir, "13_evolution-3.0-17-contacts-folding-escapes-photos.vcf")
    }
    john = contacts["John Doe"]
    assert (john.organization, john.title) == ("Test Inc.", "Senior Tester")
    assert john.website == "http://john.doe.com"
    assert john.city == "Test Town"
    assert john.emails == [
        "john.doe@work.com",
        "john.doe@home.priv",
        "john.doe@other.world",
        "john.doe@yet.another.world",
    ]
    assert [p.label for p in john.phones] == [
        "work", "home", "mobile", "work fax", "home fax", "pager", "car", "",
    ]  # fmt: skip
    assert contacts["incomplete"].emails == []  # EMAIL: with nothing after it
    long_line = contacts["long line"].notes
    assert "require folding in vcards. Does folding insert a crlf before a space" in long_line
    umlaut = contacts["Umlaut Ä Ö Ü ß"]
    assert "comma ,\ncolon :\nsemicolon ;\nbackslash \\\n" in umlaut.notes
    assert "A tab \ttab done\n\tline starts with tab" in umlaut.notes
    assert umlaut.city == "test 1"
    assert contacts["special characters"].notes == (
        "Here are some special characters: comma , colon : semicolon ;"
    )
    assert contacts["large vcard"].notes.count("<") > 500


def test_thunderbird_davx5_and_rfc6350(vcard_dir: Path) -> None:
    (john,) = _contacts(vcard_dir, "14_thunderbird-3.0-charset-param-photo.vcf")
    assert (john.organization, john.title) == ("TheOrganization", "TheTitle")
    assert [p.label for p in john.phones] == ["work", "home", "mobile", "fax", "pager"]
    assert len(john.emails) == 5 and john.emails[0] == "doe.john@hotmail.com"
    assert john.notes.endswith('You can put anything in the "note" field; even curse words.')

    (ami,) = _contacts(vcard_dir, "15_davx5-3.0-allfields-nonascii-org-units.vcf")
    assert ami.organization == "ABC, Inc."
    assert ami.title == "Director, Research and Development"
    assert _phones(ami) == [("+49 1234 56788", "Useless"), ("+1-800-MYFAX", "fax")]
    assert ami.emails == ["private@example.com", "work@example.com"]
    assert ami.city == "Raleigh"
    assert ami.website == "https://www.davx5.com/"
    assert ami.notes == "This fax number is operational 0800 to 1715 EST, Mon-Fri.\n\nSecond note"
    assert ami.tags == ["A", "B'C"]

    (simon,) = _contacts(vcard_dir, "16_rfc6350-4.0-author-example.vcf")
    assert simon.organization == "Viagenie"
    assert _phones(simon) == [
        ("+1-418-656-9254 ext. 102", "work"),
        ("+1-418-262-6501", "work mobile"),
    ]
    assert (simon.emails, simon.city) == (["simon.perreault@viagenie.ca"], "Quebec")
    assert simon.website == "http://nomis80.org"

    (ando,) = _contacts(vcard_dir, "17_android-4.0-japanese-sort-as.vcf")
    assert ando.organization == "グーグル"


def test_evil_folding_inside_parameters(vcard_dir: Path) -> None:
    path = vcard_dir / "20_malformed-evolution-evil-folding-escapes.vcf"
    (ralf,) = read_vcards(path).contacts
    assert ralf.organization == "Ralf Engels evil tests"
    assert _phones(ralf) == [("+1-919-676-9515", "work"), ("+1-919-676-9564", "work fax")]
    assert ralf.emails == ["Frank_Dawson@Lotus.com", "semicolon;@points.net"]
    assert ralf.website == "http://home%32%20.earthlink.net/~fdawson"
    assert ralf.city == "Semicolon;way"  # the work address, its escaped semicolon kept
    home = _decoded(path, "ADR")[1]
    assert home.split(";")[3] == "Ulm"


def test_nested_comment_lines_and_missing_end(vcard_dir: Path) -> None:
    parent, nest1, nest2 = _contacts(vcard_dir, "21_malformed-nested-vcards.vcf")
    assert _phones(parent) == [("1", "")]
    assert nest1.phones == nest2.phones == []
    (call,) = _contacts(vcard_dir, "23_malformed-2.1-comment-lines-qp.vcf")
    assert call.notes == "This is an (sharp ->#<- sharp) example. This message must NOT be ignored."


# -- line ends, encodings, export ----------------------------------------------------------


def test_cr_only_and_utf16_files_read_like_the_original(vcard_dir: Path) -> None:
    original = (vcard_dir / "13_evolution-3.0-17-contacts-folding-escapes-photos.vcf").read_bytes()
    expected = parse_vcards(original).contacts
    assert parse_vcards(original.replace(b"\r\n", b"\r")).contacts == expected
    utf16 = original.decode("utf-8").encode("utf-16")  # with a byte-order mark
    assert parse_vcards(utf16).contacts == expected
    assert parse_vcards(b"\xef\xbb\xbf" + original).contacts == expected


def test_export_writes_vcard_40_or_30_folded_crlf_utf8(tmp_path: Path) -> None:
    contact = LibraryContact(
        name="Jörg Müller-Lüdenscheidt",
        title="Pressesprecher, Referat Öffentlichkeitsarbeit; Berlin",
        organization="Bündnis für Menschenrechte e.V.",
        city="Berlin",
        phones=[Phone("+49 30 1234567", "work"), Phone("+49 170 1234567", "Press desk (24h)")],
        emails=["presse@example.de"],
        website="https://example.de/presse",
        notes="Erreichbar werktags 9–18 Uhr.\nNicht vor 8 Uhr anrufen, bitte.\n" * 3 + "Danke!",
        tags=["Presse", "NGO, Berlin"],
    )
    path = tmp_path / "out.vcf"
    write_vcards([contact], path)
    data = path.read_bytes()
    text = data.decode("utf-8")
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert text.endswith("END:VCARD\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert "\n" not in text.replace("\r\n", "")
    assert "TEL;TYPE=work:+49 30 1234567" in text
    assert "X-ABLABEL:Press desk (24h)" in text  # a label of the user's own
    assert read_vcards(path).contacts == [contact]
    three = dumps_vcards([contact], "3.0")
    assert three.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert "N:Müller-Lüdenscheidt;Jörg;;;" in three
    assert parse_vcards(three.encode()).contacts == [contact]
    with pytest.raises(ValueError, match=r"Presskit writes 4\.0 or 3\.0"):
        dumps_vcards([contact], "2.1")


def test_a_company_card_is_written_as_apple_writes_one() -> None:
    company = LibraryContact(name="Karlsruhe Travel", organization="Karlsruhe Travel")
    text = dumps_vcards([company])
    assert "X-ABSHOWAS:COMPANY" in text and "N:;;;;" in text
    assert parse_vcards(text.encode()).contacts == [company]
