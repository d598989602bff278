"""The library's records: conversions to and from a release's parts, duplicates, searching."""

from __future__ import annotations

import unicodedata

from presskit.model.library import (
    Boilerplate,
    LibraryContact,
    OrganizationProfile,
    content_key,
    from_release_contact,
    from_release_organization,
    same_content,
    to_release_contact,
    to_release_organization,
)
from presskit.model.library_search import (
    boilerplate_matches,
    contact_matches,
    fold,
    search_terms,
)
from presskit.model.release import Contact, LibraryLink, Organization, Phone, SocialHandle


def _mary() -> LibraryContact:
    return LibraryContact(
        id=7,
        name="Mary Wareham",
        title="Advocacy Director",
        organization="Human Rights Watch",
        city="Washington, D.C.",
        phones=[Phone("+1-646-203-8292", "mobile"), Phone("+1-202-612-4333", "work")],
        emails=["", "wareham@hrw.org", "mary@example.org"],
        website="https://www.hrw.org",
        notes="Arms division",
        tags=["landmines"],
    )


def test_a_release_contact_gets_the_first_real_email_and_every_phone() -> None:
    mary = _mary()
    contact = to_release_contact(mary)
    assert contact == Contact(
        name="Mary Wareham",
        title="Advocacy Director",
        organization="Human Rights Watch",
        city="Washington, D.C.",
        phones=[Phone("+1-646-203-8292", "mobile"), Phone("+1-202-612-4333", "work")],
        email="wareham@hrw.org",
        library=LibraryLink(7, ""),  # linked to its entry, for "Update from library"
    )
    contact.phones[0].number = "changed"  # a copy: editing the release leaves the library alone
    assert mary.phones[0].number == "+1-646-203-8292"


def test_a_contact_with_no_email_gives_an_empty_one() -> None:
    assert to_release_contact(LibraryContact(name="A", emails=[" "])).email == ""


def test_a_release_contact_becomes_a_new_library_contact() -> None:
    release_contact = Contact(
        name="Mica Bevington",
        organization="Handicap International",
        phones=[Phone("+1 301 891 2138", "work", {"ext": "12"})],
        email="mbevington@handicap-international.us",
        extra={"twitter": "@mica"},
    )
    contact = from_release_contact(release_contact)
    assert contact.id is None and contact.created is None and contact.updated is None
    assert contact.name == "Mica Bevington"
    assert contact.organization == "Handicap International"
    assert contact.emails == ["mbevington@handicap-international.us"]
    assert contact.phones == [Phone("+1 301 891 2138", "work", {"ext": "12"})]
    assert contact.phones[0] is not release_contact.phones[0]
    assert from_release_contact(Contact(name="No mail")).emails == []
    # Back again: what a release holds survives the trip.
    back = to_release_contact(contact)
    assert back == Contact(
        name="Mica Bevington",
        organization="Handicap International",
        phones=[Phone("+1 301 891 2138", "work", {"ext": "12"})],
        email="mbevington@handicap-international.us",
    )


def test_organization_profiles_convert_both_ways() -> None:
    organization = Organization(
        name="US Campaign to Ban Landmines",
        website="https://www.banminesusa.org",
        logo="assets/logo.png",
        social=[SocialHandle("twitter", "@BanMinesUSA"), SocialHandle("facebook", url="https://x")],
    )
    profile = from_release_organization(organization)
    assert profile == OrganizationProfile(
        name="US Campaign to Ban Landmines",
        website="https://www.banminesusa.org",
        logo="assets/logo.png",
        social=[SocialHandle("twitter", "@BanMinesUSA"), SocialHandle("facebook", url="https://x")],
    )
    assert to_release_organization(profile) == organization
    assert to_release_organization(profile).social[0] is not profile.social[0]


def test_same_content_ignores_ids_and_timestamps_only() -> None:
    a, b = _mary(), _mary()
    b.id = None
    assert same_content(a, b) and content_key(a) == content_key(b)
    b.phones[1].label = "home"
    assert not same_content(a, b)


def test_search_folds_case_and_unicode_forms() -> None:
    assert fold("MÜLLER") == fold("müller")
    decomposed = unicodedata.normalize("NFD", "Müller")
    assert len(decomposed) == 7 and fold(decomposed) == fold("Müller")
    assert fold("Straße") == "strasse"
    assert search_terms("  Mary   HRW ") == ["mary", "hrw"]
    assert search_terms("") == []


def test_every_word_must_match_some_field() -> None:
    mary = _mary()
    mary.organization = "HRW"
    assert contact_matches(mary, search_terms("mary hrw"))
    assert contact_matches(mary, search_terms("WAREHAM@HRW"))  # an email
    assert contact_matches(mary, search_terms("landmines"))  # a tag
    assert contact_matches(mary, search_terms("advocacy"))  # the title
    assert contact_matches(mary, [])
    assert not contact_matches(mary, search_terms("mary unicef"))
    assert not contact_matches(mary, search_terms("arms"))  # notes are not searched
    assert not contact_matches(mary, search_terms("washington"))  # nor the city


def test_boilerplates_match_organization_and_text() -> None:
    about = Boilerplate(organization="Human Rights Watch", text="HRW defends *rights*.")
    assert boilerplate_matches(about, search_terms("human defends"))
    assert not boilerplate_matches(about, search_terms("unicef"))


def test_changed_since_compares_the_entry_with_the_copy() -> None:
    import datetime as dt

    from presskit.model.library import changed_since, library_link

    mary = _mary()
    mary.updated = dt.datetime(2026, 1, 1, 12, tzinfo=dt.UTC)
    link = library_link(mary)
    assert link == LibraryLink(7, "2026-01-01T12:00:00+00:00")
    assert not changed_since(link, mary)
    mary.updated = dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
    assert changed_since(link, mary)
    assert not changed_since(None, mary)
