"""Dates, datelines and embargo times in the words people write them, in several languages.

Month and weekday names come from Babel's locale data (plus the AP's abbreviations such as
"Sept."), so a language added to the cues gets its month names without a table here.

    find_date("Tuesday, Sept. 23, 2014 at noon")  -> (date(2014, 9, 23), span)
    parse_dateline("BERLIN, 16. Oktober 2006 – Die ...")  -> Dateline("Berlin", 2006-10-16, locale)
    parse_embargo("EMBARGOED UNTIL 10:00 a.m. EDT, Sept. 23, 2014")  -> aware datetime, zone
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from zoneinfo import ZoneInfo, available_timezones

from babel import Locale
from babel.dates import get_day_names, get_month_names

from presskit.importers.cues import PHRASES
from presskit.model.release import DatelineStyle
from presskit.render.conventions import AP_MONTHS, babel_locale


@functools.cache
def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation of the cue languages, lower case, without dots."""
    names: dict[str, int] = {}
    for language in PHRASES:
        locale = Locale.parse(language)
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale).items():
                    names.setdefault(name.lower().rstrip("."), number)
    for number, name in enumerate(AP_MONTHS, start=1):
        names.setdefault(name.lower().rstrip("."), number)
    names.setdefault("sept", 9)
    return names


@functools.cache
@functools.cache
def month_alternation() -> str:
    """Every month name of :func:`month_numbers` as one regex alternation, longest first."""
    return "|".join(sorted((re.escape(m) for m in month_numbers()), key=len, reverse=True))


def _weekdays() -> str:
    days = set()
    for language in PHRASES:
        for width in ("wide", "abbreviated"):
            days.update(
                n.lower().rstrip(".") for n in get_day_names(width, locale=language).values()
            )
    return "|".join(sorted((re.escape(d) for d in days), key=len, reverse=True))


@functools.cache
def _date_patterns() -> list[re.Pattern[str]]:
    month = rf"(?P<month>{month_alternation()})\.?"
    weekday = rf"(?:(?:{_weekdays()})\.?,?\s+(?:the\s+|le\s+|el\s+|den\s+)?)?"
    year = r"(?P<year>\d{4})"
    return [
        # Sept. 23, 2014 / September 23rd 2014
        re.compile(rf"{weekday}{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{year}", re.I),
        # 23 September 2014 / 16. Oktober 2006 / 5 mars 2020 / 12 de marzo de 2021 / 1er mai
        re.compile(
            rf"{weekday}(?P<day>\d{{1,2}})(?:\.|er|º|°|st|nd|rd|th)?\s+(?:de\s+)?{month},?"
            rf"\s+(?:de\s+|del\s+)?{year}",
            re.I,
        ),
        re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
        re.compile(r"\b(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})\b"),
        re.compile(r"\b(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\b"),
        re.compile(r"(?<![\d/])(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/(?P<yy>\d{2})(?![\d/])"),
    ]


_DIGIT = re.compile(r"\d")


def find_date(text: str) -> tuple[dt.date, tuple[int, int]] | None:
    """The first date written in ``text`` and where it stands, or None."""
    if not _DIGIT.search(text):  # every date form holds a digit: skip the month names
        return None
    best: tuple[dt.date, tuple[int, int]] | None = None
    for pattern in _date_patterns():
        for match in pattern.finditer(text):
            day = _to_date(match)
            if day is not None and (best is None or match.start() < best[1][0]):
                best = (day, match.span())
                break
    return best


def _to_date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    if groups.get("month"):
        month = month_numbers().get(groups["month"].lower().rstrip("."))
    else:
        month = int(groups["mnum"])
    day = int(groups["day"])
    if groups.get("mnum") and month > 12 >= day:  # 21/08/2017: written day first
        month, day = day, month
    if groups.get("year"):
        year = int(groups["year"])
    else:  # "1/11/94": a release's own date, so not far in the future
        year = int(groups["yy"]) + (1900 if int(groups["yy"]) > 50 else 2000)
    try:
        return dt.date(year, month or 0, day)
    except (TypeError, ValueError):
        return None


@dataclass
class DatelineMatch:
    city: str
    date: dt.date | None
    style: DatelineStyle
    end: int  # where the release's own words start, after the dateline


_AGENCIES = r"AP|dpa|AFP|Reuters|EFE|ANSA|OTS|ots|APA|KNA|epd|SDA|ATS|Belga|ANP|PAP|Lusa|ec|EK"
"""News agencies and wires whose tag follows a dateline's city: "Wien (OTS) - ...", and the
Commission's own "(ec)"."""
TAGGED_DATELINE = re.compile(
    r"(?<=\s)(?:(?:New|San|Los|Las|Bad|Saint|St\.|Sankt|Santa|Le|La|El) )?[A-ZÀ-Ý][\w/.'’-]+"
    rf"\s*\((?:{_AGENCIES})\)\s*[-–—]{{1,2}}\s"
)
"""A tagged dateline inside a run: "… mit Bürgern Brüssel/Wien (ec) - Nicht …"."""
_SEPARATOR = re.compile(
    rf"^\s*(?:\((?:{_AGENCIES})\)\s*)?"
    r"(?:/[A-Za-z -]{2,30}/\s*)?(?:[-–—:\ufffd]+|\.\s*[-–—]+|\.(?=\s)|$)\s*"  # \ufffd: a lost dash
)
_PAREN = re.compile(r"^\(\s*(?P<inner>[^()]{3,90}?)\s*\)\s*[-–—:.]*\s*")
_CITY = re.compile(r"^[^\W\d_][\w .,'’/&()-]{0,50}$")
_CITY_TAIL = re.compile(r"[\s,]+(le|el|den|am|on|the|à|a)?[\s,]*$", re.I)
_CITY_ONLY = re.compile(
    r"^(?P<city>[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{2,38}(?:,\s*[A-Z][A-Za-z.]{1,15}(?: [A-Z][a-z]{1,15})?){0,2})"
    rf"\s*(?:\((?:{_AGENCIES})\))?\s*(?:[-–—]{{1,2}}\s+|(?:[—–]|--)(?=[A-ZÀ-Ý]))"  # "CITY—U.S."
    r"|^(?P<glued>[A-Z]{5,})(?=[A-Z][a-zà-ÿ]+ )"  # "ATLANTALa Agencia": the dash lost
    rf"|^(?P<tagged>[A-ZÀ-Ý][\w/.'’-]+(?: [A-ZÀ-Ý][\w/.'’-]+)?)"  # "Wien (OTS) - "
    rf"\s*(?:[-–—]\s*)?\((?:{_AGENCIES})\)\s*(?:[-–—]{{1,2}}\s+|(?=[A-ZÀ-Ý]))"  # "Wien - (OTS) Ab"
    r"|^(?P<mixed>[A-ZÀ-Ý][a-zà-ÿ]+(?: [A-ZÀ-Ý][a-zà-ÿ]+){0,2},"
    r"\s*(?:[A-Z]\.[A-Z]\.|[A-Z]{2}|[A-Z][a-z]+\.?)"  # "D.C.", "DC", "Texas", "Calif."
    r"(?: [A-Z][a-z]+)?)(?:\s+[-–—]{1,2}\s+|\s*[—–]\s*)(?=[A-ZÀ-Ý\"“„0-9])"  # "El Paso, Texas - "
    r"|^(?P<bare>[A-Z][A-Z .'’-]{2,30},\s*[A-Z][a-z]{1,4}\.)\s+(?=[A-Z][a-z])"  # "AMES, Ia. The"
)


def parse_dateline(text: str) -> DatelineMatch | None:
    """The dateline at the start of a paragraph: city, date and style, or None."""
    text = text.lstrip()
    match = _PAREN.match(text)
    if match:
        found = find_date(match["inner"])
        if found is not None:
            city = match["inner"][: found[1][0]].strip(" ,–—-")
            return DatelineMatch(_city(city), found[0], DatelineStyle.PARENTHETICAL, match.end())
        if re.fullmatch(_AGENCIES, match["inner"]) and len(text) > match.end() + 20:
            return DatelineMatch("", None, DatelineStyle.AP, match.end())  # "(ots) - Die …"
        if _looks_like_place(match["inner"]) and len(text) > match.end() + 20:
            return DatelineMatch(
                _city(match["inner"]), None, DatelineStyle.PARENTHETICAL, match.end()
            )
        return None
    found = find_date(text[:90])
    if found is not None and found[1][0] == 0:  # "DEC. 4, 2019 - This morning ..."
        after = _SEPARATOR.match(text[found[1][1] :])
        if after and (after.group().strip() or found[1][1] == len(text.rstrip())):
            style = DatelineStyle.AP if _month_first(text) else DatelineStyle.LOCALE
            return DatelineMatch("", found[0], style, found[1][1] + after.end())
    if found is not None and found[1][0] > 0:
        city = _CITY_TAIL.sub("", text[: found[1][0]]).rstrip(" -–—")  # "WASHINGTON - April 4"
        after = _SEPARATOR.match(text[found[1][1] :])
        bracketed = city.endswith("(") and text[found[1][1] :].startswith(")")
        if bracketed:  # "BOSTON, MASS (July 15, 2024) –": the brackets set the date apart
            city = city.rstrip(" (")
            after = _SEPARATOR.match(text[found[1][1] + 1 :])
            found = (found[0], (found[1][0], found[1][1] + 1))
        if after is None and _with_state(city) and re.match(r"\s+[A-Z]", text[found[1][1] :]):
            after = re.match(r"\s+", text[found[1][1] :])  # "Washington, D.C., Nov. 22, 2011 The"
        if (
            after
            and _looks_like_place(city)
            and (bracketed or _set_apart(text[: found[1][0]], city))
        ):
            style = DatelineStyle.AP if _month_first(text[found[1][0] :]) else DatelineStyle.LOCALE
            return DatelineMatch(_city(city), found[0], style, found[1][1] + after.end())
    if (dayed := _city_and_day().match(text)) is not None:  # "WASHINGTON, August 19 --"
        return DatelineMatch(_city(dayed["city"]), None, DatelineStyle.AP, dayed.end())
    match = _CITY_ONLY.match(text)
    city = match and (
        match["city"] or match["tagged"] or match["mixed"] or match["bare"] or match["glued"]
    )
    city = city and city.rstrip(" -–—")
    named = match and (match["mixed"] or match["bare"])
    if named and not _with_state(named):
        return None  # "Today, Google – …" and "Hello, World - …" name no place
    if city and len(city) >= 3 and not _doc_type().fullmatch(city):
        dated = _PAREN.match(text[match.end() :])  # "WASHINGTON – (12 de octubre de 2017)—La"
        found = dated and find_date(dated["inner"])
        if dated and found and found[1] == (0, len(dated["inner"])):
            return DatelineMatch(_city(city), found[0], DatelineStyle.AP, match.end() + dated.end())
        return DatelineMatch(_city(city), None, DatelineStyle.AP, match.end())
    return None


@functools.cache
def _city_and_day() -> re.Pattern[str]:
    """A city in capitals and a day with no year, a wire's tag after them: "WASHINGTON,
    August 19 /Standard Newswire/ -- " (the year is not there to read: the date stays open)."""
    return re.compile(
        rf"^(?P<city>[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{{2,30}}),\s*(?i:{month_alternation()})\.?\s+\d{{1,2}}\s*"
        rf"(?:/[^/\n]{{2,30}}/)?\s*[-–—]{{1,2}}\s+(?=[A-ZÀ-Ý\"“])"
    )


def _with_state(city: str) -> bool:
    """ "Washington, D.C." and "Dedham, MA": a place and a real US state after its comma."""
    return "," in city and us_state(city.split(",", 1)[1])


def us_state(text: str) -> bool:
    """A US state as a dateline writes it after the city: "Texas", "Calif.", "D.C.", "MD"."""
    from presskit.render.ap_style import AP_STATES, POSTAL_CODES  # noqa: PLC0415

    state = text.strip().lower()
    short = {abbr.lower() for abbr in AP_STATES.values()} | {"d.c.", "dc", "tex.", "mass"}
    return (
        state in AP_STATES
        or state in short
        or state.rstrip(".") + "." in short
        or text.strip() in POSTAL_CODES
    )


@functools.cache
def _doc_type() -> re.Pattern[str]:
    """ "MEDIA ADVISORY - ...", "AVISO - ...": a document's type, not a city."""
    from presskit.importers.cues import doc_types  # noqa: PLC0415

    return re.compile(rf"(?:{doc_types()})", re.IGNORECASE)


def _month_first(date_text: str) -> bool:
    """Whether a date is written month first ("Sept. 23, 2014"), the American way."""
    head = re.split(r"\d", date_text, maxsplit=1)[0]
    months = month_numbers()
    return any(word.lower().strip(".,") in months for word in head.split())


_CONNECTORS = frozenset(
    [
        "de",
        "del",
        "la",
        "le",
        "am",
        "an",
        "der",
        "sur",
        "upon",
        "on",
        "of",
        "du",
        "des",
        "y",
        "i",
        "d.c.",
        "d.c",
    ]
)


def _set_apart(before_date: str, city: str) -> bool:
    """A city with a comma before the date, or a short one: "Bruxelles, le 7 juin" and
    "Brussels 16 July", not a title ending in a date ("Juncker Messer-Attacke Finnland 21/08")."""
    return "," in before_date[len(city) :] or len(city.split()) <= 2


def _looks_like_place(city: str) -> bool:
    words = city.replace(",", " ").split()
    if city.strip().lower() in _CONNECTORS:  # "Le 24 août 2016 : …" has no city
        return False
    return (
        bool(_CITY.match(city))
        and 0 < len(words) <= 6
        and all(w[0].isupper() or w.lower() in _CONNECTORS or not w[0].isalpha() for w in words)
    )


def _city(text: str) -> str:
    """A city as people write it in a form: "WASHINGTON" -> "Washington", "SANTA FE" ->
    "Santa Fe"; after the comma "MA" and "D.C." stay."""
    text = re.sub(r"\s+", " ", text).strip(" ,")
    words = []
    in_city = True  # before the first comma: "FE" of "SANTA FE" is a name, "DC" a state
    for word in text.split(" "):
        bare = word.strip(",")
        if (
            bare.isupper()
            and (len(bare.strip(".")) > 2 or (in_city and (not words or not us_state(bare))))
            and not re.fullmatch(r"([A-Z]\.)+[A-Z]?\.?", bare)
        ):
            word = (  # noqa: PLW2901
                word.capitalize()
                if "-" not in word
                else "-".join(p.capitalize() for p in word.split("-"))
            )
        words.append(word)
        in_city = in_city and not word.endswith(",")
    return " ".join(words)


# -- embargo times ----------------------------------------------------------------------

ZONES: dict[str, str] = {
    "est": "America/New_York", "edt": "America/New_York", "et": "America/New_York",
    "cst": "America/Chicago", "cdt": "America/Chicago", "ct": "America/Chicago",
    "mst": "America/Denver", "mdt": "America/Denver", "mt": "America/Denver",
    "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pt": "America/Los_Angeles",
    "akst": "America/Anchorage", "akdt": "America/Anchorage", "hst": "Pacific/Honolulu",
    "gmt": "UTC", "utc": "UTC", "bst": "Europe/London", "uk time": "Europe/London",
    "cet": "Europe/Brussels", "cest": "Europe/Brussels", "mez": "Europe/Berlin",
    "mesz": "Europe/Berlin", "brussels time": "Europe/Brussels", "wet": "Europe/Lisbon",
    "west": "Europe/Lisbon", "eet": "Europe/Athens", "eest": "Europe/Athens",
    "aest": "Australia/Sydney", "aedt": "Australia/Sydney", "jst": "Asia/Tokyo",
    "ist": "Asia/Kolkata", "hora peninsular": "Europe/Madrid", "heure de paris": "Europe/Paris",
}  # fmt: skip
"""Time-zone abbreviations and phrases seen on embargo lines, with the IANA zone each means."""

_TIME = re.compile(
    r"(?<![\d/.])(?P<hour>\d{1,2})(?:[:.h](?P<minute>\d{2}))?\s*"
    r"(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?|uhr|h\b)?",
    re.I,
)
_NOON = re.compile(r"\b(noon|midday|mittag|midi|mediodía)\b", re.I)
_OFFSET = re.compile(r"\b(?:utc|gmt)\s*(?P<sign>[+-−])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?", re.I)


@dataclass
class Embargo:
    when: dt.datetime | None  # aware; None when no date was found
    zone: str  # IANA zone name, "" when the text named none
    zone_missing: bool  # a date and time, but no zone: the caller must say so


def parse_embargo(text: str, fallback_zone: str = "UTC") -> Embargo:
    """The embargo date, time and zone of an "Embargoed until ..." line."""
    found = find_date(text)
    if found is None:
        return Embargo(None, "", False)
    rest = text[: found[1][0]] + " " + text[found[1][1] :]
    hour, minute = _time_of_day(rest)
    zone, offset = _zone(rest)
    naive = dt.datetime.combine(found[0], dt.time(hour, minute))
    if offset is not None:
        return Embargo(naive.replace(tzinfo=offset), "", False)
    if zone:
        return Embargo(naive.replace(tzinfo=ZoneInfo(zone)), zone if zone != "UTC" else "", False)
    return Embargo(naive.replace(tzinfo=ZoneInfo(fallback_zone)), "", True)


def _time_of_day(text: str) -> tuple[int, int]:
    if _NOON.search(text):
        return 12, 0
    for match in _TIME.finditer(text):
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        ampm = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
        if not match["minute"] and not ampm:
            continue  # a bare number is a day or a count, not a time
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return hour, minute
    return 0, 0


def _zone(text: str) -> tuple[str, dt.timezone | None]:
    match = _OFFSET.search(text)
    if match:
        sign = -1 if match["sign"] in "-−" else 1
        delta = dt.timedelta(hours=int(match["h"]), minutes=int(match["m"] or 0))
        return "", dt.timezone(sign * delta)
    lowered = text.lower()
    for name, zone in sorted(ZONES.items(), key=lambda item: -len(item[0])):
        # Abbreviations only in capitals: French "et" is "and", not Eastern Time.
        haystack, needle = (text, name.upper()) if len(name) <= 4 else (lowered, name)
        if re.search(rf"(?<![\w]){re.escape(needle)}(?![\w])", haystack):
            return zone, None
    return "", None


# -- values a person types into the editor's fields ------------------------------------------

_RELATIVE_DAYS = {"today": 0, "tomorrow": 1, "yesterday": -1}
_DATE_FILLERS = frozenset(["st", "nd", "rd", "th", "er", "de", "del", "of", "the", "le", "den"])


@functools.cache
def _typed_month_numbers(language: str) -> dict[str, int]:
    """:func:`month_numbers` plus the month names of ``language`` (Dutch, Portuguese ...)."""
    names = dict(month_numbers())
    try:
        locale = Locale.parse(babel_locale(language))
    except (ValueError, TypeError):
        return names
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context, locale).items():
                names.setdefault(name.lower().rstrip("."), number)
    return names


@functools.cache
def numeric_date_order(language: str) -> str:
    """``"dmy"`` (en-GB, de), ``"mdy"`` (en-US) or ``"ymd"``: how the locale writes 1/12/26."""
    from babel.dates import get_date_format  # noqa: PLC0415 - Babel loads slowly

    pattern = get_date_format("short", locale=babel_locale(language)).pattern
    found = {letter: pattern.find(letter) for letter in "dMy"}
    return "".join(k.lower() for k, _ in sorted(found.items(), key=lambda kv: kv[1]))


def parse_typed_date(
    text: str, language: str = "en-US", today: dt.date | None = None
) -> dt.date | None:
    """A date as a person types it in a form, read in the release's language; None if not one.

    "2026-12-01", "1 Dec 2026", "Dec 1, 2026", "1. Dezember 2026", "today"; all-number dates
    follow the locale ("1/12/2026" is 1 December in en-GB, January 12 in en-US); a missing
    year is this year and a two-digit year is in this century.
    """
    today = today or dt.date.today()
    lowered = text.strip().lower()
    if lowered in _RELATIVE_DAYS:
        return today + dt.timedelta(days=_RELATIVE_DAYS[lowered])
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", lowered)
    if iso:
        return _checked_date(int(iso[1]), int(iso[2]), int(iso[3]))
    months = _typed_month_numbers(language)
    weekdays = set(_weekdays().replace("\\", "").split("|"))
    named = []
    for word in re.findall(r"[^\W\d_]+", lowered):
        if word in months:
            named.append(months[word])
        elif word not in _DATE_FILLERS and word not in weekdays:
            return None  # a word that is no part of a date: not understood
    numbers = re.findall(r"\d+", lowered)
    if len(named) > 1 or not numbers or len(numbers) + len(named) > 3:
        return None
    if named:
        year_at = next((i for i, n in enumerate(numbers) if len(n) == 4), len(numbers) - 1)
        if len(numbers) == 1:
            return _checked_date(today.year, named[0], int(numbers[0]))
        day = numbers[1 - year_at] if len(numbers) == 2 else ""
        return _checked_date(_full_year(numbers[year_at]), named[0], int(day or 0))
    order = "ymd" if len(numbers[0]) == 4 else numeric_date_order(language)
    if len(numbers) == 2:
        order = order.replace("y", "")
        numbers.append(str(today.year))
        order += "y"
    if len(numbers) != 3:
        return None
    parts = dict(zip(order, numbers, strict=True))
    return _checked_date(_full_year(parts["y"]), int(parts["m"]), int(parts["d"]))


def _full_year(text: str) -> int:
    year = int(text)
    return 2000 + year if len(text) <= 2 else year


def _checked_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_typed_time(text: str) -> dt.time | None:
    """A time of day as typed: "9", "9:30", "09.30", "9am", "9:30 p.m.", "17h", "noon"."""
    lowered = text.strip().lower()
    if _NOON.fullmatch(lowered):
        return dt.time(12, 0)
    if lowered == "midnight":
        return dt.time(0, 0)
    match = re.fullmatch(
        r"(?P<hour>\d{1,2})(?:[:.h]?(?P<minute>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\.?|h|uhr)?", lowered
    )
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    ampm = (match["ampm"] or "").replace(".", "").replace(" ", "")
    if ampm in ("am", "pm") and not 1 <= hour <= 12:
        return None
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return dt.time(hour, minute) if hour < 24 and minute < 60 else None


@functools.cache
def zone_names() -> tuple[str, ...]:
    """The IANA zones a person may pick: regions and cities, plus UTC."""
    return tuple(sorted(z for z in available_timezones() if "/" in z or z == "UTC"))


def _folded(text: str) -> str:
    """Lower case, no accents, spaces for underscores: "São_Paulo" -> "sao paulo"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("_", " ").strip().casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@functools.cache
def _zone_lookup(language: str) -> dict[str, str]:
    """Folded zone names, their cities (English and ``language``) and abbreviations -> zone."""
    known = set(zone_names())
    lookup: dict[str, str] = {}
    for name in zone_names():
        lookup.setdefault(_folded(name), name)
    for name in zone_names():
        lookup.setdefault(_folded(name.rsplit("/", 1)[-1]), name)
    try:
        cities = Locale.parse(babel_locale(language)).time_zones
    except (ValueError, TypeError):
        cities = {}
    for zone, names in cities.items():
        city = names.get("city") if hasattr(names, "get") else None
        if city and zone in known:
            lookup.setdefault(_folded(city), zone)
    for abbreviation, zone in ZONES.items():
        lookup.setdefault(abbreviation, zone)
    return lookup


def resolve_zone(text: str, language: str = "en-US") -> str | None:
    """The IANA zone a person means by ``text``: "Berlin", "europe/berlin", "New York",
    "São Paulo", "Wien" (in a German release), "EST"; None when it names no zone."""
    folded = _folded(text)
    if not folded:
        return None
    return _zone_lookup(language).get(folded)
