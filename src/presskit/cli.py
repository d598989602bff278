"""The ``presskit`` command: the editor, and export / extract / themes from a terminal.

    presskit [FILE] [--screenshot OUT.png] [--window-size 1280x800]   open the editor
    presskit export RELEASE.md... [--pdf [OUT]] [--html [OUT]] [--text [OUT]] [--eml [OUT]]
                                  [--kit [OUT]] [--theme NAME] [--jobs N]
    presskit extract RELEASE.pdf [-o OUT.md]
    presskit check RELEASE.md... [--format text|json] [--strict]
    presskit contacts import FILE... | list [--format json] | export OUT.vcf   [--library PATH]
    presskit boilerplates list | add --organization NAME FILE.md | export OUT.json
    presskit themes

Exit status: 0 success, 1 an output could not be written, 2 bad input (the message names the
file, the line and the field). A user error never prints a Python traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from presskit import __version__

EXIT_OK, EXIT_OUTPUT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
SUBCOMMANDS = ("export", "extract", "check", "themes", "contacts", "boilerplates")


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit status 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="presskit",
        description="Write press releases: a desktop editor with export to PDF, HTML and text.",
        epilog="Commands: export, extract, themes. 'presskit COMMAND --help' tells more.",
    )
    parser.add_argument("--version", action="version", version=f"presskit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    export = sub.add_parser(
        "export",
        help="export releases to PDF, HTML and/or plain text",
        description="Export releases. With no output option, RELEASE.pdf is written next to "
        "each source. An option without a value writes next to the source; with several "
        "sources, a value names a folder.",
    )
    export.add_argument("sources", nargs="+", type=Path, metavar="RELEASE.md")
    for kind, what in (
        ("pdf", "the PDF"), ("html", "the web page (HTML)"), ("text", "plain text"),
        ("eml", "an email draft (.eml: text and HTML, no recipients)"),
        ("kit", "the press kit (.zip: PDF, HTML, text, images, contacts, index)"),
    ):  # fmt: skip
        export.add_argument(
            f"--{kind}", nargs="?", const="", default=None, metavar="OUT", help=f"write {what}"
        )
    export.add_argument("--theme", help="use this theme instead of the release's own")
    export.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="parallel processes (default: cores)"
    )

    extract = sub.add_parser("extract", help="get the release source back out of a Presskit PDF")
    extract.add_argument("pdf", type=Path, metavar="RELEASE.pdf")
    extract.add_argument("-o", "--output", help="where to write it ('-' for standard output)")
    extract.add_argument("--force", action="store_true", help="overwrite an existing file")

    sub.add_parser("themes", help="list the available themes")
    from presskit import cli_check  # noqa: PLC0415 - only its argument definitions

    cli_check.add_parser(sub)
    from presskit import cli_library  # noqa: PLC0415

    cli_library.add_parsers(sub)
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
        from presskit.render.worker import main as worker_main  # noqa: PLC0415

        worker_main()
        return EXIT_OK
    try:
        if not args_list or args_list[0] not in (*SUBCOMMANDS, "-h", "--help", "--version"):
            return _run_editor(_editor_parser().parse_args(args_list))
        args = _parser().parse_args(args_list)
        if args.command == "export":
            return _export(args)
        if args.command == "extract":
            return _extract(args)
        if args.command == "themes":
            return _themes()
        if args.command == "check":
            from presskit import cli_check  # noqa: PLC0415

            return cli_check.run(args)
        if args.command in ("contacts", "boilerplates"):
            from presskit import cli_library  # noqa: PLC0415

            return cli_library.run(args)
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


def _output_path(source: Path, option: str | None, suffix: str, many: bool) -> Path | None:
    if option is None:
        return None
    if option == "":
        return source.with_suffix(suffix)
    out = Path(option)
    if many or out.is_dir() or option.endswith(("/", os.sep)):
        return out / source.with_suffix(suffix).name
    return out


def _export_jobs(args: argparse.Namespace) -> list:
    from presskit.render.export import ExportJob  # noqa: PLC0415

    many = len(args.sources) > 1
    kinds = ("pdf", "html", "text", "eml", "kit")
    nothing_asked = all(getattr(args, kind) is None for kind in kinds)
    jobs = []
    for source in args.sources:
        jobs.append(
            ExportJob(
                source=source,
                pdf=_output_path(source, "" if nothing_asked else args.pdf, ".pdf", many),
                html=_output_path(source, args.html, ".html", many),
                text=_output_path(source, args.text, ".txt", many),
                eml=_output_path(source, args.eml, ".eml", many),
                kit=_output_path(source, args.kit, ".zip", many),
                theme=args.theme,
            )
        )
    for option in (getattr(args, kind) for kind in kinds):
        if many and option:
            Path(option).mkdir(parents=True, exist_ok=True)
    return jobs


def _export(args: argparse.Namespace) -> int:
    from presskit.render.export import run_export  # noqa: PLC0415

    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    jobs = _export_jobs(args)
    workers = min(args.jobs, len(jobs))
    if workers == 1:
        outcomes = [run_export(job) for job in jobs]
    else:
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

        with ProcessPoolExecutor(max_workers=workers) as pool:
            # One file per task: a render takes ~0.25 s, far more than sending a task, and
            # small tasks keep both cores busy to the end.
            outcomes = list(pool.map(run_export, jobs))
    status = EXIT_OK
    for outcome in outcomes:
        for line in outcome.warnings:
            print(f"warning: {line}", file=sys.stderr)
        for line in outcome.input_errors + outcome.output_errors:
            print(line, file=sys.stderr)
        for path in outcome.written:
            print(f"wrote {path}")
        if outcome.input_errors:
            status = EXIT_BAD_INPUT
        elif outcome.output_errors and status == EXIT_OK:
            status = EXIT_OUTPUT_FAILED
    return status


def _extract(args: argparse.Namespace) -> int:
    from presskit.storage.atomic import write_atomic  # noqa: PLC0415
    from presskit.storage.pdf_source import read_release_source_from_pdf  # noqa: PLC0415
    from presskit.storage.problems import ReleaseFileError  # noqa: PLC0415

    try:
        data = read_release_source_from_pdf(args.pdf)
    except ReleaseFileError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return EXIT_OK
    out = Path(args.output) if args.output else args.pdf.with_suffix(".md")
    if out.exists() and not args.force:
        raise UsageError(f"{out} already exists; choose another name with -o, or use --force")
    try:
        write_atomic(out, data)
    except OSError as exc:
        print(f"{out}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_OUTPUT_FAILED
    print(f"wrote {out}")
    return EXIT_OK


def _themes() -> int:
    from presskit.render.themes import (  # noqa: PLC0415
        ThemeError,
        is_bundled,
        load_theme,
        theme_folders,
        user_themes_dir,
    )

    for name in theme_folders():
        try:
            theme = load_theme(name)
        except ThemeError as exc:
            print(f"{name:12} (cannot be used: {exc})")
            continue
        where = "" if is_bundled(theme) else f"  [{theme.folder}]"
        print(f"{name:12} {theme.title}: {theme.description}{where}")
    print(f"\nAdd a theme by putting its folder in {user_themes_dir()}")
    return EXIT_OK
