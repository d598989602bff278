"""``presskit boilerplates``: the library of "About" texts from a terminal.

    presskit boilerplates list [--format text|json] [--search TEXT]
    presskit boilerplates add --organization NAME [--language en-US] [--reviewed DATE] FILE.md
    presskit boilerplates export OUT.json

Every verb takes ``--library PATH``; without it, $PRESSKIT_LIBRARY, else the library in the user
data folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from presskit.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    UsageError,
    dumps_json,
    library_option,
    listing_options,
    out,
    write_or_report,
)
from presskit.library.database import Library, LibraryError
from presskit.model.library import Boilerplate
from presskit.model.release import DEFAULT_LANGUAGE
from presskit.model.validation import is_language_tag
from presskit.model.wording import counted
from presskit.storage.atomic import write_output


def add_parser(subparsers: Any) -> None:
    """Add the ``boilerplates`` command to an argparse subparsers object."""
    library, listing = library_option(), listing_options()
    boilerplates = subparsers.add_parser(
        "boilerplates", help='the library of "About" texts: list, add, export'
    )
    verbs = boilerplates.add_subparsers(dest="verb", metavar="VERB", required=True)
    verbs.add_parser("list", parents=[library, listing], help="show the boilerplates")
    add = verbs.add_parser("add", parents=[library], help="add a Markdown file as a boilerplate")
    add.add_argument("file", metavar="FILE.md", help="the text, in Markdown ('-' reads stdin)")
    add.add_argument("--organization", required=True, metavar="NAME")
    add.add_argument("--language", default=DEFAULT_LANGUAGE, metavar="TAG")
    add.add_argument("--reviewed", type=_date, metavar="YYYY-MM-DD", help="last reviewed on")
    export = verbs.add_parser("export", parents=[library], help="write every boilerplate to JSON")
    export.add_argument("output", type=Path, metavar="OUT.json")


def run(args: argparse.Namespace) -> int:
    """Run a parsed ``boilerplates`` command; returns the exit status."""
    try:
        return _HANDLERS[args.verb](args)
    except (UsageError, LibraryError) as exc:
        print(f"presskit: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2024-05-31") from None


def _boilerplate_json(b: Boilerplate, with_id: bool = True) -> dict[str, Any]:
    item = {
        "id": b.id,
        "organization": b.organization,
        "language": b.language,
        "text": b.text,
        "last_reviewed": b.last_reviewed.isoformat() if b.last_reviewed else None,
        "created": b.created.isoformat() if b.created else None,
        "updated": b.updated.isoformat() if b.updated else None,
    }
    if not with_id:
        del item["id"]  # ids mean nothing in another library
    return item


def _boilerplates_list(args: argparse.Namespace) -> int:
    with Library.open(args.library) as library:
        boilerplates = library.search_boilerplates(args.search)
    if args.format == "json":
        out(dumps_json([_boilerplate_json(b) for b in boilerplates]))
        return EXIT_OK
    for b in boilerplates:
        reviewed = f"  reviewed {b.last_reviewed.isoformat()}" if b.last_reviewed else ""
        first = b.text.strip().splitlines()[0] if b.text.strip() else ""
        excerpt = first if len(first) <= 60 else first[:59] + "…"
        out(f"{b.id:>5}  {b.organization} [{b.language}]{reviewed}  {excerpt}")
    return EXIT_OK


def _read_markdown(name: str) -> str:
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{name}: this is a folder, not a Markdown file") from None
    except OSError as exc:
        raise UsageError(f"{name}: cannot be read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{name}: is not UTF-8 text; save it as UTF-8 and try again") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise UsageError(f"{name}: is empty; a boilerplate needs some text")
    return text


def _boilerplates_add(args: argparse.Namespace) -> int:
    organization = args.organization.strip()
    if not organization:
        raise UsageError("--organization: give the organization's name")
    if not is_language_tag(args.language):
        raise UsageError(f"--language: '{args.language}' is not a language tag such as en-US")
    text = _read_markdown(args.file)
    boilerplate = Boilerplate(
        organization=organization, language=args.language, text=text, last_reviewed=args.reviewed
    )
    with Library.open(args.library) as library:
        new_id = library.add_boilerplate(boilerplate)
    out(f"added boilerplate {new_id} for {organization} [{args.language}]")
    return EXIT_OK


def _boilerplates_export(args: argparse.Namespace) -> int:
    with Library.open(args.library) as library:
        boilerplates = library.list_boilerplates()
    items = [_boilerplate_json(b, with_id=False) for b in boilerplates]
    data = (json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    status = write_or_report(args.output, lambda: write_output(args.output, data))
    if status == EXIT_OK:
        out(f"wrote {counted(len(items), 'boilerplate')} to {args.output}")
    return status


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "list": _boilerplates_list,
    "add": _boilerplates_add,
    "export": _boilerplates_export,
}
