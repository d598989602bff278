"""``presskit check FILE... [--format text|json] [--strict]``: preflight checks from a terminal.

Text output reads like compiler messages, which editors and CI logs link to the spot::

    release.md:41: warning: body: The link "announcement" points to '#', ... (Replace it ...)
    release.md: 0 errors, 5 warnings, 0 notes

JSON output is one list of objects with exactly the keys file, id, severity, message, field,
line and hint (docs/checks.md). Exit status: 0 no errors (warnings allowed unless --strict),
1 errors (or warnings with --strict), 2 a file could not be read.

The page-count rule needs a render, which takes far longer than the checks, so it is not run
here. Asset paths are checked relative to each release's folder.

A press kit (a file whose front matter starts ``presskit_kit: 1``) gets the kit's checks
(:mod:`presskit.kit.checks`: alt text, credits, resolution, unusable files), in the same rows.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presskit.model.wording import counted

if TYPE_CHECKING:
    from presskit.model.release import Release
    from presskit.storage import LoadedRelease

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def add_parser(subparsers: Any) -> None:
    """Add the ``check`` subcommand to an argparse subparsers object."""
    check = subparsers.add_parser(
        "check",
        help="check releases before sending: placeholder links, missing contacts, ...",
        description="Run the preflight checks on release files. Exit status: 0 no errors, "
        "1 errors (or warnings with --strict), 2 a file could not be read.",
    )
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )
    check.add_argument(
        "--strict", action="store_true", help="fail (exit 1) on warnings as well as errors"
    )


def run(args: argparse.Namespace) -> int:
    """Check every file of ``args.files``; print the findings; return the exit status."""
    from presskit.storage import ReleaseFileError, load_release  # noqa: PLC0415

    rows: list[dict[str, Any]] = []
    unreadable = 0
    for path in args.files:
        if _is_kit(path):
            kit_rows = _kit_rows(path)
            if kit_rows is None:
                unreadable += 1
            else:
                rows += kit_rows
            continue
        try:
            loaded = load_release(path)
        except ReleaseFileError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            unreadable += 1
            continue
        rows += file_rows(loaded, str(path), path.parent)
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        _print_text(rows, len(args.files) - unreadable)
    if unreadable:
        return EXIT_UNREADABLE
    failing = {"error", "warning"} if args.strict else {"error"}
    return EXIT_FINDINGS if any(row["severity"] in failing for row in rows) else EXIT_OK


def file_rows(loaded: LoadedRelease, file: str, folder: Path) -> list[dict[str, Any]]:
    """The findings of one loaded release as output rows, with lines in the file."""
    from presskit.checks.findings import sentence  # noqa: PLC0415
    from presskit.checks.runner import run_checks  # noqa: PLC0415

    def exists(relative: str) -> bool:
        return (folder / relative).is_file()

    def source(relative: str) -> Release | None:
        from presskit.translation.linking import acceptable_source, read_source  # noqa: PLC0415

        if not acceptable_source(relative, folder / "release.md"):
            return None
        return read_source(folder / relative)

    rows = [
        # The loader's own warnings (today: fields Presskit does not know) come first.
        {
            "file": file,
            "id": "file-warning",
            "severity": "warning",
            "message": sentence(problem.message),
            "field": problem.field or "",
            "line": problem.line,
            "hint": "",
        }
        for problem in loaded.warnings
    ]
    for finding in run_checks(loaded.release, exists=exists, source=source):
        rows.append(
            {
                "file": file,
                "id": finding.id,
                "severity": str(finding.severity),
                "message": finding.message,
                "field": finding.field,
                "line": _line(loaded, finding.field, finding.body_line),
                "hint": finding.hint,
            }
        )
    return rows


def _is_kit(path: Path) -> bool:
    from presskit.kit.file import is_kit_file  # noqa: PLC0415

    return is_kit_file(path)


def _kit_rows(path: Path) -> list[dict[str, Any]] | None:
    """The findings of a press kit file as output rows; None (problems printed) if unreadable."""
    from presskit.kit.checks import disk_probe, kit_findings  # noqa: PLC0415
    from presskit.kit.file import load_kit  # noqa: PLC0415
    from presskit.storage import ReleaseFileError  # noqa: PLC0415

    try:
        loaded = load_kit(path)
    except ReleaseFileError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return None
    file = str(path)
    rows = [_warning_row(file, problem) for problem in loaded.warnings]
    for finding in kit_findings(loaded.kit, disk_probe(path.parent)):
        line = loaded.line_of(finding.field)
        rows.append(_row(file, finding, line))
    return rows


def _warning_row(file: str, problem: Any) -> dict[str, Any]:
    from presskit.checks.findings import sentence  # noqa: PLC0415

    return {
        "file": file, "id": "file-warning", "severity": "warning",
        "message": sentence(problem.message), "field": problem.field or "",
        "line": problem.line, "hint": "",
    }  # fmt: skip


def _row(file: str, finding: Any, line: int | None) -> dict[str, Any]:
    return {
        "file": file, "id": finding.id, "severity": str(finding.severity),
        "message": finding.message, "field": finding.field, "line": line,
        "hint": finding.hint,
    }  # fmt: skip


def _line(loaded: LoadedRelease, field: str, body_line: int | None) -> int | None:
    """The line in the file: body lines count from the body's first line."""
    if field == "body":
        return loaded.body_first_line + (body_line or 1) - 1
    return loaded.line_of(field)


def _print_text(rows: list[dict[str, Any]], files: int) -> None:
    for row in rows:
        where = row["file"] if row["line"] is None else f"{row['file']}:{row['line']}"
        what = f"{row['field']}: {row['message']}" if row["field"] else row["message"]
        hint = f" ({row['hint']})" if row["hint"] else ""
        print(f"{where}: {row['severity']}: {what}{hint}")
    counts = Counter(row["severity"] for row in rows)
    checked = counted(files, "file")
    print(
        f"{checked} checked: {counted(counts['error'], 'error')}, "
        f"{counted(counts['warning'], 'warning')}, {counted(counts['info'], 'note')}"
    )
