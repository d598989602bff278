"""The model's own validation as findings, so one list shows everything.

Every problem :func:`presskit.model.validation.validate_release` reports makes export refuse
the release, so each becomes an error with the id ``invalid-field``.
"""

from __future__ import annotations

from presskit.checks.findings import Finding, error, sentence
from presskit.model.release import Release
from presskit.model.validation import validate_release

_HINT = "Presskit cannot export the release until this is corrected"


def validation_findings(release: Release) -> list[Finding]:
    """One ``invalid-field`` error for each validation problem of ``release``."""
    return [
        error("invalid-field", problem.field, sentence(problem.message), _HINT)
        for problem in validate_release(release)
    ]
