"""The release as the review document lays it out: parts, paragraphs, and where each came from.

The Word writer turns this layout into a document; the review reader builds it again from the
release to know what the reviewer was given. Each part of the release is a :class:`Region`
(the headline, the body, the second contact, ...) with its paragraphs and a paragraph style
named after it ("Presskit Headline"), and :class:`Piece` records which span of the region's
text came from which span of which field. Text Presskit writes itself (labels such as "About"
or "For more information") has no field.

A region's text is its paragraphs joined by ``"\\n"``; positions in pieces count in it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from presskit.model.paths import FieldPath
from presskit.model.release import Contact, Release
from presskit.render.conventions import (
    dateline_text,
    labels_for,
    network_name,
    release_line,
    typographic_quotes,
)
from presskit.render.markdown_body import markdown_to_html
from presskit.review.html_blocks import LINE_BREAK, Paragraph, Run, html_paragraphs, xml_text
from presskit.review.markdown_chunks import split_chunks

# The paragraph style of each part: the names a reviewer sees in Word, and how the review
# maps paragraphs back to fields.
STYLE_OF_REGION: dict[str, str] = {
    "status": "Presskit Release Line",
    "headline": "Presskit Headline",
    "subheadline": "Presskit Subheadline",
    "dateline": "Presskit Dateline",
    "body": "Presskit Body",
    "more_info": "Presskit More Information",
    "links": "Presskit Link",
    "end_mark": "Presskit End Mark",
    "about": "Presskit About",
    "boilerplate": "Presskit Boilerplate",
    "organization": "Presskit Organization",
    "contacts_heading": "Presskit Contacts Heading",
    "contacts": "Presskit Contact Name",
}
CONTACT_LINE_STYLE = "Presskit Contact"
CODE_STYLE = "Presskit Code"
MARKDOWN_REGIONS = frozenset({"body", "boilerplate"})
LIST_REGIONS = frozenset({"links", "contacts"})
"""Regions that stand for one item of a list: each starts a new item."""

# Kinds of Markdown paragraphs and their Word styles (built-in ones, so Word's navigation,
# outline and list buttons work on them).
KIND_STYLES: dict[str, str] = {
    **{f"heading{n}": f"Heading {n}" for n in range(1, 7)},
    "bullet": "List Bullet",
    "number": "List Number",
    "quote": "Quote",
    "code": CODE_STYLE,
}


@dataclass(frozen=True)
class Piece:
    """``region text[start:end]`` came from ``source[span[0]:span[1]]`` of ``field``."""

    start: int
    end: int
    field: FieldPath | None  # None: a label Presskit writes itself
    source: str = ""  # the field's whole value
    span: tuple[int, int] = (0, 0)
    markdown: bool = False


@dataclass
class StyledParagraph:
    """A paragraph and the style it is written with."""

    style: str
    paragraph: Paragraph


@dataclass
class Region:
    """One part of the release in the document: a field, a list item, or a label."""

    key: str  # a key of STYLE_OF_REGION
    index: int | None = None  # the item, for links and contacts
    paragraphs: list[StyledParagraph] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.paragraph.text for p in self.paragraphs)

    @property
    def path(self) -> FieldPath:
        """The field the region stands for: ``("links", 0)``, ``("headline",)``."""
        return (self.key,) if self.index is None else (self.key, self.index)

    # -- building ----------------------------------------------------------------------------
    def new_paragraph(self, style: str, paragraph: Paragraph | None = None) -> Paragraph:
        paragraph = paragraph or Paragraph("body")
        self.paragraphs.append(StyledParagraph(style, paragraph))
        return paragraph

    def add(
        self,
        text: str,
        path: FieldPath | None = None,
        source: str | None = None,
        **formatting: bool | str,
    ) -> None:
        """Add ``text`` to the last paragraph; from the field ``path`` when given."""
        text = xml_text(text)
        start = len(self.text)
        self.paragraphs[-1].paragraph.runs.append(Run(text, **formatting))  # type: ignore[arg-type]
        if path is not None:
            value = text if source is None else source
            self.pieces.append(Piece(start, start + len(text), path, value, (0, len(value))))


def build_layout(release: Release) -> list[Region]:
    """Every region of ``release``'s review document, in document order."""
    labels = labels_for(release.language)
    regions: list[Region] = []
    line = Region("status")
    line.new_paragraph(STYLE_OF_REGION["status"])
    line.add(release_line(release))  # made from status and embargo: not edited as text
    regions.append(line)
    regions.append(_plain_region("headline", release.headline, typographic_quotes))
    if release.subheadline:
        regions.append(_plain_region("subheadline", release.subheadline, typographic_quotes))
    if dateline := dateline_text(release):
        region = Region("dateline")
        region.new_paragraph(STYLE_OF_REGION["dateline"])
        region.add(dateline)  # city, date and style together: changed in the editor
        regions.append(region)
    list_id = 1
    if release.body.strip():
        body, list_id = markdown_region("body", release.body, list_id)
        regions.append(body)
    regions += _links(release, labels["more_info"])
    if release.end_mark:
        regions.append(_plain_region("end_mark", release.end_mark))
    regions += _about(release, labels, list_id)
    regions += _contacts(release, labels["contacts"])
    return regions


def _plain_region(key: str, value: str, shown: Callable[[str], str] = str) -> Region:
    region = Region(key)
    region.new_paragraph(STYLE_OF_REGION[key])
    region.add(shown(value), (key,), value)
    return region


def markdown_region(key: str, source: str, first_list_id: int = 1) -> tuple[Region, int]:
    """The region of a Markdown field: one piece per chunk of its source."""
    region = Region(key)
    chunks, definitions = split_chunks(source)
    list_id = first_list_id
    for chunk in chunks:
        text = f"{chunk.text}\n\n{definitions}" if definitions else chunk.text
        paragraphs, list_id = html_paragraphs(markdown_to_html(text), list_id)
        if not paragraphs:
            continue
        start = len(region.text) + (1 if region.paragraphs else 0)
        for paragraph in paragraphs:
            style = KIND_STYLES.get(paragraph.kind, STYLE_OF_REGION[key])
            region.new_paragraph(style, paragraph)
        region.pieces.append(
            Piece(start, len(region.text), (key,), source, (chunk.start, chunk.end), True)
        )
    return region, list_id


def _links(release: Release, label: str) -> list[Region]:
    links = [(i, link) for i, link in enumerate(release.links) if link.title or link.url]
    if not links:
        return []
    heading = Region("more_info")
    heading.new_paragraph(STYLE_OF_REGION["more_info"])
    heading.add(f"{label}:")
    regions = [heading]
    for index, link in links:
        region = Region("links", index)
        region.new_paragraph(STYLE_OF_REGION["links"])
        if link.title:
            region.add(link.title, ("links", index, "title"), href=link.url)
        if link.title and link.url:
            region.add(LINE_BREAK)  # the address under the title: long addresses wrap alone
        if link.url:
            region.add(link.url, ("links", index, "url"), href=link.url)
        regions.append(region)
    return regions


def _about(release: Release, labels: dict[str, str], list_id: int) -> list[Region]:
    org = release.organization
    social = [(i, s) for i, s in enumerate(org.social) if s.url or s.handle]
    if not (release.boilerplate.strip() or org.website or social):
        return []
    heading = Region("about")
    heading.new_paragraph(STYLE_OF_REGION["about"])
    heading.add(labels["about"] + (" " if org.name else ""))
    if org.name:
        heading.add(org.name, ("organization", "name"))
    regions = [heading]
    if release.boilerplate.strip():
        regions.append(markdown_region("boilerplate", release.boilerplate, list_id)[0])
    lines = Region("organization")
    if org.website:
        lines.new_paragraph(STYLE_OF_REGION["organization"])
        lines.add(f"{labels['website']}: ")
        lines.add(org.website, ("organization", "website"), href=org.website)
    for index, account in social:
        lines.new_paragraph(STYLE_OF_REGION["organization"])
        lines.add(f"{network_name(account.network)}: ")
        main = "url" if account.url else "handle"
        value = getattr(account, main)
        lines.add(value, ("organization", "social", index, main), href=account.url)
        if account.url and account.handle:
            lines.add(" (")
            lines.add(account.handle, ("organization", "social", index, "handle"))
            lines.add(")")
    if lines.paragraphs:
        regions.append(lines)
    return regions


def _contacts(release: Release, label: str) -> list[Region]:
    contacts = [(i, c) for i, c in enumerate(release.contacts) if c.name.strip()]
    if not contacts:
        return []
    heading = Region("contacts_heading")
    heading.new_paragraph(STYLE_OF_REGION["contacts_heading"])
    heading.add(label)
    return [heading, *(_contact(index, contact) for index, contact in contacts)]


def _contact(index: int, contact: Contact) -> Region:
    region = Region("contacts", index)
    region.new_paragraph(STYLE_OF_REGION["contacts"])
    region.add(contact.name, ("contacts", index, "name"))
    for key in ("title", "organization", "city"):
        if value := getattr(contact, key):
            region.new_paragraph(CONTACT_LINE_STYLE)
            region.add(value, ("contacts", index, key))
    for number, phone in enumerate(contact.phones):
        if phone.number.strip():
            region.new_paragraph(CONTACT_LINE_STYLE)
            region.add(phone.number, ("contacts", index, "phones", number, "number"))
            if phone.label:
                region.add(f" ({phone.label})")
    if contact.email:
        region.new_paragraph(CONTACT_LINE_STYLE)
        region.add(contact.email, ("contacts", index, "email"), href=f"mailto:{contact.email}")
    return region
