"""Fixtures for the preflight checks: a clean release that every rule is quiet about."""

from __future__ import annotations

import datetime as dt

import pytest

from presskit.checks.findings import Finding
from presskit.model.release import Contact, Dateline, Link, Organization, Phone, Release

PARAGRAPH = (
    "The shelter on Dorchester Avenue opens on Monday with eighty beds, a kitchen and a "
    "playroom, and it will stay open every night until the end of April. Families can "
    "arrive from six in the evening, and volunteers from the neighborhood will serve a hot "
    "meal every night. See the [floor plan](https://harborhousing.example.org/plan) and "
    "the photos of the rooms before the opening."
)
"""About 65 words; six of them make a body of the right length."""


def make_clean_release() -> Release:
    """A release with every part filled in well: no rule should fire on it."""
    return Release(
        headline="New Shelter Opens for Families in Winter",
        subheadline="Eighty beds and a kitchen, open every night until April",
        dateline=Dateline(city="Boston", date=dt.date(2026, 3, 2)),
        language="en-US",
        organization=Organization(
            name="Harbor Housing Trust", website="https://harborhousing.example.org"
        ),
        boilerplate="Harbor Housing Trust has sheltered families in Boston since 1988.",
        links=[Link("Photos of the shelter", "https://harborhousing.example.org/press/photos")],
        contacts=[
            Contact(
                name="Ana Souza",
                organization="Harbor Housing Trust",
                phones=[Phone("+1 617 555 0100", "office")],
                email="ana.souza@harborhousing.example.org",
            )
        ],
        body="\n\n".join([PARAGRAPH] * 6),
    )


@pytest.fixture
def clean() -> Release:
    return make_clean_release()


def ids(findings: list[Finding]) -> list[str]:
    return [finding.id for finding in findings]
