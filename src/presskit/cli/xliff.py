"""``presskit xliff export|import``: a release's texts out to translators and back.

    presskit xliff export release.md --to de-DE [-o release.de-DE.xlf]
    presskit xliff import release.de-DE.xlf [-o release.de-DE.md]

Export writes XLIFF 1.2 (docs/translation.md says why 1.2) with one unit per segment; any
CAT tool (memoQ, Trados, OmegaT, Weblate) fills the targets. Import validates the file,
checks every unit and inline code, and writes (or updates) the translation linked to its
source. Exit status: 0 done, 1 the output could not be written, 2 bad input (each problem on
one line naming the file, line and unit).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from presskit.cli.common import (
    EXIT_OK,
    UsageError,
    language_tag,
    report_problems,
    write_or_report,
)


def add_parser(subparsers: Any) -> None:
    """Add the ``xliff`` command and its ``export`` and ``import`` actions."""
    xliff = subparsers.add_parser(
        "xliff",
        help="XLIFF files for translators: export a release, import the translation",
        description="Exchange a release's texts with CAT tools as XLIFF 1.2.",
    )
    actions = xliff.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write the release's segments as XLIFF")
    export.add_argument("release", type=Path, metavar="RELEASE.md")
    export.add_argument("--to", required=True, metavar="LANG", help="target language (de-DE)")
    export.add_argument("-o", "--output", type=Path, metavar="FILE.xlf")
    read = actions.add_parser("import", help="write the translation an XLIFF file holds")
    read.add_argument("xliff", type=Path, metavar="FILE.xlf")
    read.add_argument(
        "-o", "--output", type=Path, metavar="OUT.md", help="default: RELEASE.LANG.md"
    )
    read.add_argument("--to", metavar="LANG", help="the language (default: the file's)")
    read.add_argument(
        "--source", type=Path, metavar="RELEASE.md", help="the source (default: the file's)"
    )


def run(args: argparse.Namespace) -> int:
    """Run the action; returns the exit status."""
    from presskit.storage import ReleaseFileError  # noqa: PLC0415
    from presskit.translation.xliff import XliffError  # noqa: PLC0415

    try:
        return _export(args) if args.action == "export" else _import(args)
    except (ReleaseFileError, XliffError) as exc:
        return report_problems(exc.problems)


def _export(args: argparse.Namespace) -> int:
    from presskit.storage import load_release  # noqa: PLC0415
    from presskit.storage.atomic import write_output  # noqa: PLC0415
    from presskit.translation.xliff import export_xliff  # noqa: PLC0415

    language = language_tag(args.to)
    source = load_release(args.release).release
    output: Path = args.output or args.release.with_name(f"{args.release.stem}.{language}.xlf")
    if output.resolve() == args.release.resolve():
        raise UsageError(f"{output} is the release itself: name another file with -o")
    data = export_xliff(source, args.release, output, language)
    status = write_or_report(output, lambda: write_output(output, data, sources=(args.release,)))
    if status == EXIT_OK:
        print(f"{output}: {data.count(b'<trans-unit ')} units for translation into {language}")
    return status


def _import(args: argparse.Namespace) -> int:
    from presskit.storage import save_release  # noqa: PLC0415
    from presskit.translation.xliff import import_xliff  # noqa: PLC0415

    try:
        data = args.xliff.read_bytes()
    except OSError as exc:
        raise UsageError(f"{args.xliff}: cannot be read: {exc.strerror or exc}") from None
    language = language_tag(args.to) if args.to else ""
    result = import_xliff(data, args.xliff, args.output, language=language, source_path=args.source)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    status = write_or_report(result.output, lambda: save_release(result.release, result.output))
    if status == EXIT_OK:
        print(f"{result.output}: {result.release.language} translation written")
    return status
