"""Sanitized HTML of a Markdown field -> paragraphs of formatted runs, for the Word document.

The body and the About text are converted from the same sanitized HTML every output uses
(:func:`presskit.render.markdown_body.markdown_to_html`), so Markdown is read one way
everywhere. Headings, list items, quotes and code become paragraphs of their own kind; bold,
italic, code and links become run formatting. A line break inside a paragraph is
:data:`LINE_BREAK`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

LINE_BREAK = "\u2028"
"""A line break inside a paragraph (``<br>``, Word's ``w:br``) in paragraph text."""

_SPACE = re.compile(r"[ \t\r\n]+")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` without the control characters an XML document cannot hold."""
    return _NOT_XML.sub("", text)


@dataclass
class Run:
    """Text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str = ""  # a link's address


@dataclass
class Paragraph:
    """One paragraph of the Word document: its kind, its runs, and list membership."""

    kind: str  # "body", "heading1".."heading6", "bullet", "number", "quote", "code"
    runs: list[Run] = field(default_factory=list)
    level: int = 0  # list nesting, from 0
    list_id: int = 0  # items of one list share it; 0 outside lists

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


_HEADINGS = {f"h{n}": f"heading{n}" for n in range(1, 7)}
_BLOCKS = frozenset({"p", "div", "li", "blockquote", "pre", "tr", "dt", "dd", "table", "hr"})
_BLOCKS |= frozenset(_HEADINGS) | {"ul", "ol", "figure", "figcaption", "section"}


class _Converter(HTMLParser):
    """Walks sanitized HTML, collecting paragraphs of runs."""

    def __init__(self, first_list_id: int) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[Paragraph] = []
        self._runs: list[Run] = []
        self._format = Run("")
        self._links: list[str] = []
        self._lists: list[tuple[str, int]] = []  # ("bullet" | "number", list id) per level
        self._next_list = first_list_id
        self._kind = "body"
        self._quote = 0
        self._pre = 0

    def _flush(self) -> None:
        runs = self._runs
        self._runs = []
        if self._pre:  # code keeps its lines, as line breaks inside one paragraph
            runs = [replace(run, text=run.text.replace("\n", LINE_BREAK)) for run in runs]
            while runs and runs[-1].text.endswith(LINE_BREAK):
                runs[-1].text = runs[-1].text.rstrip(LINE_BREAK)
        else:
            runs = _collapse(runs)
        if not any(run.text.strip() for run in runs):
            return
        kind, level, list_id = self._kind, 0, 0
        if kind == "item" and self._lists:
            kind, list_id = self._lists[-1]
            level = len(self._lists) - 1
        elif kind == "item":
            kind = "body"
        elif kind == "body" and self._quote:
            kind = "quote"
        self.paragraphs.append(Paragraph(kind, runs, level, list_id))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._flush()
        if tag in _HEADINGS:
            self._kind = _HEADINGS[tag]
        elif tag in ("ul", "ol"):
            self._lists.append(("bullet" if tag == "ul" else "number", self._next_list))
            self._next_list += 1
        elif tag == "li":
            self._kind = "item"
        elif tag == "blockquote":
            self._quote += 1
        elif tag == "pre":
            self._pre += 1
            self._kind = "code"
        elif tag in ("strong", "b"):
            self._format = replace(self._format, bold=True)
        elif tag in ("em", "i"):
            self._format = replace(self._format, italic=True)
        elif tag == "code":
            self._format = replace(self._format, code=True)
        elif tag == "a":
            self._links.append(dict(attrs).get("href") or "")
            self._format = replace(self._format, href=self._links[-1])
        elif tag == "br":
            self._add(LINE_BREAK)
        elif tag == "img" and (alt := dict(attrs).get("alt")):
            self._add(alt)
        elif tag in ("td", "th") and self._runs:
            self._add(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._flush()
        if tag in _HEADINGS:
            self._kind = "body"
        elif tag == "li":  # text after a nested list still belongs to the outer item
            self._kind = "item" if len(self._lists) > 1 else "body"
        elif tag == "pre":
            self._pre = max(0, self._pre - 1)
            self._kind = "body"
        elif tag in ("ul", "ol") and self._lists:
            self._lists.pop()
            self._kind = "item" if self._lists else "body"
        elif tag == "blockquote":
            self._quote = max(0, self._quote - 1)
        elif tag in ("strong", "b"):
            self._format = replace(self._format, bold=False)
        elif tag in ("em", "i"):
            self._format = replace(self._format, italic=False)
        elif tag == "code":
            self._format = replace(self._format, code=False)
        elif tag == "a" and self._links:
            self._links.pop()
            self._format = replace(self._format, href=self._links[-1] if self._links else "")

    def handle_data(self, data: str) -> None:
        self._add(data)

    def _add(self, text: str) -> None:
        self._runs.append(replace(self._format, text=xml_text(text)))

    def close(self) -> None:
        super().close()
        self._flush()

    @property
    def lists_used(self) -> int:
        return self._next_list


def _collapse(runs: list[Run]) -> list[Run]:
    """HTML white space: runs of spaces and newlines are one space; none at either end."""
    out: list[Run] = []
    previous_space = True
    for run in runs:
        text = _SPACE.sub(" ", run.text)
        if previous_space:
            text = text.lstrip(" ")
        text = text.replace(f" {LINE_BREAK}", LINE_BREAK).replace(f"{LINE_BREAK} ", LINE_BREAK)
        if text:
            previous_space = text.endswith((" ", LINE_BREAK))
            out.append(replace(run, text=text))
    while out and out[-1].text.endswith(" "):
        out[-1].text = out[-1].text.rstrip(" ")
        if not out[-1].text:
            out.pop()
    return _merge(out)


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if merged and replace(merged[-1], text="") == replace(run, text=""):
            merged[-1].text += run.text
        else:
            merged.append(run)
    return merged


def html_paragraphs(html: str, first_list_id: int = 1) -> tuple[list[Paragraph], int]:
    """The paragraphs of sanitized ``html``, and the next free list id."""
    converter = _Converter(first_list_id)
    converter.feed(html)
    converter.close()
    return converter.paragraphs, converter.lists_used
