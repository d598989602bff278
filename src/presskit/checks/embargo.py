"""Embargo rules: an embargoed release needs an embargo time, and it must be in the future.

An embargo that has passed tells editors to hold news that is already public; an embargo set
on a release marked for immediate release is not shown at all. The current time is passed in
(``now``), so the rules stay pure and tests can fix the clock.

Rule ids: ``embargo-missing``, ``embargo-past``, ``embargo-unused``.
"""

from __future__ import annotations

import datetime as dt

from presskit.checks.findings import Finding, error, info, warning
from presskit.model.release import Release


def embargo_findings(release: Release, now: dt.datetime) -> list[Finding]:
    """Findings about the embargo. ``now`` should be timezone-aware (naive means UTC)."""
    embargo = release.embargo
    if release.is_embargoed and embargo is None:
        return [
            error(
                "embargo-missing",
                "embargo",
                "The release is embargoed but has no embargo date and time",
                "Set the date and time the news may be published, or mark the release for "
                "immediate release",
            )
        ]
    if embargo is None or embargo.utcoffset() is None:
        return []  # no embargo, or one without a UTC offset: the model validation reports that
    if not release.is_embargoed:
        return [
            info(
                "embargo-unused",
                "embargo",
                "An embargo time is set, but the release is marked for immediate release, so "
                "the embargo is not shown",
                "Mark the release as embargoed to use it, or clear the embargo time",
            )
        ]
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    if embargo <= now:
        return [
            warning(
                "embargo-past",
                "embargo",
                f"The embargo ({_when(release)}) has already passed",
                "Move the embargo to a time in the future, or mark the release for immediate "
                "release",
            )
        ]
    return []


def _when(release: Release) -> str:
    local = release.embargo_local()
    assert local is not None
    zone = local.tzname() or ""
    return f"{local:%Y-%m-%d %H:%M} {zone}".strip()
