"""Release -> PDF bytes with WeasyPrint: the pages the preview shows and every export writes.

A :class:`PdfRenderer` is meant to live as long as its process: it keeps one
FontConfiguration and the theme stylesheets parsed with it, which saves 15-20% per render.
The PDF is PDF/A-3a: tagged for screen readers, with metadata, and with the release source
attached so ``presskit extract`` (and the editor) can turn it back into the release.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from presskit.model.release import Release
from presskit.model.urls import split_url
from presskit.render.fetcher import SandboxedFetcher
from presskit.render.html import release_base_url, render_html
from presskit.render.themes import Theme, load_theme
from presskit.render.weasy import CSS, HTML, Attachment, FontConfiguration
from presskit.storage.pdf_source import SOURCE_ATTACHMENT
from presskit.storage.release_file import dumps_release

MAX_RENDER_CHARS = 1_000_000
"""Refuse to lay out more text than this: a real release has a few thousand characters, and
WeasyPrint needs minutes for a million."""
PDF_VARIANT = "pdf/a-3a"  # the variant that allows both tags and attachments
_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


class ReleaseTooLarge(ValueError):
    """A release with far more text than any press release; rendering it would take minutes."""


@dataclass
class PdfResult:
    """The PDF, its page count, and what WeasyPrint or the fetcher had to skip."""

    pdf: bytes
    page_count: int
    warnings: list[str] = field(default_factory=list)


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(_image_message(record) or record.getMessage())


_IMAGE_FAILED = "Failed to load image at %r: %s"


def _image_message(record: logging.LogRecord) -> str | None:
    """WeasyPrint's "Failed to load image at 'file:///home/…/x.png': " says nothing when the
    file is empty or damaged (its ImageLoadingError has no text, only a cause) and names the
    author's folder: say which image, and why, in words (issue 11). None for other records."""
    if record.msg != _IMAGE_FAILED or not isinstance(record.args, tuple) or len(record.args) != 2:
        return None
    url, exc = record.args
    if "FetchRefused" in str(exc):
        return None  # our own refusal, reported by the fetcher already (see _unique)
    parts = split_url(str(url))
    name = unquote(parts.path).rsplit("/", 1)[-1] if parts is not None else ""
    return f"image left out: {name or 'an image'} ({_image_failure(exc)})"


def _image_failure(exc: BaseException) -> str:
    cause = exc.__cause__ or exc.__context__
    if type(cause).__name__ == "UnidentifiedImageError":
        return "it is empty, damaged or not a PNG, JPEG, GIF, WebP or SVG picture"
    if type(cause).__name__ == "ParseError":
        return f"a damaged SVG picture: {cause}"
    detail = str(exc).strip() or (str(cause).strip() if cause is not None else "")
    return f"it cannot be read: {detail}" if detail else "it is empty or damaged"


@contextmanager
def _collect_weasyprint_warnings() -> Iterator[list[str]]:
    logger = logging.getLogger("weasyprint")
    collector = _WarningCollector()
    logger.addHandler(collector)
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)


def _fixed_time(release: Release) -> dt.datetime:
    """A timestamp that depends only on the release, so the same release gives the same PDF."""
    day = release.dateline.date
    if day is None:
        return _EPOCH
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


class PdfRenderer:
    """Renders releases to PDF, keeping fonts and parsed stylesheets warm between calls."""

    def __init__(self) -> None:
        self._font_config = FontConfiguration()
        self._stylesheets: dict[str, list[CSS]] = {}

    def stylesheets(self, theme: Theme) -> list[CSS]:
        """The theme's stylesheets (fonts first), parsed once per renderer."""
        cached = self._stylesheets.get(theme.name)
        if cached is None:
            fetcher = SandboxedFetcher(None, theme.folder)  # bundled files and the theme's own
            cached = [
                CSS(filename=path, url_fetcher=fetcher, font_config=self._font_config)
                for path in theme.pdf_stylesheets
            ]
            self._stylesheets[theme.name] = cached
        return cached

    def render(self, release: Release, release_dir: Path | None = None) -> PdfResult:
        """The release as PDF bytes. Raises ThemeError or ReleaseTooLarge."""
        source_text = dumps_release(release)
        if len(source_text) > MAX_RENDER_CHARS:
            raise ReleaseTooLarge(
                f"the release holds {len(source_text):,} characters; Presskit makes PDFs of "
                f"releases up to {MAX_RENDER_CHARS:,} (a press release has a few thousand)"
            )
        theme = load_theme(release.theme)
        rendered = render_html(release, release_dir, purpose="pdf", theme=theme)
        fetcher = SandboxedFetcher(release_dir, theme.folder)
        stamp = _fixed_time(release)
        source = Attachment(
            string=source_text,
            name=SOURCE_ATTACHMENT,
            description="Presskit release source (Markdown with YAML front matter)",
            relationship="Source",
            created=stamp,
            modified=stamp,
            url_fetcher=fetcher,
        )
        with _collect_weasyprint_warnings() as messages:
            document = HTML(
                string=rendered.html, base_url=release_base_url(release_dir), url_fetcher=fetcher
            ).render(
                font_config=self._font_config,
                stylesheets=self.stylesheets(theme),
                pdf_variant=PDF_VARIANT,
            )
            pdf = document.write_pdf(
                attachments=[source],
                pdf_variant=PDF_VARIANT,
                pdf_identifier=b"presskit-" + release.headline.encode("utf-8")[:32],
            )
        warnings = rendered.warnings + _unique(fetcher.refused + messages)
        return PdfResult(pdf, len(document.pages), warnings)


def _unique(messages: list[str]) -> list[str]:
    """Each message once. WeasyPrint logs every refused image again ("Failed to load image
    at '...': FetchRefused: <our message>"): the banner needs our message only."""
    ours = {m for m in messages if "FetchRefused: " not in m}
    kept = (m for m in messages if m.partition("FetchRefused: ")[2] not in ours)
    return list(dict.fromkeys(kept))


_default_renderer: PdfRenderer | None = None


def render_pdf(release: Release, release_dir: Path | None = None) -> PdfResult:
    """Render with this process's shared, warm renderer."""
    global _default_renderer  # noqa: PLW0603 - one warm renderer per process, made on first use
    if _default_renderer is None:
        _default_renderer = PdfRenderer()
    return _default_renderer.render(release, release_dir)
