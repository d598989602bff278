"""Sign-off: recording an approval and telling whether it still covers the content.

An approval holds the fingerprint of the content it approved (:mod:`presskit.model.fingerprint`).
It is *current* while the content has that fingerprint, and *outdated* once anything a reader
reads has changed; then the per-part fingerprints name what changed. Pure functions: the
check ``approval-outdated``, the status bar and ``presskit approve`` all use these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from presskit.model.fingerprint import (
    changed_parts,
    content_fingerprint,
    part_fingerprints,
    part_name,
)
from presskit.model.release import Approval, Release


def new_approval(
    release: Release, by: str, role: str = "", when: dt.datetime | None = None
) -> Approval:
    """An approval of ``release`` as it is now, by ``by`` (in the role ``role``)."""
    if not by.strip():
        raise ValueError("an approval needs the name of the person who approves")
    when = when or dt.datetime.now(dt.UTC)
    if when.utcoffset() is None:
        when = when.replace(tzinfo=dt.UTC)
    return Approval(
        by=by.strip(),
        role=role.strip(),
        at=when.replace(microsecond=0).isoformat(),
        fingerprint=content_fingerprint(release),
        fields=part_fingerprints(release),
    )


@dataclass(frozen=True)
class OutdatedApproval:
    """An approval of content that has changed since, and the parts that changed."""

    approval: Approval
    changed: list[str] = field(default_factory=list)  # part keys, in file order


@dataclass(frozen=True)
class ApprovalState:
    """Which of a release's approvals cover its content as it is now."""

    current: list[Approval] = field(default_factory=list)
    outdated: list[OutdatedApproval] = field(default_factory=list)

    @property
    def approved(self) -> bool:
        return bool(self.current)


def approval_state(release: Release) -> ApprovalState:
    """Sort ``release``'s approvals into current and outdated (the latest per person only:
    a newer approval by the same person replaces the older)."""
    latest: dict[str, Approval] = {}
    for approval in release.approvals:
        latest[approval.by.strip().casefold()] = approval
    if not latest:
        return ApprovalState()
    whole = content_fingerprint(release)
    parts = part_fingerprints(release)
    current: list[Approval] = []
    outdated: list[OutdatedApproval] = []
    for approval in latest.values():
        if approval.fingerprint == whole:
            current.append(approval)
        else:
            outdated.append(OutdatedApproval(approval, changed_parts(approval.fields, parts)))
    return ApprovalState(current, outdated)


def approver(approval: Approval) -> str:
    """``Jana Novak (Director)``, or the name alone without a role."""
    name = approval.by.strip() or "someone"
    return f"{name} ({approval.role.strip()})" if approval.role.strip() else name


def approval_day(approval: Approval) -> str:
    """The approval's date as written (``2026-03-02``), or "" when it has none."""
    try:
        return dt.datetime.fromisoformat(approval.at).date().isoformat()
    except ValueError:
        return approval.at.strip()[:10]


def what_changed(changed: list[str]) -> str:
    """``the headline and the body`` for ``["headline", "body"]``; "the content" for none."""
    names = [f"the {part_name(part)}" for part in changed]
    if not names:
        return "the content"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]
