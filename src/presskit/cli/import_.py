"""``presskit import FILE... [-o OUT.md | --out-dir DIR] [--format json] [--force]``.

Turns a Word document, an email, a web page, a PDF or a text file into a release file (one
per input, next to it unless ``-o``/``--out-dir`` says otherwise; ``-o -`` writes it to
standard output). ``--format json`` prints, per input, the fields found with their source
line ranges and the scorer's confidence, and what fit no field. Exit status: 0 all
imported, 1 an output could not be written, 2 an input could not be read (one line naming
the file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from presskit.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_OUTPUT_FAILED,
    UsageError,
    dumps_json,
    out,
    write_or_report,
)
from presskit.model.wording import counted


def add_parser(subparsers: Any) -> None:
    """Add the ``import`` command to an argparse subparsers object."""
    command = subparsers.add_parser(
        "import",
        help="turn a Word file, email, web page, PDF or text into a release",
        description="Import releases written elsewhere: .docx, .eml, .html, .pdf, .txt, .md. "
        "Exit status: 0 imported, 1 an output could not be written, 2 an input could not "
        "be read.",
    )
    command.add_argument("files", nargs="+", type=Path, metavar="FILE")
    where = command.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="OUT.md", help="the release file ('-': stdout)")
    where.add_argument("--out-dir", type=Path, metavar="DIR", help="write the releases here")
    command.add_argument(
        "--format", choices=("text", "json"), default="text", help="what to print (text)"
    )
    command.add_argument("--force", action="store_true", help="overwrite existing files")


def run(args: argparse.Namespace) -> int:
    """Import every file of ``args.files``; returns the exit status."""
    from presskit.importers import ImportFailed, import_file  # noqa: PLC0415
    from presskit.importers.report import describe  # noqa: PLC0415

    if args.output and len(args.files) > 1:
        raise UsageError("-o names one output; use --out-dir DIR for several inputs")
    if args.output == "-" and args.format == "json":
        raise UsageError("-o - writes the release to standard output; leave out --format json")
    status = EXIT_OK
    reports: list[dict[str, Any]] = []
    for path in args.files:
        try:
            result = import_file(path)
        except ImportFailed as exc:
            print(f"presskit import: {exc}", file=sys.stderr)
            status = max(status, EXIT_BAD_INPUT)
            continue
        written = _write(result, path, args)
        if written is None:
            status = max(status, EXIT_OUTPUT_FAILED)
            continue
        report = describe(result)
        report["output"] = str(written)
        reports.append(report)
        if args.format == "text":
            _summary(report, path)
    if args.format == "json":
        out(dumps_json(reports))
    return status


def _target(path: Path, args: argparse.Namespace) -> Path:
    if args.output:
        return Path(args.output)
    folder = args.out_dir if args.out_dir is not None else path.parent
    target = folder / (path.stem + ".md")
    if target.resolve() == path.resolve():  # importing notes.md must not overwrite it
        target = folder / (path.stem + ".imported.md")
    return target


def _write(result: Any, path: Path, args: argparse.Namespace) -> Path | None:
    from presskit.storage.release_file import dumps_release, save_release  # noqa: PLC0415

    if args.output == "-":
        sys.stdout.write(dumps_release(result.release))
        sys.stdout.flush()
        return Path("-")
    target = _target(path, args)
    if target.exists() and not args.force:
        raise UsageError(f"{target} already exists; choose another name with -o, or use --force")
    if args.out_dir is not None and not args.out_dir.is_dir():
        raise UsageError(f"{args.out_dir}: no such folder")
    status = write_or_report(target, lambda: save_release(result.release, target))
    return target if status == EXIT_OK else None


def _summary(report: dict[str, Any], path: Path) -> None:
    fields = report["fields"]
    headline = (fields.get("headline") or {}).get("value") or "(no headline found)"
    contacts = sum(1 for name in fields if name.startswith("contacts["))
    if report["output"] != "-":
        out(f"wrote {report['output']}: {headline}")
        out(
            f"  {counted(len(fields), 'field')}, {counted(contacts, 'contact')}, "
            f"{counted(len(report['not_placed']), 'block')} not placed"
        )
    for warning in report["warnings"]:
        print(f"{path}: warning: {warning}", file=sys.stderr)
