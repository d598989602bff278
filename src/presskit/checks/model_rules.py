"""The model's own validation as findings, so one list shows everything.

A problem :func:`presskit.model.validation.validate_release` says export refuses
(``Problem.refuses``) is an error with the id ``invalid-field``; the others load and render
(the output does the sensible thing, which the message says) and are warnings, or notes for
what the output completes by itself (a website typed without ``https://``).
"""

from __future__ import annotations

from presskit.checks.findings import Finding, error, info, sentence, warning
from presskit.model.release import Release
from presskit.model.validation import validate_release

_HINT = "Presskit cannot export the release until this is corrected"
_WARNING_HINT = "Presskit exports the release all the same; correct it to print it as you meant"
_NOTE_HINT = "Nothing to do, unless the address is wrong; write it in full to silence this note"


def validation_findings(release: Release) -> list[Finding]:
    """One ``invalid-field`` finding for each validation problem of ``release``."""
    findings = []
    for problem in validate_release(release):
        message = sentence(problem.message)
        if problem.refuses:
            findings.append(error("invalid-field", problem.field, message, _HINT))
        elif problem.note:
            findings.append(info("invalid-field", problem.field, message, _NOTE_HINT))
        else:
            findings.append(warning("invalid-field", problem.field, message, _WARNING_HINT))
    return findings
