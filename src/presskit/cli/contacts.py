"""``presskit contacts``: the press-contact library from a terminal.

    presskit contacts import FILE... [--list NAME [--tag TAG]...] [--column HEADER=FIELD]...
                                  vCard (.vcf) and CSV (Google, Outlook, Cision, Muck Rack, ...)
    presskit contacts list [--format text|json] [--search TEXT] [--list NAME]
    presskit contacts lists [--format text|json]          the media lists, with their sizes
    presskit contacts export OUT.vcf [--vcard-version 4.0|3.0]
    presskit contacts sync --carddav URL [--user USER] [--password-env VAR] [--book NAME]
                           [--allow-mass-delete]        two-way sync with a CardDAV address book
    presskit contacts conflicts                          contacts both sides changed

``import --list NAME`` puts the journalists on a media list (made if needed): one already in
the library (same email, any case) is merged, not stored twice, and the report says so.

Every verb takes ``--library PATH``; without it, $PRESSKIT_LIBRARY, else the library in the user
data folder. ``contacts import`` prints every problem of every file and exits 2 only when no
contact could be read. ``contacts sync`` reads the password from the environment variable
``--password-env`` names (default ``PRESSKIT_CARDDAV_PASSWORD``), else asks for it on a
terminal; it exits 2 for a wrong address, password or a refused mass deletion, 1 when the server
cannot be reached or refused a card, and never changes the library when it fails.
"""

from __future__ import annotations

import argparse
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
from presskit.cli.contacts_sync import add_sync_parsers, contacts_conflicts, contacts_sync
from presskit.library.contacts_file import read_contacts_file
from presskit.library.database import Library, LibraryError
from presskit.library.media_columns import ALIASES
from presskit.library.media_lists import all_lists, get_list, import_list, members
from presskit.library.vcard import VERSIONS, write_vcards
from presskit.model.library import LibraryContact
from presskit.model.library_search import contact_matches, search_terms
from presskit.model.release import Phone
from presskit.model.wording import counted


def add_parser(subparsers: Any) -> None:
    """Add the ``contacts`` command to an argparse subparsers object."""
    library, listing = library_option(), listing_options()
    contacts = subparsers.add_parser(
        "contacts", help="the press contact library: import, list, export"
    )
    verbs = contacts.add_subparsers(dest="verb", metavar="VERB", required=True)
    read = verbs.add_parser(
        "import", parents=[library], help="add the contacts of vCard (.vcf) or CSV files"
    )
    read.add_argument("files", nargs="+", type=Path, metavar="FILE")
    read.add_argument("--list", dest="media_list", metavar="NAME", help="put them on this list")
    read.add_argument("--tag", action="append", default=[], help="a tag of a new list")
    read.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help="read a CSV column Presskit does not know as FIELD (email, first_name, last_name, "
        "name, outlet, title, topics, language, phone, do_not_contact, ...)",
    )
    shown = verbs.add_parser("list", parents=[library, listing], help="show the contacts")
    shown.add_argument("--list", dest="media_list", metavar="NAME", help="only this media list")
    verbs.add_parser("lists", parents=[library, listing], help="show the media lists")
    export = verbs.add_parser("export", parents=[library], help="write every contact to a .vcf")
    export.add_argument("output", type=Path, metavar="OUT.vcf")
    export.add_argument("--vcard-version", choices=VERSIONS, default=VERSIONS[0])
    add_sync_parsers(verbs, library)


def run(args: argparse.Namespace) -> int:
    """Run a parsed ``contacts`` command; returns the exit status."""
    try:
        return _HANDLERS[args.verb](args)
    except (UsageError, LibraryError) as exc:
        print(f"presskit: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _columns(pairs: list[str]) -> dict[str, str]:
    columns = {}
    for pair in pairs:
        header, sep, field = pair.rpartition("=")
        if not sep or not header or field not in ALIASES:
            fields = ", ".join(ALIASES)
            raise UsageError(f"--column {pair}: say HEADER=FIELD, FIELD one of {fields}")
        columns[header] = field
    return columns


def _contacts_import(args: argparse.Namespace) -> int:
    columns = _columns(args.column)
    with Library.open(args.library) as library:
        results = [read_contacts_file(path, columns or None) for path in args.files]
        for result in results:
            for problem in result.problems:
                print(problem, file=sys.stderr)
        contacts = [c for result in results for c in result.contacts]
        if not contacts:
            print("presskit: no contacts could be read; nothing was imported", file=sys.stderr)
            return EXIT_BAD_INPUT
        if args.media_list:
            report = import_list(library, args.media_list, contacts, args.tag)
            for result in results:
                out(f"{result.source}: {counted(len(result.contacts), 'contact')} read")
            for line in report.lines():
                out(line)
            return EXIT_OK
        added = library.add_contacts(contacts, skip_duplicates=True)
        for result in results:
            out(f"{result.source}: {counted(len(result.contacts), 'contact')} read")
        skipped = len(contacts) - len(added)
        note = f" ({skipped} already there, skipped)" if skipped else ""
        out(f"imported {counted(len(added), 'contact')} into {library.path}{note}")
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
        "first_name": c.first_name,
        "outlet": c.outlet,
        "topics": list(c.topics),
        "language": c.language,
        "do_not_contact": c.do_not_contact,
        "created": c.created.isoformat() if c.created else None,
        "updated": c.updated.isoformat() if c.updated else None,
    }


def _contacts_list(args: argparse.Namespace) -> int:
    with Library.open(args.library) as library:
        if args.media_list:
            if get_list(library, args.media_list) is None:
                raise UsageError(f"there is no media list called '{args.media_list}'")
            terms = search_terms(args.search)
            contacts = [c for c in members(library, args.media_list) if contact_matches(c, terms)]
        else:
            contacts = library.search_contacts(args.search)
    if args.format == "json":
        out(dumps_json([_contact_json(c) for c in contacts]))
        return EXIT_OK
    for c in contacts:
        role = ", ".join(part for part in (c.title, c.organization or c.outlet) if part)
        role += "  ·  do not contact" if c.do_not_contact else ""
        phone = _phone_text(c.phones[0]) if c.phones else ""
        details = "  ·  ".join(part for part in (role, c.email, phone) if part)
        out(f"{c.id:>5}  {c.name}" + (f"  ·  {details}" if details else ""))
    return EXIT_OK


def _lists_show(args: argparse.Namespace) -> int:
    with Library.open(args.library) as library:
        lists = all_lists(library)
    if args.format == "json":
        out(dumps_json([{"name": m.name, "tags": m.tags, "size": m.size} for m in lists]))
        return EXIT_OK
    for media_list in lists:
        tags = f"  ·  {', '.join(media_list.tags)}" if media_list.tags else ""
        out(f"{media_list.name}  ·  {counted(media_list.size, 'contact')}{tags}")
    return EXIT_OK


def _phone_text(phone: Phone) -> str:
    return f"{phone.number} ({phone.label})" if phone.label else phone.number


def _contacts_export(args: argparse.Namespace) -> int:
    with Library.open(args.library) as library:
        contacts = library.list_contacts()
    status = write_or_report(
        args.output, lambda: write_vcards(contacts, args.output, args.vcard_version)
    )
    if status == EXIT_OK:
        out(f"wrote {counted(len(contacts), 'contact')} to {args.output}")
    return status


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": _contacts_import,
    "list": _contacts_list,
    "export": _contacts_export,
    "sync": contacts_sync,
    "conflicts": contacts_conflicts,
    "lists": _lists_show,
}
