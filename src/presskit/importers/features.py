"""A block's features: the named facts the role scorer weighs (see :mod:`.cues`).

Each feature is a number from 0 to 1: where the block stands ("early", "late"), how it looks
("big", "bold", "centred", "caps", "title_style"), what it holds ("email", "phone", "url",
"person_name", "sentence") and which phrase cues of any language it matches ("cue_contact",
"cue_about", ...). Nothing here decides a role.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import statistics

from presskit.importers.cues import (
    AGENCY_WORDS,
    ISSUER,
    MENU_WORDS,
    NOT_NAME_WORDS,
    PHRASE_CUES,
    PHRASES,
    RELEASE_NUMBER,
    TITLE_SMALL_WORDS,
    doc_types,
)
from presskit.importers.dates import find_date, parse_dateline
from presskit.importers.model import Block, BlockKind, SourceDocument, Tick

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
URL = re.compile(  # a host's labels bounded: "a.a.a.…" without an ending must fail fast
    r"(?:https?://|www\.)[^\s<>()\"']+[^\s<>()\"'.,;:!?]"
    r"|\b[\w-]+(?:\.[\w-]+){0,6}\.(?:gov|org|com|eu|int|net|edu|de|fr|es|uk|ch|be|at|io)"
    r"(?:/[^\s<>()\"']*[^\s<>()\"'.,;:!?])?(?![\w@])"
)
PHONE = re.compile(r"(?<![\w/.-])\+?\(?\d[\d\s().\-/]{5,22}\d(?![\w/-])")
HANDLE = re.compile(r"(?:^|[\s(])@[A-Za-z0-9_]{2,}(?:@[\w.-]+)?")
_WORDS = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_NAME = re.compile(
    r"^(?:(?:Mr|Ms|Mrs|Dr|Prof|Sr|Sra|Herr|Frau|M|Mme)\.?\s+)?"
    r"[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:\s+[A-ZÀ-Ý]\.)?(?:\s+(?:de|van|von|der|da|del|la|le)?\s*"
    r"[A-ZÀ-Ý][A-Za-zà-ÿ'’-]+){1,2}$"
)
_STREET = re.compile(
    r"\b\d{1,5} (?:[A-Z][\w.'’-]*\s){1,3}(?:Street|St\.?|Avenue|Ave\.?|Boulevard|Blvd\.?|"
    r"Road|Rd\.?|Drive|Dr\.?|Court|Way|Place|Lane|Parkway|Pkwy\.?)(?:\W|$)"
    r"|\b(?:Straße|Strasse|straße|Platz|rue|avenue|calle|Avenida)\b.{0,20}\d"
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_ZIP_END = re.compile(r"\b[A-Z]{2}\.?,?\s+\d{5}(?:-\d{4})?$")  # "… WASHINGTON DC 20585"
_ADVISORY_FIELD = re.compile(
    r"^(what|who|when|where|why|how|was|wer|wann|wo|warum|quoi|qui|quand|où|pourquoi|qué|"
    r"quién|quiénes|cuándo|dónde|por qué)(\s?:|\s*$)",  # "WHAT:" or "What" on its own line
    re.IGNORECASE,
)
_AGENCY_NAME = re.compile(  # a name and nothing else: capitalised words, an agency's last word
    r"^(?:[A-Z][a-z]+|of|and|the|for|on|&)(?: (?:[A-Z][a-z]+|of|and|the|for|on|&)){1,5} "
    rf"(?:{'|'.join(AGENCY_WORDS)})(?: \([A-Z]{{2,8}}\))?$"  # "… Commission (SEC)"
)
_HASHTAG = re.compile(r"(?:^|\s)#[A-Za-z]\w{2,}")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}\s?[/.]\s?\d{1,2}\s?[/.]\s?\d{2,4}\b")


@functools.cache
def cue_patterns() -> dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]]:
    """Per phrase cue, over every language: one alternation of the patterns anchored at the
    start (tried only there, with ``match``) and one of the others (``search``)."""
    patterns = {}
    for cue in PHRASE_CUES:
        parts = [p for phrases in PHRASES.values() for p in phrases.get(cue, [])]
        anchored = [p[1:] for p in parts if p.startswith("^")]
        floating = [p for p in parts if not p.startswith("^")]
        patterns[cue] = (
            re.compile("|".join(f"(?:{p})" for p in anchored), re.IGNORECASE) if anchored else None,
            re.compile("|".join(f"(?:{p})" for p in floating), re.IGNORECASE) if floating else None,
        )
    return patterns


def phrase_cues(text: str) -> set[str]:
    """The phrase cues ``text`` matches, such as {"contact", "said"}."""
    text = " ".join(text.split())
    found = set()
    for cue, (anchored, floating) in cue_patterns().items():
        if (anchored is not None and anchored.match(text)) or (
            floating is not None and floating.search(text[: _REACH.get(cue, 400)])
        ):
            found.add(cue)
    return found


_REACH = {"said": None, "job_title": 200}
"""How far into a block a floating cue is looked for: "said" anywhere, a job title near the
start (a contact line's), the others in the first 400 characters."""


def phone_numbers(text: str) -> list[str]:
    """Phone-number-looking runs in ``text``: 7 to 15 digits, not a date or a year range."""
    found = []
    for match in PHONE.finditer(EMAIL.sub(" ", text)):
        digits = re.sub(r"\D", "", match.group())
        if (
            7 <= len(digits) <= 15
            and not re.fullmatch(r"(19|20)\d\d\s*[-–/]\s*(19|20)?\d\d", match.group().strip())
            and not _NUMERIC_DATE.search(match.group())
            and not re.fullmatch(r"(19|20)\d\d-[01]\d-[0-3]\d", match.group().strip())  # ISO
        ):
            found.append(match.group().strip())
    return found


def trailing_date(text: str) -> tuple[dt.date, int] | None:
    """A date that ends a title-like line ("Juncker Messer-Attacke Finnland 21/08/2017"),
    and where it starts; None when the line does not end in one or is only a date."""
    text = text.rstrip()
    tail = max(0, len(text) - 40)
    found = find_date(text[tail:])
    if found is None:
        return None
    start, end = tail + found[1][0], tail + found[1][1]
    if len(text) - end > 1 or word_count(text[:start]) < 2:
        return None
    before = text[:start].split()[-1].lower()
    if before in TITLE_SMALL_WORDS or before in ("until", "am", "le", "el", "bis", "vom"):
        return None  # "… will release minutes on July 12, 2011": the title's own words
    return found[0], start


def without_trailing_date(text: str) -> str:
    """A title-like line without the date that ends it (the date is kept as the release's)."""
    dated = trailing_date(text)
    return text if dated is None else text[: dated[1]].rstrip(" ,|–—-[(")


def looks_like_name(text: str) -> bool:
    """Whether ``text`` (its first comma part) reads like a person's name: name-shaped words,
    none of them a word of a release's labels ("Media Advisory", "Daily News")."""
    first = re.split(r"\s*(?:,|\s[-–|]\s|:)\s*", text.strip(), maxsplit=1)[0]
    if not _NAME.match(first) or len(first) > 40:
        return False
    return not any(word.lower() in NOT_NAME_WORDS for word in first.split())


def word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def block_features(document: SourceDocument, tick: Tick | None = None) -> list[dict[str, float]]:
    """The features of every block of ``document``, in order. ``tick(done, total)`` is
    called every few hundred blocks (progress; it may raise ImportCancelled)."""
    blocks = document.blocks
    release = [b for b in blocks if not b.chrome]
    rank = {b.index: i for i, b in enumerate(release)}
    sizes = [b.size for b in release if b.size > 0 and word_count(b.text) >= 8]
    median = statistics.median(sizes) if sizes else 0.0
    title = _normal(document.title)
    features = []
    for block in blocks:
        if tick is not None and block.index % 250 == 0:
            tick(block.index, len(blocks))
        features.append(_own_features(block, median, title))
    _repeats(blocks, features)
    for block, found in zip(blocks, features, strict=True):
        if ("repeated_later" in found or "repeats_earlier" in found) and word_count(block.text) > 6:
            found.pop("issuer", None)  # a line said twice is the title, even naming the issuer
    first_text = next(
        (
            b.index
            for b in release
            if word_count(b.text) >= 4
            and not (set(features[b.index]) & {"email", "phone", "date_only", "url"})
            and not set(features[b.index]) & _NOT_A_HEADLINE
        ),
        None,
    )
    first_prose = next(
        (
            rank[b.index]
            for b in release
            if word_count(b.text) >= 25
            and b.text.count("|") < 2
            and b.text.count("[") < 3
            and not _is_caps(b.text)
            and "cue_chrome" not in features[b.index]  # "This page has not been translated …"
        ),
        len(release),
    )  # prose, not a wiki's revision line, a menu with separators or a site's banner
    count = max(len(release), 1)
    for block, found in zip(blocks, features, strict=True):
        if block.chrome:
            continue
        position = rank[block.index]
        if position < 4:
            found["early"] = 1.0
        elif position < 8:
            found["early"] = 0.5
        if position < first_prose:  # above the first paragraph of prose: the top matter
            found["early"] = max(found.get("early", 0.0), 0.7)
        if count >= 10 and position > first_prose and position >= 0.65 * count:
            found["late"] = 1.0
        if block.index == first_text:
            found["first_text"] = 1.0
        if position < first_prose and "short" in found and not set(found) & set(_LEAD[:2]):
            found["top_short"] = 1.0  # a line of the top matter: not yet the body
    _before_the_lead(release, features, first_prose)
    _captions(release, features)
    _after_the_end(release, features)
    _closing_about(release, features)
    _after_a_label(release, features, first_prose)
    _lead_overlap(release, features, first_prose)
    return features


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORDS.findall(text) if len(w) >= 4} - _stop_words()


@functools.cache
def _stop_words() -> frozenset[str]:
    from presskit.importers.cues import STOP_WORDS  # noqa: PLC0415

    return frozenset(w for words in STOP_WORDS.values() for w in words) | TITLE_SMALL_WORDS


def _lead_overlap(release: list[Block], features: list[dict[str, float]], prose: int) -> None:
    """How much of a top line's words the lead repeats: a headline says what its first
    paragraphs say ("shares_lead"); a menu, a banner or a site's name does not
    ("foreign_to_lead")."""
    lead = [b for b in release[prose:] if "sentence" in features[b.index]][:3]
    words = _content_words(" ".join(b.text for b in lead))
    if len(words) < 15:
        return
    for block in release[: prose + 1]:
        own = _content_words(block.text)
        if len(own) < 3 or block in lead:
            continue
        share = len(own & words) / len(own)
        if share >= 0.4:
            features[block.index]["shares_lead"] = min(1.0, share / 0.7)
        elif share < 0.15:
            features[block.index]["foreign_to_lead"] = 1.0


def _after_a_label(release: list[Block], features: list[dict[str, float]], prose: int) -> None:
    """The first line after a release's label or number ("MEDIA ADVISORY: M10-075",
    "Daily News") in the top matter, past any chrome: "after_label", where headlines stand."""
    for position, block in enumerate(release[:prose]):
        if "cue_meta" not in features[block.index]:
            continue
        following = position + 1
        while following < len(release) and _aside(features[release[following].index]):
            following += 1
        if following < len(release) and "cue_meta" not in features[release[following].index]:
            features[release[following].index]["after_label"] = 1.0


def _after_the_end(release: list[Block], features: list[dict[str, float]]) -> None:
    """Everything after an end mark ("###", "-end-") is past the body: "after_end"; a
    paragraph of prose there is most likely the boilerplate ("prose_after_end")."""
    ended = False
    for block in release:
        own = features[block.index]
        if ended:
            own["after_end"] = 1.0
            if "sentence" in own and "long" in own:  # the issuer's description, unheaded
                own["prose_after_end"] = 1.0
        ended = ended or "cue_end" in features[block.index]


_NOT_PROSE = frozenset({
    "email", "phone", "cue_contact", "only_url", "very_short", "cue_chrome", "chrome", "cue_end",
    "cue_links", "cue_social", "cue_meta", "date_only", "repeats_earlier", "menu",
})  # fmt: skip


def _closing_about(release: list[Block], features: list[dict[str, float]]) -> None:
    """The release's last paragraph of prose, when it describes the issuer ("The National
    Credit Union Administration charters …", "Established in 1921, GAO examines …"): the
    boilerplate with no "About" above it and no end mark between ("closing_about")."""
    prose = [
        block
        for block in release
        if not set(features[block.index]) & _NOT_PROSE
        and "sentence" in features[block.index]
        and word_count(block.text) >= 12
    ]
    if len(prose) < 3:  # a release of one or two paragraphs: they are its body
        return
    last = features[prose[-1].index]
    describes = "cue_org_about" in last or _ISSUER_SUBJECT.match(prose[-1].text)
    at = release.index(prose[-1])
    follows_prose = at > 0 and release[at - 1] is prose[-2]  # not after an advisory's lines
    if describes and follows_prose and "after_end" not in last:
        last["closing_about"] = 1.0


_ISSUER_SUBJECT = re.compile(  # "The National Credit Union Administration charters …"
    r"^(?:The |Established in \d{4}, |Founded in \d{4}, )?(?:U\.S\. )?"
    r"(?:[A-Z][\w&'’-]*,? (?:(?:of|for|and|on|the) )*){0,7}"
    rf"(?:{'|'.join(AGENCY_WORDS)}|Development|[A-Z]{{2,6}})"
    r"(?: \([A-Z]{2,8}\))?,? (?:is|are|provides|charters|administers|examines|works|protects|"
    r"leads|oversees|serves|manages|supports|promotes|regulates|conducts|helps|enforces)\b"
)


_CREDIT = re.compile(r"^(photo |image |video )?(credits?|courtesy)\s*:", re.IGNORECASE)


def _captions(release: list[Block], features: list[dict[str, float]]) -> None:
    """A picture's caption: the block right before its "Credit:" line ("before_credit"); a
    line of words with no full stop between the top's contact lines and the lead
    that opens with a dateline ("caption": a subheadline stands under the headline)."""
    for block, after in itertools.pairwise(release):
        if _CREDIT.match(after.text.strip()) and word_count(block.text) <= 80:
            features[block.index]["before_credit"] = 1.0
    for before, block, after in zip(release, release[1:], release[2:], strict=False):
        own = features[block.index]
        if (
            "dateline_start" in features[after.index]
            and set(features[before.index]) & {"cue_contact", "email", "phone"}
            and word_count(block.text) >= 8
            and not _SENTENCE_END.search(block.text)
            and not set(own) & {"caps", "title_case", "cue_meta", "date_only", "dateline_start"}
        ):
            own["caption"] = 1.0


_LEAD = ("date_only", "dateline_start", "cue_contact", "cue_meta")
_ASIDE = ("cue_chrome", "chrome", "repeats_earlier", "only_url")


def _aside(features: dict[str, float]) -> bool:
    """A block a reader's eye skips between a headline and what follows it."""
    return any(k in features for k in _ASIDE)


_NOT_A_HEADLINE = {
    "cue_release", "cue_embargo", "cue_contact", "cue_about", "cue_links", "cue_social",
    "cue_chrome", "cue_meta", "cue_end", "date_only", "email", "phone", "url", "very_short",
    "handle",
}  # fmt: skip


def _before_the_lead(release: list[Block], features: list[dict[str, float]], prose: int) -> None:
    """A line of a title's length (up to 30 words, no full stop) standing right before what
    follows a headline (a date line, a dateline, the contact or release-number lines, the
    first paragraph of prose): "before_lead"."""
    for position, block in enumerate(release[: prose + 1]):
        own = features[block.index]
        if position + 1 >= len(release) or word_count(block.text) > 40:
            continue
        if set(own) & _NOT_A_HEADLINE:
            continue
        following = position + 1
        while following < prose and _aside(features[release[following].index]):
            following += 1  # "Bookmark and Share", a page's label: look past them
        after = features[release[following].index] if following < len(release) else {}
        if "sentence" in own or word_count(block.text) > 30:
            # a wire's subtitle may be a sentence: "… haben heute … enthüllt." then "Wien (OTS) -"
            if "dateline_start" in after and _title_above(release, features, position):
                own["under_title"] = 1.0
            continue
        if following == prose or any(k in after for k in _LEAD):
            own["before_lead"] = 1.0
            if _title_above(release, features, position):
                own["under_title"] = 1.0


def _title_above(release: list[Block], features: list[dict[str, float]], position: int) -> bool:
    """A wire's title, subtitle, then "Wien (OTS) - …": the title-like line right above a
    line before the lead is the headline's place too ("title_above_lead"); whether there is
    one (then the line before the lead may be its subtitle, "under_title")."""
    above = position - 1
    while above >= 0 and _aside(features[release[above].index]):
        above -= 1
    if above < 0:
        return False
    own = features[release[above].index]
    blocked = _NOT_A_HEADLINE | {"sentence", "issuer", "address", "dated_line"}
    if not set(own) & blocked and word_count(release[above].text) <= 30:
        own["title_above_lead"] = 1.0
        return True
    return False


def _repeats(blocks: list[Block], features: list[dict[str, float]]) -> None:
    """A line said twice near the top (a page's title, then the release's own headline in
    capitals): the first is "repeated_later", the copy "repeats_earlier"."""
    seen: dict[str, int] = {}
    for block in blocks[:60]:
        dated = trailing_date(block.text)
        key = _normal(block.text[: dated[1]] if dated else block.text)  # "Title June 17, 2021"
        if len(key) < 12:
            continue
        for earlier, at in seen.items():  # a page title cut short, then the whole headline
            if key.startswith(earlier + " ") and len(earlier) >= 0.5 * len(key):
                features[at]["truncated_copy"] = 1.0
        if key in seen:
            features[block.index]["repeats_earlier"] = 1.0
            features[seen[key]]["repeated_later"] = 1.0
        else:
            seen[key] = block.index


def _date_words(text: str) -> bool:
    """A line that is only a date, with or without a weekday, year or time."""
    from presskit.importers.dates import month_numbers  # noqa: PLC0415

    words = re.findall(r"[^\W\d_]+", text.lower())
    months = month_numbers()
    weekdays = weekday_names()
    allowed = {
        "at",
        "am",
        "pm",
        "a",
        "m",
        "p",
        "est",
        "edt",
        "et",
        "utc",
        "gmt",
        "cet",
        "cest",
        "of",
        "de",
        "le",
        "the",
    }
    if re.search(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}", text) and all(
        w in weekdays or w in allowed for w in words
    ):
        return True  # 08/09/2023; Wed, 08/09/2023 - 19:00; 12/04/2019 | 10:25pm EST
    return (
        bool(words)
        and len(words) <= 5
        and any(w in months for w in words)
        and all(w in months or w in weekdays or w in allowed for w in words)
        and bool(re.search(r"\d", text))
    )


@functools.cache
def weekday_names() -> frozenset[str]:
    """Weekday names and abbreviations of every cue language, lower case, without dots."""
    from babel.dates import get_day_names  # noqa: PLC0415

    from presskit.importers.cues import PHRASES  # noqa: PLC0415

    names = set()
    for language in PHRASES:
        for width in ("wide", "abbreviated"):
            names.update(
                n.lower().rstrip(".") for n in get_day_names(width, locale=language).values()
            )
    return frozenset(names)


def _own_features(block: Block, median_size: float, title: str) -> dict[str, float]:
    text = block.text.strip()
    words = word_count(text)
    found: dict[str, float] = {f"cue_{cue}": 1.0 for cue in phrase_cues(text)}
    emails = EMAIL.findall(text)
    urls = URL.findall(EMAIL.sub(" ", text))
    flags = {
        "email": bool(emails),
        "phone": bool(phone_numbers(text)),
        "url": bool(urls or block.links),
        "handle": bool(HANDLE.search(text)),
        "hashtag": bool(_HASHTAG.search(text)),  # a social post's title, not a release's
        "person_name": looks_like_name(text) and words <= 12,
        "sentence": words >= 8 and bool(_SENTENCE_END.search(text)),
        "short": 0 < words <= 16,
        "no_words": words == 0,  # arrows, bullets, rules: a page's furniture
        "very_short": 0 < words <= 3,
        "long": words >= 30,
        "caps": words >= 2 and _is_caps(text),
        "title_case": 4 <= words <= 30 and _is_title_case(text),
        "bold": block.bold,
        "italic": block.italic,
        "centred": block.centred,
        "heading": block.kind is BlockKind.HEADING,
        "title_style": block.style.lower() == "title"
        or (block.kind is BlockKind.HEADING and block.level == 1),
        "subtitle_style": block.style.lower() == "subtitle",
        "list_item": block.kind is BlockKind.LIST_ITEM,
        "table_cell": block.kind is BlockKind.TABLE_CELL,
        "line": block.kind is BlockKind.LINE,
        "chrome": block.chrome,
        "matches_title": bool(title) and _similar(_normal(text), title),
    }
    found.update({name: 1.0 for name, on in flags.items() if on})
    if urls and word_count(URL.sub(" ", EMAIL.sub(" ", text))) <= 4:
        found["only_url"] = 1.0
    found.update(_date_features(text, words))
    found.update(_line_kinds(text, words, "sentence" in found))
    if "date_only" not in found and "sentence" not in found and words <= 14 and find_date(text):
        found["dated_line"] = 1.0  # "DHS News and Updates - Sat, 09/02/2023 - 08:41"
    if "date_only" not in found and "sentence" not in found and trailing_date(text):
        found["ends_with_date"] = 1.0  # a list's teaser, or a headline with its date
    if median_size and block.size:
        ratio = block.size / median_size
        if ratio >= 1.15:
            found["big"] = min(1.0, (ratio - 1.0) / 0.5)
    return found


def _date_features(text: str, words: int) -> dict[str, float]:
    """A line that is only a date ("date_only"), or a paragraph a dateline opens."""
    found: dict[str, float] = {}
    if words <= 8 and _date_words(text):
        found["date_only"] = 1.0
    dateline = parse_dateline(text)
    if dateline is not None:
        rest = len(text) - dateline.end
        if rest <= 2 and dateline.date is not None:
            found["date_only"] = 1.0
        elif rest > 20:
            found["dateline_start"] = 1.0
    return found


def _line_kinds(text: str, words: int, sentence: bool) -> dict[str, float]:
    """What kind of line this is by its words: the issuer's letterhead, an address, an
    advisory's field, a type before a title, a menu."""
    found: dict[str, float] = {}
    letterhead = words <= 8 or (words <= 16 and text.startswith(("U.S. ", "United States ")))
    named = letterhead and not sentence and re.match(ISSUER, text, re.IGNORECASE)
    if named or _AGENCY_NAME.match(text):  # or "Immigration and Naturalization Service"
        found["issuer"] = 1.0
    if (_STREET.search(text) or _ZIP_END.search(text)) and words <= 16:
        found["address"] = 1.0  # "134 Union Boulevard", "1000 Independence Avenue, SW"
    if _ADVISORY_FIELD.match(text):  # "WHAT: …", "Wann: …": a media advisory's body
        found["advisory_field"] = 1.0
    if words >= 4 and _type_prefix().match(text):  # "Media Advisory: …", "AVISO - …"
        found["type_prefix"] = 1.0
    if (words >= 5 or " | " in text) and not sentence and _menu_share(text) >= 0.5:
        found["menu"] = 1.0
    parts = [p for p in re.split(r"\s[|•·]\s", text) if p.strip()]
    if len(parts) >= 3 and max(word_count(p) for p in parts) <= 4:
        found["menu"] = 1.0  # "Home | En Español | Contact Us | A to Z"
    return found


@functools.cache
def _type_prefix() -> re.Pattern[str]:
    """A headline that opens with the document's type: "Media Advisory: USGS to Host …"."""
    return re.compile(rf"^(?:{doc_types()})\s*(?::|\s[-–—])\s*\S", re.IGNORECASE)


_LABELS = (
    r"press releases?",
    r"news releases?",
    r"media advisor(?:y|ies)",
    r"advisory",
    r"news",
    r"pressemitteilung(?:en)?",
    r"communiqués? de presse",
    r"comunicados? de prensa",
    r"notas? de prensa",
    r"subject|betreff|objet|asunto",  # an email's subject line: "Subject: Media Advisory: …"
    r"speech|rede|discours|discurso",
)  # the types a list page puts before a title; "Questions and answers: …" is the title's own


@functools.cache
def _label_prefix() -> re.Pattern[str]:
    kinds = "|".join(_LABELS)
    return re.compile(
        rf"^(?:[^:]{{0,25}}?\s[-–]\s)?(?:[A-Z]{{2,8}}\s)?(?:{kinds})\s*(?::|\s[-–/])\s+",
        re.IGNORECASE,
    )


_RELEASE_NUMBER_TAIL = re.compile(r"[:\s]*\((?:[A-Z]{1,5}[- ]?)?\d{2,4}[-–]\d{2,5}\)$")
_NUMBER_PREFIX = re.compile(rf"^{RELEASE_NUMBER}\s*(?::|\s[-–])\s+(?=\S+\s+\S+\s+\S)")
_WHEN_TAIL = re.compile(
    r"[,\s]+(?:(?:[Tt]oday|[Tt]omorrow|[Tt]onight),?\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2},?\s*)?"
    r"|[A-Z][a-z]{2,8}\.? \d{1,2},?\s*)(?:at\s+)?"
    r"\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\.?(?:\s*[A-Z]{1,4}T)?\.?$"
)


def bare_headline(text: str) -> str:
    """A headline without what a list page or an advisory adds around it: a label before it
    ("Press Releases: ", "OSHA News Release: ", "NR 18-001: "), a release number, a date or
    the hour after it ("… JR.: (05-580)", "… Finnland 21/08/2017", "… Today June 12 at 12:00
    p.m. ET"), a link's stray bracket. The one home of the headline's clean-up."""
    text = without_trailing_date(_RELEASE_NUMBER_TAIL.sub("", text).rstrip(" [("))
    text = _NUMBER_PREFIX.sub("", text)  # "NR 18-001: Cheatham Lake …"
    for _ in range(2):  # "Subject: Media Advisory: CDC Media Telebriefing: …"
        label = _label_prefix().match(text)
        if label and word_count(text[label.end() :]) >= 3:
            text = text[label.end() :]
    tail = max(0, len(text) - 80)  # the hour is at the end: look only there
    when = _WHEN_TAIL.search(text, tail)
    if when and word_count(text[: when.start()]) >= 3:
        text = text[: when.start()]
    return text.strip()


def _menu_share(text: str) -> float:
    """The share of a line's words that are words of a site's menu."""
    words = [w.lower() for w in _WORDS.findall(text)]
    return sum(w in MENU_WORDS for w in words) / max(len(words), 1)


def _is_title_case(text: str) -> bool:
    """Headline style: the words that matter start with a capital, and no full stop ends it."""
    words = [
        w for w in _WORDS.findall(text) if w.lower() not in TITLE_SMALL_WORDS and w[0].isalpha()
    ]
    if len(words) < 3 or _SENTENCE_END.search(text) or _is_caps(text):
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.8


def _is_caps(text: str) -> bool:
    letters = [c for c in text[:200] if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) / len(letters) > 0.85


def _normal(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def _similar(text: str, title: str) -> bool:
    """The block is the document's title, or the title is the block plus the site's name."""
    if not text or len(text) < 8:
        return False
    return (
        text == title
        or (title.startswith(text) and len(text) >= 0.5 * len(title))
        or (text.startswith(title) and len(title) >= 0.8 * len(text))
    )
