"""Which part of the release each paragraph of a reviewed document belongs to.

Paragraph styles say it ("Presskit Headline" is the headline; "List Bullet" and "Heading 2"
continue the body or the About text they stand in). Where a reviewer lost the styles (text
pasted over, a style cleared), small fallbacks decide: a paragraph whose text is exactly one
Presskit wrote belongs where that text was; otherwise it continues the part before it, and
a paragraph after the headline and dateline continues into the body. The headline itself,
when no paragraph has its style or its text any more (typed over), is the paragraph the
importer's role scorer (:mod:`presskit.importers.roles`, the one that reads arbitrary Word
files) calls the headline; failing that, the first paragraph after the release line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from presskit.importers.model import Role
from presskit.importers.roles import assign_roles
from presskit.importers.text_reader import read_text
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
    paragraphs = [p for p in paragraphs if p.before.strip() or p.after.strip()]
    has_headline = any(
        p.style == STYLE_OF_REGION["headline"]
        or known_text.get(_squash(p.before), ("", False))[0] == "headline"
        for p in paragraphs
    )
    scored = None if has_headline else _headline_by_role(paragraphs)
    groups: list[ReviewedRegion] = []
    for number, paragraph in enumerate(paragraphs):
        current = groups[-1].key if groups else ""
        key, starts = _region_of(paragraph, current, known_text)
        first_unknown = scored is None and not has_headline
        if number == scored or (key == "" and first_unknown and current in ("", "status")):
            key, starts = "headline", True
        if key == "":
            key, starts = _continuation(current), False
        if not groups or starts or key != current:
            groups.append(ReviewedRegion(key))
        groups[-1].paragraphs.append(paragraph)
    return groups


def _headline_by_role(paragraphs: list[ReviewedParagraph]) -> int | None:
    """The paragraph the importer's role scorer takes for the headline, if any."""
    texts = [p.after for p in paragraphs]
    document = read_text("\n\n".join(" ".join(t.split()) for t in texts), "reviewed document")
    roles, _confidence = assign_roles(document)
    for block, role in zip(document.blocks, roles, strict=True):
        if role is Role.HEADLINE:
            wanted = _squash(block.text)
            return next((i for i, text in enumerate(texts) if _squash(text) == wanted), None)
    return None


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
