"""``presskit contacts`` and ``presskit boilerplates``: the library from a terminal.

    presskit contacts import FILE...                     vCard (.vcf) and CSV (Google, Outlook)
    presskit contacts list [--format text|json] [--search TEXT]
    presskit contacts export OUT.vcf [--vcard-version 4.0|3.0]
    presskit boilerplates list [--format text|json] [--search TEXT]
    presskit boilerplates add --organization NAME [--language en-US] [--reviewed DATE] FILE.md
    presskit boilerplates export OUT.json

Every verb takes ``--library PATH``; without it, $PRESSKIT_LIBRARY, else the library in the user
data folder. ``cli.py`` adds these commands with :func:`add_parsers` and hands the parsed
arguments of either to :func:`run`. Exit status as for every presskit command: 0 done, 1 an
output could not be written, 2 bad input (one line on stderr, never a traceback). ``contacts
import`` prints every problem of every file and exits 2 only when no contact could be read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from presskit.model.library import Boilerplate, LibraryContact
from presskit.model.release import DEFAULT_LANGUAGE, Phone
from presskit.model.validation import is_language_tag
from presskit.model.wording import counted
from presskit.storage.atomic import write_atomic
from presskit.storage.contacts_file import read_contacts_file
from presskit.storage.library import Library, LibraryError
from presskit.storage.vcard import VERSIONS, write_vcards

COMMANDS = ("contacts", "boilerplates")
EXIT_OK, EXIT_OUTPUT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit status 2."""


def add_parsers(subparsers: Any) -> None:
    """Add the ``contacts`` and ``boilerplates`` commands to an argparse subparsers object."""
    library = argparse.ArgumentParser(add_help=False)
    library.add_argument(
        "--library",
        type=Path,
        metavar="PATH",
        help="the library file (default: $PRESSKIT_LIBRARY, else one in your user data folder)",
    )
    listing = argparse.ArgumentParser(add_help=False)
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.add_argument("--search", default="", metavar="TEXT", help="only what matches TEXT")

    contacts = subparsers.add_parser(
        "contacts", help="the press contact library: import, list, export"
    )
    verbs = contacts.add_subparsers(dest="verb", metavar="VERB", required=True)
    read = verbs.add_parser(
        "import", parents=[library], help="add the contacts of vCard (.vcf) or CSV files"
    )
    read.add_argument("files", nargs="+", type=Path, metavar="FILE")
    verbs.add_parser("list", parents=[library, listing], help="show the contacts")
    export = verbs.add_parser("export", parents=[library], help="write every contact to a .vcf")
    export.add_argument("output", type=Path, metavar="OUT.vcf")
    export.add_argument("--vcard-version", choices=VERSIONS, default=VERSIONS[0])

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
    """Run a parsed ``contacts`` or ``boilerplates`` command; returns the exit status."""
    handler = _HANDLERS[(args.command, args.verb)]
    try:
        return handler(args)
    except (UsageError, LibraryError) as exc:
        print(f"presskit: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


def main_for_tests(argv: Sequence[str]) -> int:
    """Parse ``argv`` as ``presskit`` would for these commands and run it; returns the status."""
    parser = argparse.ArgumentParser(prog="presskit")
    add_parsers(parser.add_subparsers(dest="command", metavar="COMMAND", required=True))
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:  # argparse has printed the usage and the error
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    return run(args)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2024-05-31") from None


def _out(text: str) -> None:
    """Print, even where the terminal's encoding cannot show every name."""
    encoding = sys.stdout.encoding or "utf-8"
    print(text.encode(encoding, "replace").decode(encoding))


def _dumps(value: Any) -> str:
    utf = (sys.stdout.encoding or "").lower().replace("-", "") in ("utf8", "utf16", "utf32")
    return json.dumps(value, ensure_ascii=not utf, indent=2)


def _write(path: Path, write: Callable[[], None]) -> int:
    try:
        write()
    except OSError as exc:
        print(f"{path}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_OUTPUT_FAILED
    return EXIT_OK


# -- contacts ------------------------------------------------------------------------------


def _contacts_import(args: argparse.Namespace) -> int:
    with Library.open(args.library) as library:
        results = [read_contacts_file(path) for path in args.files]
        for result in results:
            for problem in result.problems:
                print(problem, file=sys.stderr)
        contacts = [c for result in results for c in result.contacts]
        if not contacts:
            print("presskit: no contacts could be read; nothing was imported", file=sys.stderr)
            return EXIT_BAD_INPUT
        added = library.add_contacts(contacts, skip_duplicates=True)
        for result in results:
            _out(f"{result.source}: {counted(len(result.contacts), 'contact')} read")
        skipped = len(contacts) - len(added)
        note = f" ({skipped} already there, skipped)" if skipped else ""
        _out(f"imported {counted(len(added), 'contact')} into {library.path}{note}")
    return EXIT_OK


def _contact_json(c: LibraryContact) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "title": c.title,
        "organization": c.organization,
        "city": c.city,
        "phones": [{"number": p.number, "label": p.label} for p in c.phones],
        "emails": list(c.emails),
        "website": c.website,
        "notes": c.notes,
        "tags": list(c.tags),
        "created": c.created.isoformat() if c.created else None,
        "updated": c.updated.isoformat() if c.updated else None,
    }


def _contacts_list(args: argparse.Namespace) -> int:
    with Library.open(args.library) as library:
        contacts = library.search_contacts(args.search)
    if args.format == "json":
        _out(_dumps([_contact_json(c) for c in contacts]))
        return EXIT_OK
    for c in contacts:
        role = ", ".join(part for part in (c.title, c.organization) if part)
        phone = _phone_text(c.phones[0]) if c.phones else ""
        details = "  ·  ".join(part for part in (role, c.email, phone) if part)
        _out(f"{c.id:>5}  {c.name}" + (f"  ·  {details}" if details else ""))
    return EXIT_OK


def _phone_text(phone: Phone) -> str:
    return f"{phone.number} ({phone.label})" if phone.label else phone.number


def _contacts_export(args: argparse.Namespace) -> int:
    with Library.open(args.library) as library:
        contacts = library.list_contacts()
    status = _write(args.output, lambda: write_vcards(contacts, args.output, args.vcard_version))
    if status == EXIT_OK:
        _out(f"wrote {counted(len(contacts), 'contact')} to {args.output}")
    return status


# -- boilerplates --------------------------------------------------------------------------


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
        _out(_dumps([_boilerplate_json(b) for b in boilerplates]))
        return EXIT_OK
    for b in boilerplates:
        reviewed = f"  reviewed {b.last_reviewed.isoformat()}" if b.last_reviewed else ""
        first = b.text.strip().splitlines()[0] if b.text.strip() else ""
        excerpt = first if len(first) <= 60 else first[:59] + "…"
        _out(f"{b.id:>5}  {b.organization} [{b.language}]{reviewed}  {excerpt}")
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
    _out(f"added boilerplate {new_id} for {organization} [{args.language}]")
    return EXIT_OK


def _boilerplates_export(args: argparse.Namespace) -> int:
    with Library.open(args.library) as library:
        boilerplates = library.list_boilerplates()
    items = [_boilerplate_json(b, with_id=False) for b in boilerplates]
    data = (json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    status = _write(args.output, lambda: write_atomic(args.output, data))
    if status == EXIT_OK:
        _out(f"wrote {counted(len(items), 'boilerplate')} to {args.output}")
    return status


_HANDLERS: dict[tuple[str, str], Callable[[argparse.Namespace], int]] = {
    ("contacts", "import"): _contacts_import,
    ("contacts", "list"): _contacts_list,
    ("contacts", "export"): _contacts_export,
    ("boilerplates", "list"): _boilerplates_list,
    ("boilerplates", "add"): _boilerplates_add,
    ("boilerplates", "export"): _boilerplates_export,
}
