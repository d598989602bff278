"""Rendering one release for the site, through the output registry: its web page (the same
``html`` output ``presskit export --html`` writes), its PDF and its press kit. One render
path: the newsroom has no HTML renderer of its own for releases; it only frames the page
(:mod:`presskit.newsroom.release_page`).

A render job is plain data, so a build can hand jobs to worker processes; failures come back
as data too, so one broken release never stops the others.
"""

from __future__ import annotations

import dataclasses
import signal
from dataclasses import dataclass, field
from pathlib import Path

from presskit.model.release import Release
from presskit.outputs.registry import output_format
from presskit.outputs.session import RenderSession
from presskit.render.themes import ThemeError, load_theme


@dataclass
class RenderJob:
    """Render ``release`` (from ``folder``): the web page, and with ``full`` its PDF and kit."""

    key: str
    release: Release
    folder: Path
    theme: str = ""  # overrides the release's own theme
    full: bool = True


@dataclass
class Rendered:
    """The theme's web page, the PDF and kit bytes (with ``full``), or why there are none."""

    key: str
    html: str = ""
    pdf: bytes = b""
    kit: bytes = b""
    warnings: list[str] = field(default_factory=list)
    error: str = ""


def render_release(job: RenderJob) -> Rendered:
    """Render ``job``; an error is returned, never raised."""
    from presskit.render.pdf import ReleaseTooLarge  # noqa: PLC0415 - loads WeasyPrint

    release = job.release
    if job.theme:
        release = dataclasses.replace(release, theme=job.theme)
    result = Rendered(job.key)
    try:
        load_theme(release.theme)
        session = RenderSession(release, job.folder)
        page = output_format("html").write(session)
        result.html = page.data.decode("utf-8")
        result.warnings += page.warnings
        if job.full:
            pdf = output_format("pdf").write(session)
            kit = output_format("kit").write(session)
            result.pdf, result.kit = pdf.data, kit.data
            result.warnings += pdf.warnings + kit.warnings
    except (ThemeError, ReleaseTooLarge) as exc:
        result.error = str(exc)
    except Exception as exc:  # one release's failure is a line of the report, not the build's end
        result.error = f"could not be rendered: {type(exc).__name__}: {exc}"
    result.warnings = list(dict.fromkeys(result.warnings))
    return result


def ignore_interrupts() -> None:
    """In a worker process: Ctrl+C is the build's to handle (it finishes cleanly), not ours."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
