"""``presskit diff A.md B.md [--format json]``: what changed between two releases.

Field by field, word by word: ``[-removed-]{+added+}`` with a few words around each change.
JSON is a list with one object per changed field: ``field``, ``before``, ``after``, and
``pieces`` (``{"kind": "same" | "removed" | "added", "text": ...}`` in order).

Exit status: 0 the releases are the same, 1 they differ, 2 a file could not be read.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from presskit.cli.common import EXIT_OK, dumps_json, out, report_problems

EXIT_DIFFERENT = 1


def add_parser(subparsers: Any) -> None:
    """Add the ``diff`` command to an argparse subparsers object."""
    diff = subparsers.add_parser(
        "diff",
        help="compare two releases field by field, word by word",
        description="Compare two release files. Exit status: 0 the same, 1 different, "
        "2 a file could not be read.",
    )
    diff.add_argument("old", type=Path, metavar="A.md")
    diff.add_argument("new", type=Path, metavar="B.md")
    diff.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    """Print the differences; returns the exit status."""
    from presskit.review.compare import compare_releases  # noqa: PLC0415
    from presskit.review.words import inline_diff  # noqa: PLC0415
    from presskit.storage import ReleaseFileError, load_release  # noqa: PLC0415

    try:
        old, new = load_release(args.old).release, load_release(args.new).release
    except ReleaseFileError as exc:
        return report_problems(exc.problems)
    diffs = compare_releases(old, new)
    if args.format == "json":
        rows = [
            {
                "field": d.field,
                "before": d.old,
                "after": d.new,
                "pieces": [{"kind": p.kind, "text": p.text} for p in d.pieces],
            }
            for d in diffs
        ]
        out(dumps_json(rows))
    else:
        for d in diffs:
            out(f"{d.field}:")
            out(f"  {inline_diff(d.old, d.new)}")
        if not diffs:
            out("no differences")
    return EXIT_DIFFERENT if diffs else EXIT_OK
