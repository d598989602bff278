"""``presskit review RELEASE.md REVIEWED.docx [--format json] [--accept-all [-o OUT.md]]``.

Lists what a reviewer changed in the Word document Presskit exported (``presskit export
--docx``), field by field: untracked edits, tracked insertions and deletions with their
author and date, and comments with the text they are anchored to. With ``--accept-all`` the
release is written with every change applied, and nothing else touched: fields the reviewer
did not change keep their bytes. Without ``-o`` the release file itself is updated; its
previous text is kept in the version history (``presskit history``).

Exit status: 0 done, 1 the output could not be written, 2 a file could not be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from presskit.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    dumps_json,
    out,
    report_problems,
    write_or_report,
)
from presskit.model.wording import counted


def add_parser(subparsers: Any) -> None:
    """Add the ``review`` command to an argparse subparsers object."""
    review = subparsers.add_parser(
        "review",
        help="list a reviewer's changes in a Word document, or apply them",
        description="Compare a reviewed Word document (made with 'presskit export --docx') "
        "with the release: changes by field, tracked or not, with their authors, and comments.",
    )
    review.add_argument("release", type=Path, metavar="RELEASE.md")
    review.add_argument("reviewed", type=Path, metavar="REVIEWED.docx")
    review.add_argument("--format", choices=("text", "json"), default="text")
    review.add_argument(
        "--accept-all", action="store_true", help="apply every change and write the release"
    )
    review.add_argument(
        "-o", "--output", type=Path, metavar="OUT.md",
        help="with --accept-all: write here instead of updating RELEASE.md",
    )  # fmt: skip


def run(args: argparse.Namespace) -> int:
    """List (and with --accept-all apply) the changes; returns the exit status."""
    from presskit.review.review import ReviewFileError, read_review  # noqa: PLC0415
    from presskit.storage import ReleaseFileError, load_release  # noqa: PLC0415

    if args.output is not None and not args.accept_all:
        print("presskit: -o needs --accept-all", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        loaded = load_release(args.release)
    except ReleaseFileError as exc:
        return report_problems(exc.problems)
    try:
        result = read_review(_read_bytes(args.reviewed), loaded.release)
    except (ReviewFileError, OSError) as exc:
        print(f"{args.reviewed}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.format == "json":
        out(dumps_json(review_rows(result)))
    else:
        _print_text(result, args.reviewed)
    if args.accept_all:
        return _accept_all(args, loaded.release, result)
    return EXIT_OK


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise OSError("this is a folder, not a Word document")
    return path.read_bytes()


def review_rows(result: Any) -> list[dict[str, Any]]:
    """The changes, then the comments, as JSON objects (docs/review.md)."""
    from presskit.model.paths import path_text  # noqa: PLC0415

    rows: list[dict[str, Any]] = []
    for change in result.changes:
        rows.append(
            {
                "kind": "change",
                "field": path_text(change.field),
                "before": change.before,
                "after": change.after,
                "removed": change.removed,
                "inserted": change.inserted,
                "author": change.author,
                "date": change.date,
                "tracked": change.tracked,
                "applicable": change.applicable,
                "note": change.note,
                "comments": change.comments,
            }
        )
    for comment in result.comments:
        rows.append(
            {
                "kind": "comment",
                "field": path_text(comment.field) if comment.field else "",
                "before": comment.anchor,
                "after": comment.anchor,
                "author": comment.author,
                "date": comment.date,
                "tracked": False,
                "text": comment.text,
            }
        )
    return rows


def _print_text(result: Any, reviewed: Path) -> None:
    from presskit.model.paths import path_text  # noqa: PLC0415
    from presskit.review.words import inline_diff  # noqa: PLC0415

    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    by = f" by {', '.join(result.authors)}" if result.authors else ""
    out(
        f"{reviewed.name}: {counted(len(result.changes), 'change')}, "
        f"{counted(len(result.comments), 'comment')}{by}"
    )
    for change in result.changes:
        how = "tracked" if change.tracked else "untracked"
        when = f", {change.date}" if change.date else ""
        out(f"{path_text(change.field)} ({how}, {change.author}{when})")
        out(f"  {inline_diff(change.before, change.after)}")
        if change.note:
            out(f"  not applied automatically: {change.note}")
    for comment in result.comments:
        where = path_text(comment.field) if comment.field else "the document"
        anchor = f' on "{comment.anchor}"' if comment.anchor else ""
        out(f"comment on {where}{anchor} ({comment.author}): {comment.text}")


def _accept_all(args: argparse.Namespace, release: Any, result: Any) -> int:
    from presskit.review.apply import apply_changes  # noqa: PLC0415
    from presskit.review.history import record_before_overwrite, record_saved  # noqa: PLC0415
    from presskit.storage.atomic import write_atomic, write_output  # noqa: PLC0415
    from presskit.storage.release_patch import patch_release_text  # noqa: PLC0415

    changed, skipped = apply_changes(release, result.changes)
    for change in skipped:
        print(f"not applied: {change.note or 'the field changed since'}", file=sys.stderr)
    original = args.release.read_text(encoding="utf-8-sig")
    text = patch_release_text(original, changed)
    target = args.output or args.release
    if target == args.release:
        record_before_overwrite(args.release, original)
    # In place it saves the release (as the editor would); an -o output is an output: never
    # written through a link, never over the release it came from.
    data = text.encode("utf-8")
    if target == args.release:
        status = write_or_report(target, lambda: write_atomic(target, data))
    else:
        status = write_or_report(target, lambda: write_output(target, data, (args.release,)))
    if status == EXIT_OK:
        record_saved(target, text, previous=original if target == args.release else None)
        applied = len(result.changes) - len(skipped)
        print(f"applied {counted(applied, 'change')}; wrote {target}", file=sys.stderr)
    return status
