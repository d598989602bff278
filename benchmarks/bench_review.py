"""The review loop's costs, against the plain-text export of the same release.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_review.py [--runs N]

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
import itertools
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from tests.review.word_markup import WordEdit

from bench_checks import median_ms
from presskit.bundled import example_release_path
from presskit.render.markdown_body import markdown_to_html
from presskit.render.text import render_text
from presskit.review.compare import compare_releases
from presskit.review.docx_writer import release_docx
from presskit.review.history import HistoryStore
from presskit.review.review import read_review
from presskit.storage import dumps_release, load_release


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
    sent = release_docx(release)
    other = copy.deepcopy(release)
    other.body = other.body.replace("positive", "welcome")  # two edits, far apart
    cases: list[tuple[str, Callable[[], object]]] = [
        ("release_docx, the example", lambda: release_docx(release)),
        ("release_docx, 10x body", lambda: release_docx(long)),
        ("read_review, unchanged", lambda: read_review(sent, release)),
        ("read_review, a tracked edit in every paragraph",
         partial(read_review, _edited(sent), release)),
        ("compare_releases (two words changed)", lambda: compare_releases(release, other)),
    ]  # fmt: skip
    for label, case in cases:
        row(label, median_ms(runs, case), base)
    with tempfile.TemporaryDirectory() as folder:
        store = HistoryStore(Path(folder))
        texts = itertools.cycle([dumps_release(release), dumps_release(other)])
        record = partial(lambda path: store.record(path, next(texts)), Path(folder) / "r.md")
        row("HistoryStore.record (a new version)", median_ms(runs, record), base)


def _edited(sent: bytes) -> bytes:
    edited = WordEdit(sent)
    for paragraph in edited.paragraphs("Presskit Body"):
        first_word = "".join(paragraph.itertext()).split(" ")[0]
        edited.insert(first_word, " (edited)", author="Legal")
    return edited.save()


if __name__ == "__main__":
    main()
