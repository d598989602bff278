"""Which part of the release each paragraph of a reviewed document belongs to.

Paragraph styles say it ("Presskit Headline" is the headline; "List Bullet" and "Heading 2"
continue the body or the About text they stand in). Where a reviewer lost the styles (text
pasted over, a style cleared), small fallbacks decide: a paragraph whose text is exactly one
Presskit wrote belongs where that text was; otherwise it continues the part before it, and
a paragraph after the headline and dateline continues into the body. The headline itself,
when no paragraph has its style any more, is the first paragraph that is not the release line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from presskit.review.docx_reader import ReviewedParagraph
from presskit.review.layout import (
    CONTACT_LINE_STYLE,
    KIND_STYLES,
    LIST_REGIONS,
    MARKDOWN_REGIONS,
    STYLE_OF_REGION,
    Region,
)

_REGION_OF_STYLE = {style: key for key, style in STYLE_OF_REGION.items()}
_CONTINUING = frozenset(KIND_STYLES.values())  # headings, lists, quotes, code
_SINGLE_LINE = frozenset({"status", "headline", "subheadline", "dateline"})


@dataclass
class ReviewedRegion:
    """Consecutive paragraphs of the reviewed document that stand for one region."""

    key: str
    paragraphs: list[ReviewedParagraph] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.before for p in self.paragraphs)


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def group_paragraphs(
    paragraphs: list[ReviewedParagraph], expected: list[Region]
) -> list[ReviewedRegion]:
    """The reviewed paragraphs cut into regions, in document order (empty ones dropped)."""
    known_text = {}
    for region in expected:
        for number, styled in enumerate(region.paragraphs):
            key = _squash(styled.paragraph.text)
            if key:
                known_text.setdefault(key, (region.key, number == 0))
    has_headline = any(p.style == STYLE_OF_REGION["headline"] for p in paragraphs)
    groups: list[ReviewedRegion] = []
    for paragraph in paragraphs:
        if not paragraph.before.strip() and not paragraph.after.strip():
            continue  # an empty paragraph a reviewer left: no text, no change
        current = groups[-1].key if groups else ""
        key, starts = _region_of(paragraph, current, known_text)
        if key == "" and not has_headline and "headline" not in {g.key for g in groups}:
            key, starts = "headline", True
        if key == "":
            key, starts = _continuation(current), False
        if not groups or starts or key != current:
            groups.append(ReviewedRegion(key))
        groups[-1].paragraphs.append(paragraph)
    return groups


def _region_of(
    paragraph: ReviewedParagraph, current: str, known_text: dict[str, tuple[str, bool]]
) -> tuple[str, bool]:
    """The region a paragraph's style names, and whether it starts a new one ("" unknown)."""
    style = paragraph.style
    if style in _REGION_OF_STYLE:
        key = _REGION_OF_STYLE[style]
        return key, key in LIST_REGIONS or key != current  # each link, each contact anew
    if style == CONTACT_LINE_STYLE:
        return "contacts", current != "contacts"
    if style in _CONTINUING and current in MARKDOWN_REGIONS:
        return current, False
    known = known_text.get(_squash(paragraph.before))
    if known is not None:
        key, first = known
        return key, (first and key in LIST_REGIONS) or key != current
    if current in MARKDOWN_REGIONS:
        return current, False
    return "", False


def _continuation(current: str) -> str:
    """Where an unrecognised paragraph goes: after the top of the release, into the body;
    after the end mark or the About heading, into the About text."""
    if current in _SINGLE_LINE or current == "":
        return "body"
    if current in ("end_mark", "about"):
        return "boilerplate"
    return current
