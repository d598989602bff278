"""A PDF's text lines, with their look and place on the page, -> the text of a release.

:mod:`.pdf_reader` takes each line out of the PDF (PDFium) with its font size, weight,
baseline, left and right edges and the links over it; this module decides what a person
reading the page sees:

- **page furniture** goes: lines repeated at the top or bottom of most pages (running
  headers and footers), page numbers ("Page 2 of 3", "- 2 -"), a page-two header naming its
  page, a browser's print stamps (the page's address, the date and time) and "- more -"
  marks; an end mark ("-30-") is never taken for a page number;
- **reading order**: a line the PDF draws late but that stands above the text of its column
  (a web page's header printed by a browser) is put back where it stands;
- **paragraphs** end where the space between baselines grows beyond the text's own line
  pitch, where the font's size or weight changes, where centred lines begin or end, at a
  list bullet, at an indented first line, and after a short line that ends a sentence;
- **lines inside a paragraph** are joined when the text wrapped (the next line's first word
  would not have fitted on the line) or carries on mid-sentence; other lines stand apart (a
  contact's name, title and phone); a headline set in a large font over several lines is one
  line;
- **hyphens** at a line's end: a word broken at a hyphen in an address, after a digit
  ("20-year") or in a compound the document writes with its hyphen elsewhere keeps it; a
  hyphenation is mended when it is marked as one (a soft hyphen, or U+2010 as typesetters
  and browsers hyphenate), when the document was made by a program that hyphenates, or when
  the document writes the mended word elsewhere; word processors do not hyphenate on their
  own, so the plain hyphens at their lines' ends are kept;
- **links** over the text become Markdown links, and a printed copy of the link's address
  after it ("Public Affairs (mailto:pao@example.gov)", from a browser's print style) goes.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(page|p\.|seite|página|pagina)?\s*\d{1,4}\s*((of|/|von|de|sur)\s*\d{1,4})?[-–—\s]*$",
    re.I,
)
_PRINT_STAMP = re.compile(
    r"^(https?://\S+|\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?\s+\d{1,2}:\d{2}(:\d{2})?\s*([ap]\.?m\.?)?)$",
    re.I,
)  # a browser's print: the page's address, the date and time
_PAGE_NAMED = re.compile(
    r"\b(page|seite|página|pagina)\s*\d{1,3}\b|\b\d{1,3}\s*(of|von|/)\s*\d{1,3}\b", re.I
)
MORE = re.compile(r"^[-–—(\s]*(more|mehr|suite|sigue|continued)[-–—)\s.]*$", re.I)
_BULLET = re.compile(r"^\s*([•‣◦▪●■–-]|\d{1,2}[.)])\s+")
_SENTENCE_END = re.compile(r"[.!?:\"”’)]$")
_HYPHENS = "-\u2010\u00ad"  # hyphen-minus, hyphen (typesetters' hyphenation), soft hyphen
_ENDS = re.compile(r"[.!?:…][\"”’)]*$")  # a sentence's end, not a closing bracket alone
_URL_GOES_ON = re.compile(r"(https?://|www\.)[^\s()]*$")
_GOES_ON = re.compile(r"[a-zà-ÿ]+[,;]?(\s|$)")  # a plain lower-case word: the sentence goes on
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]+)\)")
_ADDRESS = re.compile(r"@|https?:|www\.|/|\.[a-z]{2,4}$", re.I)
HYPHENATING = re.compile(
    r"indesign|quark|tex\b|pdftex|xetex|luatex|scribus|affinity|framemaker", re.I
)
"""Programs that hyphenate a text on their own (a PDF's Creator or Producer)."""


@dataclass
class PdfLine:
    """One line of a PDF page as PDFium gives it, in points from the page's bottom left."""

    page: int
    text: str
    size: float = 0.0  # the font size of its first character
    bold: bool = False
    italic: bool = False
    left: float = 0.0
    right: float = 0.0
    baseline: float = 0.0
    width: float = 612.0  # the page's
    first_word: float = 0.0  # the width of its first word
    links: list[tuple[int, int, str]] = field(default_factory=list)  # text span -> URL
    align: str = ""  # "centre", "full" (margin to margin) or "left": set by the layout


@dataclass
class Layout:
    """The release's text as lines (blank between paragraphs), with each line's look."""

    lines: list[str]
    looks: list[list[PdfLine]]  # the PDF lines each text line was made of ([] for a blank)
    dropped: int  # page furniture left out


def lay_out(lines: list[PdfLine], hyphenates: bool | None = None) -> Layout:
    """The text a person reads in ``lines``; ``hyphenates`` says whether the program that
    made the PDF hyphenates on its own (None: not known)."""
    drop = furniture(lines)
    kept = [line for i, line in enumerate(lines) if i not in drop]
    kept = [line for page in _pages(kept) for line in _bullets(reading_order(page))]
    sizes = [line.size for line in kept if line.size > 0]
    body = statistics.median(sizes) if sizes else 0.0
    margins = _margins(kept, body)
    for line in kept:
        line.align = _alignment(line, *margins.get(line.page, (0.0, line.width)))
    words = _vocabulary(kept)
    layout = Layout([], [], len(drop))
    for paragraph in _paragraphs(kept, _pitch(kept), body):
        if layout.lines:
            layout.lines.append("")
            layout.looks.append([])
        for group in _line_groups(paragraph, margins, big=0 < body * 1.15 <= paragraph[0].size):
            layout.lines.append(join(group, words, hyphenates))
            layout.looks.append(group)
    return layout


def _line_groups(
    paragraph: list[PdfLine], margins: dict[int, tuple[float, float]], *, big: bool
) -> list[list[PdfLine]]:
    """A paragraph's lines in groups that make one line each: wrapped lines together, lines
    that stand apart alone; a paragraph in a big font (a headline) is one group."""
    groups = [[paragraph[0]]]
    for previous, line in zip(paragraph, paragraph[1:], strict=False):  # noqa: RUF007
        if big or _wraps(previous, line, *margins.get(previous.page, (0.0, line.width))):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def furniture(lines: list[PdfLine]) -> set[int]:
    """Indices of running headers and footers, page numbers and "-more-" marks."""
    pages = _page_indices(lines)
    edges = {number: _edges(lines, indices) for number, indices in pages.items()}
    seen: Counter[str] = Counter()
    for number in pages:
        seen.update({_shape(lines[i].text) for i in edges[number]})
    repeated = {text for text, n in seen.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2)}
    drop = set()
    for number, indices in pages.items():
        for i in indices:
            if MORE.match(lines[i].text) or (
                i in edges[number] and _is_furniture(lines[i].text, repeated, number > min(pages))
            ):
                drop.add(i)
    return drop


def _edges(lines: list[PdfLine], indices: list[int]) -> set[int]:
    """The lines on a page's two highest and two lowest baselines."""
    heights = sorted({round(lines[i].baseline) for i in indices})
    edge = {*heights[:2], *heights[-2:]}
    return {i for i in indices if round(lines[i].baseline) in edge}


def _is_furniture(text: str, repeated: set[str], later_page: bool) -> bool:
    from presskit.importers.features import phrase_cues  # noqa: PLC0415

    if "end" in phrase_cues(text):  # "-30-" is the end, not page 30
        return False
    return bool(
        PAGE_NUMBER.match(text)
        or _PRINT_STAMP.match(text)
        or _shape(text) in repeated
        or (later_page and len(text.split()) <= 14 and _PAGE_NAMED.search(text))
    )


def reading_order(page: list[PdfLine]) -> list[PdfLine]:
    """A page's lines in reading order: a run of lines the PDF draws after text lower in the
    same column, but that stands above it (nothing beside it), goes back to its place; a run
    beside the text before it is a column of its own (a table's next cell) and stays."""
    runs: list[list[PdfLine]] = []
    for line in page:
        if runs and line.baseline <= runs[-1][-1].baseline + 2 * max(line.size, 6):
            runs[-1].append(line)
        else:
            runs.append([line])  # the first, or a jump up the page
    ordered: list[PdfLine] = []
    for run in runs:
        top, bottom = run[0].baseline + run[0].size, run[-1].baseline - run[-1].size
        beside = [ln for ln in ordered if bottom <= ln.baseline <= top]
        left, right = min(ln.left for ln in run), max(ln.right for ln in run)
        if beside and all(ln.right <= left or ln.left >= right for ln in beside):
            ordered.extend(run)  # a column of its own
            continue
        for line in run:  # each line where it stands (a page's header on top, its footer below)
            at = next((k for k, ln in enumerate(ordered) if ln.baseline < line.baseline), None)
            ordered.insert(len(ordered) if at is None else at, line)
    return ordered


def _bullets(lines: list[PdfLine]) -> list[PdfLine]:
    """A list's bullet, drawn apart from its item's text, put in front of it."""
    out: list[PdfLine] = []
    for line in lines:
        if _BULLET.match(f"{line.text} x") and len(line.text) <= 3:
            item = next(
                (ln for ln in [*out[-1:], *lines] if abs(ln.baseline - line.baseline) < 2
                 and ln.left > line.right and ln is not line), None,
            )  # fmt: skip
            if item is not None:
                item.text, item.left = f"{line.text} {item.text}", line.left
                item.links = [
                    (a + len(line.text) + 1, b + len(line.text) + 1, u) for a, b, u in item.links
                ]
                continue
        out.append(line)
    return out


def join(lines: list[PdfLine], vocabulary: set[str], hyphenates: bool | None) -> str:
    """The lines of one wrapped text as one line, hyphens at line ends mended or kept, and
    links as Markdown."""
    text = ""
    for line in lines:
        part = _linked(line)
        if not text:
            text = part
            continue
        plain_end, plain_start = _plain(text), _plain(part)
        if plain_end[-1:] in _HYPHENS and plain_start[:1].isalnum() and len(plain_end) > 1:
            keep = _keeps_hyphen(plain_end, plain_start, vocabulary, hyphenates)
            text = (text if keep else text[:-1]) + part
        elif _URL_GOES_ON.search(plain_end) and (
            plain_start[:1] == "/" or plain_end[-1] in "/.-_?=&"
        ):
            text += part  # a web address broken over two lines
        else:
            text = f"{text} {part}"
    return _tidy_links(text)


def _keeps_hyphen(left: str, right: str, vocabulary: set[str], hyphenates: bool | None) -> bool:
    before, mark = left.rsplit(None, 1)[-1][:-1], left[-1]
    after = right.split(None, 1)[0]
    if not before[-1:].isalpha() or not after[:1].islower() or _ADDRESS.search(before + after):
        return mark != "\u00ad"  # "20-year", "COVID-19", "press@agency-name.org", an address
    head, tail = _word(before), _word(after)
    if f"{head}-{tail}" in vocabulary or f"{head}\u2010{tail}" in vocabulary:
        return True
    if head + tail in vocabulary or mark in "\u2010\u00ad":
        return False  # a hyphenation: a typesetter's own hyphen (U+2010) or a soft one
    return hyphenates is False


def _wraps(previous: PdfLine, line: PdfLine, left: float, right: float) -> bool:
    """Whether ``line`` carries on ``previous`` (a wrap) rather than standing apart."""
    text, following = previous.text.rstrip(), line.text.lstrip()
    broken = text[-1:] in _HYPHENS and text[-2:-1].isalnum()
    if broken and (following[:1].islower() or following[:1].isdigit()):
        return True  # a word broken at its hyphen
    long = previous.right - previous.left > 0.6 * (right - left)
    if long and right - previous.right < line.first_word + 0.3 * max(line.size, 1) + 1.0:
        return True  # the next word would not have fitted
    return not _SENTENCE_END.search(text) and bool(_GOES_ON.match(following))


def _paragraphs(lines: list[PdfLine], pitch: float, body: float) -> list[list[PdfLine]]:
    widths = [line.right - line.left for line in lines]
    full = max(widths) if widths else 1.0
    paragraphs: list[list[PdfLine]] = []
    for previous, line in zip([None, *lines], lines, strict=False):
        if previous is None or _new_paragraph(previous, line, (pitch, full, body)):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def _new_paragraph(previous: PdfLine, line: PdfLine, text: tuple[float, float, float]) -> bool:
    """Whether ``line`` begins a paragraph; ``text``: the line pitch (in font sizes), the
    widest line's width and the body's font size."""
    pitch, full, body = text
    if line.page != previous.page:
        return bool(_SENTENCE_END.search(previous.text.rstrip())) or not line.text[:1].islower()
    size = max(line.size, previous.size, 1.0)
    gap = previous.baseline - line.baseline
    if gap < 0.3 * size or gap > size * pitch * 1.12 + 1.5:
        return True
    if abs(line.size - previous.size) > 0.8 or line.bold != previous.bold:
        return True
    if body and line.size >= 1.15 * body:
        return False  # a headline set over several lines
    if {line.align, previous.align} == {"centre", "left"} or _BULLET.match(line.text):
        return True
    short = previous.right - previous.left < 0.7 * full
    if not short and line.align != "centre" and line.left - previous.left > line.size:
        return True  # an indented first line
    return short and bool(_ENDS.search(previous.text.rstrip()))


def _pitch(lines: list[PdfLine]) -> float:
    """The text's line pitch in multiples of its font size: the space between baselines
    inside a paragraph (the lower third of what is seen, where paragraphs' extra space and
    headings do not reach)."""
    ratios = sorted(
        (a.baseline - b.baseline) / a.size
        for a, b in zip(lines, lines[1:], strict=False)  # noqa: RUF007
        if a.page == b.page and a.size > 0 and abs(a.size - b.size) <= 0.5
        and 0.5 * a.size < a.baseline - b.baseline < 3 * a.size
    )  # fmt: skip
    return ratios[len(ratios) // 3] if ratios else 1.2


def _margins(lines: list[PdfLine], body: float) -> dict[int, tuple[float, float]]:
    """Per page, where the text's lines begin on the left and end on the right: the edges of
    its wide lines of the body's size (of the document's when the page has none; of all its
    lines of that size when the text is set in a narrow column)."""
    text = [ln for ln in lines if abs(ln.size - body) <= 0.8]
    wide = [ln for ln in text if ln.right - ln.left > 0.4 * ln.width] or text
    if not wide:
        return {}
    whole = _edges_of(wide)
    pages = _pages_by_number(wide)
    return {
        number: _edges_of(pages[number]) if number in pages else whole
        for number in _pages_by_number(lines)
    }


def _edges_of(lines: list[PdfLine]) -> tuple[float, float]:
    lefts = sorted(ln.left for ln in lines)
    rights = sorted(ln.right for ln in lines)
    at = min(len(lines) - 1, int(len(lines) * 0.9))
    return lefts[len(lines) - 1 - at], rights[at]


def _alignment(line: PdfLine, left: float, right: float) -> str:
    """ "full" from margin to margin, "centre" when centred on the page or the text, else
    "left" (flush left, or set somewhere else)."""
    if right > left and line.right - line.left >= 0.9 * (right - left):
        return "full"
    if right > left and abs(line.left - left) < 2:
        return "left"  # flush with the text's left edge
    middle = (line.left + line.right) / 2
    centres = (line.width / 2, (left + right) / 2) if right > left else (line.width / 2,)
    return "centre" if any(abs(middle - c) < 6 for c in centres) else "left"


def _vocabulary(lines: list[PdfLine]) -> set[str]:
    """The document's words (lower case; hyphenated compounds whole) for mending hyphens."""
    return {_word(word) for line in lines for word in _plain(line.text).split() if word}


def _word(text: str) -> str:
    return text.strip(".,;:!?()[]\"'“”‘’").lower()


def _linked(line: PdfLine) -> str:
    """The line's text with its links as Markdown links."""
    text = line.text
    for start, end, url in sorted(line.links, reverse=True):
        anchor = text[start:end]
        if anchor.strip():
            lead = len(anchor) - len(anchor.lstrip())
            trail = len(anchor.rstrip())
            text = f"{text[: start + lead]}[{anchor.strip()}]({url}){text[start + trail :]}"
    return text


def _tidy_links(text: str) -> str:
    """Adjacent pieces of one link joined; a printed copy of a link's address dropped."""
    pieces = re.compile(r"\[([^\]\n]*)\]\(([^)\s]+)\)(\s*)\[([^\]\n]*)\]\(\2\)")
    while pieces.search(text):
        text = pieces.sub(r"[\1\3\4](\2)", text)

    def drop_printed(match: re.Match[str]) -> str:
        anchor, url = match[1], match[2]
        printed = re.search(r"\s*\(([^()\s]+)\)\s*$", anchor)
        if printed and _same_address(printed[1], url) and anchor[: printed.start()].strip():
            anchor = anchor[: printed.start()]
        return f"[{anchor}]({url})"

    text = _MD_LINK.sub(drop_printed, text)
    return re.sub(
        r"\[([^\]\n]*)\]\(([^)\s]+)\)\s*\(([^()\s]+)\)",
        lambda m: f"[{m[1]}]({m[2]})" if _same_address(m[3], m[2]) else m[0],
        text,
    )


def _same_address(printed: str, url: str) -> bool:
    """Whether ``printed`` (a link's address as a print style shows it: whole, or the path
    of a page on the same site) is ``url``."""
    from urllib.parse import urlsplit  # noqa: PLC0415

    printed, url = printed.lower(), url.lower()
    if printed.startswith("/"):
        parts = urlsplit(url)
        url = parts.path + (f"?{parts.query}" if parts.query else "")
    printed, url = printed.rstrip("/"), url.rstrip("/")
    if url == printed:
        return True
    return bool(printed and url) and (url.endswith(printed) or printed.endswith(url))


def _plain(text: str) -> str:
    return _MD_LINK.sub(r"\1", text)


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower().strip())


def _page_indices(lines: list[PdfLine]) -> dict[int, list[int]]:
    pages: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        pages.setdefault(line.page, []).append(i)
    return pages


def _pages_by_number(lines: list[PdfLine]) -> dict[int, list[PdfLine]]:
    pages: dict[int, list[PdfLine]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    return pages


def _pages(lines: list[PdfLine]) -> list[list[PdfLine]]:
    return list(_pages_by_number(lines).values())
