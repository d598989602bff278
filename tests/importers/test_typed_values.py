"""Dates, times and zones as a person types them into the editor's fields."""

from __future__ import annotations

import datetime as dt

import pytest

from presskit.importers.dates import parse_typed_date, parse_typed_time, resolve_zone

TODAY = dt.date(2026, 12, 2)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("1 Dec 2026", "en-GB", dt.date(2026, 12, 1)),
        ("1/12/2026", "en-GB", dt.date(2026, 12, 1)),
        ("1/12/2026", "en-US", dt.date(2026, 1, 12)),
        ("2026-12-01", "en-US", dt.date(2026, 12, 1)),
        ("Dec 1, 2026", "en-US", dt.date(2026, 12, 1)),
        ("Tuesday, 1st December 2026", "en-GB", dt.date(2026, 12, 1)),
        ("1. Dezember 2026", "de-DE", dt.date(2026, 12, 1)),
        ("1.12.26", "de-DE", dt.date(2026, 12, 1)),
        ("1 déc. 2026", "fr-FR", dt.date(2026, 12, 1)),
        ("1 dec", "nl-NL", dt.date(2026, 12, 1)),
        ("tomorrow", "en-US", dt.date(2026, 12, 3)),
        ("31/2/2026", "en-GB", None),
        ("No date1Dec2026", "en-US", None),
        ("soon", "en-US", None),
    ],
)
def test_typed_dates(text: str, language: str, expected: dt.date | None) -> None:
    assert parse_typed_date(text, language, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9", dt.time(9)), ("9:30", dt.time(9, 30)), ("09.30", dt.time(9, 30)),
        ("9am", dt.time(9)), ("9:30 p.m.", dt.time(21, 30)), ("17h", dt.time(17)),
        ("noon", dt.time(12)), ("0900", dt.time(9)), ("25:00", None), ("13pm", None),
    ],
)  # fmt: skip
def test_typed_times(text: str, expected: dt.time | None) -> None:
    assert parse_typed_time(text) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Berlin", "en-GB", "Europe/Berlin"), ("europe/berlin", "en-US", "Europe/Berlin"),
        ("New York", "en-US", "America/New_York"), ("sao paulo", "pt-BR", "America/Sao_Paulo"),
        ("Wien", "de-DE", "Europe/Vienna"), ("EST", "en-US", "America/New_York"),
        ("Atlantis", "en-US", None), ("", "en-US", None),
    ],
)  # fmt: skip
def test_typed_zones(text: str, language: str, expected: str | None) -> None:
    assert resolve_zone(text, language) == expected
