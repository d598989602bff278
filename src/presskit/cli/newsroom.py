"""``presskit newsroom SOURCE_DIR... -o SITE_DIR [--base-url URL] [--now ISO8601] [--theme NAME]
[--title TEXT] [--jobs N]``: publish the releases under the source folders as a static site.

Prints which releases were held back by their embargo and until when, which files were not
releases, and what was rendered. Ctrl+C (or SIGTERM) finishes the release being rendered and
leaves a consistent site. ``--progress-json`` (for the editor, which runs this verb in its
own process) prints one JSON object per line instead: ``{"progress": [done, total, text]}``
while rendering, then ``{"report": {...}}``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import signal
import sys
from pathlib import Path
from typing import Any

from presskit.cli.common import EXIT_OK, EXIT_OUTPUT_FAILED, UsageError, out
from presskit.model.wording import counted

EXIT_CANCELLED = 130


def add_parser(subparsers: Any) -> None:
    """Add the ``newsroom`` command to an argparse subparsers object."""
    parser = subparsers.add_parser(
        "newsroom",
        help="publish a folder of releases as a static newsroom site with feeds",
        description="Build (or update) a static newsroom: an index newest first, a page, PDF "
        "and press kit per release, archives by year, search, Atom and RSS feeds and a "
        "sitemap. Releases under embargo at --now are left out entirely.",
    )
    parser.add_argument("sources", nargs="+", type=Path, metavar="SOURCE_DIR")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="SITE_DIR")
    parser.add_argument(
        "--base-url", default="", metavar="URL",
        help="where the site will be published, such as https://example.org/news/ "
        "(the feeds and the sitemap need it)",
    )  # fmt: skip
    parser.add_argument(
        "--now", default="", metavar="ISO8601",
        help="publish as at this moment, such as 2099-01-02T00:00:00Z (default: now)",
    )  # fmt: skip
    parser.add_argument("--theme", default="", help="use this theme for every release")
    parser.add_argument("--title", default="", help="the site's title (default: from releases)")
    parser.add_argument("--jobs", type=int, default=0, help="parallel processes (default: cores)")
    parser.add_argument("--progress-json", action="store_true", help=argparse.SUPPRESS)


def _options(args: argparse.Namespace) -> Any:
    from presskit.newsroom.options import (  # noqa: PLC0415
        OptionsError,
        SiteOptions,
        normalized_base_url,
        parse_now,
    )

    try:
        options = SiteOptions(
            sources=list(args.sources),
            site_dir=args.output,
            base_url=normalized_base_url(args.base_url),
            now=parse_now(args.now) if args.now else None,
            theme=args.theme.strip(),
            title=args.title,
        )
    except OptionsError as exc:
        raise UsageError(str(exc)) from None
    if args.jobs:
        options.jobs = args.jobs
    return options


class _Cancel:
    """Set by the first Ctrl+C or SIGTERM; a second Ctrl+C stops at once."""

    def __init__(self) -> None:
        self.asked = False

    def __call__(self) -> bool:
        return self.asked

    def install(self) -> None:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, self._handle)

    def _handle(self, signum: int, _frame: object) -> None:
        self.asked = True
        signal.signal(signum, signal.SIG_DFL)
        print("cancelling: finishing the release being rendered…", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Build the site; print what was held back, skipped and rendered; return the exit status."""
    from presskit.newsroom import OptionsError, build_newsroom  # noqa: PLC0415
    from presskit.newsroom.site_files import SiteFileError  # noqa: PLC0415

    options = _options(args)
    cancel = _Cancel()
    cancel.install()
    progress = _json_progress if args.progress_json else _text_progress
    try:
        report = build_newsroom(options, progress, cancel)
    except OptionsError as exc:
        raise UsageError(str(exc)) from None
    except SiteFileError as exc:
        print(f"presskit: {exc}", file=sys.stderr)
        return EXIT_OUTPUT_FAILED
    if args.progress_json:
        print(json.dumps({"report": dataclasses.asdict(report)}, default=str), flush=True)
    else:
        _print_report(report)
    if report.cancelled:
        return EXIT_CANCELLED
    return EXIT_OUTPUT_FAILED if report.failed else EXIT_OK


def _json_progress(done: int, total: int, text: str) -> None:
    print(json.dumps({"progress": [done, total, text]}), flush=True)


def _text_progress(done: int, total: int, text: str) -> None:
    if sys.stderr.isatty():
        print(f"\rrendering {done}/{total}", end="" if done < total else "\n", file=sys.stderr)


def _print_report(report: Any) -> None:
    for line in report.held:
        out(line)
    for line in report.skipped:
        print(line, file=sys.stderr)
    for line in report.warnings:
        print(f"warning: {line}", file=sys.stderr)
    for line in report.failed:
        print(f"error: {line}", file=sys.stderr)
    for line in report.notes:
        out(f"note: {line}")
    for name in report.rendered:
        out(f"rendered {name}")
    held = f", {len(report.held)} held back" if report.held else ""
    held = (f", {report.reframed} reframed" if report.reframed else "") + held
    out(
        f"published {counted(report.published, 'release')} ({len(report.rendered)} rendered, "
        f"{report.unchanged} unchanged{held}); {counted(len(report.written), 'file')} written, "
        f"{len(report.removed)} removed"
    )
    if report.cancelled:
        out("cancelled: build again to publish the rest")
    out(f"site: {report.site_dir / 'index.html'}")
