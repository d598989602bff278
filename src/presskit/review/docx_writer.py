"""The release as a Word document for review (python-docx).

Every part is a paragraph in a named style ("Presskit Headline", "Presskit Body", ...; see
:mod:`presskit.review.layout`), so the reviewer's document can be mapped back to fields.
Headings, lists and quotes use Word's own styles; links are Word hyperlinks; the page is
US Letter or A4 as the PDF's; the document's language, title and author are set. The release
file itself travels inside the document as a custom XML part (which Word keeps), so a review
knows exactly what the reviewer was sent.

    data = release_docx(release)   # the .docx file's bytes
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
from xml.sax.saxutils import escape, quoteattr

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Mm
from docx.text.paragraph import Paragraph as WordParagraph

from presskit import __version__
from presskit.model.css_values import DEFAULT_ACCENT, css_colour
from presskit.model.fingerprint import content_fingerprint
from presskit.model.release import Release
from presskit.render.context import page_size
from presskit.render.themes import ThemeError, load_theme
from presskit.review.html_blocks import LINE_BREAK, Paragraph, Run
from presskit.review.layout import build_layout
from presskit.review.styles import add_styles
from presskit.storage.release_file import dumps_release

SOURCE_NAMESPACE = "urn:presskit:release:1"
"""The custom XML part holding the release file the document was made from."""
_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_CUSTOM_XML_PROPS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
)
_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
KEPT_TOGETHER = frozenset({"contacts", "links"})


def release_docx(release: Release, now: dt.datetime | None = None) -> bytes:
    """The review document of ``release`` as .docx bytes."""
    document = docx.Document()
    _page(document, release.language)
    add_styles(document, _accent(release), release.language)
    numbering = _Numbering(document)
    for region in build_layout(release):
        for number, styled in enumerate(region.paragraphs, start=1):
            paragraph = document.add_paragraph(style=styled.style)
            numbering.apply(paragraph, styled.paragraph)
            if region.key in KEPT_TOGETHER and number < len(region.paragraphs):
                paragraph.paragraph_format.keep_with_next = True  # a contact on one page
            for run in styled.paragraph.runs:
                _add_run(paragraph, run)
    _properties(document, release, now or dt.datetime.now(dt.UTC))
    _attach_source(document, release)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _accent(release: Release) -> str:
    try:
        theme_accent = load_theme(release.theme).accent
    except ThemeError:
        theme_accent = DEFAULT_ACCENT
    return css_colour(release.organization.accent, theme_accent)


def _page(document: docx.document.Document, language: str) -> None:
    section = document.sections[0]
    if page_size(language) == "letter":
        section.page_width, section.page_height = Inches(8.5), Inches(11)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))


def _add_run(paragraph: WordParagraph, run: Run) -> None:
    if run.href:
        _hyperlink(paragraph, run)
        return
    parent = paragraph._p
    parent.append(_run_element(run))


def _run_element(run: Run, style: str = "") -> OxmlElement:
    element = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    if style:
        properties.append(_with_val("w:rStyle", style))
    if run.bold:
        properties.append(OxmlElement("w:b"))
    if run.italic:
        properties.append(OxmlElement("w:i"))
    if run.code:
        properties.append(_with_val("w:rStyle", "PresskitCodeText"))
    if len(properties):
        element.append(properties)
    for index, line in enumerate(run.text.split(LINE_BREAK)):
        if index:
            element.append(OxmlElement("w:br"))
        if line:
            text = OxmlElement("w:t")
            text.set(qn("xml:space"), "preserve")
            text.text = line
            element.append(text)
    return element


def _with_val(tag: str, value: str) -> OxmlElement:
    element = OxmlElement(tag)
    element.set(qn("w:val"), value)
    return element


def _hyperlink(paragraph: WordParagraph, run: Run) -> None:
    """A Word hyperlink (``w:hyperlink`` with an external relationship)."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(run.href, RT.HYPERLINK, is_external=True))
    link.append(_run_element(run, style="Hyperlink"))
    paragraph._p.append(link)


class _Numbering:
    """Word list numbering: one bullet and one decimal definition, a numbering per list so
    each numbered list starts at 1."""

    _BULLETS = ("•", "◦", "▪")

    def __init__(self, document: docx.document.Document):
        self._numbering = document.part.numbering_part.element
        self._abstract = {
            "bullet": self._define(90, "bullet"),
            "number": self._define(91, "number"),
        }
        self._nums: dict[int, int] = {}

    def _define(self, abstract_id: int, kind: str) -> int:
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(abstract_id))
        abstract.append(_with_val("w:multiLevelType", "hybridMultilevel"))
        for level in range(9):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(level))
            lvl.append(_with_val("w:start", "1"))
            number_format = "bullet" if kind == "bullet" else "decimal"
            lvl.append(_with_val("w:numFmt", number_format))
            text = self._BULLETS[level % 3] if kind == "bullet" else f"%{level + 1}."
            lvl.append(_with_val("w:lvlText", text))
            lvl.append(_with_val("w:lvlJc", "left"))
            indent = OxmlElement("w:pPr")
            ind = OxmlElement("w:ind")
            ind.set(qn("w:left"), str(720 * (level + 1)))
            ind.set(qn("w:hanging"), "360")
            indent.append(ind)
            lvl.append(indent)
            abstract.append(lvl)
        # abstractNum elements must come before every num element.
        first_num = self._numbering.find(qn("w:num"))
        if first_num is None:
            self._numbering.append(abstract)
        else:
            first_num.addprevious(abstract)
        return abstract_id

    def apply(self, paragraph: WordParagraph, source: Paragraph) -> None:
        if source.kind not in self._abstract or not source.list_id:
            return
        if source.list_id not in self._nums:
            num = self._numbering.add_num(self._abstract[source.kind])
            self._nums[source.list_id] = num.numId
        properties = paragraph._p.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        num_pr.append(_with_val("w:ilvl", str(source.level)))
        num_pr.append(_with_val("w:numId", str(self._nums[source.list_id])))
        properties.insert_element_before(num_pr, "w:spacing", "w:ind", "w:jc", "w:rPr")


def _properties(document: docx.document.Document, release: Release, now: dt.datetime) -> None:
    properties = document.core_properties
    properties.title = release.headline
    properties.subject = release.subheadline
    properties.author = release.organization.name or "Presskit"
    properties.last_modified_by = release.organization.name or "Presskit"
    properties.language = release.language
    properties.keywords = "press release"
    properties.comments = f"Made with Presskit {__version__} for review"
    properties.category = "Press release"
    properties.created = now
    properties.modified = now
    properties.revision = 1


def _attach_source(document: docx.document.Document, release: Release) -> None:
    """The release file, as a custom XML part: what the reviewer was sent, exactly."""
    package = document.part.package
    item_id = "{" + str(uuid.uuid4()).upper() + "}"
    text = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<release xmlns="{SOURCE_NAMESPACE}" '
        f"fingerprint={quoteattr(content_fingerprint(release))}>"
        f"{escape(dumps_release(release))}</release>"
    )
    props = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<ds:datastoreItem ds:itemID="{item_id}" '
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{SOURCE_NAMESPACE}"/></ds:schemaRefs>'
        "</ds:datastoreItem>"
    )
    # The template python-docx starts from has custom XML parts of its own: take free names.
    item_name = package.next_partname("/customXml/item%d.xml")
    props_name = PackURI(item_name.replace("/item", "/itemProps"))
    item = Part(item_name, "application/xml", text.encode(), package)
    item_props = Part(props_name, _PROPS_TYPE, props.encode(), package)
    item.relate_to(item_props, _CUSTOM_XML_PROPS)
    document.part.relate_to(item, _CUSTOM_XML)
