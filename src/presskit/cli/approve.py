"""``presskit approve RELEASE.md --by NAME [--role ROLE]``: sign a release off.

Records in the release file who approved it, when, and a fingerprint of the content they
approved. ``presskit check`` then warns (``approval-outdated``) as soon as the content changes,
naming who approved and what changed since.

Exit status: 0 done, 1 the file could not be written, 2 it could not be read.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from presskit.cli.common import EXIT_OK, UsageError, report_problems, write_or_report


def add_parser(subparsers: Any) -> None:
    """Add the ``approve`` command to an argparse subparsers object."""
    approve = subparsers.add_parser(
        "approve",
        help="record that someone approved a release as it is now",
        description="Record an approval (who, when, a fingerprint of the content) in the "
        "release file.",
    )
    approve.add_argument("release", type=Path, metavar="RELEASE.md")
    approve.add_argument("--by", required=True, metavar="NAME", help="who approves")
    approve.add_argument("--role", default="", metavar="ROLE", help="in which role (Legal)")


def run(args: argparse.Namespace) -> int:
    """Add the approval; returns the exit status."""
    from presskit.model.approvals import approver  # noqa: PLC0415
    from presskit.review.approvals import approve_file  # noqa: PLC0415
    from presskit.storage.problems import ReleaseFileError  # noqa: PLC0415

    if not args.by.strip():
        raise UsageError("--by needs the name of the person who approves")
    recorded = []
    try:
        status = write_or_report(
            args.release, lambda: recorded.append(approve_file(args.release, args.by, args.role))
        )
    except ReleaseFileError as exc:
        return report_problems(exc.problems)
    if status == EXIT_OK:
        approval = recorded[0]
        print(f"{args.release}: approved by {approver(approval)} at {approval.at}")
    return status
