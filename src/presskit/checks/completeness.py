"""Completeness rules: the parts a journalist looks for are there.

A dateline says where and when the news comes from; the boilerplate says who is speaking; a
press contact is whom a journalist calls. Each missing part is a warning: a release can go out
without it, but it rarely should.

Rule ids: ``dateline-missing``, ``boilerplate-missing``, ``contact-missing``.
"""

from __future__ import annotations

from presskit.checks.findings import Finding, warning
from presskit.model.release import Release


def completeness_findings(release: Release) -> list[Finding]:
    """Findings for a missing dateline, boilerplate or press contact."""
    findings = dateline_findings(release)
    if not release.boilerplate.strip():
        findings.append(
            warning(
                "boilerplate-missing",
                "boilerplate",
                'The release has no "About" paragraph (boilerplate) saying who the organization is',
                "Add two or three sentences about the organization, or insert one from the library",
            )
        )
    if not release.contacts:
        findings.append(
            warning(
                "contact-missing",
                "contacts",
                "The release has no press contact, so journalists cannot follow up",
                "Add at least one press contact with a phone number and an email address",
            )
        )
    return findings


def dateline_findings(release: Release) -> list[Finding]:
    """A finding when the dateline's city or date (or both) is missing."""
    dateline = release.dateline
    city, date = bool(dateline.city.strip()), dateline.date is not None
    if city and date:
        return []
    if not city and not date:
        field, message = "dateline", "The release has no dateline (city and date)"
    elif not city:
        field, message = "dateline.city", "The dateline has no city"
    else:
        field, message = "dateline.date", "The dateline has no date"
    hint = "Give the city the news comes from and the date of the release"
    return [warning("dateline-missing", field, message, hint)]
