"""``presskit translate RELEASE.md --to de-DE [-o OUT.md]``: a linked copy to translate.

Writes a new release file in the other language that records which release it translates
and how each source segment read at that moment, so ``presskit check`` can later name every
segment whose source has changed (``translation-outdated``). The texts are the source's,
ready to be translated by hand (or use ``presskit xliff export`` for a CAT tool).

Exit status: 0 written, 1 the file could not be written, 2 bad input (an unreadable source,
a language tag that is not one, an output that exists already).
"""

from __future__ import annotations

import argparse
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
    """Add the ``translate`` command to an argparse subparsers object."""
    translate = subparsers.add_parser(
        "translate",
        help="make a linked copy of a release to translate into another language",
        description="Write a translation of RELEASE.md linked to it: its own file, in the "
        "other language, that remembers the source text it was made from.",
    )
    translate.add_argument("release", type=Path, metavar="RELEASE.md")
    translate.add_argument("--to", required=True, metavar="LANG", help="language (de-DE)")
    translate.add_argument(
        "-o", "--output", type=Path, metavar="OUT.md", help="default: RELEASE.LANG.md beside it"
    )


def run(args: argparse.Namespace) -> int:
    """Write the translation; returns the exit status."""
    from presskit.storage import ReleaseFileError, load_release, save_release  # noqa: PLC0415
    from presskit.translation.linking import default_output, make_translation  # noqa: PLC0415

    language = language_tag(args.to)
    try:
        source = load_release(args.release).release
    except ReleaseFileError as exc:
        return report_problems(exc.problems)
    output: Path = args.output or default_output(args.release, language)
    if output.exists() or output.is_symlink():
        raise UsageError(f"{output} exists already: name another file with -o")
    translation = make_translation(source, args.release, output, language)
    status = write_or_report(output, lambda: save_release(translation, output))
    if status == EXIT_OK:
        print(f"{output}: {language} version of {args.release}, ready to translate")
    return status
