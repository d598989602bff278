"""Headline rules: short, in sentence or title case, and calm.

Editors skim headlines in a crowded inbox: one over about 80 characters is cut off in email
subjects and search results, one in capitals reads as shouting, and an exclamation mark reads
as advertising, not news.

Rule ids: ``headline-too-long``, ``headline-all-caps``, ``headline-exclamation``,
``subheadline-too-long``.
"""

from __future__ import annotations

from presskit.checks.findings import Finding, warning
from presskit.model.release import Release

HEADLINE_MAX_CHARS = 80
SUBHEADLINE_MAX_CHARS = 150


def headline_findings(release: Release) -> list[Finding]:
    """Findings about the headline and the subheadline."""
    findings: list[Finding] = []
    headline = " ".join(release.headline.split())
    if len(headline) > HEADLINE_MAX_CHARS:
        findings.append(
            warning(
                "headline-too-long",
                "headline",
                f"The headline has {len(headline)} characters; more than "
                f"{HEADLINE_MAX_CHARS} get cut off in email subjects and search results",
                "Keep the news in the headline and move the detail to the subheadline",
            )
        )
    if is_all_caps(headline):
        findings.append(
            warning(
                "headline-all-caps",
                "headline",
                "The headline is in capital letters, which reads as shouting and is harder to read",
                "Write it in sentence case or title case; the theme styles it",
            )
        )
    if "!" in headline:
        findings.append(
            warning(
                "headline-exclamation",
                "headline",
                "The headline has an exclamation mark, which makes news read like an advert",
                "Remove the exclamation mark and let the facts carry the headline",
            )
        )
    subheadline = " ".join(release.subheadline.split())
    if len(subheadline) > SUBHEADLINE_MAX_CHARS:
        findings.append(
            warning(
                "subheadline-too-long",
                "subheadline",
                f"The subheadline has {len(subheadline)} characters; keep it under "
                f"{SUBHEADLINE_MAX_CHARS}, one line a reader takes in at a glance",
                "Keep one supporting fact here and move the rest into the first paragraph",
            )
        )
    return findings


def is_all_caps(text: str) -> bool:
    """Whether ``text`` is written in capitals: two or more words and no lower-case letter.

    One word in capitals is usually an acronym ("NATO"), not shouting.
    """
    words = [word for word in text.split() if any(ch.isalpha() for ch in word)]
    return len(words) >= 2 and text.upper() == text and text.lower() != text
