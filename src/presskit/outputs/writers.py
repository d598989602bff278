"""The writers of the release's own formats: PDF, web page, plain text, email draft and the
Word document for review.

Each takes a :class:`~presskit.outputs.session.RenderSession` and returns the file's bytes; the
rendering itself is :mod:`presskit.render`'s, the one path the preview uses too.
"""

from __future__ import annotations

from pathlib import Path

from presskit.outputs.session import Output, RenderSession
from presskit.render.email import build_eml
from presskit.render.html import render_html
from presskit.render.text import render_text


def write_pdf(session: RenderSession) -> Output:
    result = session.pdf()
    return Output(result.pdf, list(result.warnings))


def write_html(session: RenderSession) -> Output:
    rendered = render_html(
        session.release, session.release_dir, purpose="web", alternates=session.alternates()
    )
    return Output(rendered.html.encode("utf-8"), rendered.warnings)


def write_text(session: RenderSession) -> Output:
    return Output(render_text(session.release).encode("utf-8"))


def write_eml(session: RenderSession) -> Output:
    return Output(build_eml(session.release, session.release_dir))


def write_docx(session: RenderSession) -> Output:
    from presskit.review.docx_writer import release_docx  # noqa: PLC0415 - loads python-docx

    return Output(release_docx(session.release))


def write_xliff(session: RenderSession) -> Output:
    """XLIFF 1.2 for translators, to be saved beside the release (its ``original`` names the
    release file by its name); the CAT tool's project sets the target language."""
    from presskit.translation.xliff import export_xliff  # noqa: PLC0415 - loads lxml

    source = session.source_path or Path("release.md")
    return Output(export_xliff(session.release, source, source.with_suffix(".xlf")))
