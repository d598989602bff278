"""``presskit extract RELEASE.pdf [-o OUT.md] [--force]``: the release source out of a PDF.

Every Presskit PDF carries its release file as an attachment; this writes it back out (or to
standard output with ``-o -``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from presskit.cli.common import EXIT_BAD_INPUT, EXIT_OK, EXIT_OUTPUT_FAILED, UsageError
from presskit.storage.file_types import RELEASE_SUFFIX


def add_parser(subparsers: Any) -> None:
    """Add the ``extract`` command to an argparse subparsers object."""
    extract = subparsers.add_parser(
        "extract", help="get the release source back out of a Presskit PDF"
    )
    extract.add_argument("pdf", type=Path, metavar="RELEASE.pdf")
    extract.add_argument("-o", "--output", help="where to write it ('-' for standard output)")
    extract.add_argument("--force", action="store_true", help="overwrite an existing file")


def run(args: argparse.Namespace) -> int:
    """Write the release attached to ``args.pdf``; returns the exit status."""
    from presskit.storage.atomic import write_output  # noqa: PLC0415
    from presskit.storage.pdf_source import read_release_source_from_pdf  # noqa: PLC0415
    from presskit.storage.problems import ReleaseFileError  # noqa: PLC0415
    from presskit.storage.release_file import loads_release  # noqa: PLC0415

    try:
        data = read_release_source_from_pdf(args.pdf)
        # Only a release comes out: a hostile PDF could attach anything under that name.
        loads_release(data, f"{args.pdf} (attached release)")
    except ReleaseFileError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    out = Path(args.output) if args.output else args.pdf.with_suffix(RELEASE_SUFFIX)
    if (out.exists() or out.is_symlink()) and not args.force:
        raise UsageError(f"{out} already exists; choose another name with -o, or use --force")
    try:
        write_output(out, data, sources=(args.pdf,))
    except OSError as exc:
        print(f"{out}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_OUTPUT_FAILED
    print(f"wrote {out}")
    return EXIT_OK
