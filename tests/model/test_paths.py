"""Field paths address every part of a release and read like the file's error messages."""

from __future__ import annotations

import pytest

from presskit.model import Contact, Phone, Release
from presskit.model.paths import get_at, parse_path_text, path_text, set_at


def test_get_and_set_nested_fields() -> None:
    release = Release(contacts=[Contact(name="A", phones=[Phone("1"), Phone("2")])])
    path = ("contacts", 0, "phones", 1, "number")
    assert get_at(release, path) == "2"
    set_at(release, path, "22")
    assert release.contacts[0].phones[1].number == "22"
    set_at(release, ("headline",), "New")
    assert release.headline == "New"


def test_unknown_field_is_an_error() -> None:
    with pytest.raises(AttributeError):
        set_at(Release(), ("nope",), 1)


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (("headline",), "headline"),
        (("contacts", 0, "email"), "contacts[1].email"),
        (("organization", "social", 2, "url"), "organization.social[3].url"),
        (("contacts", 1, "phones", 0, "number"), "contacts[2].phones[1].number"),
    ],
)
def test_path_text_round_trips(path: tuple, text: str) -> None:
    assert path_text(path) == text
    assert parse_path_text(text) == path
