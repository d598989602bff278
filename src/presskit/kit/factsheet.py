"""The fact sheet as PDF (WeasyPrint): one or two pages in the kit theme's type and the
organization's colour, tagged (PDF/A-3a) like the release PDFs.

Only ``data:`` URLs (the cleaned images) and the bundled fonts and theme files are read:
the fetcher is the release renderer's sandbox with no folder of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from presskit.bundled import resource_path
from presskit.kit.page import render_fact_sheet_html
from presskit.kit.publish import KitBundle
from presskit.render.fetcher import SandboxedFetcher
from presskit.render.pdf import PDF_VARIANT
from presskit.render.themes import ThemeError, load_theme
from presskit.render.weasy import CSS, HTML, FontConfiguration


@dataclass
class FactSheet:
    pdf: bytes
    page_count: int
    warnings: list[str] = field(default_factory=list)


def render_fact_sheet(bundle: KitBundle) -> FactSheet:
    """The kit's fact sheet as PDF bytes."""
    warnings: list[str] = []
    try:
        theme = load_theme(bundle.kit.theme)
    except ThemeError as exc:
        warnings.append(f"theme: {exc}; the fact sheet uses 'classic'")
        theme = load_theme("classic")
    fonts = FontConfiguration()
    fetcher = SandboxedFetcher(None, theme.folder)
    sheets = [theme.font_stylesheet, *theme.stylesheets, resource_path("kit", "factsheet.css")]
    stylesheets = [CSS(filename=s, url_fetcher=fetcher, font_config=fonts) for s in sheets]
    document = HTML(string=render_fact_sheet_html(bundle), url_fetcher=fetcher).render(
        font_config=fonts, stylesheets=stylesheets, pdf_variant=PDF_VARIANT
    )
    pdf = document.write_pdf(
        pdf_variant=PDF_VARIANT, pdf_identifier=b"presskit-kit-" + bundle.kit.title.encode()[:32]
    )
    return FactSheet(pdf, len(document.pages), warnings + fetcher.refused)
