"""``presskit contacts sync`` and ``contacts conflicts``: the library and a CardDAV address book.

    PRESSKIT_CARDDAV_PASSWORD=... presskit contacts sync --carddav https://dav.example.org/ \\
        --user jana
    presskit contacts conflicts

Part of the ``contacts`` verb (:mod:`presskit.cli.contacts`), in a module of its own.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from presskit.carddav import Account, CardDavError, sync_library
from presskit.carddav.errors import AuthenticationFailed, MassDeleteRefused, NotCardDav
from presskit.cli.common import EXIT_BAD_INPUT, EXIT_OK, EXIT_OUTPUT_FAILED, UsageError, out
from presskit.library.carddav_state import conflicts
from presskit.library.database import Library

PASSWORD_ENV = "PRESSKIT_CARDDAV_PASSWORD"  # noqa: S105 - a variable name, not a password


def add_sync_parsers(verbs: Any, library: argparse.ArgumentParser) -> None:
    """Add ``sync`` and ``conflicts`` to the ``contacts`` verbs."""
    sync = verbs.add_parser(
        "sync", parents=[library], help="two-way sync with a CardDAV address book"
    )
    sync.add_argument("--carddav", required=True, metavar="URL", help="the server or book")
    sync.add_argument("--user", default="", help="the user name on the server")
    sync.add_argument(
        "--password-env",
        default=PASSWORD_ENV,
        metavar="VAR",
        help=f"the environment variable holding the password (default: {PASSWORD_ENV})",
    )
    sync.add_argument("--book", metavar="NAME", help="which address book, when there are several")
    sync.add_argument(
        "--allow-mass-delete",
        action="store_true",
        help="allow a sync that deletes more than half of the contacts",
    )
    verbs.add_parser(
        "conflicts", parents=[library], help="contacts changed on both sides, to resolve"
    )


def _password(variable: str) -> str:
    if variable in os.environ:
        return os.environ[variable]
    if sys.stdin.isatty():
        return getpass.getpass("CardDAV password: ")
    raise UsageError(f"no password: set the environment variable {variable}")


def contacts_sync(args: argparse.Namespace) -> int:
    account = Account(args.carddav, args.user, _password(args.password_env))
    with Library.open(args.library) as library:
        try:
            report = sync_library(
                library, account, book=args.book, allow_mass_delete=args.allow_mass_delete
            )
        except CardDavError as exc:
            print(f"presskit: {exc}", file=sys.stderr)
            bad_input = isinstance(exc, AuthenticationFailed | NotCardDav | MassDeleteRefused)
            return EXIT_BAD_INPUT if bad_input else EXIT_OUTPUT_FAILED
    out(report.summary())
    for conflict in report.open_conflicts:
        out(
            f"conflict: {conflict.name}: changed here and on the server; the server's version "
            f"is kept, yours is the contact '{conflict.name} (conflict copy)'"
        )
    for problem in (*report.rejected, *report.skipped):
        print(f"presskit: {problem}", file=sys.stderr)
    for name in report.retry:
        out(f"{name}: changed on the server during this sync; it will be synced next time")
    return EXIT_OUTPUT_FAILED if report.rejected else EXIT_OK


def contacts_conflicts(args: argparse.Namespace) -> int:
    with Library.open(args.library) as library:
        found = conflicts(library)
    for conflict in found:
        out(f"{conflict.detected[:16].replace('T', ' ')}  {conflict.name}  (conflict copy kept)")
    if not found:
        out("no conflicts")
    return EXIT_OK
