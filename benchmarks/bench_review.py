"""The review loop's costs, against the plain-text export of the same release.

    .venv/bin/python benchmarks/bench_review.py [--runs N]

Prints medians and ratios against a baseline measured in the same run: the plain-text export
of the example (``render_text``, its Markdown cache cleared), which converts the same Markdown
once.

  1. the Word document for review (``release_docx``), the example and a 10x longer body
  2. reading a reviewed document back (``read_review``: parse, map paragraphs to fields, word
     diffs, tracked changes, comments), unchanged and with an edit in every paragraph
  3. one history snapshot (``HistoryStore.record``: gzip, the summary's diff, atomic writes)
  4. ``compare_releases`` of two versions (the History panel's diff)
Machines here are shared and noisy: ratios of medians from the same run are what to quote.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from presskit.bundled import example_release_path
from presskit.render.markdown_body import markdown_to_html
from presskit.render.text import render_text
from presskit.review.compare import compare_releases
from presskit.review.docx_writer import release_docx
from presskit.review.history import HistoryStore
from presskit.review.review import read_review
from presskit.storage import dumps_release, load_release
from tests.review.word_markup import WordEdit


def median_ms(runs: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def row(label: str, ms: float, base: float) -> None:
    print(f"{label:56} {ms:8.1f} ms  = {ms / base:6.1f}x baseline")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    release = load_release(example_release_path()).release
    long = copy.deepcopy(release)
    long.body = "\n\n".join([release.body] * 10)

    def text_export() -> None:
        markdown_to_html.cache_clear()  # the export converts the Markdown each time
        render_text(release)

    base = median_ms(runs, text_export)
    print(f"{'baseline: render_text (the example)':56} {base:8.1f} ms")
    row("release_docx, the example", median_ms(runs, lambda: release_docx(release)), base)
    row("release_docx, 10x body", median_ms(max(3, runs // 2), lambda: release_docx(long)), base)
    sent = release_docx(release)
    row("read_review, unchanged", median_ms(runs, lambda: read_review(sent, release)), base)
    edited = WordEdit(sent)
    for paragraph in edited.paragraphs("Presskit Body"):
        text = "".join(paragraph.itertext())
        edited.insert(text.split(" ")[0], " (edited)", author="Legal")
    reviewed = edited.save()
    row("read_review, a tracked edit in every paragraph",
        median_ms(runs, lambda: read_review(reviewed, release)), base)  # fmt: skip
    other = copy.deepcopy(release)
    other.body = other.body.replace("positive", "welcome")
    with tempfile.TemporaryDirectory() as folder:
        store = HistoryStore(Path(folder))
        texts = [dumps_release(release), dumps_release(other)]
        counter = iter(range(10**6))
        row("HistoryStore.record (a new version)",
            median_ms(runs, lambda: store.record(Path(folder) / "r.md",
                                                 texts[next(counter) % 2])), base)  # fmt: skip
    row("compare_releases (one word changed)",
        median_ms(runs, lambda: compare_releases(release, other)), base)  # fmt: skip


if __name__ == "__main__":
    main()
