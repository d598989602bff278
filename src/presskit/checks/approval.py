"""Sign-off rule: an approval that no longer covers the content.

When the content changed after someone approved it, the approval is of an earlier text: the
finding names who approved, when, and what changed since, so nobody sends a text believing
it approved. Rule id: ``approval-outdated``.
"""

from __future__ import annotations

from presskit.checks.findings import Finding, warning
from presskit.model.approvals import approval_day, approval_state, approver, what_changed
from presskit.model.release import Release


def approval_findings(release: Release) -> list[Finding]:
    """One warning per approval that the content has changed since."""
    state = approval_state(release)
    findings = []
    for outdated in state.outdated:
        approval = outdated.approval
        day = approval_day(approval)
        on = f" on {day}" if day else ""
        findings.append(
            warning(
                "approval-outdated",
                "approvals",
                f"{approver(approval)} approved this release{on}, but "
                f"{what_changed(outdated.changed)} changed since",
                "Ask for approval again (presskit approve, or Approve… in the editor), or "
                "restore the approved version from the history",
            )
        )
    return findings
