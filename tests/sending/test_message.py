"""The message one recipient gets: one address, a greeting in the release's language, opt-out."""

from __future__ import annotations

import datetime as dt
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from presskit.model.library import LibraryContact
from presskit.sending.message import (
    SenderError,
    build_message,
    greeting,
    parse_sender,
    prepare_file,
)
from presskit.sending.recipients import Recipient, first_name_of, from_contacts
from tests.sending.conftest import EMBARGOED_DE, RELEASE, SENDER, addresses_in

NOW = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Dr. Anna Schmidt", "Anna"),
        ("Mary Wareham", "Mary"),
        ("Newsdesk", ""),  # one word: a desk, not a person
        ("press@example.org", ""),
        ("", ""),
        ("Mme Renée François", "Renée"),
    ],
)
def test_first_name_from_a_full_name(name: str, first: str) -> None:
    assert first_name_of(LibraryContact(name=name)) == first


def test_greeting_in_the_language_with_a_fallback() -> None:
    assert greeting("de-DE", "Anna") == "Hallo Anna,"
    assert greeting("en-US", "") == "Hello,"
    assert greeting("fr", "Renée") == "Bonjour Renée,"
    assert greeting("tlh", "Worf") == "Dear Worf,"  # a language Presskit has no words for


def test_one_message_names_one_recipient_and_carries_text_and_html() -> None:
    mail = prepare_file(RELEASE, parse_sender(SENDER), attach_pdf=True)
    anna = Recipient("anna@spiegel.example", "Anna Schmidt", "Anna")
    raw = build_message(mail, anna, NOW).as_bytes()
    message = message_from_bytes(raw, policy=policy.default)
    assert message["To"] == "Anna Schmidt <anna@spiegel.example>"
    assert message["Cc"] is None and message["Bcc"] is None
    assert message["Subject"] == "US: Ban Landmine Use Everywhere, Korea Included"
    assert message["List-Unsubscribe"] == "<mailto:press@hrw.example?subject=unsubscribe>"
    assert message.get_content_type() == "multipart/mixed"  # the PDF is attached
    alternative = next(p for p in message.walk() if p.get_content_type() == "multipart/alternative")
    text, html = (p.get_content().replace("\r\n", "\n") for p in alternative.iter_parts())
    assert text.startswith("Dear Anna,\n\nFOR IMMEDIATE RELEASE")
    assert "reply “unsubscribe” or write to press@hrw.example" in text
    assert '<p style="margin:0 0 1em 0">Dear Anna,</p>' in html
    assert "style=" in html and "<style" not in html  # the inlined HTML of Copy for Email
    (pdf,) = [p for p in message.walk() if p.get_content_type() == "application/pdf"]
    assert pdf.get_content().startswith(b"%PDF")
    recipients = {"anna@spiegel.example", "john@times.example"}
    assert addresses_in(message) & recipients == {"anna@spiegel.example"}
    # The same release to the same person: the same Message-ID, so a resend is recognisable.
    again = message_from_bytes(build_message(mail, anna, NOW).as_bytes(), policy=policy.default)
    assert again["Message-ID"] == message["Message-ID"]


def test_embargo_in_front_of_the_subject_and_a_german_greeting() -> None:
    mail = prepare_file(EMBARGOED_DE, parse_sender(SENDER), unsubscribe_url="https://x.example/u")
    message = build_message(mail, Recipient("jo@zeit.example", "Jörg Müller", ""), NOW)
    assert message["Subject"].startswith("SPERRFRIST BIS ")
    assert message["List-Unsubscribe"].strip().startswith("<https://x.example/u>, <mailto:")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert text.startswith("Guten Tag,\n\n")  # no first name known: the polite fallback
    assert "antworten Sie „abmelden“" in text


def test_bad_rows_are_reported_not_sent(tmp_path: Path) -> None:
    contacts = [
        LibraryContact(name="Anna", emails=["anna@example.org"]),
        LibraryContact(name="Broken", emails=["anna@"]),
        LibraryContact(name="Anna again", emails=["ANNA@example.org"]),
        LibraryContact(name="No More", emails=["nomore@example.org"], do_not_contact=True),
        LibraryContact(name="Nobody"),
    ]
    chosen = from_contacts("list.csv", contacts, [2, 3, 4, 5, 6])
    assert [r.email for r in chosen.recipients] == ["anna@example.org"]
    assert [str(s) for s in chosen.skipped] == [
        "list.csv:3: anna@: not a valid email address; skipped",
        "list.csv:4: ANNA@example.org: the same address as list.csv:2; sent once",
        "list.csv:5: nomore@example.org: do not contact; skipped",
        "list.csv:6: (no address): no email address; skipped",
    ]


@pytest.mark.parametrize("text", ["a@b.example, c@d.example", "nobody", "x@y\r\nBcc: z@w"])
def test_the_sender_is_one_address(text: str) -> None:
    with pytest.raises(SenderError):
        parse_sender(text)


def test_a_name_cannot_smuggle_a_header_or_another_address() -> None:
    mail = prepare_file(RELEASE, parse_sender(SENDER))
    contacts = [
        LibraryContact(name="Evil\r\nBcc: victim@x.example", emails=["evil@x.example"]),
        LibraryContact(name="Other <second@x.example>", emails=["first@x.example"]),
        LibraryContact(name="Tab\tName", first_name="Ann\u2028a", emails=["tab@x.example"]),
    ]
    chosen = from_contacts("list.csv", contacts)
    everyone = {"evil@x.example", "first@x.example", "second@x.example", "victim@x.example"}
    for recipient in chosen.recipients:
        raw = build_message(mail, recipient, NOW).as_bytes()
        message = message_from_bytes(raw, policy=policy.default)
        assert message["Bcc"] is None
        assert addresses_in(message) & (everyone | {"tab@x.example"}) == {recipient.email}
    assert [r.name for r in chosen.recipients] == ["", "", "Tab Name"]
    assert chosen.recipients[2].first_name == "Ann a"
