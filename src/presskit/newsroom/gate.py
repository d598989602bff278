"""The embargo gate: a release embargoed after the build's moment is held back, entirely.

A held-back release gets no page, no PDF, no press kit, no feed entry, no search-index entry,
no sitemap URL and no mention anywhere in the site; the build only says, to the person
running it, which releases were held back and until when. The rule is deliberately wider than
the release line: an embargo time in the future holds a release back even when its status
says "immediate" (a leftover embargo is a question to ask, not a risk to take), and a release
marked embargoed without a time is held back until it has one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from presskit.model.release import Release


@dataclass(frozen=True)
class Hold:
    """Why a release is held back, and until when (None: until it gets an embargo time)."""

    until: dt.datetime | None
    reason: str


def embargo_hold(release: Release, now: dt.datetime) -> Hold | None:
    """The hold on ``release`` at ``now`` (aware), or None when it may be published."""
    if release.embargo is not None and release.embargo > now:
        until = release.embargo_local() or release.embargo
        zone = until.tzname() or ""
        when = f"{until:%Y-%m-%d %H:%M} {zone}".strip()
        note = "" if release.is_embargoed else " (an embargo time is set although the "
        note += "" if release.is_embargoed else "release is marked for immediate release)"
        return Hold(release.embargo, f"held back until {when}{note}")
    if release.is_embargoed and release.embargo is None:
        return Hold(None, "held back: embargoed without an embargo time")
    return None
