"""PDFs -> blocks: a Presskit PDF opens as its own release; any other PDF is read as text
with its layout.

pypdfium2 (PDFium) gives each page's text with line breaks, and for each line its font
size, weight and position. Page furniture goes: lines repeated at the top or bottom of most
pages (running headers and footers), page numbers, and "-more-" marks. Paragraphs are told
by the space between lines and changes of font; hard-wrapped lines are joined and words
hyphenated at a line's end are mended (see :mod:`.text_reader`). Only the first
:data:`MAX_PAGES` pages are read: a release is a page or two, and a 500-page PDF must not
hold the editor up.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from presskit.importers.model import ImportFailed, ImportResult, SourceDocument

MAX_PAGES = 30
_PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(page|seite|página|pagina)?\s*\d{1,4}\s*((of|/|von|de|sur)\s*\d{1,4})?[-–—\s]*$",
    re.I,
)
_MORE = re.compile(r"^[-–—(\s]*(more|mehr|suite|sigue|continued)[-–—)\s.]*$", re.I)
_BULLET = re.compile(r"^\s*([•‣◦▪●■–-]|\d{1,2}[.)])\s+")


@dataclass
class _Line:
    page: int
    text: str
    size: float
    bold: bool
    left: float
    right: float
    top: float
    bottom: float
    width: float  # the page's


def read_pdf(data: bytes, name: str, progress: Any = None) -> SourceDocument | ImportResult:
    """A Presskit PDF's own release, or the text of any other PDF as blocks."""
    presskit = _presskit_release(data, name)
    if presskit is not None:
        return presskit
    import pypdfium2 as pdfium  # noqa: PLC0415 - only PDFs need it

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        why = "it is password-protected" if "password" in str(exc).lower() else str(exc)
        raise ImportFailed(f"{name}: cannot read this PDF ({why})") from None
    try:
        count = len(pdf)
        lines: list[_Line] = []
        for number in range(min(count, MAX_PAGES)):
            if progress is not None:
                progress(0.05 + 0.5 * number / min(count, MAX_PAGES), f"Reading page {number + 1}")
            lines.extend(_page_lines(pdf[number], number))
    finally:
        pdf.close()
    document = _document(lines, name)
    if count > MAX_PAGES:
        document.warnings.append(
            f"only the first {MAX_PAGES} of the PDF's {count} pages were read: a release is "
            "rarely longer"
        )
    if not document.blocks:
        raise ImportFailed(f"{name}: the PDF holds no text (a scan? Presskit does not read images)")
    return document


def _presskit_release(data: bytes, name: str) -> ImportResult | None:
    from presskit.importers.model import SourceDocument as Source  # noqa: PLC0415
    from presskit.storage.pdf_source import extract_release_source  # noqa: PLC0415
    from presskit.storage.problems import ReleaseFileError  # noqa: PLC0415
    from presskit.storage.release_file import loads_release  # noqa: PLC0415

    try:
        source = extract_release_source(data, name)
        loaded = loads_release(source, name)
    except ReleaseFileError:
        return None
    result = ImportResult(loaded.release, Source(name=name, format="pdf"), presskit_source=True)
    result.warnings.append("a Presskit PDF: the release it carries was taken as it is")
    result.warnings.extend(str(w) for w in loaded.warnings)
    return result


def _page_lines(page: Any, number: int) -> list[_Line]:
    from pypdfium2 import raw  # noqa: PLC0415

    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count > 0 else ""
        aligned = len(text) == count
        width = page.get_width()
        lines = []
        position = 0
        # pdfium writes U+FFFE for a hyphen it took for a hyphenation at a line's end: before
        # a lower-case letter it is one (mended); before anything else the line really ended
        # with a dash ("-end-", a range) and the next line starts a new one
        for piece in re.split(r"(\r\n|\r|\n|\ufffe(?![a-zà-ÿ]))", text):
            if piece in ("\r\n", "\r", "\n", "\ufffe"):
                if piece == "\ufffe" and lines and lines[-1].page == number:
                    lines[-1] = replace(lines[-1], text=lines[-1].text + "-")
                position += len(piece)
                continue
            if piece.strip():
                start = position + len(piece) - len(piece.lstrip())
                end = position + len(piece.rstrip()) - 1
                size = bold = 0.0
                left, right, top, bottom = 0.0, width, 0.0, 0.0
                if aligned:
                    size = raw.FPDFText_GetFontSize(textpage.raw, start)
                    bold = raw.FPDFText_GetFontWeight(textpage.raw, start) >= 600
                    left, bottom, _, top = textpage.get_charbox(start)
                    right = textpage.get_charbox(end)[2]
                lines.append(
                    _Line(
                        number,
                        piece.strip().replace("\ufffe", ""),
                        round(size, 1),
                        bool(bold),
                        left,
                        right,
                        top,
                        bottom,
                        width,
                    )
                )
            position += len(piece)
        return lines
    finally:
        textpage.close()


def _furniture(lines: list[_Line]) -> set[int]:
    """Indices of running headers/footers, page numbers and "-more-" marks."""
    pages: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        pages.setdefault(line.page, []).append(i)
    edges = Counter()
    for indices in pages.values():
        for i in {*indices[:2], *indices[-2:]}:
            edges[re.sub(r"\d+", "#", lines[i].text.lower())] += 1
    repeated = {
        text for text, n in edges.items() if len(pages) >= 2 and n >= max(2, len(pages) * 0.5)
    }
    drop = set()
    for indices in pages.values():
        for i in indices:
            text = lines[i].text
            at_edge = i in indices[:2] or i in indices[-2:]
            if (
                _MORE.match(text)
                or (at_edge and _PAGE_NUMBER.match(text))
                or (at_edge and re.sub(r"\d+", "#", text.lower()) in repeated)
            ):
                drop.add(i)
    return drop


def _document(lines: list[_Line], name: str) -> SourceDocument:
    from presskit.importers.text_reader import read_text  # noqa: PLC0415

    drop = _furniture(lines)
    kept = [line for i, line in enumerate(lines) if i not in drop]
    gaps = [
        b.top - a.top
        for a, b in zip(kept, kept[1:], strict=False)  # noqa: RUF007
        if a.page == b.page and 0 < a.top - b.top < 40
    ]
    spacing = statistics.median([abs(g) for g in gaps]) if gaps else 14.0
    sizes = [line.size for line in kept if line.size > 0]
    body_size = statistics.median(sizes) if sizes else 0.0
    widths = [line.right - line.left for line in kept]
    full = max(widths) if widths else 1.0
    text_lines: list[str] = []
    looks: list[_Line | None] = []
    for previous, line in zip([None, *kept], kept, strict=False):
        leading = spacing * max(1.0, line.size / body_size) if body_size else spacing
        if previous is not None and _new_paragraph(previous, line, leading, full):
            text_lines.append("")
            looks.append(None)
        elif previous is not None and body_size and line.size >= 1.15 * body_size:
            text_lines[-1] += " " + line.text  # a headline set over several lines is one line
            continue
        text_lines.append(line.text)
        looks.append(line)
    document = read_text("\n".join(text_lines), name, fmt="pdf")
    for block in document.blocks:
        own = [looks[n - 1] for n in range(block.lines[0], block.lines[1] + 1) if looks[n - 1]]
        if own:
            block.size = max(line.size for line in own)
            block.bold = all(line.bold for line in own)
            block.centred = all(_centred(line, full) for line in own)
    if drop:
        document.warnings.append(
            f"{len(drop)} lines of page headers, footers and numbers were left out"
        )
    return document


def _new_paragraph(previous: _Line, line: _Line, spacing: float, full: float) -> bool:
    if line.page != previous.page:
        return bool(re.search(r"[.!?:\"”]$", previous.text)) or not line.text[:1].islower()
    gap = previous.top - line.top
    if gap > spacing * 1.45 or gap < 0:
        return True
    if abs(line.size - previous.size) > 0.8 or line.bold != previous.bold:
        return True
    if _BULLET.match(line.text):
        return True
    short = (previous.right - previous.left) < 0.7 * full
    return short and bool(re.search(r"[.!?:\"”]$", previous.text))


def _centred(line: _Line, full: float) -> bool:
    middle = (line.left + line.right) / 2
    return (
        abs(middle - line.width / 2) < line.width * 0.04 and (line.right - line.left) < 0.8 * full
    )
