"""``presskit contacts``: the press-contact library from a terminal.

    presskit contacts import FILE...                     vCard (.vcf) and CSV (Google, Outlook)
    presskit contacts list [--format text|json] [--search TEXT]
    presskit contacts export OUT.vcf [--vcard-version 4.0|3.0]
    presskit contacts sync --carddav URL [--user USER] [--password-env VAR] [--book NAME]
                           [--allow-mass-delete]        two-way sync with a CardDAV address book
    presskit contacts conflicts                          contacts both sides changed

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
from presskit.library.vcard import VERSIONS, write_vcards
from presskit.model.library import LibraryContact
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
    verbs.add_parser("list", parents=[library, listing], help="show the contacts")
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
        "created": c.created.isoformat() if c.created else None,
        "updated": c.updated.isoformat() if c.updated else None,
    }


def _contacts_list(args: argparse.Namespace) -> int:
    with Library.open(args.library) as library:
        contacts = library.search_contacts(args.search)
    if args.format == "json":
        out(dumps_json([_contact_json(c) for c in contacts]))
        return EXIT_OK
    for c in contacts:
        role = ", ".join(part for part in (c.title, c.organization) if part)
        phone = _phone_text(c.phones[0]) if c.phones else ""
        details = "  ·  ".join(part for part in (role, c.email, phone) if part)
        out(f"{c.id:>5}  {c.name}" + (f"  ·  {details}" if details else ""))
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
}
