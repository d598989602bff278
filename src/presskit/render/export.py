"""Export one release file to PDF, HTML, text, an email draft and/or a press kit: what
``presskit export`` runs per file.

Errors come back as data (an :class:`ExportOutcome`), never as exceptions, so that a batch can
run in worker processes and report every file's problems in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from presskit.model.validation import validate_release
from presskit.render.email import build_eml
from presskit.render.html import render_html
from presskit.render.press_kit import build_press_kit
from presskit.render.text import render_text
from presskit.render.themes import ThemeError, load_theme
from presskit.storage.atomic import write_atomic
from presskit.storage.problems import ReleaseFileError
from presskit.storage.release_file import load_release


@dataclass(frozen=True)
class ExportJob:
    """One source file and where each output goes (None: that output is not wanted)."""

    source: Path
    pdf: Path | None = None
    html: Path | None = None
    text: Path | None = None
    eml: Path | None = None
    kit: Path | None = None
    theme: str | None = None


@dataclass
class ExportOutcome:
    """What happened: files written, warnings, and errors (bad input or failed writes)."""

    source: Path
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    input_errors: list[str] = field(default_factory=list)
    output_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.input_errors or self.output_errors)


def run_export(job: ExportJob) -> ExportOutcome:
    """Load, validate and render ``job.source`` into every requested output."""
    outcome = ExportOutcome(job.source)
    try:
        loaded = load_release(job.source)
    except ReleaseFileError as exc:
        outcome.input_errors.extend(str(p) for p in exc.problems)
        return outcome
    outcome.warnings.extend(str(w) for w in loaded.warnings)
    release = loaded.release
    if job.theme:
        release.theme = job.theme
    problems = loaded.problems_with_lines(validate_release(release))
    if problems:
        outcome.input_errors.extend(str(p) for p in problems)
        return outcome
    try:
        load_theme(release.theme)
    except ThemeError as exc:
        outcome.input_errors.append(f"{job.source}: theme: {exc}")
        return outcome
    folder = job.source.resolve().parent
    outputs: list[tuple[Path, bytes]] = []
    if job.pdf is not None or job.kit is not None:
        from presskit.render.pdf import ReleaseTooLarge, render_pdf  # noqa: PLC0415 - slow import

        try:
            result = render_pdf(release, folder)
        except ReleaseTooLarge as exc:
            outcome.input_errors.append(f"{job.source}: {exc}")
            return outcome
        outcome.warnings.extend(f"{job.source}: {w}" for w in result.warnings)
        if job.pdf is not None:
            outputs.append((job.pdf, result.pdf))
        if job.kit is not None:
            outputs.append((job.kit, build_press_kit(release, folder, result.pdf)))
    if job.html is not None:
        rendered = render_html(release, folder, purpose="web")
        outcome.warnings.extend(f"{job.source}: {w}" for w in rendered.warnings)
        outputs.append((job.html, rendered.html.encode("utf-8")))
    if job.text is not None:
        outputs.append((job.text, render_text(release).encode("utf-8")))
    if job.eml is not None:
        outputs.append((job.eml, build_eml(release, folder)))
    for path, data in outputs:
        try:
            write_atomic(path, data)
        except OSError as exc:
            outcome.output_errors.append(f"{path}: cannot write: {exc.strerror or exc}")
        else:
            outcome.written.append(path)
    return outcome
