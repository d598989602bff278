"""Markdown (the body and the boilerplate) to safe HTML.

One python-markdown instance per thread, reset between documents: building it costs more than
converting a release. Output always goes through :func:`sanitize_html`.
"""

from __future__ import annotations

import threading

import markdown

from presskit.render.sanitize import sanitize_html

EXTENSIONS = ("extra", "smarty", "sane_lists")
_local = threading.local()


def _converter() -> markdown.Markdown:
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = markdown.Markdown(extensions=list(EXTENSIONS), output_format="html")
        _local.converter = converter
    return converter


def markdown_to_html(text: str) -> str:
    """Sanitized HTML for Markdown ``text``; empty text gives an empty string."""
    if not text.strip():
        return ""
    converter = _converter()
    try:
        html = converter.convert(text)
    finally:
        converter.reset()
    return sanitize_html(html)
