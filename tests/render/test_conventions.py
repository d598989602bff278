"""Press-release conventions: datelines, embargo lines, labels in four languages."""

from __future__ import annotations

import datetime as dt

import pytest

from presskit.model import Dateline, DatelineStyle, Release, Status
from presskit.render.ap_style import ap_place
from presskit.render.conventions import dateline_text, labels_for, release_line, slug


@pytest.mark.parametrize(
    ("city", "expected"),
    [
        ("Washington DC", "WASHINGTON"),
        ("Washington, D.C.", "WASHINGTON"),
        ("Chicago", "CHICAGO"),
        ("Boston, Mass.", "BOSTON"),
        ("Springfield, Illinois", "SPRINGFIELD, Ill."),
        ("Springfield IL", "SPRINGFIELD, Ill."),
        ("Portland, OR", "PORTLAND, Ore."),
        ("Austin, Texas", "AUSTIN, Texas"),
        ("Juneau, AK", "JUNEAU, Alaska"),
        ("London", "LONDON"),
        ("Geneva, Switzerland", "GENEVA"),
        ("Nairobi, Kenya", "NAIROBI, Kenya"),
    ],
)
def test_ap_dateline_places(city: str, expected: str) -> None:
    assert ap_place(city) == expected


def _release(**changes: object) -> Release:
    release = Release(headline="x", dateline=Dateline("Washington DC", dt.date(2014, 9, 23)))
    for name, value in changes.items():
        setattr(release, name, value)
    return release


def test_dateline_styles() -> None:
    release = _release()
    assert dateline_text(release) == "(Washington DC, September 23, 2014)"
    release.dateline.style = DatelineStyle.AP
    assert dateline_text(release) == "WASHINGTON, Sept. 23, 2014 —"
    release.dateline.date = dt.date(2014, 3, 5)
    assert dateline_text(release) == "WASHINGTON, March 5, 2014 —"
    german = _release(language="de-DE", dateline=Dateline("Berlin", dt.date(2014, 9, 23)))
    german.dateline.style = DatelineStyle.LOCALE
    assert dateline_text(german) == "BERLIN, 23. September 2014 –"
    french = _release(language="fr-FR", dateline=Dateline("Paris", dt.date(2014, 9, 23)))
    assert dateline_text(french) == "(Paris, 23 septembre 2014)"
    assert dateline_text(_release(dateline=Dateline())) == ""


@pytest.mark.parametrize(
    ("language", "hour", "zone", "expected"),
    [
        ("en-US", 9, "America/New_York", "EMBARGOED UNTIL 9 a.m. EDT, Sept. 23, 2014"),
        ("en-US", 12, "America/New_York", "EMBARGOED UNTIL noon EDT, Sept. 23, 2014"),
        ("en-US", 15, "", "EMBARGOED UNTIL 3:30 p.m. UTC-4, Sept. 23, 2014"),
        ("de-DE", 9, "Europe/Berlin", "SPERRFRIST BIS 23. September 2014, 09:00 MESZ"),
        ("fr-FR", 9, "Europe/Paris", "SOUS EMBARGO JUSQU'AU 23 septembre 2014, 09:00 CEST"),
        ("es-ES", 9, "Europe/Madrid", "EMBARGADO HASTA 23 de septiembre de 2014, 09:00 CEST"),
    ],
)
def test_embargo_lines(language: str, hour: int, zone: str, expected: str) -> None:
    offset = dt.timedelta(hours=-4 if language == "en-US" else 2)
    minute = 30 if not zone else 0
    embargo = dt.datetime(2014, 9, 23, hour, minute, tzinfo=dt.timezone(offset))
    release = _release(language=language, status=Status.EMBARGOED, embargo=embargo, timezone=zone)
    assert release_line(release) == expected


def test_immediate_release_line_is_translated() -> None:
    assert release_line(_release()) == "FOR IMMEDIATE RELEASE"
    assert release_line(_release(language="de-DE")) == "ZUR SOFORTIGEN VERÖFFENTLICHUNG"


@pytest.mark.parametrize("language", ["en-US", "de-DE", "fr-FR", "es-ES"])
def test_every_label_is_translated(language: str) -> None:
    labels = labels_for(language)
    assert set(labels) == set(labels_for("en"))
    if not language.startswith("en"):
        assert labels["contacts"] != labels_for("en")["contacts"]
        assert labels["page"] or labels["of"]


def test_slug_shortens_at_a_word() -> None:
    assert slug("Short headline") == "Short headline"
    assert (
        slug("US: Ban Landmine Use Everywhere, Korea Included")
        == "US: Ban Landmine Use Everywhere, Korea…"
    )
