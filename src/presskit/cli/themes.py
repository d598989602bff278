"""``presskit themes``: list the themes, bundled and the user's own, with any that are broken."""

from __future__ import annotations

import argparse
from typing import Any

from presskit.cli.common import EXIT_OK


def add_parser(subparsers: Any) -> None:
    """Add the ``themes`` command to an argparse subparsers object."""
    subparsers.add_parser("themes", help="list the available themes")


def run(args: argparse.Namespace) -> int:
    """Print every theme of the catalogue; a broken one with the reason it cannot be used."""
    from presskit.render.themes import theme_catalogue, user_themes_dir  # noqa: PLC0415

    for entry in theme_catalogue():
        if entry.theme is None:
            print(f"{entry.name:12} (cannot be used: {entry.problem})")
            continue
        where = "" if entry.bundled else f"  [{entry.theme.folder}]"
        print(f"{entry.name:12} {entry.theme.title}: {entry.theme.description}{where}")
    print(f"\nAdd a theme by putting its folder in {user_themes_dir()}")
    return EXIT_OK
