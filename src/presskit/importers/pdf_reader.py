"""PDFs -> blocks: a Presskit PDF opens as its own release; any other PDF is read as text
with its layout.

pypdfium2 (PDFium) gives each page's text with line breaks, and for each line its font
size and weight, its baseline, its left and right edges, and the links drawn over it (link
annotations). :mod:`.pdf_layout` makes the text a person reads of them (page furniture
dropped, reading order, paragraphs, wrapped lines joined, hyphens, links); :mod:`.text_reader`
makes the blocks. Only the first :data:`MAX_PAGES` pages are read: a release is a page or
two, and a 500-page PDF must not hold the editor up.
"""

from __future__ import annotations

import ctypes
import re
from typing import Any

from presskit.importers.model import ImportFailed, ImportResult, SourceDocument
from presskit.importers.pdf_layout import HYPHENATING, PdfLine, lay_out

MAX_PAGES = 30
_WORD_PROCESSORS = re.compile(
    r"word|writer|libreoffice|openoffice|google|skia|cairo|firefox|chrom|safari|mozilla|"
    r"weasyprint|wkhtmltopdf|pages|wps",
    re.I,
)


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
        lines: list[PdfLine] = []
        for number in range(min(count, MAX_PAGES)):
            if progress is not None:
                progress(0.05 + 0.5 * number / min(count, MAX_PAGES), f"Reading page {number + 1}")
            lines.extend(_page_lines(pdf, number))
        hyphenates = _hyphenates(pdf.get_metadata_dict())
    finally:
        pdf.close()
    document = _document(lines, name, hyphenates)
    if count > MAX_PAGES:
        document.warnings.append(
            f"only the first {MAX_PAGES} of the PDF's {count} pages were read: a release is "
            "rarely longer"
        )
    if not document.blocks:
        raise ImportFailed(f"{name}: the PDF holds no text (a scan? Presskit does not read images)")
    return document


def _hyphenates(metadata: dict[str, str]) -> bool | None:
    """Whether the program that made the PDF hyphenates on its own (None: not known)."""
    made_by = f"{metadata.get('Creator', '')} {metadata.get('Producer', '')}"
    if HYPHENATING.search(made_by):
        return True
    return False if _WORD_PROCESSORS.search(made_by) else None


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


def _page_lines(pdf: Any, number: int) -> list[PdfLine]:
    page = pdf[number]
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count > 0 else ""
        width = page.get_width()
        if len(text) != count:  # PDFium's text and its characters disagree: text alone
            return [PdfLine(number, piece.strip(), width=width) for _, piece in _pieces(text)]
        links = _link_areas(pdf, page)
        return [
            _line(textpage, start, part, page=number, width=width, links=links)
            for start, piece in _pieces(text)
            for start, part in _spaced_apart(textpage, start, piece)
        ]
    finally:
        textpage.close()
        page.close()


def _spaced_apart(textpage: Any, start: int, piece: str) -> list[tuple[int, str]]:
    """A line PDFium made of texts far apart on one baseline (a page's left and right
    footer, a table's cells) as its parts."""
    from pypdfium2 import raw  # noqa: PLC0415

    text = piece.strip()
    left, _, right, _ = textpage.get_charbox(start)
    last = textpage.get_charbox(start + len(text) - 1)[2]
    size = max(raw.FPDFText_GetFontSize(textpage.raw, start), 4.0)
    if last - left < 0.8 * size * len(text):  # as wide as its letters: no wide gap
        return [(start, text)]
    parts: list[tuple[int, str]] = []
    begin, previous_right = 0, right
    for offset in range(1, len(text)):
        if text[offset].isspace():
            continue
        box_left = textpage.get_charbox(start + offset)[0]
        if box_left - previous_right > 2 * size and text[begin:offset].strip():
            parts.append((start + begin, text[begin:offset].strip()))
            begin = offset
        previous_right = textpage.get_charbox(start + offset)[2]
    parts.append((start + begin, text[begin:].strip()))
    return parts


def _pieces(text: str) -> list[tuple[int, str]]:
    """The page's lines as (index of their first character, text). PDFium writes U+FFFE for
    a hyphen at a line's end it took for a hyphenation, and joins the two lines: they are
    split again here, the hyphen kept, for the layout to mend or keep."""
    pieces: list[tuple[int, str]] = []
    position = 0
    for piece in re.split(r"(\r\n|\r|\n|\ufffe)", text):
        if piece == "\ufffe" and pieces:
            start, last = pieces[-1]
            pieces[-1] = (start, last + "-")
        elif piece.strip() and piece not in ("\r\n", "\r", "\n"):
            pieces.append((position + len(piece) - len(piece.lstrip()), piece))
        position += len(piece)
    return pieces


def _line(
    textpage: Any, start: int, piece: str, *, page: int, width: float, links: list[tuple]
) -> PdfLine:
    """One line with its look: PDFium's font size, weight (or a bold font's name), the
    first character's baseline and the line's edges."""
    from pypdfium2 import raw  # noqa: PLC0415

    text = piece.strip()
    end = start + len(text) - 1
    x, y = ctypes.c_double(), ctypes.c_double()
    raw.FPDFText_GetCharOrigin(textpage.raw, start, ctypes.byref(x), ctypes.byref(y))
    left = textpage.get_charbox(start)[0]
    right = max(textpage.get_charbox(max(end - 1, start))[2], textpage.get_charbox(end)[2], left)
    word_end = start + len(text.split(None, 1)[0]) - 1
    first_word = textpage.get_charbox(min(word_end, end))[2] - left
    bold, italic = _style(textpage, start)
    line = PdfLine(
        page, text, round(raw.FPDFText_GetFontSize(textpage.raw, start), 1), bold, italic,
        left, right, y.value, width, first_word,
    )  # fmt: skip
    size = max(line.size, 4.0)
    near = [a for a in links if a[1] - size <= line.baseline <= a[3] + size]
    if near:
        line.links = _link_spans(textpage, start, text, near)
    return line


def _style(textpage: Any, index: int) -> tuple[bool, bool]:
    """Bold and italic: PDFium's weight, else the font's name or its italic flag."""
    from pypdfium2 import raw  # noqa: PLC0415

    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    raw.FPDFText_GetFontInfo(textpage.raw, index, name, 128, ctypes.byref(flags))
    bold = raw.FPDFText_GetFontWeight(textpage.raw, index) >= 600 or bool(
        re.search(rb"bold|black|heavy|semibold|demi", name.value, re.I)
    )
    italic = bool(flags.value & 0x40) or bool(re.search(rb"italic|oblique", name.value, re.I))
    return bold, italic


def _link_areas(pdf: Any, page: Any) -> list[tuple[float, float, float, float, str]]:
    """The page's web and mail links: (left, bottom, right, top, URL)."""
    from pypdfium2 import raw  # noqa: PLC0415

    areas = []
    position = ctypes.c_int(0)
    link = raw.FPDF_LINK()
    while raw.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
        action = raw.FPDFLink_GetAction(link)
        if not action or raw.FPDFAction_GetType(action) != raw.PDFACTION_URI:
            continue
        size = raw.FPDFAction_GetURIPath(pdf.raw, action, None, 0)
        buffer = ctypes.create_string_buffer(max(size, 1))
        raw.FPDFAction_GetURIPath(pdf.raw, action, buffer, size)
        url = buffer.value.decode("utf-8", "replace").strip()
        rect = raw.FS_RECTF()
        if url and len(url) < 2000 and raw.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)):
            x, y = sorted((rect.left, rect.right)), sorted((rect.bottom, rect.top))
            areas.append((x[0], y[0], x[1], y[1], url))
        if len(areas) > 2000:
            break
    return areas


def _link_spans(
    textpage: Any, start: int, text: str, areas: list[tuple[float, float, float, float, str]]
) -> list[tuple[int, int, str]]:
    """Spans of ``text`` (from ``start`` on the page) under a link: (first, end, URL); a
    character under two links belongs to the one nearer its middle (then the smaller), and a
    span needs two letters."""
    spans: list[tuple[int, int, str]] = []
    for offset in range(len(text)):
        left, bottom, right, top = textpage.get_charbox(start + offset)
        x, y = (left + right) / 2, (bottom + top) / 2
        under = [a for a in areas if a[0] <= x <= a[2] and a[1] <= y <= a[3]]
        if not under or (text[offset].isspace() and not spans):
            continue
        url = min(under, key=lambda a: (abs((a[1] + a[3]) / 2 - y), (a[2] - a[0]) * (a[3] - a[1])))[
            4
        ]
        if spans and spans[-1][2] == url and spans[-1][1] >= offset - 1:
            spans[-1] = (spans[-1][0], offset + 1, url)
        else:
            spans.append((offset, offset + 1, url))
    return [s for s in spans if sum(c.isalnum() for c in text[s[0] : s[1]]) >= 2]


def _document(lines: list[PdfLine], name: str, hyphenates: bool | None) -> SourceDocument:
    from presskit.importers.text_reader import read_text  # noqa: PLC0415

    layout = lay_out(lines, hyphenates)
    document = read_text("\n".join(layout.lines), name, fmt="pdf", whole=True)
    for block in document.blocks:
        own = [
            line for n in range(block.lines[0], block.lines[1] + 1) for line in layout.looks[n - 1]
        ]
        if own:
            block.size = max(line.size for line in own)
            block.bold = all(line.bold for line in own)
            block.italic = block.italic or all(line.italic for line in own)
            aligns = {line.align for line in own}
            block.centred = "centre" in aligns and "left" not in aligns
    if layout.dropped:
        document.warnings.append(
            f"{layout.dropped} lines of page headers, footers and numbers were left out"
        )
    return document
