"""Press-release conventions: the release line, datelines, the slug, and translated labels.

Pure functions shared by every output (PDF, HTML, text), so each writes "EMBARGOED UNTIL ..."
and "(Washington DC, September 23, 2014)" the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import NamedTuple

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
    "it": {
        "immediate": "Per la diffusione immediata",
        "embargoed": "Sotto embargo fino al",
        "more_info": "Per saperne di più",
        "contacts": "Contatti per la stampa",
        "about": "Chi è",
        "page": "Pagina",
        "of": "di",
        "more": "-segue-",
        "website": "Sito web",
    },
    "pt": {
        "immediate": "Para divulgação imediata",
        "embargoed": "Sob embargo até",
        "more_info": "Mais informações",
        "contacts": "Contactos de imprensa",
        "about": "Sobre",
        "page": "Página",
        "of": "de",
        "more": "-continua-",
        "website": "Sítio web",
    },
    "nl": {
        "immediate": "Voor onmiddellijke publicatie",
        "embargoed": "Onder embargo tot",
        "more_info": "Meer informatie",
        "contacts": "Perscontacten",
        "about": "Over",
        "page": "Pagina",
        "of": "van",
        "more": "-meer-",
        "website": "Website",
    },
    "pl": {
        "immediate": "Do natychmiastowej publikacji",
        "embargoed": "Embargo do",
        "more_info": "Więcej informacji",
        "contacts": "Kontakt dla mediów",
        "about": "O",
        "page": "Strona",
        "of": "z",
        "more": "-ciąg dalszy-",
        "website": "Strona internetowa",
    },
    "ar": {
        "immediate": "للنشر الفوري",
        "embargoed": "يحظر النشر حتى",
        "more_info": "لمزيد من المعلومات",
        "contacts": "جهات الاتصال الإعلامية",
        "about": "نبذة عن",
        "page": "صفحة",
        "of": "من",
        "more": "-يتبع-",
        "website": "الموقع الإلكتروني",
    },
}

RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"})
"""Languages written right to left: their outputs get ``dir="rtl"``."""

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


def text_direction(language: str) -> str:
    """``rtl`` for languages written right to left (Arabic, Hebrew, Persian, ...), else ``ltr``."""
    return "rtl" if base_language(language) in RTL_LANGUAGES else "ltr"


DIGITS = {
    "latn": "0123456789",
    "arab": "٠١٢٣٤٥٦٧٨٩",  # Arabic-Indic: Egypt, the Gulf, the Levant
    "arabext": "۰۱۲۳۴۵۶۷۸۹",  # Persian, Urdu
    "deva": "०१२३४५६७८९",
    "beng": "০১২৩৪৫৬৭৮৯",
}
"""The digits of the numbering systems a release may default to (CLDR names)."""


@cache
def _native_digits(language: str) -> str:
    """The ten digits ``language`` writes by default (CLDR): ``٠١٢٣٤٥٦٧٨٩`` in Arabic."""
    from babel import Locale  # noqa: PLC0415 - Babel loads slowly

    system = Locale.parse(babel_locale(language)).default_numbering_system
    return DIGITS.get(system, DIGITS["latn"])


def native_digits(text: str, language: str) -> str:
    """``text`` with its digits as ``language`` writes them (Arabic-Indic for ``ar-EG``)."""
    digits = _native_digits(language)
    return text if digits == "0123456789" else text.translate(str.maketrans("0123456789", digits))


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
        stamp = native_digits(stamp, release.language)
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
    comma = list_comma(release.language)
    if dateline.style is DatelineStyle.LOCALE:
        when = long_date(day, release.language) if day else ""
        head = comma.join(part for part in (city.upper(), when) if part)
        return f"{head} –"
    when = long_date(day, release.language) if day else ""
    return "(" + comma.join(part for part in (city, when) if part) + ")"


def list_comma(language: str) -> str:
    """The comma between the parts of a dateline: ``"، "`` in Arabic script, else ``", "``."""
    return "، " if base_language(language) in {"ar", "fa", "ur", "ps", "ckb", "sd", "ug"} else ", "


ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(day: dt.date, language: str) -> str:
    """``September 23, 2014`` in English; other languages through Babel (``23. September 2014``)."""
    if language.replace("_", "-").lower() in ("en-us", "en", ""):
        return f"{ENGLISH_MONTHS[day.month - 1]} {day.day}, {day.year}"
    from babel.dates import format_date  # noqa: PLC0415 - Babel loads slowly; English needs none

    return native_digits(format_date(day, "long", locale=babel_locale(language)), language)


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


class QuoteMarks(NamedTuple):
    """A language's quotation marks: the outer pair and the pair for a quote in a quote."""

    open_double: str
    close_double: str
    open_single: str
    close_single: str


_NNBSP = "\u202f"  # French sets a narrow no-break space inside « »
QUOTE_MARKS: dict[str, QuoteMarks] = {
    "en": QuoteMarks("“", "”", "‘", "’"),
    "de": QuoteMarks("„", "“", "‚", "‘"),
    "fr": QuoteMarks(f"«{_NNBSP}", f"{_NNBSP}»", "“", "”"),
    "es": QuoteMarks("«", "»", "“", "”"),
    "it": QuoteMarks("«", "»", "“", "”"),
    "pt": QuoteMarks("«", "»", "“", "”"),
    "nl": QuoteMarks("“", "”", "‘", "’"),
    "pl": QuoteMarks("„", "”", "«", "»"),
    "ar": QuoteMarks("«", "»", "“", "”"),
}
"""Quotation marks by language (the base language of the release's tag)."""

REGIONAL_QUOTE_MARKS: dict[str, QuoteMarks] = {
    "de-ch": QuoteMarks("«", "»", "‹", "›"),
    "pt-br": QuoteMarks("“", "”", "‘", "’"),
}
"""Where a country writes them differently from the language's default."""

APOSTROPHE = "’"

# Stand-ins for the four marks while the text is read: python-markdown's smarty extension and
# :func:`typographic_quotes` write these, and :func:`place_quotes` puts the language's marks
# in their place. Private-use characters: no release text means anything by them.
OPEN_DOUBLE, CLOSE_DOUBLE, OPEN_SINGLE, CLOSE_SINGLE = "\ue000", "\ue001", "\ue002", "\ue003"
SMARTY_SUBSTITUTIONS = {
    "left-double-quote": OPEN_DOUBLE,
    "right-double-quote": CLOSE_DOUBLE,
    "left-single-quote": OPEN_SINGLE,
    "right-single-quote": CLOSE_SINGLE,
}
_STAND_INS = re.compile("[\ue000-\ue003]")
_BLOCK_END = re.compile(r"(</(?:p|li|h[1-6]|td|th|dd|dt|blockquote)>|\n\s*\n)")


def quote_marks(language: str) -> QuoteMarks:
    """The quotation marks of ``language`` (a BCP 47 tag); English ones for others."""
    tag = (language or "en").replace("_", "-").lower()
    regional = REGIONAL_QUOTE_MARKS.get(tag)
    return regional or QUOTE_MARKS.get(base_language(tag), QUOTE_MARKS["en"])


def place_quotes(text: str, language: str) -> str:
    """``text`` with the stand-in marks replaced by ``language``'s quotation marks.

    A closing single mark closes an open single quote of the same block; with none open it
    is an apostrophe (``geht’s``, ``l’an``), which every language writes ’.
    """
    if not _STAND_INS.search(text):
        return text
    marks = quote_marks(language)
    out: list[str] = []
    for block in _BLOCK_END.split(text):
        open_singles = 0
        pos = 0
        for match in _STAND_INS.finditer(block):
            out.append(block[pos : match.start()])
            pos = match.end()
            char = match.group()
            if char == OPEN_DOUBLE:
                out.append(marks.open_double)
            elif char == CLOSE_DOUBLE:
                out.append(marks.close_double)
            elif char == OPEN_SINGLE:
                open_singles += 1
                out.append(marks.open_single)
            elif open_singles:
                open_singles -= 1
                out.append(marks.close_single)
            else:
                out.append(APOSTROPHE)
        out.append(block[pos:])
    return "".join(out)


_OPENING_CONTEXT = re.compile(r"(^|[\s(\[{—–-])$")


def typographic_quotes(text: str, language: str = "en") -> str:
    """Quotation marks and apostrophes of ``language`` for plain text such as the headline,
    as the body gets (straight quotes in, „…“ out for German)."""
    out: list[str] = []
    for i, char in enumerate(text):
        if char in "\"'":
            opening = bool(_OPENING_CONTEXT.search(text[max(0, i - 1) : i])) or i == 0
            if char == '"':
                out.append(OPEN_DOUBLE if opening else CLOSE_DOUBLE)
            elif opening and not _is_elision(text, i):
                out.append(OPEN_SINGLE)
            else:
                out.append(APOSTROPHE if _is_elision(text, i) else CLOSE_SINGLE)
        elif _STAND_INS.match(char):
            out.append("\ufffd")  # never taken for a mark
        else:
            out.append(char)
    return place_quotes("".join(out), language)


def _is_elision(text: str, index: int) -> bool:
    """'90s, 'tis: an apostrophe at a word start that stands for left-out letters."""
    return text[index + 1 : index + 3].isdigit()
