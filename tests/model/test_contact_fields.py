"""Advice on email and phone fields: messages only, what was typed is never replaced by junk."""

from __future__ import annotations

import pytest

from presskit.model.contact_fields import (
    PhoneCheck,
    check_email,
    format_phone,
    region_from_language,
)


@pytest.mark.parametrize("value", ["wareham@hrw.org", "müller@bücher.de", "  a.b@c.org  ", ""])
def test_good_or_empty_addresses_get_no_message(value: str) -> None:
    assert check_email(value) is None


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("wareham@", "There must be something after the @-sign."),
        ("wareham.hrw.org", "must have an @-sign"),
        ("semicolon;@points.net", "invalid characters"),
        ("user@localhost", "It should have a period."),
    ],
)
def test_bad_addresses_get_a_message_naming_them(value: str, why: str) -> None:
    message = check_email(value)
    assert message is not None
    assert message.startswith(f"'{value}' is not an email address: ")
    assert why in message


def test_a_valid_number_is_written_the_international_way() -> None:
    assert format_phone("646 203 8292", "en-US") == PhoneCheck("+1 646-203-8292", None)
    assert format_phone("+1-646-203-8292") == PhoneCheck("+1 646-203-8292", None)
    assert format_phone("030 1234567", "de-DE") == PhoneCheck("+49 30 1234567", None)
    assert format_phone("030 1234567", "DE") == PhoneCheck("+49 30 1234567", None)
    assert format_phone("+1-418-656-9254;ext=102") == PhoneCheck("+1 418-656-9254 ext. 102", None)


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("call the desk", "is not a phone number"),
        ("§", "is not a phone number"),
        ("+999 1234", "country code that does not exist"),
        ("1", "is not a phone number"),
        ("+1 555 0100", "is not a valid phone number"),
    ],
)
def test_a_number_that_does_not_parse_is_kept_as_typed_and_flagged(value: str, why: str) -> None:
    check = format_phone(value, "en-US")
    assert check.formatted is None  # None: keep the text exactly as the user typed it
    assert check.problem is not None and check.problem.startswith(f"'{value}' ")
    assert why in check.problem


def test_a_local_number_that_is_wrong_here_suggests_the_country_code() -> None:
    check = format_phone("12-34-56", "en-US")
    assert check.formatted is None
    assert check.problem is not None and "in US" in check.problem and "+" in check.problem


def test_empty_is_fine_and_vanity_numbers_keep_their_letters() -> None:
    assert format_phone("   ") == PhoneCheck(None, None)
    assert format_phone("1-800-356-9377") == PhoneCheck("+1 800-356-9377", None)
    assert format_phone("1-800-FLOWERS") == PhoneCheck(None, None)


@pytest.mark.parametrize(
    ("tag", "region"),
    [
        ("en-US", "US"),
        ("en-GB", "GB"),
        ("de", "DE"),
        ("ja", "JP"),
        ("fr-CA", "CA"),
        ("sr-Latn-RS", "RS"),
        ("pt_BR", "BR"),
        ("es-419", "ES"),  # Latin America is no phone region: the language's likeliest
        ("GB", "GB"),
        ("", "US"),
        ("not a tag", "US"),
        ("xx", "US"),
    ],
)
def test_the_region_comes_from_the_language_tag(tag: str, region: str) -> None:
    assert region_from_language(tag) == region
