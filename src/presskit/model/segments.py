"""A release's translatable segments: what a translator translates, one piece at a time.

The segments are the headline, the subheadline, each paragraph, list item and heading of the
body and the About text, and each link title. Each has an id that names it the way messages
name fields (``headline``, ``body[3]``, ``boilerplate[1]``, ``links[2].title``; counted from
1) and a short fingerprint of its text, which a translation records
(:class:`presskit.model.release.Translation`) so that a later change to the source is found.

    for segment in release_segments(release): ...       # id, field, text, line
    layout = markdown_layout(release.body, "body")       # the body's structure around its text
    layout.render({"body[1]": "Erster Absatz", ...})     # the same structure, other texts
    outdated_segments(translation.segments, source)      # what changed since

Markdown structure (``## ``, ``- ``, ``1. ``, ``> ``, blank lines, code blocks, link
definitions) is not a segment's text: it stays where it is, so a translation has the
source's layout. Inline Markdown (``**bold**``, ``[a link](url)``) is part of the text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from presskit.model.release import Release

MARKDOWN_FIELDS = ("body", "boilerplate")

_BLOCK_START = re.compile(
    r"^(?P<prefix>[ ]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+))(?P<text>.*)$"
)
_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]")
_QUOTE = re.compile(r"^[ ]{0,3}>")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_RULE = re.compile(r"^[ ]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$")
_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s")


@dataclass(frozen=True)
class Segment:
    """One translatable piece of a release."""

    id: str  # "headline", "body[3]", "links[2].title"
    field: str  # the field path that messages name: "headline", "body", "links[2].title"
    text: str
    line: int | None = None  # line within the body or About text, from 1


@dataclass
class MarkdownLayout:
    """A Markdown field as its structure (literal text) around numbered segment slots."""

    field: str
    parts: list[str | Segment] = field(default_factory=list)

    @property
    def segments(self) -> list[Segment]:
        return [part for part in self.parts if isinstance(part, Segment)]

    def render(self, texts: dict[str, str]) -> str:
        """The field with each segment's text from ``texts`` (by id), else its own."""
        out = []
        for part in self.parts:
            if isinstance(part, Segment):
                out.append(texts.get(part.id, part.text))
            else:
                out.append(part)
        return "".join(out)


def _starts_block(line: str) -> bool:
    return bool(
        not line.strip()
        or _BLOCK_START.match(line)
        or _FENCE.match(line)
        or _RULE.match(line)
        or _DEFINITION.match(line)
    )


def markdown_layout(text: str, name: str) -> MarkdownLayout:
    """Split the Markdown field ``name`` (``body``) into structure and segments."""
    layout = MarkdownLayout(name)
    lines = text.split("\n")
    fence = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        end = "\n" if i < len(lines) - 1 else ""
        opening = _FENCE.match(line)
        if fence or opening or not line.strip() or _RULE.match(line) or _DEFINITION.match(line):
            if opening and not fence:
                fence = opening.group(1)[0] * 3
            elif fence and line.strip().startswith(fence):
                fence = ""
            layout.parts.append(line + end)
            i += 1
            continue
        prefix, body = "", line
        if match := _BLOCK_START.match(line):
            prefix, body = match.group("prefix"), match.group("text")
        first = i
        texts = [body]
        i += 1
        single_line = bool(_HEADING.match(line) or _QUOTE.match(line))
        while not single_line and i < len(lines) and not _starts_block(lines[i]):
            texts.append(lines[i])
            i += 1
        if prefix:
            layout.parts.append(prefix)
        number = len(layout.segments) + 1
        layout.parts.append(Segment(f"{name}[{number}]", name, "\n".join(texts), first + 1))
        layout.parts.append("\n" if i < len(lines) else "")
    return layout


def release_segments(release: Release) -> list[Segment]:
    """Every translatable segment of ``release``, in the order of the file."""
    segments = [Segment("headline", "headline", release.headline)]
    if release.subheadline.strip():
        segments.append(Segment("subheadline", "subheadline", release.subheadline))
    segments += markdown_layout(release.boilerplate, "boilerplate").segments
    for number, link in enumerate(release.links, 1):
        if link.title.strip():
            path = f"links[{number}].title"
            segments.append(Segment(path, path, link.title))
    segments += markdown_layout(release.body, "body").segments
    return segments


def segment_fingerprint(text: str) -> str:
    """A short fingerprint of a segment's text; spacing and line breaks do not count."""
    plain = " ".join(text.split())
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()[:8]


def segment_fingerprints(release: Release) -> dict[str, str]:
    """The fingerprint of each segment of ``release``, by id, in file order."""
    return {s.id: segment_fingerprint(s.text) for s in release_segments(release)}


def outdated_segments(recorded: dict[str, str], source: Release) -> list[Segment]:
    """The segments of ``source`` that are new or changed since ``recorded`` was taken."""
    return [
        segment
        for segment in release_segments(source)
        if recorded.get(segment.id) != segment_fingerprint(segment.text)
    ]


def removed_segments(recorded: dict[str, str], source: Release) -> list[str]:
    """Ids in ``recorded`` that ``source`` no longer has (a paragraph deleted since)."""
    current = {segment.id for segment in release_segments(source)}
    return [segment_id for segment_id in recorded if segment_id not in current]


def apply_segments(release: Release, texts: dict[str, str]) -> None:
    """Put translated ``texts`` (by segment id) into ``release``, keeping its structure."""
    if "headline" in texts:
        release.headline = texts["headline"]
    if "subheadline" in texts:
        release.subheadline = texts["subheadline"]
    for number, link in enumerate(release.links, 1):
        link.title = texts.get(f"links[{number}].title", link.title)
    release.body = markdown_layout(release.body, "body").render(texts)
    release.boilerplate = markdown_layout(release.boilerplate, "boilerplate").render(texts)
