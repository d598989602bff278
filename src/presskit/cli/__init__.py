"""The ``presskit`` command: the editor, and one verb per module of this package.

    presskit [FILE] [--screenshot OUT.png] [--window-size 1280x800]   open the editor
    presskit export RELEASE.md... [--pdf [OUT]] [--html [OUT]] [--text [OUT]] [--eml [OUT]]
                                  [--docx [OUT]] [--xliff [OUT]] [--kit [OUT]] [--theme NAME]
                                  [--jobs N]
    presskit extract RELEASE.pdf [-o OUT.md]
    presskit check RELEASE.md|KIT.md... [--format text|json] [--strict]
    presskit contacts import FILE... [--list NAME] | list | lists | export OUT.vcf
                      | sync --carddav URL | conflicts                     [--library PATH]
    presskit translate RELEASE.md --to LANG [-o OUT.md]
    presskit xliff export RELEASE.md --to LANG [-o FILE.xlf] | import FILE.xlf [-o OUT.md]
    presskit boilerplates list | add --organization NAME FILE.md | export OUT.json
    presskit themes
    presskit import FILE... [-o OUT.md | --out-dir DIR] [--format json]   Word, email, web, PDF
    presskit newsroom SOURCE_DIR... -o SITE_DIR [--base-url URL] [--now ISO8601] [--theme NAME]
                                  [--title TEXT]
    presskit review RELEASE.md REVIEWED.docx [--format json] [--accept-all [-o OUT.md]]
    presskit history RELEASE.md [--format json] [--show N [-o OUT.md]]
    presskit diff A.md B.md [--format json]
    presskit approve RELEASE.md --by NAME [--role ROLE]
    presskit kit export KIT.md [--html DIR] [--pdf FACTSHEET.pdf] [--zip OUT.zip]
    presskit send RELEASE.md (--recipients FILE | --list NAME) --from ADDR
                                  (--smtp HOST:PORT [...] | --drafts DIR) [--test-to ADDR]

A verb is a module here with ``add_parser(subparsers)`` and ``run(args) -> int``, listed once
in :data:`VERBS`. Exit status: 0 success, 1 an output could not be written, 2 bad input (the
message names the file, the line and the field). A user error never prints a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from presskit import __version__
from presskit.cli.common import EXIT_BAD_INPUT, EXIT_OK, UsageError

VERBS: dict[str, str] = {
    "export": "presskit.cli.export",
    "extract": "presskit.cli.extract",
    "check": "presskit.cli.check",
    "contacts": "presskit.cli.contacts",
    "boilerplates": "presskit.cli.boilerplates",
    "themes": "presskit.cli.themes",
    "import": "presskit.cli.import_",
    "newsroom": "presskit.cli.newsroom",
    "review": "presskit.cli.review",
    "history": "presskit.cli.history",
    "diff": "presskit.cli.diff",
    "approve": "presskit.cli.approve",
    "translate": "presskit.cli.translate",
    "xliff": "presskit.cli.xliff",
    "kit": "presskit.cli.kit",
    "send": "presskit.cli.send",
}
"""Every verb and the module that implements it: a new verb is one line here."""


def _verb(name: str) -> ModuleType:
    return importlib.import_module(VERBS[name])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="presskit",
        description="Write press releases: a desktop editor with export to PDF, HTML and text.",
        epilog=f"Commands: {', '.join(VERBS)}. 'presskit COMMAND --help' tells more.",
    )
    parser.add_argument("--version", action="version", version=f"presskit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in VERBS:
        _verb(name).add_parser(sub)
    return parser


def _editor_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="presskit", add_help=False)
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--screenshot", type=Path)
    parser.add_argument("--window-size", type=_window_size, metavar="WIDTHxHEIGHT")
    parser.add_argument("--library", type=Path, help="the contact library file to use")
    return parser


def _window_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1280x800") from None
    return width, height


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["--render-worker"]:  # the frozen app starting its render worker
        from presskit.outputs.worker import main as worker_main  # noqa: PLC0415

        worker_main()
        return EXIT_OK
    try:
        if not args_list or args_list[0] not in (*VERBS, "-h", "--help", "--version"):
            return _run_editor(_editor_parser().parse_args(args_list))
        args = _parser().parse_args(args_list)
        if args.command in VERBS:
            return _verb(args.command).run(args)
        _parser().print_help()
        return EXIT_OK
    except UsageError as exc:
        print(f"presskit: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _run_editor(args: argparse.Namespace) -> int:
    from presskit.ui.launch import run  # noqa: PLC0415 - Qt loads only for the editor

    if args.file is not None and not args.file.exists():
        raise UsageError(f"{args.file}: no such file")
    return run(args.file, args.screenshot, args.window_size, args.library)
