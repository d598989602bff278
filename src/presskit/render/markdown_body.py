"""Markdown (the body and the boilerplate) to safe HTML.

One python-markdown instance per thread, reset between documents: building it costs more than
converting a release. Output always goes through :func:`sanitize_html`.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import markdown

from presskit.render.conventions import SMARTY_SUBSTITUTIONS, place_quotes
from presskit.render.markdown_guard import guard_markdown, plain_paragraph_html
from presskit.render.sanitize import sanitize_html

EXTENSIONS = ("extra", "smarty", "sane_lists")
MAX_NESTING = 60
"""Elements nested deeper (a list 30 levels down) are not laid out; WeasyPrint fails near 150."""
_LINE_INDENT = re.compile(r"^[ \t>]+", re.MULTILINE)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*?(/?)>")
_VOID = frozenset({"br", "hr", "img", "wbr", "col", "area", "input", "source", "track"})
_local = threading.local()
_STAND_INS = re.compile("[\ue000-\ue003]")


def _converter() -> markdown.Markdown:
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = markdown.Markdown(
            extensions=list(EXTENSIONS),
            extension_configs={"smarty": {"substitutions": SMARTY_SUBSTITUTIONS}},
            output_format="html",
        )
        _local.converter = converter
    return converter


# One export writes the same body as PDF, web page, text and email: convert it once. A few
# entries, so the preview's alternating edits hit too; outputs are immutable strings.
@lru_cache(maxsize=8)
def markdown_to_html(text: str, language: str = "en") -> str:
    """Sanitized HTML for Markdown ``text``; empty text gives an empty string.

    Straight quotes become the quotation marks of ``language`` (a BCP 47 tag: „…“ for
    German, « … » for French; :func:`presskit.render.conventions.quote_marks`).

    Lists or quotes nested more than :data:`MAX_NESTING` deep come out as plain paragraphs
    of the source text: python-markdown recurses once per level (and copies the rest of the
    text at each, so 2,000 levels took a minute and a GB) and WeasyPrint several times, so a
    few hundred levels raise RecursionError. No release nests that deep; a hostile or broken
    one still renders, and keeps every word.
    """
    if not text.strip():
        return ""
    text = _STAND_INS.sub("\ufffd", text)  # the marks' stand-ins mean nothing in a release
    if _indent_width(text) > MAX_NESTING * 4:  # python-markdown nests a level per 4 spaces
        return plain_paragraphs(text)
    converter = _converter()
    try:
        html = converter.convert(guard_markdown(text))
    except RecursionError:
        return plain_paragraphs(text)
    finally:
        converter.reset()
    html = place_quotes(sanitize_html(html), language)
    return plain_paragraphs(text) if nesting_depth(html) > MAX_NESTING else html


def _indent_width(text: str) -> int:
    """The widest run of spaces, tabs and quote marks ``>`` that starts a line."""
    widths = (len(m.group().expandtabs(4)) for m in _LINE_INDENT.finditer(text))
    return max(widths, default=0)


def nesting_depth(html: str) -> int:
    """How deeply the elements of well-formed (sanitized) ``html`` nest."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        if match.group(2).lower() in _VOID:
            continue
        if match.group(1):
            depth -= 1
        elif not match.group(3):
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def plain_paragraphs(text: str) -> str:
    """``text`` as escaped paragraphs, its line breaks kept: Markdown not interpreted."""
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    return "".join(plain_paragraph_html(p) for p in paragraphs)
