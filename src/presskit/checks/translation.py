"""Translation rule: segments whose source changed since they were translated.

A translation records how each segment of its source read when it was translated
(:class:`presskit.model.release.Translation`). When the source's headline, a body paragraph
or a link title has changed since, the translation is behind: one warning per segment,
naming the field (and the line of the translation's body) and giving the new source text.
Rule ids: ``translation-outdated``, ``translation-source-missing``.
"""

from __future__ import annotations

from collections.abc import Callable

from presskit.checks.findings import Finding, warning
from presskit.model.release import Release
from presskit.model.segments import (
    MARKDOWN_FIELDS,
    Segment,
    markdown_layout,
    outdated_segments,
    removed_segments,
)

SourceLookup = Callable[[str], Release | None]
"""Reads the source a translation names (its path as written); None when it cannot."""

_QUOTE_LIMIT = 200


def translation_findings(release: Release, source: SourceLookup | None) -> list[Finding]:
    """One warning per segment of ``release``'s source that changed since translation."""
    link = release.translation
    if link is None or source is None:
        return []
    original = source(link.source)
    if original is None:
        return [
            warning(
                "translation-source-missing",
                "translation",
                f"The release this translates ({link.source}) cannot be read",
                "Put the source back where the path says, or correct translation.source: a "
                ".md release in this folder, below it or in a folder beside it",
            )
        ]
    lines = _translation_lines(release)
    findings = [_outdated(segment, lines) for segment in outdated_segments(link.segments, original)]
    findings += [
        warning(
            "translation-outdated",
            _field_of(segment_id),
            f"{segment_id} was removed from the source since it was translated",
            "Remove it here too, then mark the translation up to date",
            lines.get(segment_id),
        )
        for segment_id in removed_segments(link.segments, original)
    ]
    return findings


def _outdated(segment: Segment, lines: dict[str, int | None]) -> Finding:
    text = " ".join(segment.text.split())
    if len(text) > _QUOTE_LIMIT:
        text = text[: _QUOTE_LIMIT - 1] + "…"
    return warning(
        "translation-outdated",
        segment.field,
        f"The source of {segment.id} changed since it was translated; it now reads: {text}",
        "Update the translation, then mark it up to date (editor) or re-import the XLIFF",
        lines.get(segment.id, segment.line) if segment.field in MARKDOWN_FIELDS else None,
    )


def _translation_lines(release: Release) -> dict[str, int | None]:
    """Where each Markdown segment is in the translation itself (to jump to it)."""
    lines: dict[str, int | None] = {}
    for name in MARKDOWN_FIELDS:
        for segment in markdown_layout(getattr(release, name), name).segments:
            lines[segment.id] = segment.line
    return lines


def _field_of(segment_id: str) -> str:
    name = segment_id.split("[", 1)[0]
    return name if name in MARKDOWN_FIELDS else segment_id
