"""Export one release file to any formats of the registry: what ``presskit export`` runs per
file.

Errors come back as data (an :class:`ExportOutcome`), never as exceptions, so that a batch can
run in worker processes and report every file's problems in order.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from presskit.model.validation import validate_release
from presskit.outputs.registry import output_format
from presskit.outputs.session import RenderSession
from presskit.render.themes import ThemeError, load_theme
from presskit.storage.atomic import write_output
from presskit.storage.problems import ReleaseFileError, Severity
from presskit.storage.release_file import load_release


@dataclass(frozen=True)
class ExportJob:
    """One source file and where each wanted output goes, by format name (``"pdf"``: path)."""

    source: Path
    outputs: dict[str, Path] = field(default_factory=dict)
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


def colliding_outputs(jobs: list[ExportJob]) -> list[str]:
    """One line for each output path two jobs (or two formats) would both write, such as
    ``DIR/release.txt`` for ``a/release.md`` and ``b/release.md``: a batch must refuse them
    rather than write the file twice and report both."""
    writers: dict[str, list[Path]] = {}
    for job in jobs:
        for path in job.outputs.values():
            writers.setdefault(os.path.realpath(path), []).append(job.source)
    return [
        f"{path}: {' and '.join(str(s) for s in sources)} would all be written here; "
        "export them to separate folders"
        for path, sources in writers.items()
        if len(sources) > 1
    ]


def run_export(job: ExportJob) -> ExportOutcome:
    """Load, validate and render ``job.source`` into every requested output."""
    from presskit.render.pdf import ReleaseTooLarge  # noqa: PLC0415 - loads WeasyPrint

    outcome = ExportOutcome(job.source)
    try:
        loaded = load_release(job.source)
    except ReleaseFileError as exc:
        outcome.input_errors.extend(str(p) for p in exc.problems)
        return outcome
    outcome.warnings.extend(w.located() for w in loaded.warnings)  # the CLI says "warning:"
    release = loaded.release
    if job.theme:
        release.theme = job.theme
    problems = loaded.problems_with_lines(validate_release(release))
    outcome.warnings.extend(p.located() for p in problems if p.severity is Severity.WARNING)
    if refused := [p for p in problems if p.severity is Severity.ERROR]:
        outcome.input_errors.extend(str(p) for p in refused)
        return outcome
    try:
        load_theme(release.theme)
    except ThemeError as exc:
        outcome.input_errors.append(f"{job.source}: theme: {exc}")
        return outcome
    session = RenderSession(release, job.source.resolve().parent, source_path=job.source)
    rendered: list[tuple[Path, bytes]] = []
    for name, path in job.outputs.items():
        try:
            output = output_format(name).write(session)
        except ReleaseTooLarge as exc:
            outcome.input_errors.append(f"{job.source}: {exc}")
            return outcome
        outcome.warnings.extend(f"{job.source}: {w}" for w in output.warnings)
        rendered.append((path, output.data))
    outcome.warnings = list(dict.fromkeys(outcome.warnings))
    for path, data in rendered:
        try:
            write_output(path, data, sources=(job.source,))
        except OSError as exc:
            outcome.output_errors.append(f"{path}: cannot write: {exc.strerror or exc}")
        else:
            outcome.written.append(path)
    return outcome
