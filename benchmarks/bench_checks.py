"""Preflight check and spelling benchmarks, against python-markdown on the same text.

    .venv/bin/python benchmarks/bench_checks.py [--runs N]

The editor runs the checks on every pause in typing, so they must stay well under a frame or
two (target: 20 ms for the example). Prints medians and ratios against a baseline measured in
the same run: converting the example's body with python-markdown (the extensions the renderer
uses), which the preview does on every edit anyway.

  1. run_checks after an edit (the body scan not cached), the example and a 10x longer body
  2. the body scan of one paragraph of 2,000 and of 16,000 links: the ratio stays near 8 while
     the scan is linear (a quadratic scan once took 7.5 s for the larger one, ratio 60+)
  3. spelling: dictionary load (once per language), misspelled() on a paragraph and the body,
     suggestions() for a typical typo and for a worst case
Machines here are shared and noisy: ratios of medians from the same run are what to quote.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import statistics
import time
from collections.abc import Callable

import markdown

from presskit.bundled import example_release_path
from presskit.checks import spelling
from presskit.checks.markdown_scan import scan_markdown
from presskit.checks.runner import run_checks
from presskit.checks.spelling import Speller, names_to_ignore
from presskit.model.release import Release
from presskit.storage import load_release

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def median_ms(runs: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def once_ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def row(label: str, ms: float, base: float | None = None) -> None:
    ratio = f"  = {ms / base:5.2f}x baseline" if base else ""
    print(f"{label:52} {ms:8.2f} ms{ratio}")


def checks_after_edit(release: Release, folder_exists: Callable[[str], bool]) -> None:
    scan_markdown.cache_clear()  # as after a keystroke: the body text is new
    run_checks(release, page_count=2, exists=folder_exists, now=NOW)


def bench_link_scan(runs: int) -> None:
    for piece in ("[a](https://e.org) ", "<https://e.org> ", '<a href="x">a</a> '):
        small, large = piece * 2000, piece * 16000
        small_ms = median_ms(runs, lambda text=small: scan_uncached(text))
        large_ms = median_ms(runs, lambda text=large: scan_uncached(text))
        row(f"scan: 2,000 x {piece.strip()!r}", small_ms)
        row(f"scan: 16,000 x {piece.strip()!r}", large_ms)
        print(f"{'  16,000 / 2,000 links (linear: ~8)':52} {large_ms / small_ms:8.2f}x")


def scan_uncached(text: str) -> None:
    scan_markdown.cache_clear()
    scan_markdown(text)


def bench_spelling(example: Release, base: float, runs: int) -> None:
    """Dictionary load, misspelled() and suggestions() timings."""
    loads = []
    for _ in range(3):
        spelling._dictionaries.clear()
        loads.append(once_ms(Speller("en-US").load))
    speller = Speller("en-US")
    names = names_to_ignore(example)
    paragraph = example.body.split("\n\n")[1]

    def spell_paragraph() -> None:
        scan_markdown.cache_clear()
        speller.misspelled(paragraph, ignore=names)

    def spell_body() -> None:
        scan_markdown.cache_clear()
        speller.misspelled(example.body, ignore=names)

    para = median_ms(runs, spell_paragraph)
    body = median_ms(max(runs // 4, 5), spell_body)
    typo = median_ms(max(runs // 4, 5), lambda: speller.suggestions("antipersonel"))
    worst = median_ms(5, lambda: speller.suggestions("qzxwvbk"))
    words = len(paragraph.split())
    row("spelling: load the en dictionary (median of 3)", statistics.median(loads))
    row(f"spelling: misspelled(), a paragraph of {words} words", para, base)
    row("spelling: misspelled(), the whole example body", body, base)
    row("spelling: suggestions('antipersonel')", typo)
    row("spelling: suggestions, worst case (7 letters)", worst)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=200, help="runs per measurement")
    runs = parser.parse_args().runs

    path = example_release_path()
    example = load_release(path).release
    long = copy.deepcopy(example)
    long.body = "\n\n".join([example.body] * 10)

    def exists(relative: str) -> bool:
        return (path.parent / relative).is_file()

    converter = markdown.Markdown(extensions=["extra", "smarty", "sane_lists"])

    def baseline() -> None:
        converter.convert(example.body)
        converter.reset()

    first = once_ms(lambda: checks_after_edit(example, exists))  # imports, phone metadata
    base = median_ms(runs, baseline)
    ex = median_ms(runs, lambda: checks_after_edit(example, exists))
    ex_cached = median_ms(runs, lambda: run_checks(example, exists=exists, now=NOW))
    ten = median_ms(max(runs // 10, 5), lambda: checks_after_edit(long, exists))

    print(f"example body: {len(example.body):,} characters; 10x body: {len(long.body):,}")
    row("baseline: python-markdown, example body", base)
    row("checks: first call (imports, phone metadata)", first)
    row("checks: example, after an edit", ex, base)
    row("checks: example, nothing changed (scan cached)", ex_cached, base)
    row("checks: 10x body, after an edit", ten, base)
    print(f"{'checks: 10x body / example':52} {ten / ex:8.2f}x")
    bench_link_scan(max(runs // 40, 3))
    bench_spelling(example, base, runs)


if __name__ == "__main__":
    main()
