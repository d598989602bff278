"""``presskit export RELEASE.md... [--pdf [OUT]] [--html [OUT]] ... [--theme NAME] [--jobs N]``.

One option per format of the output registry. With no output option, RELEASE.pdf is written
next to each source. An option without a value writes next to the source; with several sources,
a value names a folder. Several files export in parallel, one process per core.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from presskit.cli.common import EXIT_BAD_INPUT, EXIT_OK, EXIT_OUTPUT_FAILED, UsageError
from presskit.outputs.registry import FORMATS

DEFAULT_FORMAT = "pdf"


def add_parser(subparsers: Any) -> None:
    """Add the ``export`` command to an argparse subparsers object."""
    export = subparsers.add_parser(
        "export",
        help="export releases to PDF, HTML, plain text, email drafts or press kits",
        description="Export releases. With no output option, RELEASE.pdf is written next to "
        "each source. An option without a value writes next to the source; with several "
        "sources, a value names a folder.",
    )
    export.add_argument("sources", nargs="+", type=Path, metavar="RELEASE.md")
    for fmt in FORMATS:
        export.add_argument(
            f"--{fmt.name}",
            nargs="?",
            const="",
            default=None,
            metavar="OUT",
            help=f"write {fmt.cli_help}",
        )
    export.add_argument("--theme", help="use this theme instead of the release's own")
    export.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="parallel processes (default: cores)"
    )


def _output_path(source: Path, option: str, suffix: str, many: bool) -> Path:
    if option == "":
        return source.with_suffix(suffix)
    out = Path(option)
    if many or out.is_dir() or option.endswith(("/", os.sep)):
        return out / source.with_suffix(suffix).name
    return out


def export_jobs(args: argparse.Namespace) -> list:
    """One ExportJob per source, with the outputs the options ask for."""
    from presskit.outputs.export import ExportJob  # noqa: PLC0415

    many = len(args.sources) > 1
    asked = {fmt.name: getattr(args, fmt.name) for fmt in FORMATS}
    if all(option is None for option in asked.values()):
        asked[DEFAULT_FORMAT] = ""
    jobs = []
    for source in args.sources:
        outputs = {
            fmt.name: _output_path(source, asked[fmt.name], fmt.extension, many)
            for fmt in FORMATS
            if asked[fmt.name] is not None
        }
        jobs.append(ExportJob(source=source, outputs=outputs, theme=args.theme))
    for option in asked.values():
        if many and option:
            Path(option).mkdir(parents=True, exist_ok=True)
    return jobs


def run(args: argparse.Namespace) -> int:
    """Export every source; print what was written; returns the exit status."""
    from presskit.outputs.export import colliding_outputs, run_export  # noqa: PLC0415

    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    jobs = export_jobs(args)
    if collisions := colliding_outputs(jobs):
        for line in collisions:
            print(line, file=sys.stderr)
        return EXIT_BAD_INPUT
    workers = min(args.jobs, len(jobs))
    if workers == 1:
        outcomes = [run_export(job) for job in jobs]
    else:
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

        with ProcessPoolExecutor(max_workers=workers) as pool:
            # One file per task: a render takes ~0.25 s, far more than sending a task, and
            # small tasks keep both cores busy to the end.
            outcomes = list(pool.map(run_export, jobs))
    status = EXIT_OK
    for outcome in outcomes:
        for line in outcome.warnings:
            print(f"warning: {line}", file=sys.stderr)
        for line in outcome.input_errors + outcome.output_errors:
            print(line, file=sys.stderr)
        for path in outcome.written:
            print(f"wrote {path}")
        if outcome.input_errors:
            status = EXIT_BAD_INPUT
        elif outcome.output_errors and status == EXIT_OK:
            status = EXIT_OUTPUT_FAILED
    return status
