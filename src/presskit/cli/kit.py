"""``presskit kit export KIT.md [--html DIR] [--pdf FACTSHEET.pdf] [--zip OUT.zip]``: a press
kit file to its web page (a folder with ``index.html``, the images, logos, releases, fact
sheet and vCard), its fact-sheet PDF, and one zip holding all of it (docs/kit.md).

Files the kit names that cannot be used (missing, outside the kit's folder, a link, a
damaged image, a decompression bomb, an SVG with a script) are left out with a warning on
stderr; ``presskit check KIT.md`` reports them before. Exit status: 0 written, 1 an output
could not be written, 2 the kit file could not be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from presskit.cli.common import EXIT_BAD_INPUT, EXIT_OK, EXIT_OUTPUT_FAILED, UsageError


def add_parser(subparsers: Any) -> None:
    """Add the ``kit`` command (with its ``export`` action) to an argparse subparsers object."""
    kit = subparsers.add_parser(
        "kit",
        help="export a press kit (kit.md): web page, fact sheet PDF, zip",
        description="Press kits: a kit.md file with the organization's facts, people, photos, "
        "logos and releases. 'presskit check KIT.md' checks one.",
    )
    actions = kit.add_subparsers(dest="kit_action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help="write the kit's web page, fact sheet and zip",
        description="Write the kit's web page (a folder), its fact sheet (PDF) and a zip of "
        "everything. Every published image has its location and camera data removed.",
    )
    export.add_argument("kit", type=Path, metavar="KIT.md")
    export.add_argument("--html", type=Path, metavar="DIR", help="the web page's folder")
    export.add_argument("--pdf", type=Path, metavar="FACTSHEET.pdf", help="the fact sheet")
    export.add_argument("--zip", type=Path, metavar="OUT.zip", help="everything in one zip")


def run(args: argparse.Namespace) -> int:
    """Export the kit; returns the exit status."""
    from presskit.kit.export import KitExportError, export_kit  # noqa: PLC0415
    from presskit.storage.problems import ReleaseFileError  # noqa: PLC0415

    if not (args.html or args.pdf or args.zip):
        raise UsageError("kit export: say what to write: --html DIR, --pdf FILE, --zip FILE")
    try:
        result = export_kit(args.kit, html_dir=args.html, pdf=args.pdf, zip_path=args.zip)
    except ReleaseFileError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    except KitExportError as exc:
        print(f"presskit: {exc}", file=sys.stderr)
        return EXIT_OUTPUT_FAILED
    for warning in result.warnings:
        print(f"{args.kit}: warning: {warning}", file=sys.stderr)
    for path in result.written:
        print(f"wrote {path}")
    return EXIT_OK
