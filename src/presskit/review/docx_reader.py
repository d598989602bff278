"""Read a reviewed Word document: paragraphs with their styles, tracked changes and comments.

Reads the WordprocessingML itself (python-docx does not show tracked changes): each
paragraph becomes a list of :class:`Segment` s, plain text or text a reviewer inserted or
deleted with Track Changes on (``w:ins``, ``w:del``, and moves, with author and date); the
paragraph mark itself may be inserted or deleted too. Comments (``w:comment``) come with the
stretch of text they are anchored to. The release file the document was made from (a custom
XML part Presskit wrote) comes back when the document still holds it.

Bad input never raises anything but :class:`ReviewFileError`: the zip and its XML are size
checked, entities are never expanded, nothing is fetched.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from presskit.review.docx_writer import SOURCE_NAMESPACE
from presskit.review.html_blocks import LINE_BREAK

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = R + "/officeDocument"
MAX_DOCX_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 50 * 1024 * 1024
"""A review document is a few dozen kB; past this we refuse (zip bombs)."""

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_pis=True
)
_REVISIONS = {f"{{{W}}}ins": "ins", f"{{{W}}}moveTo": "ins", f"{{{W}}}del": "del"}
_REVISIONS[f"{{{W}}}moveFrom"] = "del"
_SKIPPED = frozenset(
    f"{{{W}}}{name}" for name in ("instrText", "delInstrText", "rPr", "pPr", "txbxContent")
)


class ReviewFileError(Exception):
    """The file is not a Word document this can read; the message says why."""


@dataclass(frozen=True)
class Segment:
    """A stretch of a paragraph's text: ``kind`` is "plain", "ins" or "del"."""

    text: str
    kind: str = "plain"
    author: str = ""
    date: str = ""
    href: str = ""


@dataclass
class ReviewedParagraph:
    """A paragraph of the reviewed document."""

    style: str  # the style's name ("Presskit Headline"); "" for none
    segments: list[Segment] = field(default_factory=list)
    mark: Segment = Segment("\n")  # the paragraph mark: inserted or deleted with Track Changes

    @property
    def before(self) -> str:
        """The text as the reviewer received it: plain and deleted text."""
        return "".join(s.text for s in self.segments if s.kind != "ins")

    @property
    def after(self) -> str:
        """The text with every tracked change accepted."""
        return "".join(s.text for s in self.segments if s.kind != "del")


@dataclass
class Comment:
    """A reviewer's comment, anchored from (paragraph, offset) to (paragraph, offset); the
    offsets count in the paragraph's :attr:`ReviewedParagraph.before` text."""

    id: str
    author: str
    date: str
    text: str
    start: tuple[int, int] | None = None
    end: tuple[int, int] | None = None


@dataclass
class ReviewedDocument:
    """What a reviewed Word document holds."""

    paragraphs: list[ReviewedParagraph]
    comments: list[Comment]
    last_modified_by: str = ""
    modified: str = ""
    source: str | None = None  # the release file it was made from, if it still holds it


def read_docx(data: bytes) -> ReviewedDocument:
    """Read a .docx file's bytes. Raises ReviewFileError."""
    if len(data) > MAX_DOCX_BYTES:
        raise ReviewFileError(f"the file is {len(data) / 1e6:.0f} MB; a review document is smaller")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ReviewFileError("this is not a Word document (.docx): it is not a zip file") from None
    with archive:
        package = _Package(archive)
        main = package.main_document()
        relationships = package.relationships(main)
        styles = package.style_names(posixpath.join(posixpath.dirname(main), "styles.xml"))
        comments_part = relationships.get_type(R + "/comments")
        comment_texts = package.comments(comments_part) if comments_part else {}
        reader = _BodyReader(styles, relationships.targets, comment_texts)
        reader.read(package.xml(main))
        author, modified = package.core_properties()
        return ReviewedDocument(
            reader.paragraphs, reader.comments(), author, modified, package.source()
        )


@dataclass
class _Relationships:
    targets: dict[str, str]  # id -> target (hyperlinks' addresses, parts' paths)
    types: dict[str, str]  # id -> relationship type

    def get_type(self, kind: str) -> str | None:
        for rel_id, rel_type in self.types.items():
            if rel_type == kind:
                return self.targets[rel_id]
        return None


class _Package:
    """The parts of the zip, read safely."""

    def __init__(self, archive: zipfile.ZipFile):
        self._archive = archive
        self._names = set(archive.namelist())

    def xml(self, name: str) -> etree._Element:
        try:
            info = self._archive.getinfo(name)
        except KeyError:
            raise ReviewFileError(f"the document has no part {name}") from None
        if info.file_size > MAX_PART_BYTES:
            raise ReviewFileError(f"{name} is too large ({info.file_size / 1e6:.0f} MB)")
        try:
            return etree.fromstring(self._archive.read(info), _PARSER)
        except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError) as exc:
            raise ReviewFileError(f"{name} cannot be read: {exc}") from None

    def main_document(self) -> str:
        if "_rels/.rels" in self._names:
            for rel in self.xml("_rels/.rels"):
                if rel.get("Type") == _OFFICE_DOCUMENT:
                    return rel.get("Target", "").lstrip("/")
        if "word/document.xml" in self._names:
            return "word/document.xml"
        raise ReviewFileError("this zip file is not a Word document (it has no document part)")

    def relationships(self, part: str) -> _Relationships:
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        targets: dict[str, str] = {}
        types: dict[str, str] = {}
        if rels in self._names:
            for rel in self.xml(rels):
                rel_id, target = rel.get("Id", ""), rel.get("Target", "")
                if rel.get("TargetMode") != "External":
                    target = posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
                targets[rel_id], types[rel_id] = target, rel.get("Type", "")
        return _Relationships(targets, types)

    def style_names(self, part: str) -> dict[str, str]:
        if part not in self._names:
            return {}
        names = {}
        for style in self.xml(part).iter(f"{{{W}}}style"):
            name = style.find(f"{{{W}}}name")
            style_id = style.get(f"{{{W}}}styleId", "")
            names[style_id] = name.get(f"{{{W}}}val", style_id) if name is not None else style_id
        return names

    def comments(self, part: str) -> dict[str, tuple[str, str, str]]:
        if part not in self._names:
            return {}
        found = {}
        for comment in self.xml(part).iter(f"{{{W}}}comment"):
            paragraphs = [
                "".join(t.text or "" for t in p.iter(f"{{{W}}}t"))
                for p in comment.iter(f"{{{W}}}p")
            ]
            found[comment.get(f"{{{W}}}id", "")] = (
                comment.get(f"{{{W}}}author", ""),
                comment.get(f"{{{W}}}date", ""),
                "\n".join(p for p in paragraphs if p.strip()),
            )
        return found

    def core_properties(self) -> tuple[str, str]:
        if "docProps/core.xml" not in self._names:
            return "", ""
        root = self.xml("docProps/core.xml")
        values = {etree.QName(e).localname: (e.text or "").strip() for e in root}
        return values.get("lastModifiedBy", ""), values.get("modified", "")

    def source(self) -> str | None:
        for name in sorted(self._names):
            if name.startswith("customXml/item") and "Props" not in name and name.endswith(".xml"):
                root = self.xml(name)
                if root.tag == f"{{{SOURCE_NAMESPACE}}}release":
                    return root.text or ""
        return None


class _BodyReader:
    """Walks the body's paragraphs into segments, keeping comment anchors."""

    def __init__(
        self,
        styles: dict[str, str],
        targets: dict[str, str],
        comment_texts: dict[str, tuple[str, str, str]],
    ):
        self._styles = styles
        self._targets = targets
        self._comment_texts = comment_texts
        self.paragraphs: list[ReviewedParagraph] = []
        self._starts: dict[str, tuple[int, int]] = {}
        self._ends: dict[str, tuple[int, int]] = {}

    def read(self, root: etree._Element) -> None:
        body = root.find(f"{{{W}}}body")
        if body is None:
            raise ReviewFileError("the document has no body")
        for paragraph in body.iter(f"{{{W}}}p"):
            if _inside_text_box(paragraph):
                continue
            self._paragraph(paragraph)

    def _paragraph(self, element: etree._Element) -> None:
        properties = element.find(f"{{{W}}}pPr")
        style, mark = "", Segment("\n")
        if properties is not None:
            style_element = properties.find(f"{{{W}}}pStyle")
            if style_element is not None:
                style_id = style_element.get(f"{{{W}}}val", "")
                style = self._styles.get(style_id, style_id)
            mark = _mark(properties)
        paragraph = ReviewedParagraph(style, [], mark)
        self.paragraphs.append(paragraph)
        self._walk(element, paragraph, Segment(""))

    def _walk(
        self, element: etree._Element, paragraph: ReviewedParagraph, context: Segment
    ) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED or tag == f"{{{W}}}p":
                continue
            if tag in _REVISIONS:
                inner = Segment(
                    "",
                    _REVISIONS[tag],
                    child.get(f"{{{W}}}author", ""),
                    child.get(f"{{{W}}}date", ""),
                    context.href,
                )
                self._walk(child, paragraph, inner)
            elif tag == f"{{{W}}}hyperlink":
                target = self._targets.get(child.get(f"{{{R}}}id", ""), "")
                anchor = child.get(f"{{{W}}}anchor")
                href = target or (f"#{anchor}" if anchor else "")
                self._walk(
                    child, paragraph, Segment("", context.kind, context.author, context.date, href)
                )
            elif tag == f"{{{W}}}r":
                self._run(child, paragraph, context)
            elif tag in (f"{{{W}}}commentRangeStart", f"{{{W}}}commentRangeEnd"):
                where = (len(self.paragraphs) - 1, len(paragraph.before))
                marks = self._starts if tag.endswith("Start") else self._ends
                marks.setdefault(child.get(f"{{{W}}}id", ""), where)
            else:  # smart tags, content controls, fields: their runs are text too
                self._walk(child, paragraph, context)

    def _run(self, run: etree._Element, paragraph: ReviewedParagraph, context: Segment) -> None:
        parts: list[str] = []
        for child in run:
            name = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if name in ("t", "delText"):
                parts.append(child.text or "")
            elif name == "tab":
                parts.append("\t")
            elif name in ("br", "cr"):
                parts.append(LINE_BREAK)
            elif name == "noBreakHyphen":
                parts.append("-")
            elif name == "commentReference":
                where = (len(self.paragraphs) - 1, len(paragraph.before))
                self._starts.setdefault(child.get(f"{{{W}}}id", ""), where)
                self._ends.setdefault(child.get(f"{{{W}}}id", ""), where)
        text = "".join(parts)
        if not text:
            return
        segment = Segment(text, context.kind or "plain", context.author, context.date, context.href)
        segments = paragraph.segments
        if segments and _same_kind(segments[-1], segment):
            segments[-1] = Segment(segments[-1].text + text, *_kind_of(segment))
        else:
            segments.append(segment)

    def comments(self) -> list[Comment]:
        found = []
        for comment_id, (author, date, text) in self._comment_texts.items():
            start = self._starts.get(comment_id)
            end = self._ends.get(comment_id, start)
            found.append(Comment(comment_id, author, date, text, start, end))
        return found


def _kind_of(segment: Segment) -> tuple[str, str, str, str]:
    return segment.kind, segment.author, segment.date, segment.href


def _same_kind(a: Segment, b: Segment) -> bool:
    return _kind_of(a) == _kind_of(b)


def _mark(properties: etree._Element) -> Segment:
    """The paragraph mark's own revision (``w:pPr/w:rPr/w:ins`` or ``w:del``)."""
    run_properties = properties.find(f"{{{W}}}rPr")
    if run_properties is not None:
        for tag, kind in ((f"{{{W}}}ins", "ins"), (f"{{{W}}}del", "del")):
            revision = run_properties.find(tag)
            if revision is not None:
                return Segment(
                    "\n", kind, revision.get(f"{{{W}}}author", ""), revision.get(f"{{{W}}}date", "")
                )
    return Segment("\n")


def _inside_text_box(paragraph: etree._Element) -> bool:
    return any(
        isinstance(a.tag, str) and a.tag == f"{{{W}}}txbxContent" for a in paragraph.iterancestors()
    )
