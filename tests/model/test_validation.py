"""Model validation: every problem at once, each naming its field."""

from __future__ import annotations

import datetime as dt

import pytest

from presskit.model import (
    Contact,
    Link,
    Organization,
    Phone,
    Release,
    SocialHandle,
    Status,
    validate_release,
)
from presskit.model.validation import relative_path_problem, url_problem


def _fields(release: Release) -> list[str]:
    return [p.field for p in validate_release(release)]


def test_a_minimal_release_is_valid() -> None:
    assert validate_release(Release(headline="Hello")) == []


def test_all_problems_are_reported_together() -> None:
    release = Release(
        headline=" ",
        status=Status.EMBARGOED,
        language="english please",
        organization=Organization(
            website="www.example.org", logo="/etc/passwd", social=[SocialHandle(network="x")]
        ),
        links=[Link(title="Bad", url="javascript:alert(1)"), Link()],
        contacts=[Contact(name="", email="wareham@", phones=[Phone("")])],
        theme="../evil",
    )
    assert _fields(release) == [
        "headline",
        "embargo",
        "language",
        "organization.website",
        "organization.logo",
        "organization.social[1]",
        "links[1].url",
        "links[2]",
        "contacts[1].name",
        "contacts[1].email",
        "contacts[1].phones[1].number",
        "theme",
    ]


def test_embargo_must_carry_an_offset() -> None:
    naive = Release(headline="x", status=Status.EMBARGOED, embargo=dt.datetime(2014, 9, 23, 9))
    assert [str(p) for p in validate_release(naive)] == [
        "embargo: the embargo time needs a UTC offset, such as -04:00"
    ]


def test_timezone_must_exist_and_match_the_offset() -> None:
    eastern = dt.timezone(dt.timedelta(hours=-4))
    good = Release(
        headline="x",
        status=Status.EMBARGOED,
        embargo=dt.datetime(2014, 9, 23, 9, tzinfo=eastern),
        timezone="America/New_York",
    )
    assert validate_release(good) == []
    winter = Release(
        headline="x",
        status=Status.EMBARGOED,
        embargo=dt.datetime(2014, 1, 23, 9, tzinfo=eastern),
        timezone="America/New_York",
    )
    (problem,) = validate_release(winter)
    assert problem.field == "embargo" and "2014-01-23T08:00:00-05:00" in problem.message
    assert _fields(Release(headline="x", timezone="Mars/Olympus")) == ["timezone"]


@pytest.mark.parametrize(
    "url", ["#", "https://example.org/a?b=c", "mailto:a@b.org", "tel:+15551234", "http://x.y"]
)
def test_acceptable_link_targets(url: str) -> None:
    assert url_problem(url) is None


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "www.example.org", "https://", "file:///etc/passwd", "a b"]
)
def test_unusable_link_targets(url: str) -> None:
    assert url_problem(url) is not None


@pytest.mark.parametrize(
    "path", ["/etc/passwd", "../../outside.png", "C:\\logo.png", "http://x/y.png"]
)
def test_asset_paths_must_stay_in_the_release_folder(path: str) -> None:
    assert relative_path_problem(path) is not None


def test_plain_relative_asset_paths_are_fine() -> None:
    assert relative_path_problem("assets/logo.png") is None
