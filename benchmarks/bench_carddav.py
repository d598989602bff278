"""CardDAV sync at a press office's scale: 5,000 cards on a local Radicale server.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_carddav.py [--cards 5000] [--runs 3]

Radicale (the tests' server, a test-only dependency) runs on a free local port with password
authentication; the cards are written into its storage before it starts. Prints medians and
ratios against baselines measured in the same run:

  1. first sync into an empty library (goal: <= 30 s for 5,000 cards), against the raw
     transfer of the same cards (sync-collection + addressbook-multiget, nothing parsed or
     stored): what Presskit adds on top of the server and the network
  2. a sync with nothing changed (goal: <= 1 s), with sync-token and with ctag + ETags,
     against one PROPFIND of the book (the cheapest question a client can ask)
Radicale's first read of the seeded cards (it parses each with vobject and caches it) is
printed on its own, before anything is measured.
Machines here are shared and noisy: ratios of medians from the same run are what to quote.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import urllib3
from tests.carddav.radicale_server import card, running_radicale

from presskit.carddav import Account, davxml, sync_library
from presskit.carddav.client import DavClient
from presskit.carddav.remote import fetch_cards, server_changes
from presskit.library.database import Library


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_s(runs: int, fn: Callable[[], object]) -> float:
    return statistics.median(timed(fn) for _ in range(runs))


def row(label: str, seconds: float, base: float | None = None) -> None:
    ratio = f"  = {seconds / base:7.1f}x baseline" if base else ""
    print(f"{label:58} {seconds * 1000:9.0f} ms{ratio}")


def rich_card(number: int) -> str:
    extra = "\r\n".join(
        [
            f"TEL;TYPE=WORK,VOICE:+1 202 555 {number % 10000:04d}",
            f"ORG:Newsroom {number % 97}",
            "TITLE:Reporter",
            "ADR;TYPE=WORK:;;1 Press Street;Springfield;;12345;USA",
            "NOTE:Covers energy and climate; prefers email.",
            "CATEGORIES:press,energy",
        ]
    )
    return card(f"Reporter Number{number:05d}", f"bench-{number}", extra)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, running_radicale(Path(tmp)) as server:
        user = server.add_user()
        book = user.make_book()
        user.seed(book, {f"{n}.vcf": rich_card(n) for n in range(args.cards)})
        account = Account(book, user.name, user.password)
        client = DavClient(account)

        def raw_transfer() -> None:
            changes = server_changes(client, book, token="", ctag="", known=(), use_token=True)
            for _ in fetch_cards(client, book, list(changes.changed)):
                pass

        def first_sync() -> None:
            with Library(Path(tempfile.mkdtemp(dir=tmp)) / "library.sqlite") as library:
                report = sync_library(library, account)
                assert report.down_new == args.cards, report.summary()

        print(f"{args.cards} cards on Radicale at {server.url}, medians of {args.runs} runs")

        def warm_up() -> None:  # Radicale parses and caches each new card: minutes for 5,000
            auth = urllib3.make_headers(basic_auth=f"{user.name}:{user.password}")
            body = davxml.sync_collection("", [davxml.GETETAG])
            answer = urllib3.request("REPORT", book, body=body, headers=auth, timeout=None)
            assert answer.status == 207, answer.status

        row("server warm-up: Radicale reads its new cards (once)", timed(warm_up))
        base = median_s(args.runs, raw_transfer)
        row("baseline: raw transfer (sync-collection + multiget)", base)
        row("first sync into an empty library (goal 30 s)", median_s(args.runs, first_sync), base)

        probe = davxml.propfind([davxml.GETCTAG])
        ping = median_s(args.runs * 3, lambda: client.request("PROPFIND", book, probe, depth="0"))
        row("baseline: one PROPFIND of the book", ping)
        with Library(Path(tmp) / "steady.sqlite") as library:
            sync_library(library, account)
            for use_token, name in ((True, "sync-token"), (False, "ctag + ETags")):
                sync_library(library, account, use_sync_token=use_token)

                def no_change(use_token: bool = use_token) -> None:
                    report = sync_library(library, account, use_sync_token=use_token)
                    assert report.changes == 0, report.summary()

                label = f"sync with nothing changed, {name} (goal 1 s)"
                row(label, median_s(args.runs * 3, no_change), ping)
        client.close()


if __name__ == "__main__":
    main()
