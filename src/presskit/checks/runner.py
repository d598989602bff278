"""Run every preflight rule over a release: one list of findings, in the order of the file.

    findings = run_checks(release, page_count=2, exists=lambda path: (folder / path).is_file())

The editor runs this on every pause in typing, so it must stay fast (a few milliseconds for a
real release; ``benchmarks/bench_checks.py`` measures it). Nothing here touches the disk or
the clock unless the caller passes ``exists`` or leaves ``now`` out.
"""

from __future__ import annotations

import datetime as dt

from presskit.checks.approval import approval_findings
from presskit.checks.assets import Exists, asset_findings
from presskit.checks.completeness import completeness_findings
from presskit.checks.contacts import contact_findings
from presskit.checks.embargo import embargo_findings
from presskit.checks.findings import Finding, Severity
from presskit.checks.headline import headline_findings
from presskit.checks.length import length_findings
from presskit.checks.links import link_findings
from presskit.checks.model_rules import validation_findings
from presskit.checks.translation import SourceLookup, translation_findings
from presskit.model.paths import parse_path_text
from presskit.model.release import Release

# Rules that report, with their own id and a hint, a problem the model validation also
# reports: the validation's plain "invalid-field" copy for the same field is left out.
_RESTATE_VALIDATION = frozenset({"malformed-url", "malformed-email", "placeholder-link"})
_RESTATE_VALIDATION |= {"embargo-missing", "local-link", "incomplete-url"}

# Fields in the order a release file writes them (docs/file-format.md), list items aside.
_FIELD_ORDER = (
    "presskit", "status", "embargo", "timezone", "headline", "subheadline",
    "dateline", "dateline.city", "dateline.date", "dateline.style", "language",
    "organization", "organization.name", "organization.website", "organization.logo",
    "organization.social", "organization.social.network", "organization.social.handle",
    "organization.social.url", "boilerplate", "links", "links.title", "links.url",
    "contacts", "contacts.name", "contacts.title", "contacts.organization", "contacts.city",
    "contacts.phones", "contacts.phones.number", "contacts.phones.label", "contacts.email",
    "theme", "end_mark", "approvals", "approvals.by", "translation", "body",
)  # fmt: skip
_RANK = {name: rank for rank, name in enumerate(_FIELD_ORDER)}
_UNKNOWN_RANK = _RANK["body"] - 0.5  # a field Presskit does not know: after the known ones


def run_checks(
    release: Release,
    *,
    page_count: int | None = None,
    exists: Exists | None = None,
    now: dt.datetime | None = None,
    source: SourceLookup | None = None,
) -> list[Finding]:
    """Every finding for ``release``, ordered by the position of its field in the file.

    ``page_count`` is the number of pages of the last render (None: not checked); ``exists``
    says whether an asset path, relative to the release's folder, is a file (None: not
    checked); ``now`` is the current time for the embargo rules (default: the clock);
    ``source`` reads the release a translation translates (None: not checked).
    """
    if now is None:
        now = dt.datetime.now(dt.UTC)
    findings = [
        *embargo_findings(release, now),
        *headline_findings(release),
        *completeness_findings(release),
        *link_findings(release),
        *contact_findings(release),
        *asset_findings(release, exists),
        *length_findings(release, page_count),
        *approval_findings(release),
        *translation_findings(release, source),
    ]
    restated = {f.field: f.severity for f in findings if f.id in _RESTATE_VALIDATION}
    findings += [f for f in validation_findings(release) if not _said(f, restated)]
    findings.sort(key=position)
    return findings


def _said(finding: Finding, restated: dict[str, Severity]) -> bool:
    """Whether a more specific rule already reported this validation problem: a refusal
    (an error) counts as said only by an error."""
    said = restated.get(finding.field)
    return said is not None and (finding.severity is not Severity.ERROR or said is Severity.ERROR)


def position(finding: Finding) -> tuple[float, ...]:
    """A sort key putting findings in file order: field, list position, line in the field."""
    key: list[float] = []
    name = ""
    for part in parse_path_text(finding.field):
        if isinstance(part, int):
            key.append(part)
        else:
            name = f"{name}.{part}" if name else part
            key.append(_RANK.get(name, _UNKNOWN_RANK))
    key.append(finding.body_line or 0)
    return tuple(key)
