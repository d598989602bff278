"""Spelling: misspelt words with their spans, never names, addresses or Markdown syntax."""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.checks import spelling
from presskit.checks.spelling import Speller, dictionary_code, names_to_ignore
from presskit.storage import load_release


@pytest.fixture(scope="module")
def speller() -> Speller:
    english = Speller("en-US")
    english.load()
    return english


def words(found: list[tuple[int, int, str]]) -> list[str]:
    return [word for _, _, word in found]


def test_a_misspelt_word_is_found_with_its_span(speller: Speller) -> None:
    text = "The shelter opens on Munday for familes."
    found = speller.misspelled(text)
    assert found == [(21, 27, "Munday"), (32, 39, "familes")]
    for start, end, word in found:
        assert text[start:end] == word


def test_spans_are_offsets_in_markdown_source(speller: Speller) -> None:
    text = "# Heading\n\n- [The shelterr](https://x.org/shelterr) is **opne**."
    found = speller.misspelled(text)
    assert words(found) == ["shelterr", "opne"]
    assert [text[start:end] for start, end, _ in found] == ["shelterr", "opne"]
    assert found[0][0] == text.index("shelterr")


def test_names_given_to_ignore_are_never_flagged(speller: Speller) -> None:
    text = "Contact Mary Wareham or Mica Bevington; Wareham's phone is on."
    assert words(speller.misspelled(text)) == ["Wareham", "Bevington", "Wareham's"]
    assert speller.misspelled(text, ignore=["Mary Wareham", "Mica Bevington"]) == []


def test_names_to_ignore_come_from_the_release(example_path: Path, speller: Speller) -> None:
    release = load_release(example_path).release
    names = names_to_ignore(release)
    assert {"Mary Wareham", "Mica Bevington", "Washington DC", "@BanMinesUSA"} <= names
    text = f"{release.headline}\n{release.subheadline}\n{release.boilerplate}\n{release.body}"
    # What the example really has that the dictionary does not know: "de facto".
    assert words(speller.misspelled(text, ignore=names)) == ["facto"]


def test_addresses_and_markdown_syntax_are_never_flagged(speller: Speller) -> None:
    text = (
        "## Heading {#zzsection .zzclass}\n\n"
        '1. See [the site](https://zzexample.org/zzpath "zztitle") or www.zzsite.org/zzpage\n'
        "* Write to zzname@zzdomain.org, <zzother@zzdomain.org> or zzdomain.org today\n"
        "> Follow @zzhandle and @zzuser@zzserver.social\n\n"
        'Run `zzcode --zzflag` in <span class="zzclass">the</span> &nbsp; shell.\n\n'
        "```zzlang\nzzfenced code\n```\n\n"
        "[zzref]: https://zzref.org\n"
        "![the logo](assets/zzlogo.png)"
    )
    assert speller.misspelled(text) == []


def test_numbers_acronyms_and_mixed_case_are_not_checked(speller: Speller) -> None:
    text = "In 2014, ICBL and NATO met 162 nations on COP28 with iPhone and McDonald at 3pm."
    assert speller.misspelled(text) == []


def test_add_word_and_extra_words(speller: Speller) -> None:
    custom = Speller("en-US", extra_words=["Presskit"])
    assert custom.misspelled("Presskit and Uscbl") == [(13, 18, "Uscbl")]
    custom.add_word("uscbl")
    assert custom.misspelled("Presskit and Uscbl") == []
    assert custom.user_words == {"presskit", "uscbl"}
    custom.remove_word("Presskit")
    assert words(custom.misspelled("Presskit")) == ["Presskit"]
    # A user word stays with its speller; the shared dictionary is not changed.
    assert words(speller.misspelled("Uscbl")) == ["Uscbl"]


def test_suggestions_best_first_in_the_word_case(speller: Speller) -> None:
    assert speller.suggestions("antipersonel")[0] == "antipersonnel"
    assert speller.suggestions("Mozambiqe")[0] == "Mozambique"
    assert speller.suggestions("recieve")[0] == "receive"
    assert speller.suggestions("WROLD")[0] == "WORLD"
    assert len(speller.suggestions("teh")) <= 5
    assert speller.suggestions("qzxwvbkqzxwvbk") == []  # long gibberish: fast, no answer


def test_dictionaries_load_once_per_language(speller: Speller) -> None:
    other = Speller("en-GB")
    other.load()
    assert list(spelling._dictionaries).count("en") == 1
    assert spelling._load("en") is spelling._load("en")


def test_british_english_accepts_british_spellings(speller: Speller) -> None:
    text = "The organisation's colour, centre and programmes were analysed; a colourr."
    assert words(Speller("en-GB").misspelled(text)) == ["colourr"]
    assert words(speller.misspelled("colour organisation")) == ["colour", "organisation"]


def test_language_tags_map_to_dictionaries() -> None:
    assert dictionary_code("pt-BR") == "pt"
    assert dictionary_code("de_CH") == "de"
    assert dictionary_code("ja-JP") is None


def test_an_unknown_language_flags_nothing_and_says_why() -> None:
    japanese = Speller("ja-JP")
    assert not japanese.available
    assert "ja-JP" in japanese.reason and "not checked" in japanese.reason
    assert japanese.misspelled("wrold teh") == []
    assert japanese.suggestions("wrold") == []
    assert japanese.is_known("wrold")


def test_other_languages_check_their_own_words() -> None:
    french = Speller("fr-FR")
    assert french.available and french.reason == ""
    assert words(french.misspelled("L'homme mange une pomme avec du pian.")) == ["pian"]
    assert Speller("de-DE").misspelled("Die Straße ist schön, die Strase nicht.") == [
        (26, 32, "Strase")
    ]
