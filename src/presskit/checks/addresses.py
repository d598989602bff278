"""Whether an email address or a phone number is usable: syntax only, never the network.

Phone numbers are read with libphonenumber (the ``phonenumbers`` package) in the country of
the release's language (``en-US`` reads ``(646) 203-8292`` as a US number). A number is only
ever checked, never rewritten: people type numbers the way their readers expect them.
"""

from __future__ import annotations

from functools import lru_cache

import phonenumbers

from presskit.model.validation import is_email


def email_problem(address: str) -> str | None:
    """Why ``address`` is not an email address, or None when it is one."""
    if is_email(address.strip()):
        return None
    return f"'{address}' is not an email address"


@lru_cache(maxsize=64)
def region_of(language: str) -> str | None:
    """The country a language tag implies: ``en-US`` -> ``US``, ``de`` -> ``DE``, or None."""
    for subtag in language.replace("_", "-").split("-")[1:]:
        if len(subtag) == 2 and subtag.isalpha():
            return subtag.upper()
    # A bare language: the country it is most likely written in (CLDR likely subtags).
    from babel.core import get_global  # noqa: PLC0415 - loads CLDR data, needed rarely

    likely = get_global("likely_subtags").get(language.split("-", maxsplit=1)[0].lower(), "")
    parts = likely.split("_")
    region = parts[-1] if len(parts) > 1 else ""
    return region if len(region) == 2 and region.isalpha() else None


def _country_name(region: str) -> str:
    from babel import Locale  # noqa: PLC0415 - only needed to word a message

    name = Locale("en").territories.get(region, region)
    return f"the {name}" if name.startswith(("United", "Netherlands", "Philippines")) else name


@lru_cache(maxsize=256)
def phone_problem(number: str, language: str) -> str | None:
    """Why ``number`` does not look like a phone number in the release's country, or None."""
    region = region_of(language)
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException as exc:
        if exc.error_type == phonenumbers.NumberParseException.INVALID_COUNTRY_CODE:
            return f"'{number}' has no country code Presskit recognizes"
        return f"'{number}' cannot be read as a phone number"
    if not phonenumbers.is_valid_number(parsed):
        if number.strip().startswith("+") or not region:
            return f"'{number}' is not a valid phone number"
        return f"'{number}' is not a valid phone number in {_country_name(region)}"
    return None
