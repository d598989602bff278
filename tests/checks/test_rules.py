"""Every preflight rule: one test that makes it fire, one that keeps it quiet."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from presskit.checks.findings import Finding, Severity
from presskit.checks.runner import run_checks
from presskit.model.release import Contact, Dateline, Link, Phone, Release, SocialHandle, Status
from tests.checks.conftest import PARAGRAPH, ids

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def check(release: Release, **options: object) -> list[Finding]:
    options.setdefault("now", NOW)
    return run_checks(release, **options)  # type: ignore[arg-type]


def only(findings: list[Finding], rule: str) -> list[Finding]:
    return [finding for finding in findings if finding.id == rule]


def test_the_clean_release_is_quiet(clean: Release) -> None:
    assert check(clean, page_count=2, exists=lambda path: True) == []


def test_checks_do_not_change_the_release(clean: Release) -> None:
    clean.contacts[0].phones[0].number = "12345"
    before = copy.deepcopy(clean)
    check(clean)
    assert clean == before


# --- links -------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["#", "", " ", "http://", "https://", "HTTPS://"])
def test_placeholder_link_in_the_body(clean: Release, target: str) -> None:
    clean.body += f"\n\nSee [the report]({target}) now."
    found = only(check(clean), "placeholder-link")
    assert [(f.field, f.body_line, f.severity) for f in found] == [("body", 13, Severity.WARNING)]
    assert '"the report"' in found[0].message and found[0].hint


def test_placeholder_autolink_and_reference_definition(clean: Release) -> None:
    clean.body = "Read <https://> and [the letter][l].\n\n[l]: #\n\n" + clean.body
    assert [f.body_line for f in only(check(clean), "placeholder-link")] == [1, 1]


def test_placeholder_in_the_boilerplate_links_list_and_website(clean: Release) -> None:
    clean.boilerplate = "About us.\nWe are [a coalition](#)."
    clean.links.append(Link("The letter", "#"))
    clean.links.append(Link("The report", "https://"))
    clean.organization.website = "#"
    found = check(clean)
    placeholders = [(f.field, f.body_line, f.severity) for f in only(found, "placeholder-link")]
    assert placeholders == [
        ("organization.website", None, Severity.WARNING),
        ("boilerplate", 2, Severity.WARNING),
        ("links[2].url", None, Severity.WARNING),
        # "https://" alone: printed as text, not refused (issue 11), reported once, not twice.
        ("links[3].url", None, Severity.WARNING),
    ]
    assert "invalid-field" not in ids(found)


def test_a_link_with_a_title_and_no_address_is_a_placeholder(clean: Release) -> None:
    clean.links.append(Link("Photos", ""))
    assert [f.field for f in only(check(clean), "placeholder-link")] == ["links[2].url"]


def test_real_links_and_links_in_code_are_not_placeholders(clean: Release) -> None:
    clean.body += "\n\nWrite `[text](#)` for a link.\n\n```\n[x](#)\n```"
    assert only(check(clean), "placeholder-link") == []


def test_malformed_url_in_the_body(clean: Release) -> None:
    clean.body = "See [our site](www.example.org) and [x](javascript:alert(1)).\n\n" + clean.body
    found = only(check(clean), "malformed-url")
    # Printed as text, never a link: a warning, not a refusal (issue 11).
    assert [(f.field, f.body_line, f.severity) for f in found] == [("body", 1, Severity.WARNING)]
    assert "javascript:" in found[0].message
    (note,) = only(check(clean), "incomplete-url")
    assert (note.body_line, note.severity) == (1, Severity.INFO)
    assert "https://" in note.message


@pytest.mark.parametrize(
    "target", ["http://[broken/x", "https://[::1", "http://example.org:99999/", "http://\udcff["]
)
def test_an_unparsable_url_is_a_finding_not_a_crash(clean: Release, target: str) -> None:
    """urlsplit raises ValueError on these; the checks crashed with it (issue 11)."""
    clean.body = f"See [x]({target}) and <{target}>.\n\n" + clean.body
    clean.links[0].url = target
    clean.organization.website = target
    found = check(clean)
    fields = [f.field for f in only(found, "malformed-url")]
    assert fields.count("body") >= 1 and "links[1].url" in fields
    assert "organization.website" in fields


@pytest.mark.parametrize("target", ["/etc/passwd", "report.pdf", "../x.html", "file:///etc/passwd"])
def test_a_link_to_a_local_file_is_a_warning(clean: Release, target: str) -> None:
    clean.body = f"See [x]({target}).\n\n" + clean.body
    (found,) = only(check(clean), "local-link")
    assert (found.field, found.body_line, found.severity) == ("body", 1, Severity.WARNING)


def test_malformed_url_in_the_links_list_is_reported_once(clean: Release) -> None:
    clean.links[0].url = "harborhousing.example.org/photos"
    clean.organization.social = [SocialHandle("facebook", url="facebook.com/harbor")]
    found = check(clean)
    # Typed without https://: the outputs add it, and a note says so, once per field.
    assert [(f.field, f.severity) for f in only(found, "incomplete-url")] == [
        ("organization.social[1].url", Severity.INFO),
        ("links[1].url", Severity.INFO),
    ]
    assert "invalid-field" not in ids(found)


def test_well_formed_urls_are_quiet(clean: Release) -> None:
    clean.body += "\n\nSee [a](https://a.org/x?y=1#z), [b](mailto:a@harborhousing.org), <b@c.org>."
    clean.organization.social = [SocialHandle("mastodon", "@harbor", "https://social.example/@h")]
    assert check(clean) == []


def test_malformed_email_in_a_contact_is_reported_once(clean: Release) -> None:
    clean.contacts[0].email = "wareham@"
    found = check(clean)
    assert [(f.id, f.field, f.severity) for f in found] == [
        ("malformed-email", "contacts[1].email", Severity.ERROR)
    ]
    assert "'wareham@'" in found[0].message


def test_malformed_email_in_a_mailto_link(clean: Release) -> None:
    clean.body += "\n\nWrite to [us](mailto:press@) or <nobody@>."
    found = only(check(clean), "malformed-email")
    assert [(f.field, f.body_line) for f in found] == [("body", 13)]


@pytest.mark.parametrize("number", ["12345", "+1 212 55", "call me"])
def test_malformed_phone_is_a_warning_and_kept_as_typed(clean: Release, number: str) -> None:
    clean.contacts[0].phones[0].number = number
    found = check(clean)
    assert [(f.id, f.field, f.severity) for f in found] == [
        ("malformed-phone", "contacts[1].phones[1].number", Severity.WARNING)
    ]
    assert number in found[0].message
    assert clean.contacts[0].phones[0].number == number


@pytest.mark.parametrize(
    ("language", "number"),
    [
        ("en-US", "+1-646-203-8292"),
        ("en-US", "(646) 203-8292"),
        ("de-DE", "030 12345678"),
        ("de", "030 12345678"),
        ("fr", "+44 20 7946 0958"),
    ],
)
def test_phone_numbers_read_in_the_country_of_the_language(
    clean: Release, language: str, number: str
) -> None:
    clean.language = language
    clean.contacts[0].phones[0].number = number
    assert only(check(clean), "malformed-phone") == []


def test_malformed_phone_in_a_tel_link(clean: Release) -> None:
    clean.body += "\n\nCall [the desk](tel:12)."
    found = only(check(clean), "malformed-phone")
    assert [(f.field, f.body_line, f.severity) for f in found] == [("body", 13, Severity.WARNING)]


def test_missing_link_definition(clean: Release) -> None:
    clean.body = "See [the letter][letter] and [the report][report].\n\n[report]: https://r.org\n\n"
    clean.body += "\n\n".join([PARAGRAPH] * 5)
    found = only(check(clean), "missing-link-definition")
    assert [(f.body_line, f.severity) for f in found] == [(1, Severity.WARNING)]
    assert "[letter]" in found[0].message


# --- embargo -----------------------------------------------------------------------------


def test_embargo_missing(clean: Release) -> None:
    clean.status = Status.EMBARGOED
    found = check(clean)
    assert [(f.id, f.field, f.severity) for f in found] == [
        ("embargo-missing", "embargo", Severity.ERROR)
    ]


def test_embargo_in_the_past_and_in_the_future(clean: Release) -> None:
    clean.status = Status.EMBARGOED
    clean.embargo = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    clean.timezone = "America/New_York"
    assert check(clean, now=NOW) == []
    late = dt.datetime(2026, 3, 2, 14, 0, 1, tzinfo=dt.UTC)  # one second after 9:00 EST
    found = check(clean, now=late)
    assert [(f.id, f.severity) for f in found] == [("embargo-past", Severity.WARNING)]
    assert "2026-03-02 09:00 EST" in found[0].message


def test_a_naive_now_is_taken_as_utc(clean: Release) -> None:
    clean.status = Status.EMBARGOED
    clean.embargo = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    assert ids(check(clean, now=dt.datetime(2026, 3, 2, 10, 0))) == ["embargo-past"]


def test_embargo_set_on_an_immediate_release(clean: Release) -> None:
    clean.embargo = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    assert [(f.id, f.severity) for f in check(clean)] == [("embargo-unused", Severity.INFO)]


# --- headline ----------------------------------------------------------------------------


def test_headline_too_long(clean: Release) -> None:
    clean.headline = "x" * 80
    assert check(clean) == []
    clean.headline = "x" * 81
    found = check(clean)
    assert [(f.id, f.field) for f in found] == [("headline-too-long", "headline")]
    assert "81" in found[0].message


def test_headline_all_caps(clean: Release) -> None:
    clean.headline = "NEW SHELTER OPENS FOR FAMILIES"
    assert ids(check(clean)) == ["headline-all-caps"]
    clean.headline = "NATO Opens a Shelter in Boston"
    assert check(clean) == []


def test_headline_exclamation(clean: Release) -> None:
    clean.headline = "New Shelter Opens!"
    assert ids(check(clean)) == ["headline-exclamation"]


def test_subheadline_too_long(clean: Release) -> None:
    clean.subheadline = "y" * 150
    assert check(clean) == []
    clean.subheadline = "y" * 151
    assert [(f.id, f.field) for f in check(clean)] == [("subheadline-too-long", "subheadline")]


# --- completeness ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dateline", "field"),
    [
        (Dateline(), "dateline"),
        (Dateline(date=dt.date(2026, 3, 2)), "dateline.city"),
        (Dateline(city="Boston"), "dateline.date"),
    ],
)
def test_dateline_missing(clean: Release, dateline: Dateline, field: str) -> None:
    clean.dateline = dateline
    assert [(f.id, f.field, f.severity) for f in check(clean)] == [
        ("dateline-missing", field, Severity.WARNING)
    ]


def test_boilerplate_missing(clean: Release) -> None:
    clean.boilerplate = "  \n"
    assert [(f.id, f.field) for f in check(clean)] == [("boilerplate-missing", "boilerplate")]


def test_contact_missing(clean: Release) -> None:
    clean.contacts = []
    assert [(f.id, f.field) for f in check(clean)] == [("contact-missing", "contacts")]


def test_contact_unreachable(clean: Release) -> None:
    clean.contacts.append(Contact(name="Jo Lee", phones=[Phone(" ")]))
    found = [f for f in check(clean) if f.id != "invalid-field"]  # the blank phone is invalid
    assert [(f.id, f.field) for f in found] == [("contact-unreachable", "contacts[2]")]
    assert "Jo Lee" in found[0].message
    clean.contacts[1].email = "jo@harborhousing.org"
    assert only(check(clean), "contact-unreachable") == []


def test_contact_duplicate_ignores_case(clean: Release) -> None:
    twin = copy.deepcopy(clean.contacts[0])
    twin.name, twin.email = " ana souza", "Ana.Souza@HarborHousing.example.org"
    clean.contacts.append(twin)
    found = check(clean)
    assert [(f.id, f.field) for f in found] == [("contact-duplicate", "contacts[2]")]
    assert "contacts 1 and 2" in found[0].message


def test_same_name_with_another_email_is_not_a_duplicate(clean: Release) -> None:
    other = copy.deepcopy(clean.contacts[0])
    other.email = "ana@elsewhere.org"
    clean.contacts.append(other)
    assert check(clean) == []


# --- length ------------------------------------------------------------------------------


def test_body_word_count_bounds(clean: Release) -> None:
    clean.body = "word " * 300
    assert check(clean) == []
    clean.body = "word " * 299
    found = check(clean)
    assert [(f.id, f.field, f.severity) for f in found] == [
        ("body-too-short", "body", Severity.WARNING)
    ]
    assert "299" in found[0].message
    clean.body = "word " * 800
    assert check(clean) == []
    clean.body = "word " * 801
    assert ids(check(clean)) == ["body-too-long"]


def test_an_empty_body_says_so(clean: Release) -> None:
    clean.body = ""
    assert [f.message for f in check(clean)] == ["The body is empty"]


def test_link_targets_and_code_are_not_words(clean: Release) -> None:
    clean.body = "word " * 298 + "[two words](https://a.org/many/words/here) `no code words`"
    assert check(clean) == []


def test_too_many_pages(clean: Release) -> None:
    assert check(clean, page_count=None) == []
    assert check(clean, page_count=2) == []
    found = check(clean, page_count=3)
    assert [(f.id, f.field, f.severity) for f in found] == [
        ("too-many-pages", "body", Severity.WARNING)
    ]


# --- assets ------------------------------------------------------------------------------


def test_missing_logo_is_checked_only_with_an_exists_callable(clean: Release) -> None:
    clean.organization.logo = "assets/logo.png"
    assert check(clean) == []
    assert check(clean, exists=lambda path: path == "assets/logo.png") == []
    found = check(clean, exists=lambda path: False)
    assert [(f.id, f.field, f.severity) for f in found] == [
        ("asset-missing", "organization.logo", Severity.ERROR)
    ]


def test_missing_body_images(clean: Release) -> None:
    clean.body += '\n\n![Shelter](assets/my%20photo.jpg)\n<img src="assets/b.png">\n![none]()'
    asked: list[str] = []

    def exists(path: str) -> bool:
        asked.append(path)
        return path == "assets/b.png"

    found = only(check(clean, exists=exists), "asset-missing")
    assert [(f.field, f.body_line) for f in found] == [("body", 13), ("body", 15)]
    assert "assets/my photo.jpg" in asked  # percent-encoding is undone, as the renderer does
    assert '"Shelter"' in found[0].message


def test_images_from_the_web_or_outside_the_folder_do_not_show(clean: Release) -> None:
    clean.boilerplate += "\n![Logo](https://a.org/logo.png)"
    clean.body += "\n\n![Chart](../chart.png) ![Dot](data:image/png;base64,iVBORw0KGgo=)"
    found = only(check(clean, exists=lambda path: True), "image-not-local")
    assert [(f.field, f.body_line, f.severity) for f in found] == [
        ("boilerplate", 2, Severity.ERROR),
        ("body", 13, Severity.ERROR),
    ]


# --- the model's own validation ----------------------------------------------------------


def test_model_validation_problems_are_error_findings(clean: Release) -> None:
    clean.language = "english please"
    clean.headline = ""
    found = check(clean)
    # A headline is required; an odd language tag renders all the same (a warning).
    assert [(f.id, f.field, f.severity) for f in found] == [
        ("invalid-field", "headline", Severity.ERROR),
        ("invalid-field", "language", Severity.WARNING),
    ]
    assert found[0].message == "A release needs a headline"
    assert found[0].hint


# --- order -------------------------------------------------------------------------------


def test_findings_come_in_the_order_of_the_file(clean: Release) -> None:
    clean.body = "[b](#)\n\n" + clean.body + "\n\n[a](#)"
    clean.headline = "NEW SHELTER OPENS!"
    clean.contacts.append(Contact(name="Jo Lee"))
    clean.links.insert(0, Link("First", "#"))
    clean.dateline = Dateline()
    clean.status = Status.EMBARGOED
    found = check(clean, page_count=3)
    assert [(f.field, f.body_line) for f in found] == [
        ("embargo", None),
        ("headline", None),
        ("headline", None),
        ("dateline", None),
        ("links[1].url", None),
        ("contacts[2]", None),
        ("body", None),
        ("body", 1),
        ("body", 15),
    ]
