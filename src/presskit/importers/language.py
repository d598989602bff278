"""Which language a source is in: its metadata when it says, else its most common words.

Only the languages the cues know (:data:`presskit.importers.cues.STOP_WORDS`) are told
apart; a source in another language comes out as the metadata says, or as English.
"""

from __future__ import annotations

import re
from collections import Counter

from presskit.importers.cues import STOP_WORDS
from presskit.model.validation import is_language_tag

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_REGIONS = {"en": "en-US", "de": "de-DE", "fr": "fr-FR", "es": "es-ES"}


def normalise_tag(tag: str) -> str:
    """``en_us`` or ``EN-us`` -> ``en-US``; "" for what is not a language tag."""
    tag = tag.strip().replace("_", "-").split(",")[0].split(";")[0].strip()
    parts = tag.split("-")
    if not parts or not parts[0].isalpha():
        return ""
    parts[0] = parts[0].lower()
    parts[1:] = [p.upper() if len(p) == 2 else p for p in parts[1:]]
    tag = "-".join(parts)
    return tag if is_language_tag(tag) else ""


def detect_language(text: str) -> str:
    """The base language of ``text`` by its stop words ("en", "de", ...), "" when unsure."""
    counts = Counter(word.lower() for word in _WORD.findall(text[:20000]))
    scores = {lang: sum(counts[w] for w in words) for lang, words in STOP_WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 3 else ""


def release_language(declared: str, text: str) -> str:
    """The release's language tag: the declared one when it agrees with the text.

    A page that says ``lang="en"`` around a German release is common (the site's language,
    not the release's): the words win when they clearly disagree with the metadata.
    """
    tag = normalise_tag(declared)
    detected = detect_language(text)
    if tag and (not detected or tag.split("-")[0] == detected):
        return tag if "-" in tag else _REGIONS.get(tag, tag)
    if detected:
        return _REGIONS.get(detected, detected)
    return tag or "en-US"
