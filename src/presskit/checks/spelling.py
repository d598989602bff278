"""Spelling for the editor: the misspelt words of a text, and suggestions (pyspellchecker).

    speller = Speller("en-US", extra_words=library_words)
    for start, end, word in speller.misspelled(body, ignore=names_to_ignore(release)):
        ...                                   # underline text[start:end]
    speller.suggestions("antipersonel")       # ["antipersonnel"]
    speller.add_word("Presskit")              # the editor saves the user's words itself

Only running text is checked: link targets, code, HTML tags and Markdown syntax are skipped
(:mod:`presskit.checks.markdown_scan`), and so are web and email addresses, @handles, numbers,
words with digits, acronyms in capitals, words with capitals inside (McDonald, iPhone), and
the names passed in ``ignore``. pyspellchecker's English is American; for English outside
the US (en-GB, en-AU, ...) British spellings such as "colour" and "organisation" are accepted.

A dictionary takes about 0.3 s to load, so it is loaded on first use (or by
:meth:`Speller.load`, from a background thread) and then shared by every speller of that
language. A language pyspellchecker has no dictionary for gives a speller that flags nothing;
its ``available`` is False and ``reason`` says why, for the editor to show.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spellchecker import SpellChecker

from presskit.checks.addresses import region_of
from presskit.checks.markdown_scan import scan_markdown
from presskit.model.release import Release

Span = tuple[int, int, str]

# Looking further than one edit away costs ~(50 x length)² look-ups: fine for short words,
# seconds for long ones (pyspellchecker's own candidates() takes 3.7 s for 18 letters).
DISTANCE_TWO_MAX_LENGTH = 7

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|[\w'’]+")
_NOT_PROSE = re.compile(
    r"(?:https?|ftp|mailto|tel):[^\s<>()\[\]]+"  # web and other addresses
    r"|\bwww\.[^\s<>()\[\]]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # email addresses
    r"|(?<![\w.])@[\w.]+(?:@[\w.-]+)?"  # @handles, including @user@server.social
    r"|\b(?:[\w-]+\.)+[A-Za-z]{2,}\b(?:/\S*)?"  # bare domains: banminesusa.org/about
    r"|&#?\w+;"  # HTML entities
)


@dataclass
class _Dictionary:
    checker: SpellChecker
    words: dict[str, int]  # lower-case word -> how often it is used
    alphabet: str  # the letters of the language, for building suggestions


_dictionaries: dict[str, _Dictionary] = {}
_load_lock = threading.Lock()


def dictionary_code(language: str) -> str | None:
    """The pyspellchecker dictionary for a BCP 47 tag (``pt-BR`` -> ``pt``), or None."""
    code = language.replace("_", "-").split("-", maxsplit=1)[0].lower()
    return code if code in SpellChecker.languages() else None


def _load(code: str) -> _Dictionary:
    """The dictionary for ``code``, loaded once per process and shared."""
    with _load_lock:
        if code not in _dictionaries:
            checker = SpellChecker(language=code)
            words = checker.word_frequency.dictionary
            # Letters of the 5,000 commonest words: the accented letters of borrowed words
            # would double the cost of every suggestion for little gain.
            letters = Counter("".join(word for word, _ in words.most_common(5000)))
            alphabet = "".join(ch for ch, _ in letters.most_common() if ch.isalpha())
            _dictionaries[code] = _Dictionary(checker, words, alphabet)
        return _dictionaries[code]


class Speller:
    """Finds misspelt words in one language, with a user dictionary of extra words."""

    def __init__(self, language: str = "en-US", extra_words: Iterable[str] = ()):
        self.language = language
        self.dictionary_language = dictionary_code(language)
        self.reason = "" if self.dictionary_language else _no_dictionary_reason(language)
        # pyspellchecker's English is American: elsewhere, accept British spellings too.
        self._british = self.dictionary_language == "en" and region_of(language) != "US"
        self._user_words = {_fold(word) for word in extra_words if word.strip()}

    @property
    def available(self) -> bool:
        """Whether spelling is checked at all (False: there is no dictionary; see reason)."""
        return not self.reason

    @property
    def user_words(self) -> frozenset[str]:
        """The extra words this speller knows (lower case), for the editor to save."""
        return frozenset(self._user_words)

    def add_word(self, word: str) -> None:
        """Accept ``word`` from now on (any capitalization)."""
        if word.strip():
            self._user_words.add(_fold(word))

    def remove_word(self, word: str) -> None:
        """Forget a word added with :meth:`add_word` or passed in ``extra_words``."""
        self._user_words.discard(_fold(word))

    def load(self) -> None:
        """Load the dictionary now (it takes ~0.3 s), e.g. from a background thread."""
        self._dictionary()

    def is_known(self, word: str) -> bool:
        """Whether ``word`` is spelt correctly (always True when spelling is not checked)."""
        dictionary = self._dictionary()
        return dictionary is None or self._known(_fold(word), dictionary.words, frozenset())

    def misspelled(self, text: str, ignore: Iterable[str] = ()) -> list[Span]:
        """``(start, end, word)`` for each misspelt word; ``text[start:end] == word``.

        ``text`` may be Markdown or plain text. ``ignore`` holds names (or any text) whose
        words are never flagged, such as the release's contact names.
        """
        dictionary = self._dictionary()
        if dictionary is None:
            return []
        skip = frozenset(_fold(word) for item in ignore for word in _WORD.findall(item))
        prose = _NOT_PROSE.sub(lambda match: " " * len(match.group()), scan_markdown(text).prose)
        spans: list[Span] = []
        for match in _WORD.finditer(prose):
            word = match.group()
            if _checkable(word) and not self._known(_fold(word), dictionary.words, skip):
                spans.append((match.start(), match.end(), word))
        return spans

    def suggestions(self, word: str, limit: int = 5) -> list[str]:
        """Likely corrections of ``word``, best first, in the word's capitalization."""
        dictionary = self._dictionary()
        if dictionary is None or not word.strip():
            return []
        folded = _fold(word)
        near = _edits(folded, dictionary.alphabet)
        found = {candidate for candidate in near if candidate in dictionary.words}
        found |= {candidate for candidate in near if candidate in self._user_words}
        if not found and len(folded) <= DISTANCE_TWO_MAX_LENGTH:
            for candidate in near:
                found.update(
                    w for w in _edits(candidate, dictionary.alphabet) if w in dictionary.words
                )
        found.discard(folded)
        ranked = sorted(found, key=lambda w: (-dictionary.words.get(w, 0), w))[:limit]
        return [_match_case(word, candidate) for candidate in ranked]

    def _dictionary(self) -> _Dictionary | None:
        if self.dictionary_language is None or self.reason:
            return None
        try:
            return _load(self.dictionary_language)
        except (OSError, ValueError) as exc:  # a damaged dictionary file: stop checking
            self.reason = f"The spelling dictionary could not be loaded ({exc})"
            return None

    def _known(self, folded: str, words: dict[str, int], skip: frozenset[str]) -> bool:
        if folded in words or folded in self._user_words or folded in skip:
            return True
        if "'" in folded:  # Wareham's, l'homme, o'clock: each part known, or a short elision
            return all(
                len(part) <= 2 or self._known(part, words, skip) for part in folded.split("'")
            )
        return self._british and any(us in words for us in american_forms(folded))


def names_to_ignore(release: Release) -> set[str]:
    """Names in a release that no dictionary knows: contacts, organizations, cities, handles."""
    org = release.organization
    names = {org.name, release.dateline.city, *(s.handle for s in org.social)}
    for contact in release.contacts:
        names.update((contact.name, contact.organization, contact.city))
    return {name for name in names if name.strip()}


def _fold(word: str) -> str:
    # lower(), not casefold(): the dictionaries hold "straße", which casefold makes "strasse".
    return word.strip().replace("’", "'").lower()


def _checkable(word: str) -> bool:
    """Whether a token is a word to check, not a number, an acronym or a brand name."""
    if len(word) < 2 or any(ch.isdigit() or ch == "_" for ch in word):
        return False
    letters = word.replace("'", "").replace("’", "")
    if letters.isupper():
        return False  # NATO, ICBL
    return not any(ch.isupper() for ch in letters[1:])  # McDonald, iPhone


def _edits(word: str, alphabet: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {left + right[1:] for left, right in splits if right}
    edits |= {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    edits |= {left + ch + right[1:] for left, right in splits if right for ch in alphabet}
    edits |= {left + ch + right for left, right in splits for ch in alphabet}
    return edits


_BRITISH = (
    (re.compile(r"our"), "or"),  # colour, favourite, neighbourhood
    (re.compile(r"is(?=e$|ed$|es$|ing$|ation)"), "iz"),  # organise, organisation
    (re.compile(r"ys(?=e$|ed$|es$|ing$)"), "yz"),  # analyse
    (re.compile(r"([bt])re(s?)$"), r"\1er\2"),  # centre, fibre
    (re.compile(r"ence(s?)$"), r"ense\1"),  # defence, licence
    (re.compile(r"ogue(s?)$"), r"og\1"),  # catalogue
    (re.compile(r"ll(?=ed$|ing$|er$|ers$)"), "l"),  # travelled, modelling
    (re.compile(r"mme(s?)$"), r"m\1"),  # programme
    (re.compile(r"gement(s?)$"), r"gment\1"),  # judgement
)


def american_forms(word: str) -> set[str]:
    """The American spellings a British-spelt ``word`` may have: colour -> color."""
    forms = set()
    every = word
    for pattern, american in _BRITISH:
        forms.add(pattern.sub(american, word))
        every = pattern.sub(american, every)
    forms.add(every)  # "organisations" and "colourisation" need more than one change
    forms.discard(word)
    return forms


def _match_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _no_dictionary_reason(language: str) -> str:
    available = ", ".join(sorted(SpellChecker.languages()))
    return (
        f"There is no spelling dictionary for the language '{language}', so spelling is not "
        f"checked (dictionaries: {available})"
    )
