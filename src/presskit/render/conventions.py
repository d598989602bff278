"""Press-release conventions: the release line, datelines, the slug, and translated labels.

Pure functions shared by every output (PDF, HTML, text), so each writes "EMBARGOED UNTIL ..."
and "(Washington DC, September 23, 2014)" the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from presskit.model.release import DatelineStyle, Release
from presskit.render.ap_style import ap_place

# AP style abbreviates these months and spells out March-July.
AP_MONTHS = (
    "Jan.", "Feb.", "March", "April", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "immediate": "For immediate release",
        "embargoed": "Embargoed until",
        "more_info": "For more information",
        "contacts": "Media contacts",
        "about": "About",
        "page": "Page",
        "of": "of",
        "more": "-more-",
        "website": "Website",
    },
    "de": {
        "immediate": "Zur sofortigen Veröffentlichung",
        "embargoed": "Sperrfrist bis",
        "more_info": "Weitere Informationen",
        "contacts": "Pressekontakt",
        "about": "Über",
        "page": "Seite",
        "of": "von",
        "more": "-mehr-",
        "website": "Website",
    },
    "fr": {
        "immediate": "Pour diffusion immédiate",
        "embargoed": "Sous embargo jusqu'au",
        "more_info": "Pour en savoir plus",
        "contacts": "Contacts presse",
        "about": "À propos de",
        "page": "Page",
        "of": "sur",
        "more": "-suite-",
        "website": "Site web",
    },
    "es": {
        "immediate": "Para publicación inmediata",
        "embargoed": "Embargado hasta",
        "more_info": "Más información",
        "contacts": "Contactos de prensa",
        "about": "Acerca de",
        "page": "Página",
        "of": "de",
        "more": "-más-",
        "website": "Sitio web",
    },
}

SOCIAL_NETWORK_NAMES = {
    "facebook": "Facebook",
    "twitter": "Twitter",
    "x": "X",
    "instagram": "Instagram",
    "linkedin": "LinkedIn",
    "youtube": "YouTube",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "threads": "Threads",
    "tiktok": "TikTok",
}


def base_language(tag: str) -> str:
    """``en`` for ``en-US``: the part that picks labels and date formats."""
    return (tag or "en").replace("_", "-").split("-")[0].lower()


@cache
def babel_locale(tag: str) -> str:
    """A locale name Babel knows for a BCP 47 tag (``en-US`` -> ``en_US``).

    A well-formed tag may name a locale Babel has no data for (``zz-ZZ``, ``de-XX``): then its
    language alone (``de``), or else English, so the release still renders.
    """
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415 - Babel loads slowly

    name = (tag or "en-US").replace("-", "_")
    for candidate in (name, name.split("_")[0]):
        try:
            Locale.parse(candidate)
        except (UnknownLocaleError, ValueError, TypeError):
            continue
        return candidate
    return "en_US"


def labels_for(language: str) -> dict[str, str]:
    """The output labels in the release's language, English for languages not yet translated."""
    return LABELS.get(base_language(language), LABELS["en"])


def ap_date(day: dt.date) -> str:
    """``Sept. 23, 2014``."""
    return f"{AP_MONTHS[day.month - 1]} {day.day}, {day.year}"


def ap_time(when: dt.datetime) -> str:
    """``9 a.m.``, ``9:30 p.m.``, ``noon`` or ``midnight``, as AP style writes times."""
    if when.hour == 12 and when.minute == 0:
        return "noon"
    if when.hour == 0 and when.minute == 0:
        return "midnight"
    hour = when.hour % 12 or 12
    suffix = "a.m." if when.hour < 12 else "p.m."
    return f"{hour} {suffix}" if when.minute == 0 else f"{hour}:{when.minute:02d} {suffix}"


def zone_name(when: dt.datetime) -> str:
    """The time zone as readers know it: ``EDT`` when the release names a zone, else ``UTC-4``."""
    name = when.tzname() or ""
    if name and not name.startswith("UTC"):  # an abbreviation from a named zone
        return name
    offset = when.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def release_line(release: Release) -> str:
    """``FOR IMMEDIATE RELEASE`` or ``EMBARGOED UNTIL 9 a.m. EDT, Sept. 23, 2014``."""
    labels = labels_for(release.language)
    if not release.is_embargoed or release.embargo is None:
        return labels["immediate"].upper()
    when = release.embargo_local()
    if base_language(release.language) == "en" and _writes_ap_style(release.language):
        stamp = f"{ap_time(when)} {zone_name(when)}, {ap_date(when.date())}"
    elif base_language(release.language) == "en":  # en-GB, en-AU ...: 09:00 GMT, 15 December
        stamp = f"{when:%H:%M} {local_zone_name(when, release.language)}, "
        stamp += long_date(when.date(), release.language)
    else:
        stamp = f"{long_date(when.date(), release.language)}, {when:%H:%M} "
        stamp += local_zone_name(when, release.language)
    return f"{labels['embargoed'].upper()} {stamp}"


AP_STYLE_REGIONS = frozenset({"", "US", "CA", "PR", "GU", "VI", "AS", "MP", "UM"})
"""Where English releases write times the AP way ("9 a.m. EDT, Sept. 23"); other English
regions write "09:00 GMT, 15 December 2026"."""


def _writes_ap_style(language: str) -> bool:
    region = next((p for p in language.replace("_", "-").split("-")[1:] if len(p) == 2), "")
    return region.upper() in AP_STYLE_REGIONS


def local_zone_name(when: dt.datetime, language: str) -> str:
    """The zone as readers of ``language`` write it ("MESZ" in German), else ``UTC+2``."""
    zone = getattr(when.tzinfo, "key", None)
    if zone:
        from babel.dates import get_timezone_name  # noqa: PLC0415 - Babel loads slowly

        try:
            name = get_timezone_name(when, "short", locale=babel_locale(language))
        except (LookupError, ValueError):
            name = ""
        if name and not any(ch.isdigit() for ch in name) and not name.startswith(("GMT", "UTC")):
            return name
    return zone_name(when)  # the zone's own abbreviation (CEST), or UTC+2


def dateline_text(release: Release) -> str:
    """The dateline that opens the first paragraph, or "" when the release has none."""
    dateline = release.dateline
    if dateline.is_empty():
        return ""
    city = dateline.city.strip()
    day = dateline.date
    if dateline.style is DatelineStyle.AP:
        when = ap_date(day) if day else ""
        head = ", ".join(part for part in (ap_place(city) if city else "", when) if part)
        return f"{head} —"
    if dateline.style is DatelineStyle.LOCALE:
        when = long_date(day, release.language) if day else ""
        head = ", ".join(part for part in (city.upper(), when) if part)
        return f"{head} –"
    when = long_date(day, release.language) if day else ""
    return "(" + ", ".join(part for part in (city, when) if part) + ")"


ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(day: dt.date, language: str) -> str:
    """``September 23, 2014`` in English; other languages through Babel (``23. September 2014``)."""
    if language.replace("_", "-").lower() in ("en-us", "en", ""):
        return f"{ENGLISH_MONTHS[day.month - 1]} {day.day}, {day.year}"
    from babel.dates import format_date  # noqa: PLC0415 - Babel loads slowly; English needs none

    return format_date(day, "long", locale=babel_locale(language))


def slug(headline: str, limit: int = 40) -> str:
    """A short form of the headline for the top of continuation pages."""
    text = " ".join(headline.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(",;:—-")
    return f"{cut}…"


def network_name(network: str) -> str:
    """``Facebook`` for ``facebook``; unknown networks are shown as written."""
    return SOCIAL_NETWORK_NAMES.get(network.strip().lower(), network.strip())


_OPENING_CONTEXT = re.compile(r"(^|[\s(\[{—–-])$")


def typographic_quotes(text: str) -> str:
    """Curly quotes and apostrophes for plain text such as the headline, as the body gets."""
    out: list[str] = []
    for i, char in enumerate(text):
        if char in "\"'":
            opening = bool(_OPENING_CONTEXT.search(text[max(0, i - 1) : i])) or i == 0
            if char == '"':
                out.append("“" if opening else "”")
            else:
                out.append("‘" if opening and not _is_elision(text, i) else "’")
        else:
            out.append(char)
    return "".join(out)


def _is_elision(text: str, index: int) -> bool:
    """'90s, 'tis: an apostrophe at a word start that stands for left-out letters."""
    return text[index + 1 : index + 3].isdigit()
