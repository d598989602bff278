"""Reassigning blocks, as the Import Review does: each role lands in its field, and no block
of the source is lost or lands twice (what a field cannot use is listed as not placed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from presskit.importers import ImportResult, Role, import_file, import_text, reassign
from presskit.storage.release_file import dumps_release

SEED = Path(__file__).parents[1] / "data" / "import" / "variants"
SEED = SEED / "seed-ban-landmines.docx-title-top.docx"
CENSUS = Path(__file__).parents[1] / "data" / "import" / "sources"
CENSUS = CENSUS / "census-2019-reuters-statement.txt"
HEADLINE = "US: Ban Landmine Use Everywhere, Korea Included"
SUBHEADLINE = "20th Anniversary of President Clinton's call"
STOCKPILE = "The US has a stockpile of about 3 million antipersonnel mines."
LAST = "According to the White House announcement"
ABOUT = "The United States Campaign to Ban Landmines is a coalition"
SHELTER = """FOR IMMEDIATE RELEASE

City Opens a Winter Shelter

BOSTON, March 2, 2026 - The shelter on Dorchester Avenue opens on Monday with eighty beds, \
said the director of the trust that runs it.

The city's report on winter shelters is online at https://example.org/shelter-report and in \
every library.

Cambridge, Mass., March 1, 2026

Embargoed until 10:00 EST, March 2, 2026

###
"""


@pytest.fixture(scope="module")
def seed() -> ImportResult:
    return import_file(SEED)


def at(result: ImportResult, text: str) -> int:
    return next(b.index for b in result.document.blocks if b.text.startswith(text))


def unplaced(result: ImportResult) -> list[str]:
    return [block.text for block in result.not_placed()]


def test_a_new_headline_lists_the_old_one_as_not_placed(seed: ImportResult) -> None:
    result = reassign(seed, at(seed, SUBHEADLINE), Role.HEADLINE)
    assert result.release.headline.startswith(SUBHEADLINE)
    assert unplaced(result) == [HEADLINE]
    assert HEADLINE not in result.release.body and result.release.subheadline == ""
    assert result.fields["headline"].lines == [(12, 12)]
    assert "headline" not in result.warnings[-1] and "1 line" in result.warnings[-1]


def test_a_role_that_went_through_qt_as_text_is_still_the_role(seed: ImportResult) -> None:
    """A QComboBox item's data comes back as str: "headline" is Role.HEADLINE."""
    result = reassign(seed, at(seed, SUBHEADLINE), "headline")  # type: ignore[arg-type]
    assert result.roles[at(seed, SUBHEADLINE)] is Role.HEADLINE
    assert result.release.headline.startswith(SUBHEADLINE) and unplaced(result) == [HEADLINE]


def test_blocks_chosen_together_form_one_headline(seed: ImportResult) -> None:
    result = reassign(seed, [at(seed, HEADLINE), at(seed, SUBHEADLINE)], Role.HEADLINE)
    assert result.release.headline.startswith(f"{HEADLINE} {SUBHEADLINE}")
    assert unplaced(result) == [] and result.release.subheadline == ""
    assert result.fields["headline"].lines == [(11, 12)]


def test_a_new_subheadline_replaces_the_old_one(seed: ImportResult) -> None:
    result = reassign(seed, at(seed, STOCKPILE), Role.SUBHEADLINE)
    assert result.release.subheadline == STOCKPILE
    assert STOCKPILE not in result.release.body
    assert [t[:40] for t in unplaced(result)] == [SUBHEADLINE[:40]]


def test_a_lead_marked_dateline_keeps_its_text_in_the_body(seed: ImportResult) -> None:
    result = reassign(seed, at(seed, "(Washington DC"), Role.DATELINE)
    assert result.release.dateline.city == "Washington DC"
    assert result.release.dateline.date.isoformat() == "2014-09-23"
    assert result.release.body.startswith("Today's announcement by the United States")
    assert unplaced(result) == []


def test_the_dateline_the_person_names_comes_before_the_leads() -> None:
    shelter = import_text(SHELTER)
    result = reassign(shelter, at(shelter, "Cambridge, Mass."), Role.DATELINE)
    assert result.release.dateline.city == "Cambridge, Mass."
    assert result.release.dateline.date.isoformat() == "2026-03-01"
    assert result.release.body.startswith("BOSTON, March 2, 2026 - The shelter")  # kept
    assert shelter.release.dateline.city == "Boston"  # the scorer's choice, before


def test_a_paragraph_with_no_date_marked_dateline_is_listed(seed: ImportResult) -> None:
    result = reassign(seed, at(seed, "Previously, on June 27"), Role.DATELINE)
    assert unplaced(result)[0].startswith("Previously, on June 27")
    assert "Previously" not in result.release.body
    assert any("line 18 (you marked Dateline) names no place or date" in w for w in result.warnings)
    assert result.release.dateline.city == "Washington DC"


def test_body_and_boilerplate_trade_paragraphs(seed: ImportResult) -> None:
    to_body = reassign(seed, at(seed, ABOUT), Role.BODY)
    assert to_body.release.body.endswith("1997 Nobel Peace Prize.")
    assert ABOUT not in to_body.release.boilerplate
    to_about = reassign(seed, at(seed, LAST), Role.BOILERPLATE)
    assert to_about.release.boilerplate.startswith(LAST)
    assert to_about.release.boilerplate.endswith("1997 Nobel Peace Prize.")
    assert LAST not in to_about.release.body


def test_contact_lines_go_to_the_body_and_back(seed: ImportResult) -> None:
    rows = [at(seed, text) for text in ("Mica Bevington", "Handicap International")]
    rows += [at(seed, "+1-240-450-3531"), at(seed, "mbevington@")]
    body = reassign(seed, rows, Role.BODY)
    assert [c.name for c in body.release.contacts] == ["Mary Wareham"]
    assert "Mica Bevington\n\nHandicap International" in body.release.body
    back = reassign(body, rows, Role.CONTACT)
    assert [c.name for c in back.release.contacts] == ["Mary Wareham", "Mica Bevington"]
    assert back.release.contacts[1].email == "mbevington@handicap-international.us"
    assert "Mica" not in back.release.body


def test_prose_marked_contact_or_links_or_release_line_is_listed(seed: ImportResult) -> None:
    for role, why in [
        (Role.CONTACT, "holds no name, phone or email"),
        (Role.LINKS, "holds no web address"),
        (Role.RELEASE_LINE, "is no release line"),
        (Role.SOCIAL, "holds no web address or handle"),
    ]:
        result = reassign(seed, at(seed, STOCKPILE), role)
        assert unplaced(result) == [STOCKPILE], role
        assert STOCKPILE not in dumps_release(result.release), role
        assert any(why in w for w in result.warnings), (role, result.warnings)
        assert len(result.release.contacts) == 2 and result.release.links == []


def test_a_release_line_and_a_link_chosen_by_the_person() -> None:
    shelter = import_text(SHELTER)
    embargo = at(shelter, "Embargoed until")  # at the bottom: the scorer leaves it unplaced
    marked = reassign(shelter, embargo, Role.RELEASE_LINE)
    assert marked.release.status.value == "embargoed"
    plain = reassign(marked, embargo, Role.BODY)
    assert plain.release.status.value != "embargoed"
    again = reassign(plain, embargo, Role.RELEASE_LINE)
    assert again.release.status.value == "embargoed"
    assert again.release.embargo.isoformat() == "2026-03-02T10:00:00-05:00"
    linked = reassign(shelter, at(shelter, "The city's report"), Role.LINKS)
    assert [link.url for link in linked.release.links] == ["https://example.org/shelter-report"]
    assert "shelter-report" not in linked.release.body


def test_not_placed_and_end_mark(seed: ImportResult) -> None:
    result = reassign(seed, at(seed, STOCKPILE), Role.NOT_PLACED)
    assert unplaced(result) == [STOCKPILE] and STOCKPILE not in result.release.body
    marked = reassign(seed, at(seed, STOCKPILE), Role.END_MARK)
    assert marked.release.end_mark == STOCKPILE and unplaced(marked) == ["###"]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]{3,}", text.lower()))


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.CONTACT])
def test_every_block_given_any_role_keeps_every_word(seed: ImportResult, role: Role) -> None:
    """Whatever block the person gives ``role``, every word of the source is in the release
    or in the not-placed list, and no paragraph lands in two fields. (A press contact keeps
    the name, title, organization, phones and email it finds: the rest of a paragraph made a
    contact is not kept; the review shows the contact it made.)"""
    source = _words("\n".join(b.text for b in seed.document.blocks)) - {"may"}
    for block in seed.document.blocks:
        result = reassign(seed, block.index, role)
        release = result.release
        kept = _words(dumps_release(release) + "\n".join(unplaced(result)))
        kept |= {"release", "immediate", "media", "contacts", "about", "the", "campaign"}
        assert source <= kept, (block.text[:40], sorted(source - kept))
        places = [release.headline, release.subheadline, release.body, release.boilerplate]
        places += ["\n".join(unplaced(result))]
        for other in seed.document.blocks:
            if len(other.text) > 30:
                assert sum(other.text in place for place in places) <= 1, other.text[:40]


def test_a_contact_line_that_holds_no_contact_is_listed() -> None:
    """A block made a press contact (by the person here; the scorer once read this page's
    "Disclaimer" as one) that names no one and gives no number is listed as not placed."""
    census = import_file(CENSUS)
    result = reassign(census, at(census, "Disclaimer"), Role.CONTACT)
    assert "Disclaimer" in unplaced(result)
    assert any("line 12 (you marked Press contact)" in w for w in result.warnings)
