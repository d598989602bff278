"""The fact sheet as PDF (WeasyPrint): one or two pages in the kit theme's type and the
organization's colour, tagged (PDF/A-3a) like the release PDFs.

Only ``data:`` URLs (the cleaned images) and the bundled fonts and theme files are read:
the fetcher is the release renderer's sandbox with no folder of its own. As the release's
:class:`~presskit.render.pdf.PdfRenderer` does, one renderer per process keeps its fonts and
parsed stylesheets, so the editor's live fact sheet renders warm.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from presskit.bundled import resource_path
from presskit.kit.page import render_fact_sheet_html
from presskit.kit.publish import KitBundle
from presskit.render.fetcher import SandboxedFetcher
from presskit.render.pdf import PDF_VARIANT
from presskit.render.themes import Theme, ThemeError, load_theme
from presskit.render.weasy import CSS, HTML, FontConfiguration


@dataclass
class FactSheet:
    pdf: bytes
    page_count: int
    warnings: list[str] = field(default_factory=list)


class FactSheetRenderer:
    """Renders fact sheets, keeping fonts and parsed stylesheets between calls."""

    def __init__(self) -> None:
        self._fonts = FontConfiguration()
        self._sheets: dict[str, list[CSS]] = {}
        self._lock = threading.Lock()  # the editor's worker and an export may overlap

    def _stylesheets(self, theme: Theme) -> list[CSS]:
        if theme.name not in self._sheets:
            fetcher = SandboxedFetcher(None, theme.folder)
            files = [
                theme.font_stylesheet,
                *theme.stylesheets,
                resource_path("kit", "factsheet.css"),
            ]
            self._sheets[theme.name] = [
                CSS(filename=f, url_fetcher=fetcher, font_config=self._fonts) for f in files
            ]
        return self._sheets[theme.name]

    def render(self, bundle: KitBundle) -> FactSheet:
        """The kit's fact sheet as PDF bytes."""
        warnings: list[str] = []
        try:
            theme = load_theme(bundle.kit.theme)
        except ThemeError as exc:
            warnings.append(f"theme: {exc}; the fact sheet uses 'classic'")
            theme = load_theme("classic")
        fetcher = SandboxedFetcher(None, theme.folder)
        with self._lock:
            document = HTML(string=render_fact_sheet_html(bundle), url_fetcher=fetcher).render(
                font_config=self._fonts, stylesheets=self._stylesheets(theme),
                pdf_variant=PDF_VARIANT,
            )  # fmt: skip
            pdf = document.write_pdf(
                pdf_variant=PDF_VARIANT,
                pdf_identifier=b"presskit-kit-" + bundle.kit.title.encode()[:32],
            )
        return FactSheet(pdf, len(document.pages), warnings + fetcher.refused)


_renderer: FactSheetRenderer | None = None


def render_fact_sheet(bundle: KitBundle) -> FactSheet:
    """Render with this process's shared, warm renderer."""
    global _renderer  # noqa: PLW0603 - one warm renderer per process, made on first use
    if _renderer is None:
        _renderer = FactSheetRenderer()
    return _renderer.render(bundle)
