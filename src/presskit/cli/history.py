"""``presskit history RELEASE.md [--format json] [--show N [-o OUT.md]]``: saved versions.

Every save in the editor (and every change ``presskit review --accept-all`` or ``presskit
approve`` writes) keeps a snapshot of the release in the user's data folder. This lists them,
newest last, with the time and what changed; ``--show N`` prints version N (or writes it to
OUT.md), for ``presskit diff`` or to bring an old version back.

Exit status: 0 done, 1 the output could not be written, 2 no such file or version.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from presskit.cli.common import EXIT_BAD_INPUT, EXIT_OK, dumps_json, out, write_or_report


def add_parser(subparsers: Any) -> None:
    """Add the ``history`` command to an argparse subparsers object."""
    history = subparsers.add_parser(
        "history",
        help="list the saved versions of a release, or show one",
        description="List the versions of a release that Presskit kept at each save.",
    )
    history.add_argument("release", type=Path, metavar="RELEASE.md")
    history.add_argument("--format", choices=("text", "json"), default="text")
    history.add_argument("--show", type=int, metavar="N", help="print version N")
    history.add_argument("-o", "--output", type=Path, metavar="OUT.md",
                         help="with --show: write the version here")  # fmt: skip


def run(args: argparse.Namespace) -> int:
    """List the versions (or show one); returns the exit status."""
    from presskit.review.history import HistoryStore  # noqa: PLC0415

    store = HistoryStore()
    try:
        current = args.release.read_text(encoding="utf-8-sig")
    except OSError:
        current = None  # a file that was removed still has its history
    versions = store.versions(args.release, current)
    if args.show is not None:
        chosen = next((v for v in versions if v.number == args.show), None)
        if chosen is None:
            print(f"{args.release}: there is no version {args.show}", file=sys.stderr)
            return EXIT_BAD_INPUT
        text = store.text(args.release, chosen, current)
        if args.output is None:
            sys.stdout.write(text)
            return EXIT_OK
        from presskit.storage.atomic import write_output  # noqa: PLC0415

        return write_or_report(
            args.output, lambda: write_output(args.output, text.encode(), (args.release,))
        )
    if args.format == "json":
        out(dumps_json([_row(v) for v in versions]))
    elif not versions:
        out(f"{args.release}: no saved versions yet")
    else:
        for version in versions:
            stamp = version.when.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            out(f"{version.number:>4}  {stamp}  {version.summary}")
    return EXIT_OK


def _row(version: Any) -> dict[str, Any]:
    return {"version": version.number, "time": version.time, "summary": version.summary,
            "path": version.path, "sha256": version.sha}  # fmt: skip
