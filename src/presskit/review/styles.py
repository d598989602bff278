"""The named styles of the review document: one paragraph style per part of a release.

A reviewer sees "Presskit Headline", "Presskit Body", ... in Word's style list; the review
maps paragraphs back to fields by these names. They look like the PDF's classic theme: the
house colour for the release line and headings, a large headline, an italic subheadline.
"""

from __future__ import annotations

from dataclasses import dataclass

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from presskit.review.layout import CODE_STYLE, CONTACT_LINE_STYLE, STYLE_OF_REGION

HYPERLINK_STYLE = "Hyperlink"
CODE_TEXT_STYLE = "Presskit Code Text"  # its style id is "PresskitCodeText"


@dataclass(frozen=True)
class _Look:
    size: float = 11
    bold: bool = False
    italic: bool = False
    accent: bool = False  # in the house colour
    caps: bool = False
    before: float = 0
    after: float = 8
    centred: bool = False
    font: str = ""
    keep_with_next: bool = False
    outline_level: int | None = None  # shown in Word's navigation pane


_LOOKS: dict[str, _Look] = {
    STYLE_OF_REGION["status"]: _Look(9, bold=True, accent=True, caps=True, after=12),
    STYLE_OF_REGION["headline"]: _Look(22, bold=True, after=6, outline_level=0),
    STYLE_OF_REGION["subheadline"]: _Look(13, italic=True, after=14),
    STYLE_OF_REGION["dateline"]: _Look(11, bold=True, after=4),
    STYLE_OF_REGION["body"]: _Look(11, after=8),
    STYLE_OF_REGION["more_info"]: _Look(11, bold=True, before=6, after=4, keep_with_next=True),
    STYLE_OF_REGION["links"]: _Look(10.5, after=2),
    STYLE_OF_REGION["end_mark"]: _Look(11, before=10, after=14, centred=True),
    STYLE_OF_REGION["about"]: _Look(
        12, bold=True, accent=True, before=6, after=4, keep_with_next=True, outline_level=1
    ),
    STYLE_OF_REGION["boilerplate"]: _Look(10, after=6),
    STYLE_OF_REGION["organization"]: _Look(10, after=0),
    STYLE_OF_REGION["contacts_heading"]: _Look(
        12, bold=True, accent=True, before=12, after=4, keep_with_next=True, outline_level=1
    ),
    STYLE_OF_REGION["contacts"]: _Look(10.5, bold=True, before=6, after=0, keep_with_next=True),
    CONTACT_LINE_STYLE: _Look(10.5, after=0),
    CODE_STYLE: _Look(9.5, after=8, font="Courier New"),
}


def _colour(accent: str) -> RGBColor:
    value = accent.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    try:
        return RGBColor.from_string(value.upper())
    except ValueError:
        return RGBColor(0x1F, 0x3A, 0x5F)


def add_styles(document: docx.document.Document, accent: str, language: str) -> None:
    """Add Presskit's styles to ``document`` and set its language."""
    styles = document.styles
    colour = _colour(accent)
    for name, look in _LOOKS.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.quick_style = True
        font = style.font
        font.size = Pt(look.size)
        font.bold = look.bold or None
        font.italic = look.italic or None
        font.all_caps = look.caps or None
        if look.font:
            font.name = look.font
        if look.accent:
            font.color.rgb = colour
        layout = style.paragraph_format
        layout.space_before = Pt(look.before)
        layout.space_after = Pt(look.after)
        layout.keep_with_next = look.keep_with_next or None
        if look.centred:
            layout.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if look.outline_level is not None:
            outline = OxmlElement("w:outlineLvl")
            outline.set(qn("w:val"), str(look.outline_level))
            style.element.get_or_add_pPr().append(outline)
    styles[STYLE_OF_REGION["body"]].next_paragraph_style = styles[STYLE_OF_REGION["body"]]
    for level in range(1, 4):
        styles[f"Heading {level}"].font.color.rgb = colour
    link = styles.add_style(HYPERLINK_STYLE, WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True
    code = styles.add_style(CODE_TEXT_STYLE, WD_STYLE_TYPE.CHARACTER)
    code.font.name = "Courier New"
    _set_language(document, language)


def _set_language(document: docx.document.Document, language: str) -> None:
    """The language of every run (spelling, hyphenation), in the document defaults."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), language)
