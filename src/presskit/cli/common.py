"""What every ``presskit`` verb shares: exit statuses, usage errors, safe printing, writing.

Exit status of every verb: 0 done, 1 an output could not be written, 2 bad input (one line on
stderr naming the file, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_OUTPUT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit status 2."""


def out(text: str) -> None:
    """Print, even where the terminal's encoding cannot show every name."""
    encoding = sys.stdout.encoding or "utf-8"
    print(text.encode(encoding, "replace").decode(encoding))


def dumps_json(value: Any) -> str:
    """JSON for the terminal: non-ASCII as it is where the terminal speaks Unicode."""
    utf = (sys.stdout.encoding or "").lower().replace("-", "") in ("utf8", "utf16", "utf32")
    return json.dumps(value, ensure_ascii=not utf, indent=2)


def language_tag(text: str) -> str:
    """``text`` as a BCP 47 tag (``de-DE``; ``de_DE`` is taken too); UsageError if not one."""
    from presskit.model.validation import parse_language_tag  # noqa: PLC0415

    tag, why = parse_language_tag(text)
    if why:
        raise UsageError(why)
    return tag


def report_problems(problems: Iterable[object]) -> int:
    """Each problem of an input that cannot be read, a line of its own on stderr (they name
    the file and line); returns exit status 2."""
    for problem in problems:
        print(problem, file=sys.stderr)
    return EXIT_BAD_INPUT


def write_or_report(path: Path, write: Callable[[], None]) -> int:
    """Run ``write``; an OSError becomes one line on stderr and exit status 1."""
    try:
        write()
    except OSError as exc:
        print(f"{path}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_OUTPUT_FAILED
    return EXIT_OK


def library_option() -> argparse.ArgumentParser:
    """A parent parser with ``--library PATH``, for every verb that uses the library."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument(
        "--library",
        type=Path,
        metavar="PATH",
        help="the library file (default: $PRESSKIT_LIBRARY, else one in your user data folder)",
    )
    return parser


def listing_options() -> argparse.ArgumentParser:
    """A parent parser with ``--format text|json`` and ``--search TEXT``, for list verbs."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--search", default="", metavar="TEXT", help="only what matches TEXT")
    return parser
