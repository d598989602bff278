"""Server cards to contacts and back without a server: the patch keeps every byte it does not
own, and the WebDAV XML parser resolves no entities (a hostile server's answers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.carddav import davxml
from presskit.carddav.cards import ServerCard, new_card, patch_card
from presskit.carddav.davxml import XmlProblem, parse_multistatus
from presskit.model.library import LibraryContact
from presskit.model.release import Phone

CARD = (
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "UID:urn:uuid:7f1c2b\r\n"
    "FN:Ana Lima\r\n"
    "N:Lima;Ana;;;\r\n"
    "item1.TEL:+55 11 5555 0101\r\n"
    "item1.X-ABLabel:Redação\r\n"
    "item2.X-ABLabel:Site\r\n"
    "item2.URL:https://folha.example\r\n"
    "NOTE:A note that is long enough to be folded by the writer of the card, over more \r\n"
    " than one line\r\n"
    'X-UNKNOWN;X-PARAM="a:b":keep me\r\n'
    "ADR;TYPE=home:;;Rua A 1;Campinas;SP;;Brasil\r\n"
    "ADR;TYPE=work:;;Av. B 2;São Paulo;SP;;Brasil\r\n"
    "END:VCARD\r\n"
)


def test_a_patch_replaces_only_the_changed_fields_properties() -> None:
    before = ServerCard(CARD).contact
    assert before.phones == [Phone("+55 11 5555 0101", "Redação")]
    assert before.city == "São Paulo"
    after = ServerCard(CARD).contact
    after.title = "Editora"
    after.phones = [Phone("+55 11 5555 0202", "mobile"), Phone("+55 11 5555 0303", "Plantão")]
    after.city = "Rio de Janeiro"
    text = patch_card(CARD, before, after)

    lines = text.split("\r\n")
    for kept in CARD.split("\r\n"):
        if not kept.startswith(("item1.", "ADR;TYPE=work")):
            assert kept in lines, kept  # byte for byte, folding included
    assert "TITLE:Editora" in lines
    assert "ADR;TYPE=work:;;Av. B 2;Rio de Janeiro;SP;;Brasil" in lines
    assert "item2.URL:https://folha.example" in lines  # a group the new phones must not take
    assert "Redação" not in text
    read_back = ServerCard(text).contact
    assert read_back.phones == after.phones
    assert (read_back.title, read_back.city, read_back.website) == (
        "Editora",
        "Rio de Janeiro",
        "https://folha.example",
    )
    assert ServerCard(text).uid == "urn:uuid:7f1c2b"


def test_an_unchanged_contact_gives_the_card_back_unchanged() -> None:
    contact = ServerCard(CARD).contact
    assert patch_card(CARD, contact, ServerCard(CARD).contact) == CARD


def test_a_new_card_carries_the_uid_and_reads_back() -> None:
    contact = LibraryContact(
        name="Jana Nováková",
        organization="ČTK",
        phones=[Phone("+420 222 098 111", "Desk")],
        emails=["jana@example.cz"],
        notes="x" * 200,
        uid="urn:uuid:1234",
    )
    text = new_card(contact)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    card = ServerCard(text)
    assert card.uid == "urn:uuid:1234"
    assert (card.contact.name, card.contact.phones, card.contact.notes) == (
        contact.name,
        contact.phones,
        contact.notes,
    )


def _multistatus(doctype: str, entity: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n{doctype}\n<d:multistatus xmlns:d="DAV:"><d:response>'
        f"<d:href>/book/a.vcf</d:href><d:propstat><d:prop><d:getetag>{entity}</d:getetag>"
        "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
        "</d:multistatus>"
    ).encode()


def test_answers_never_expand_entities(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    external = f'<!DOCTYPE m [<!ENTITY x SYSTEM "file://{secret}">]>'
    responses, _ = parse_multistatus(_multistatus(external, "&x;"))
    assert "TOP SECRET" not in responses[0].text(davxml.GETETAG)

    laughs = '<!DOCTYPE m [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    laughs += '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    responses, _ = parse_multistatus(_multistatus(laughs, "&d;"))
    assert "lol" not in responses[0].text(davxml.GETETAG)


@pytest.mark.parametrize(
    "body", [b"", b"<html><body>Login</body></html>", b"<d:multistatus xmlns:d='DAV:'", b"\xff"]
)
def test_answers_that_are_not_multistatus_are_a_clear_problem(body: bytes) -> None:
    with pytest.raises(XmlProblem):
        parse_multistatus(body)


def test_journalist_fields_travel_as_x_properties_and_survive_patches() -> None:
    contact = LibraryContact(
        name="Jana Nováková",
        uid="urn:uuid:j",
        first_name="Jana",
        outlet="Hospodářské noviny",
        topics=["energy", "climate, EU"],
        language="cs",
        do_not_contact=True,
    )
    text = new_card(contact)
    assert "X-PRESSKIT-TOPICS:energy,climate\\, EU" in text.replace("\r\n ", "")
    back = ServerCard(text).contact
    assert (back.first_name, back.outlet, back.topics, back.language, back.do_not_contact) == (
        "Jana",
        "Hospodářské noviny",
        ["energy", "climate, EU"],
        "cs",
        True,
    )
    after = ServerCard(text).contact
    after.do_not_contact = False
    after.outlet = "ČTK"
    patched = patch_card(text, back, after)
    assert "X-PRESSKIT-DO-NOT-CONTACT" not in patched
    again = ServerCard(patched).contact
    assert (again.outlet, again.do_not_contact, again.topics) == ("ČTK", False, back.topics)
