"""The importers' small intermediate model: a source document as blocks, their roles, and
the result of an import (a release plus where each of its fields came from).

    SourceDocument  the source as blocks in reading order, and the source's lines as text
    Block           one paragraph, heading, list item, table cell or line of the source
    Role            what a block is in a release: headline, body, contact, ...
    ImportResult    the release, each block's role, each field's source lines, warnings

Line numbers count from 1 and refer to ``SourceDocument.lines``: for a text file or an email
the file's own lines; for a Word file, a web page or a PDF, its text one block a line. That
is what the Import Review shows beside the fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from presskit.model.release import Release

Progress = Callable[[float, str], None]
"""``progress(fraction, message)``, called between the stages of an import; it may raise
:class:`ImportCancelled` to stop."""
Tick = Callable[[int, int], None]
"""``tick(done, total)``, called within a long stage (blocks scored of all)."""


class ImportFailed(Exception):
    """The source cannot be imported at all: the message names the file and says why."""


class ImportCancelled(Exception):
    """The person cancelled the import (raised from the progress callback)."""


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    LINE = "line"  # one line of a paragraph whose lines stand apart (a contact block)


class Role(StrEnum):
    """What a block is in the release. The order is the order of the review's legend."""

    RELEASE_LINE = "release_line"
    HEADLINE = "headline"
    SUBHEADLINE = "subheadline"
    DATELINE = "dateline"  # a line of its own with the place and date
    BODY = "body"
    LINKS = "links"  # the "For more information" list and its heading
    END_MARK = "end_mark"
    BOILERPLATE = "boilerplate"  # "About X" and its paragraphs, notes to editors
    CONTACT = "contact"  # press contacts and their heading
    SOCIAL = "social"  # website and social accounts
    NOT_PLACED = "not_placed"  # fits no field: listed for the person to see


ROLE_NAMES: dict[Role, str] = {
    Role.RELEASE_LINE: "Release line",
    Role.HEADLINE: "Headline",
    Role.SUBHEADLINE: "Subheadline",
    Role.DATELINE: "Dateline",
    Role.BODY: "Body",
    Role.LINKS: "For more information",
    Role.END_MARK: "End mark",
    Role.BOILERPLATE: "About (boilerplate)",
    Role.CONTACT: "Press contact",
    Role.SOCIAL: "Website and social",
    Role.NOT_PLACED: "Not placed",
}
"""Each role in plain words, for the review and the command line."""


@dataclass
class Block:
    """One unit of the source: its text, its look, and where it stands."""

    text: str  # plain text, whitespace collapsed
    markdown: str = ""  # the same with inline Markdown (links, emphasis); "" = same as text
    kind: BlockKind = BlockKind.PARAGRAPH
    lines: tuple[int, int] = (0, 0)  # first and last source line, from 1
    group: int = 0  # blocks from one paragraph, table cell or <br>-broken element share it
    level: int = 0  # heading level (1 = title); list nesting depth for list items
    ordered: bool = False  # a numbered list item
    style: str = ""  # the Word paragraph style, or the HTML tag
    bold: bool = False  # all of the text is bold
    italic: bool = False
    centred: bool = False
    size: float = 0.0  # font size in points, 0 when unknown
    chrome: bool = False  # outside the page's main content (navigation, footer, ...)
    links: list[tuple[str, str]] = field(default_factory=list)  # (text, url)
    index: int = 0  # position in SourceDocument.blocks, set by the document

    @property
    def md(self) -> str:
        return self.markdown or self.text


@dataclass
class SourceDocument:
    """A source read into blocks: what the role scorer and the review work on."""

    name: str  # the file name, or "pasted text"
    format: str  # "docx", "eml", "html", "pdf", "text"
    lines: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    language: str = ""  # from the source's metadata (lang, Content-Language, docx core)
    title: str = ""  # from the metadata (<title>, og:title, JSON-LD headline, Subject:)
    site_name: str = ""  # og:site_name, JSON-LD publisher, the sender's organization
    published: str = ""  # an ISO date from the metadata, when there is one
    warnings: list[str] = field(default_factory=list)

    def add(self, block: Block) -> Block:
        """Append ``block`` with its own source line (or lines) and index."""
        block.index = len(self.blocks)
        if block.lines == (0, 0):
            first = len(self.lines) + 1
            self.lines.extend(block.text.split("\n") or [""])
            block.lines = (first, len(self.lines))
        self.blocks.append(block)
        return block


@dataclass
class FieldSource:
    """Where one field of the imported release came from, and how sure the scorer was."""

    lines: list[tuple[int, int]] = field(default_factory=list)
    confidence: float = 1.0  # 0..1


@dataclass
class ImportResult:
    """An imported release with its provenance; nothing of the source is left unaccounted."""

    release: Release
    document: SourceDocument
    roles: list[Role] = field(default_factory=list)  # one per block
    confidence: list[float] = field(default_factory=list)  # one per block, 0..1
    fields: dict[str, FieldSource] = field(default_factory=dict)  # "headline", "contacts[1]"
    warnings: list[str] = field(default_factory=list)
    presskit_source: bool = False  # the release came whole out of a Presskit PDF
    chosen: frozenset[int] = frozenset()  # blocks whose role the person gave in the review

    def not_placed(self) -> list[Block]:
        """Blocks of the release that fit no field (page chrome excluded)."""
        return [
            block
            for block, role in zip(self.document.blocks, self.roles, strict=True)
            if role is Role.NOT_PLACED and not block.chrome
        ]

    def chrome(self) -> list[Block]:
        """Web-page chrome left out (navigation, footers): counted, shown greyed."""
        return [
            block
            for block, role in zip(self.document.blocks, self.roles, strict=True)
            if role is Role.NOT_PLACED and block.chrome
        ]
