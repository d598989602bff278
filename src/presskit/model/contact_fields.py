"""Advice on a contact's email and phone fields while someone types: pure, never blocking.

These functions only ever return a message (or a nicer way to write the number); they never
refuse a value. The editor shows the message beside the field and keeps whatever was typed, so
a half-typed address or an extension written in a local style is never lost.

    check_email("wareham@")        -> "'wareham@' is not an email address: There must be ..."
    format_phone("646 203 8292", "en-US") -> PhoneCheck("+1 646-203-8292", None)
    format_phone("call the desk", "en-US") -> PhoneCheck(None, "'call the desk' is not a ...")
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

DEFAULT_REGION = "US"

_REGION = re.compile(r"^[A-Z]{2}$")
_LANGUAGE = re.compile(
    r"^([A-Za-z]{2,3})(?:[-_][A-Za-z]{4})?(?:[-_]([A-Za-z]{2}|[0-9]{3}))?(?:[-_][A-Za-z0-9]{4,8})*$"
)
_LETTERS = re.compile(r"[A-Za-z]")
_EXTENSION_WORDS = re.compile(r"(?i)\b(ext|extension|x)\b\.?|;ext=")

_PARSE_PROBLEMS = {
    NumberParseException.INVALID_COUNTRY_CODE: "starts with a country code that does not exist",
    NumberParseException.NOT_A_NUMBER: "is not a phone number",
    NumberParseException.TOO_SHORT_AFTER_IDD: "is too short for a phone number",
    NumberParseException.TOO_SHORT_NSN: "is too short for a phone number",
    NumberParseException.TOO_LONG: "is too long for a phone number",
}


@dataclass(frozen=True)
class PhoneCheck:
    """The outcome of checking a phone number.

    ``formatted`` is the number written the international way (``+1 646-203-8292``) when it is
    a valid number, else None: keep the text exactly as typed. ``problem`` says what looks
    wrong, or is None.
    """

    formatted: str | None
    problem: str | None


def check_email(value: str) -> str | None:
    """Why ``value`` is not an email address, or None when it is one or is empty.

    Syntax only: nothing is looked up on the network (a laptop on a train must not wait).
    """
    address = value.strip()
    if not address:
        return None
    # Imported here: email_validator pulls in dnspython, which costs every start-up 35 ms.
    from email_validator import EmailNotValidError, validate_email  # noqa: PLC0415

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as exc:
        return f"'{address}' is not an email address: {exc}"
    return None


def format_phone(value: str, region: str = DEFAULT_REGION) -> PhoneCheck:
    """Check a phone number and write it the international way when it is valid.

    ``region`` is where a number without ``+`` is dialled from: a region code such as ``US``
    or a release's language tag such as ``en-US`` or ``de`` (see :func:`region_from_language`).
    """
    text = value.strip()
    if not text:
        return PhoneCheck(None, None)
    home = region_from_language(region)
    try:
        number = phonenumbers.parse(text, home)
    except NumberParseException as exc:
        why = _PARSE_PROBLEMS.get(exc.error_type, "is not a phone number")
        return PhoneCheck(None, f"'{text}' {why}")
    if not phonenumbers.is_valid_number(number):
        if text.startswith(("+", "00")):
            return PhoneCheck(None, f"'{text}' is not a valid phone number")
        return PhoneCheck(
            None, f"'{text}' is not a valid phone number in {home}; add the country code (+…)"
        )
    if _LETTERS.search(_EXTENSION_WORDS.sub("", text)):
        # A vanity number such as 1-800-FLOWERS: the letters are the point; keep them.
        return PhoneCheck(None, None)
    return PhoneCheck(phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL), None)


def region_from_language(tag: str) -> str:
    """The region a language tag implies: ``en-US`` -> ``US``, ``de`` -> ``DE``, else ``US``.

    An upper-case two-letter code (``GB``) is taken as a region already. A language with no
    region gets its most likely one from the Unicode CLDR (``ja`` -> ``JP``).
    """
    tag = tag.strip()
    if _REGION.match(tag):
        return tag if tag in phonenumbers.SUPPORTED_REGIONS else DEFAULT_REGION
    match = _LANGUAGE.match(tag)
    if not match:
        return DEFAULT_REGION
    language, region = match.group(1).lower(), (match.group(2) or "").upper()
    if region in phonenumbers.SUPPORTED_REGIONS:
        return region
    likely = _likely_region(language)
    return likely if likely in phonenumbers.SUPPORTED_REGIONS else DEFAULT_REGION


@functools.lru_cache(maxsize=64)
def _likely_region(language: str) -> str:
    from babel.core import get_global  # noqa: PLC0415 - loads CLDR data; only when needed

    likely = get_global("likely_subtags").get(language, "")
    return likely.rsplit("_", 1)[-1] if likely.count("_") >= 1 else ""
