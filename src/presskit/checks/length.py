"""Length rules: a body of 300 to 800 words, on no more than two pages.

Journalists read the first paragraphs and the contacts; most releases that work are one or
two pages. The page count comes from the last render (the checks never render).

Rule ids: ``body-too-short``, ``body-too-long``, ``too-many-pages``.
"""

from __future__ import annotations

import re

from presskit.checks.findings import Finding, warning
from presskit.checks.markdown_scan import scan_markdown
from presskit.model.release import Release

BODY_MIN_WORDS = 300
BODY_MAX_WORDS = 800
MAX_PAGES = 2

# A word: letters or digits, joined by apostrophes, hyphens or dots ("non-governmental",
# "Today's", "U.S.", "3.5" are one word each).
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


def word_count(markdown: str) -> int:
    """The words of Markdown text as a reader sees them (no link targets, code or tags)."""
    return len(_WORD.findall(scan_markdown(markdown).prose))


def length_findings(release: Release, page_count: int | None = None) -> list[Finding]:
    """Findings about the length of the body, and the page count when one is known."""
    findings: list[Finding] = []
    words = word_count(release.body)
    if words < BODY_MIN_WORDS:
        message = (
            "The body is empty"
            if words == 0
            else f"The body has {words} words; most releases need at least {BODY_MIN_WORDS}"
        )
        hint = "Add the facts a journalist needs: who, what, when, where, why, and a quote"
        findings.append(warning("body-too-short", "body", message, hint))
    elif words > BODY_MAX_WORDS:
        findings.append(
            warning(
                "body-too-long",
                "body",
                f"The body has {words} words; journalists rarely read past {BODY_MAX_WORDS}",
                "Keep the news in the first paragraphs and link to the background instead",
            )
        )
    if page_count is not None and page_count > MAX_PAGES:
        findings.append(
            warning(
                "too-many-pages",
                "body",
                f"The release runs to {page_count} pages; aim for one or two",
                "Shorten the body, or move background material to a linked page",
            )
        )
    return findings
