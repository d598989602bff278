"""Word documents (.docx) -> blocks, with the look that tells a headline from a paragraph.

python-docx reads the package once the guards (:mod:`.guards`) have passed it: a ZIP
whose sizes and ratios are sane and whose XML declares no DTD. Each paragraph keeps its
style name, heading level, alignment (from the paragraph or its style), whether all of it
is bold or italic, its font size (run, style, base styles, document default), hyperlinks
as Markdown links, list membership and numbering, and line breaks (each line a block of one
group). Tables give one group per cell: contacts are often laid out side by side in one.
"""

from __future__ import annotations

import io
import re
from typing import Any

from presskit.importers.guards import MAX_BLOCKS, check_xml_parts, check_zip
from presskit.importers.html_reader import _escape
from presskit.importers.model import Block, BlockKind, ImportFailed, SourceDocument

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"^heading (\d)$", re.IGNORECASE)


def read_docx(data: bytes, name: str, progress: Any = None) -> SourceDocument:
    """The blocks of a Word document. Raises ImportFailed for what is not one."""
    check_xml_parts(check_zip(data, name), name)
    try:
        import docx  # noqa: PLC0415 - only Word files need it

        word = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise ImportFailed(f"{name}: not a Word document that can be read ({exc})") from None
    document = SourceDocument(name=name, format="docx")
    props = word.core_properties
    document.language = props.language or ""
    document.title = props.title or ""
    reader = _Reader(word, document)
    try:
        section = word.sections[0] if word.sections else None
        if section is not None and not section.header.is_linked_to_previous:
            reader.paragraphs(section.header.paragraphs)
        total = max(len(word.element.body), 1)
        for number, item in enumerate(word.iter_inner_content()):
            if progress is not None and number % 250 == 0:  # may raise ImportCancelled
                progress(0.05 + 0.5 * number / total, f"Reading paragraph {number + 1}")
            if len(document.blocks) > MAX_BLOCKS:
                document.warnings.append(f"only the first {MAX_BLOCKS} paragraphs were read")
                break
            if item.__class__.__name__ == "Table":
                reader.table(item)
            else:
                reader.paragraph(item)
        if section is not None and not section.footer.is_linked_to_previous:
            reader.paragraphs(section.footer.paragraphs)
    except (ValueError, KeyError, AttributeError, TypeError) as exc:
        raise ImportFailed(f"{name}: a damaged Word document ({exc})") from None
    if not document.blocks:
        raise ImportFailed(f"{name}: the Word document holds no text")
    return document


class _Reader:
    def __init__(self, word: Any, document: SourceDocument):
        self.word = word
        self.document = document
        self.group = 0
        self.default_size = _default_size(word)
        # python-docx looks styles up by scanning every style on each access: cache them.
        self._styles = {style.style_id: style for style in word.styles}
        self._fonts: dict[str, dict[str, Any]] = {}
        self._default = word.styles.default(1)  # WD_STYLE_TYPE.PARAGRAPH

    def _paragraph_style(self, paragraph: Any) -> Any:
        style_id = paragraph._p.style
        return self._styles.get(style_id, self._default) if style_id else self._default

    def _run_style(self, run: Any, attribute: str) -> Any:
        style = self._styles.get(run._r.style) if run._r.style else None
        while style is not None:
            value = getattr(style.font, attribute)
            if value is not None:
                return value
            style = style.base_style
        return None

    def paragraphs(self, paragraphs: Any) -> None:
        for paragraph in paragraphs:
            self.paragraph(paragraph)

    def table(self, table: Any) -> None:
        seen: set[int] = set()
        for row in table.rows:
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell appears once per grid column
                    continue
                seen.add(id(cell._tc))
                self.group += 1
                for paragraph in cell.paragraphs:
                    self.paragraph(paragraph, cell=True, new_group=False)
                for inner in cell.tables:
                    self.table(inner)

    def paragraph(self, paragraph: Any, cell: bool = False, new_group: bool = True) -> None:
        style_object = self._paragraph_style(paragraph)
        text, markdown, links, bold, italic, size = self._runs(paragraph, style_object)
        if not text.strip():
            return
        if new_group:
            self.group += 1
        style = style_object.name if style_object is not None else ""
        kind, level, ordered = BlockKind.PARAGRAPH, 0, False
        heading = _HEADING.match(style)
        numbering = _numbering(paragraph, style)
        if heading:
            kind, level = BlockKind.HEADING, int(heading.group(1))
        elif numbering is not None:
            kind, level, ordered = BlockKind.LIST_ITEM, numbering[0], numbering[1]
        elif cell:
            kind = BlockKind.TABLE_CELL
        if style.lower() == "subtitle":
            italic = True
        centred = _alignment(paragraph, style_object) == "center"
        lines = text.split("\n")
        md_lines = markdown.split("\n")
        several = len([line for line in lines if line.strip()]) > 1
        for line, md in zip(lines, md_lines if len(md_lines) == len(lines) else lines, strict=True):
            if not line.strip():
                continue
            line_links = [link for link in links if link[0] in line]
            block = Block(
                text=" ".join(line.split()),
                markdown=" ".join(md.split()) if md.strip() != line.strip() else "",
                kind=BlockKind.LINE if several and kind is BlockKind.PARAGRAPH else kind,
                group=self.group, level=level, ordered=ordered, style=style, bold=bold,
                italic=italic, centred=centred, size=size or self.default_size,
                links=line_links,
            )  # fmt: skip
            self.document.add(block)

    def _runs(
        self, paragraph: Any, style: Any
    ) -> tuple[str, str, list[tuple[str, str]], bool, bool, float]:
        """Text, Markdown, links, all-bold, all-italic and the largest font size."""
        text, markdown = [], []
        links: list[tuple[str, str]] = []
        bolds, italics, sizes = [], [], []
        key = style.style_id if style is not None else ""
        if key not in self._fonts:
            self._fonts[key] = _style_font(style)
        style_font = self._fonts[key]
        for item in paragraph.iter_inner_content():
            runs = item.runs if hasattr(item, "runs") and hasattr(item, "address") else [item]
            piece = "".join(run.text for run in runs)
            if not piece:
                continue
            for run in runs:
                if run.text.strip():
                    font = run.font
                    bolds.append(_first(run.bold, self._run_style(run, "bold"), style_font["bold"]))
                    italics.append(
                        _first(run.italic, self._run_style(run, "italic"), style_font["italic"])
                    )
                    size = font.size.pt if font.size is not None else style_font["size"]
                    if size:
                        sizes.append(size)
                    if font.all_caps:
                        piece = piece.upper()
            text.append(piece)
            url = getattr(item, "url", "") if hasattr(item, "address") else ""
            if url and re.match(r"^(https?:|mailto:|tel:)", url, re.I) and piece.strip():
                links.append((piece.strip(), url))
                markdown.append(f"[{_escape(piece.strip())}]({url.replace(' ', '%20')})")
            else:
                markdown.append(_escape(piece))
        joined = "".join(text).replace("\t", " ")
        return (
            joined,
            "".join(markdown).replace("\t", " "),
            links,
            bool(bolds) and all(bolds),
            bool(italics) and all(italics),
            max(sizes) if sizes else 0.0,
        )


def _first(*values: Any) -> bool:
    return next((bool(v) for v in values if v is not None), False)


def _style_font(style: Any) -> dict[str, Any]:
    found: dict[str, Any] = {"bold": None, "italic": None, "size": 0.0}
    while style is not None:
        font = style.font
        if found["bold"] is None and font.bold is not None:
            found["bold"] = font.bold
        if found["italic"] is None and font.italic is not None:
            found["italic"] = font.italic
        if not found["size"] and font.size is not None:
            found["size"] = font.size.pt
        style = style.base_style
    return found


def _alignment(paragraph: Any, style: Any) -> str:
    value = paragraph.alignment
    while value is None and style is not None:
        value = style.paragraph_format.alignment
        style = style.base_style
    return str(value).split(".")[-1].split(" ")[0].lower() if value is not None else ""


def _default_size(word: Any) -> float:
    sizes = word.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:sz/@w:val")
    try:
        return int(sizes[0]) / 2 if sizes else 0.0
    except ValueError:
        return 0.0


def _numbering(paragraph: Any, style: str) -> tuple[int, bool] | None:
    """(level from 1, ordered) for a list paragraph, else None."""
    ppr = paragraph._p.pPr
    num = ppr.numPr if ppr is not None else None
    if num is None or num.numId is None:
        lowered = style.lower()
        if lowered.startswith("list bullet"):
            return 1, False
        if lowered.startswith("list number"):
            return 1, True
        return None
    level = int(num.ilvl.val) if num.ilvl is not None else 0
    return level + 1, _ordered(paragraph, int(num.numId.val), level)


def _ordered(paragraph: Any, num_id: int, level: int) -> bool:
    try:
        numbering = paragraph.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return False
    abstract = numbering.xpath(f"w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val")
    if not abstract:
        return False
    formats = numbering.xpath(
        f"w:abstractNum[@w:abstractNumId='{abstract[0]}']/w:lvl[@w:ilvl='{level}']/w:numFmt/@w:val"
    )
    return bool(formats) and formats[0] not in ("bullet", "none")
