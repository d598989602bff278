"""Parts of a release's top that a copied page ran together on one line, split apart again.

A page copied as text, or stored by an archive that flattened it, often gives its top
matter as one run: ``June 22, 2015 MEDIA ADVISORY M15-096 Media Invited to Tour ... Leaders
Senior NASA officials will help ...`` or ``FEMA Y COLABORADORES ... HURACÁN IAN [https://...]
Release Date: septiembre 30, 2022 WASHINGTON -- La administradora ...``. The role scorer
works on blocks, so such a run gives it one block where the release has a date, a release
number, a headline and the lead. :func:`split_run` cuts a run where one part ends and the
next begins, from evidence a single paragraph of prose never shows:

- a date at the very start, followed by more words;
- a line of capitals (four words or more, or two with a release-type phrase such as
  MEDIA ADVISORY), then ordinary words;
- an address in square brackets, as text browsers print links;
- a labelled date ("Release Date: ...", "Fecha de publicación: ...");
- a dateline ("Bruselas, 1 de junio de 2021", "WASHINGTON --") after words of a title;
- once one of the cues above showed the block is a run: a sentence's first word
  (:data:`cues.SENTENCE_STARTERS`: "The", "Today", "El", ...) right after a title's last word
  with no full stop between them ("... resilience plan The European Commission has ...";
  alone, that cue would cut "joined The Nature Conservancy board"), and, in English, where a
  title-case run gives way to a sentence ("... Leaders Senior NASA officials will ...").

Only a block's head is searched (its first :data:`_HEAD_WORDS` words, up to the first full
stop that ends a sentence); a paragraph of prose has none of these and is left whole.
"""

from __future__ import annotations

import functools
import itertools
import re

from presskit.importers.cues import (
    RELEASE_NUMBER,
    RELEASE_NUMBER_LABEL,
    SENTENCE_STARTERS,
    SHARE_LABELS,
    TITLE_SMALL_WORDS,
    doc_types,
)
from presskit.importers.dates import (
    TAGGED_DATELINE,
    ZONES,
    find_date,
    parse_dateline,
    us_state,
)
from presskit.importers.features import cue_patterns, phrase_cues, weekday_names
from presskit.importers.language import detect_language

_HEAD_WORDS = 80
_TITLE_WORDS = 40  # a title run into its lead is at most this long
_TOKEN = re.compile(r"\S+")
_BRACKET_URL = re.compile(r"\[(?:https?://|www\.)[^\]\s]{1,500}\]")
_SHARE_LABEL = re.compile(rf"^(?:{'|'.join(SHARE_LABELS.values())})\s*:", re.IGNORECASE)
_BARE_NUMBER = re.compile(rf"^{RELEASE_NUMBER}(?=\s)")  # "NR 97-14 February 11, 1997"
_BARE_URL = re.compile(r"(?<=\s)https?://[^\s\]]{4,500}(?=\s+[A-ZÀ-Ý])")
_CONTACT_LABEL = re.compile(
    r"(?<=\S )(?<!media )(?<!press )(?<!news )"  # "Media contacts:" is one label
    r"(?:(?:media |press |news )?contacts?|kontakt|contacto|pressekontakt)"
    r"\s*:\s+(?=[A-ZÀ-Ý])",
    re.IGNORECASE,
)
_STORED_DATE = re.compile(r"^date\s+\d{4}-\d{2}(?:-\d{2})?\s+")  # an archive's "date 2018-07"
_DATE_LABEL = re.compile(
    r"(?:release date|date released|publication date|date of publication|released|"
    r"fecha de (?:publicación|emisión|difusión)|fecha|datum der veröffentlichung|"
    r"veröffentlicht am|datum|date de publication|publié le|date)\s*:\s*",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(  # not after an initial or "Mr", "Dr", "Jr"
    r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr))[.!?](?=\s+[A-ZÀ-Ý„“\"«])"
)
_NUMBER_LABEL = re.compile(RELEASE_NUMBER_LABEL, re.IGNORECASE)
_GLUED = re.compile(  # a page's parts that lost their spaces: "Presseartikel29. September"
    r"(?<=[a-zäöüßéèáíóú]{3})(?=\d{1,2}\.?\s[^\W\d_])|(?<=\d{4})(?=[A-ZÀ-Ý][a-zà-ÿ])"
    r"|(?<=[a-zäöüßéèáíóú]{3})(?=[A-ZÀ-Ý][a-zà-ÿ]+:)|(?<=\b[A-ZÀ-Ý]{4})(?=[A-ZÀ-Ý][a-zà-ÿ]{1,3}\s)"
)
_PAREN_DATELINE = re.compile(r"\((?P<city>[A-ZÀ-Ý][^()\d,]{1,40}),\s*(?P<date>[^()]{6,30})\)")
_CAPS_WORD = re.compile(r"^[^\w]*[A-ZÀ-Ý0-9][A-ZÀ-Ý0-9&'’./-]*[^\w]*$|^[|/–—-]+$")
_CITY_WORD = re.compile(r"^[A-ZÀ-Ý][\w.'’-]*,?$")
_AP_SEPARATOR = re.compile(r"^(?:--|–|—|-)$")
_CAPS_WORD_ONLY = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý.'’-]*,?")  # "WASHINGTON,", "CALIF.", not "DC)"


@functools.cache
def _release_type() -> re.Pattern[str]:
    """A release-type phrase ("MEDIA ADVISORY", "Preguntas y respuestas", ...)."""
    return re.compile(rf"\b(?:{doc_types()})\b", re.IGNORECASE)


@functools.cache
def _release_line() -> re.Pattern[str]:
    """A release line of any language at the start, with the release's number after it."""
    anchored = cue_patterns()["release"][0]
    number = rf"(?:\s+(?:no\.?\s*)?(?:{RELEASE_NUMBER}|\d{{2,4}}[-–]\d{{1,5}})\b)?"
    return re.compile(rf"(?:{anchored.pattern}){number}", re.IGNORECASE)


@functools.cache
def _issuer_label() -> re.Pattern[str]:
    """The issuer and the document's type at the start: "Comisión Europea - Preguntas y
    respuestas", "European Commission - Daily News"."""
    return re.compile(rf"^[^.!?\d]{{2,60}}\s[-–|]\s*(?:{doc_types()})(?=\s)", re.IGNORECASE)


def split_run(text: str, depth: int = 2) -> list[str]:
    """``text`` cut where the parts of a run-together release top meet; ``[text]`` when
    it is not such a run. A piece may itself be a run ("… QUARANTINED FOR" then "November
    5, 2009 The U.S. Department …"): pieces are cut again, ``depth`` times at most."""
    text = " ".join(text.split())
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
    if len(tokens) < 6 or (len(tokens) < 20 and phrase_cues(text[:80]) & {"release", "embargo"}):
        return [text]  # "Embargoed until 10:00 EST, March 2, 2026" is one line
    opening = parse_dateline(text)
    if opening is not None and opening.city:
        return [text]  # "NEW YORK, NY - U.S Immigration …": a lead, not a page's top
    head_end = _head_end(text, tokens)
    cuts = _evidence_cuts(text, tokens, head_end)
    cuts |= {m.start() for m in _GLUED.finditer(text, 0, 300)}
    if cuts:  # a lead's first word cuts only a block already shown to be a run
        cuts |= _starter_cuts(tokens, head_end)
        cuts |= _release_line_cuts(text, tokens, head_end)
        if detect_language(text) == "en":  # German nouns are capitalised, too
            cuts |= _title_run_cuts(tokens, head_end, cuts)
    cuts.discard(0)
    if not cuts:
        return [text]
    pieces, previous = [], 0
    for at in sorted(cuts):
        pieces.append(text[previous:at].strip())
        previous = at
    pieces.append(text[previous:].strip())
    pieces = [p for p in pieces if p]
    if depth <= 1 or len(pieces) == 1:
        return pieces
    return [part for piece in pieces for part in split_run(piece, depth - 1)]


def _head_end(text: str, tokens: list[tuple[int, str]]) -> int:
    """Where the searched head ends: the first sentence's full stop, or _HEAD_WORDS words."""
    start, word = tokens[min(len(tokens), _HEAD_WORDS) - 1]
    limit = start + len(word)
    found = _SENTENCE_END.search(text, 0, limit)
    return found.start() if found else limit


def _evidence_cuts(text: str, tokens: list[tuple[int, str]], head_end: int) -> set[int]:
    """Cuts that show on their own that the block is a run (dates, capitals, addresses)."""
    cuts: set[int] = set()
    date = find_date(text[:head_end])
    if date is not None and date[1][0] == 0 and _starts_words(text, date[1][1]):
        cuts.add(_next_token(tokens, date[1][1]))  # "June 22, 2015 MEDIA ADVISORY ..."
    for match in _BRACKET_URL.finditer(text, 0, head_end):
        cuts |= {match.start(), _next_token(tokens, match.end())}
    for match in _BARE_URL.finditer(text, 0, head_end):  # a feed's "<title> <link>", flattened
        if not _ends_sentence(text[: match.start()].rstrip()[-1:] or "."):
            cuts |= {match.start(), _next_token(tokens, match.end())}
    for match in _DATE_LABEL.finditer(text, 0, head_end):
        if match.start() and text[match.start() - 1] != " ":
            continue
        found = find_date(text[match.end() : match.end() + 40])
        if found is not None and found[1][0] == 0:
            cuts |= {match.start(), _next_token(tokens, match.end() + found[1][1])}
    for label in _CONTACT_LABEL.finditer(text, 0, head_end):  # "NOAA 94-4 Contact: Barry …"
        cuts.add(label.start())
    if label := _STORED_DATE.match(text):
        cuts.add(label.end())
    if label := _SHARE_LABEL.match(text):  # "Partager cette page: Environ 2500 …"
        cuts.add(_next_token(tokens, label.end()))
    if label := _issuer_label().match(text):
        cuts.add(_next_token(tokens, label.end()))
    if label := _NUMBER_LABEL.match(text):  # "RELEASE: 12-428 NASA'S HUBBLE PROVIDES ..."
        cuts.add(_next_token(tokens, label.end()))
    number = _BARE_NUMBER.match(text)  # "NR 97-14 February 11, 1997 OCC Web Site Lists …"
    if number and find_date(text[number.end() : number.end() + 40]):
        cuts.add(_next_token(tokens, number.end()))
    if label := _release_line().match(text):  # "For Immediate Release 99-72 New York …"
        cuts.add(_next_token(tokens, label.end()))
    cuts |= _caps_cuts(text, tokens, head_end)
    for match in _PAREN_DATELINE.finditer(text, 0, head_end):  # "… (Bruxelles, 22/03/2024)"
        if match.start() and find_date(match["date"]):
            cuts |= {match.start(), _next_token(tokens, match.end())}
    cuts |= _dateline_cuts(text, tokens, head_end)
    cuts |= {m.start() for m in TAGGED_DATELINE.finditer(text, 0, head_end)}
    return {c for c in cuts if 0 < c < len(text)}


def _release_line_cuts(text: str, tokens: list[tuple[int, str]], head_end: int) -> set[int]:
    """Around a release line inside a run: "… Office of Surface Mining | For immediate
    release | Contact: …"."""
    line = _release_line()
    for (_, before), (start, _) in itertools.pairwise(tokens):
        if start >= head_end:
            break
        if before.lower() != "for" and (found := line.match(text, start)):
            return {start, _next_token(tokens, found.end())}
    return set()


def _starts_words(text: str, at: int) -> bool:
    rest = text[at:].lstrip(" ,")
    return bool(rest) and rest[0].isalpha()


def _next_token(tokens: list[tuple[int, str]], at: int) -> int:
    last, word = tokens[-1]
    return next((start for start, _ in tokens if start >= at), last + len(word))


def _caps_cuts(text: str, tokens: list[tuple[int, str]], head_end: int) -> set[int]:
    """Around a line of capitals: four capital words, or a release type in capitals."""
    cuts: set[int] = set()
    index = 0
    while index < len(tokens) and tokens[index][0] < head_end:
        if not any(c.isalpha() for c in tokens[index][1]):
            index += 1  # a run of capitals starts with a word, not inside a date
            continue
        end = index
        while end < len(tokens) and _CAPS_WORD.match(tokens[end][1]):
            end += 1
        run = tokens[index:end]
        letters = sum(any(c.isalpha() for c in word) for _, word in run)
        if end < len(tokens) and run:
            phrase = text[run[0][0] : tokens[end][0]]
            if letters >= 4 or (letters >= 2 and _release_type().search(phrase)):
                if _dateline_caps(tokens, end) or _acronym_leads(tokens, index, end):
                    end = max(index, end - 1)  # "... IAN WASHINGTON -- La": the city leads
                    if end - 1 > index and _state_after_city(tokens, end):
                        end -= 1  # "… PROGRAM WASHINGTON, DC --"
                cuts.add(run[0][0])
                if not _AP_SEPARATOR.match(tokens[end - 1][1]) and not _dateline_from(
                    text, run[0][0], tokens[end][0]
                ):  # "WASHINGTON, DC -- The", "… AIR STATION MIRAMAR, Calif. (April 26, 2016) –"
                    cuts.add(tokens[end][0])
        index = max(end, index + 1)
    return cuts


def _dateline_from(text: str, start: int, past: int) -> bool:
    """Whether a dateline with a place starts at ``start`` and goes on past ``past``."""
    found = parse_dateline(text[start:])
    return found is not None and bool(found.city) and start + found.end > past


def _acronym_leads(tokens: list[tuple[int, str]], index: int, end: int) -> bool:
    """ "MEDIA ADVISORY M13-131 NASA Invites Media …": the run's last word, an acronym, is
    the title's first (a title-case word follows it)."""
    if end - index < 4 or end + 1 >= len(tokens):
        return False
    last = tokens[end - 1][1]
    title = [word for _, word in tokens[end : end + 2]]
    return (
        last.isalpha()
        and 2 <= len(last) <= 5
        and last.lower() not in TITLE_SMALL_WORDS  # "… QUARANTINED FOR November 5, 2009"
        and all(w[:1].isupper() and w[1:2].islower() for w in title)
        and find_date(" ".join(title)) is None
    )


def _dateline_caps(tokens: list[tuple[int, str]], end: int) -> bool:
    return end < len(tokens) and bool(_AP_SEPARATOR.match(tokens[end][1])) and end > 1


def _dateline_cuts(text: str, tokens: list[tuple[int, str]], head_end: int) -> set[int]:
    """Before a dateline that follows a title: "…de la UE Bruselas, 1 de junio de 2021 El …"
    and "… IAN WASHINGTON -- La …"; after it when a sentence follows with no separator."""
    cuts: set[int] = set()
    for number, (start, word) in enumerate(tokens):
        if start >= head_end or number < 3:
            continue
        if _AP_SEPARATOR.match(word) and _upper(tokens[number - 1][1]):
            city = last = number - 1
            if _state_after_city(tokens, city):
                city = last = city - 1  # "… PROGRAM WASHINGTON, DC --": a state after the city
            while (
                city > 0
                and _upper(tokens[city - 1][1])
                and last - city < 1
                and not (city > 1 and _upper(tokens[city - 2][1]))  # "… PROGRAM WASHINGTON"
            ):
                city -= 1  # "NEW YORK --", "FORT SILL, OK —"
            cuts.add(tokens[city][0])
        if not word.endswith(",") or not _CITY_WORD.match(word) or _weekday(word):
            continue
        if word.strip(",").lower() in ZONES:  # "10:00 EST, March 2": a time, not a place
            continue
        if tokens[number - 1][1].lower() in TITLE_SMALL_WORDS:  # "On Tuesday, Sept. 9, ..."
            continue
        found = find_date(text[start + len(word) : start + len(word) + 40])
        between = text[start + len(word) :][: found[1][0]].strip().lower() if found else ""
        if found is None or between not in ("", "le", "el", "den", "am", "the", "on"):
            continue
        if _ends_sentence(tokens[number - 1][1]):
            continue
        end = start + len(word) + found[1][1]
        city_first = _state_after_city(tokens, number)  # "Washington, DC, June 29"
        cuts.add(tokens[number - 1][0] if city_first else start)
        if _starts_words(text, end) and text[end:].lstrip()[:1].isupper():
            cuts.add(_next_token(tokens, end))
    return cuts


def _upper(word: str) -> bool:
    return bool(_CAPS_WORD_ONLY.fullmatch(word))


def _state_after_city(tokens: list[tuple[int, str]], at: int) -> bool:
    """ "WASHINGTON, DC" or "Washington, DC,": the token at ``at`` is a state after a city."""
    return at > 0 and tokens[at - 1][1].endswith(",") and us_state(tokens[at][1].rstrip(","))


def _weekday(word: str) -> bool:
    return word.strip(",.").lower() in weekday_names()


def _ends_sentence(word: str) -> bool:
    return word[-1:] in ".!?:;"


def _starter_cuts(tokens: list[tuple[int, str]], head_end: int) -> set[int]:
    """Before a sentence's first word that follows a title's last word with no stop."""
    cuts: set[int] = set()
    starters = _starters()
    for number in range(4, len(tokens) - 2):
        start, word = tokens[number]
        if start >= head_end:
            break
        before = tokens[number - 1][1]
        if (
            word.strip('„“"«(').lower() in starters
            and word[:1].isupper()
            and not _ends_sentence(before)
            and before[-1:] not in ",-–—"
            and before.lower() not in TITLE_SMALL_WORDS
            and _sentence_follows(tokens, number)
            and number <= _TITLE_WORDS
            and "said" not in phrase_cues(" ".join(w for _, w in tokens[:number]))
        ):
            cuts.add(start)
            break
    return cuts


@functools.cache
def _starters() -> frozenset[str]:
    return frozenset(w.lower() for words in SENTENCE_STARTERS.values() for w in words)


def _sentence_follows(tokens: list[tuple[int, str]], number: int) -> bool:
    """A word in lower case (not a title's small word) within the next four words."""
    for _, word in tokens[number + 1 : number + 5]:
        bare = word.strip(",.;:()\"'“”„«»")
        if bare[:1].islower() and bare.lower() not in TITLE_SMALL_WORDS:
            return True
    return False


def _title_run_cuts(tokens: list[tuple[int, str]], head_end: int, cuts: set[int]) -> set[int]:
    """In a piece that starts a title (after the evidence's cuts), where the title's capital
    words give way to a sentence: two capital words before the first lower-case word."""
    found: set[int] = set()
    starts = sorted({0, *cuts})
    for piece_start in starts:
        first = next((i for i, (s, _) in enumerate(tokens) if s >= piece_start), None)
        if first is None or tokens[first][0] >= head_end or tokens[first][1].endswith(","):
            continue  # "Today, the U.S. Department of …" opens a sentence, not a title
        run = first
        while run < len(tokens) and _title_word(tokens[run][1]):
            run += 1
            if any(s == tokens[run - 1][0] for s in cuts if s != piece_start):
                run = -1
                break
        if run < 0 or run - first < 8 or run >= len(tokens):
            continue
        if not tokens[run][1][:1].islower() or _ends_sentence(tokens[run - 1][1]):
            continue
        if re.fullmatch(r"\([A-Z]{2,8}\),?", tokens[run - 1][1]):
            continue  # "… Inspection Service (APHIS) is advising": a name in a sentence
        subject = run - 2 if run - 2 > first + 3 and tokens[run - 2][1][:1].isupper() else run - 1
        found.add(tokens[subject][0])
    return found


def _title_word(word: str) -> bool:
    bare = word.strip(",.;:()\"'“”„«»")
    return bool(bare) and (
        bare[:1].isupper() or bare[:1].isdigit() or bare.lower() in TITLE_SMALL_WORDS
    )
