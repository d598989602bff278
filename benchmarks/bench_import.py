"""Import accuracy and speed on the committed corpus (tests/data/import/), per format and field.

    .venv/bin/python benchmarks/bench_import.py [--verbose [--show-heldout]] [--against DIR]

Prints, per format (Word, email, web page, PDF, raw text with web chrome), the share of
hand-checked fields imported right, the headlines right, the share of documents with no
contact details in the body and no body text in the boilerplate, and the median time per
document; then per field; then the time to import a 10-page Word document (median of 5, and
its ratio to reading the same file's XML with python-docx alone, measured in the same run).
The held-out releases (never tuned on) are reported apart, and ``--verbose`` lists the wrong
fields of tuned-on documents only: seeing which held-out fields fail is the first step to
tuning on them (``--show-heldout`` lists them too, for the day they join the tuned-on set).

``--against DIR`` also times the 10-page import by another tree's sources, alternately with
this one's in fresh processes (made by ``git archive REV src | tar -x -C DIR``), and prints
the ratio of the two medians.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).parent))

from import_corpus import Score, score_all, summary


def table(title: str, scores: list[Score]) -> None:
    print(f"\n{title} ({len(scores)} documents)")
    print(
        f"{'format':<10} {'docs':>4} {'fields':>6} {'right':>7} {'headline':>9} {'clean':>6} {'ms/doc':>7}"  # noqa: E501
    )
    rows = summary(scores)
    for kind, row in rows.items():
        times = [s.seconds for s in scores if s.kind == kind]
        print(
            f"{kind:<10} {row['documents']:>4.0f} {row['fields']:>6.0f} {row['accuracy']:>7.1%} "
            f"{row['headlines']:>9.1%} {row['clean']:>6.1%} {statistics.median(times) * 1000:>7.0f}"
        )
    per_field: dict[str, list[bool]] = defaultdict(list)
    for s in scores:
        for key, ok in s.fields.items():
            per_field["contact" if key.startswith("contact") else key].append(ok)
    print(
        "  per field: " + ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(per_field.items()))
    )


def ten_page_docx(other_src: Path | None = None) -> None:
    import docx

    from presskit.importers import import_file

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ten-pages.docx"
        word = docx.Document()
        word.add_paragraph("FOR IMMEDIATE RELEASE")
        word.add_paragraph("A Ten-Page Release Tests the Importer's Speed", style="Title")
        sentence = "The agency announced a new programme today that will run for several years. "
        for n in range(110):  # about 10 pages of 11 pt text
            word.add_paragraph(
                f"WASHINGTON, May 1, 2024 — {sentence * 4}" if n == 0 else sentence * 5
            )
        word.add_paragraph("###")
        word.save(path)
        runs, base = [], []
        for _ in range(5):
            started = time.perf_counter()
            import_file(path)
            runs.append(time.perf_counter() - started)
            started = time.perf_counter()
            docx.Document(str(path)).paragraphs  # noqa: B018 - the baseline: python-docx alone
            base.append(time.perf_counter() - started)
        median, baseline = statistics.median(runs), statistics.median(base)
        print(
            f"\n10-page DOCX: {median * 1000:.0f} ms per import (median of 5); python-docx "
            f"opening it alone: {baseline * 1000:.0f} ms; ratio {median / baseline:.1f}"
        )
        if other_src is not None:
            against(other_src, path)


_CHILD = """
import statistics, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from presskit.importers import import_file
import_file(Path(sys.argv[2]))
runs = []
for _ in range(5):
    started = time.perf_counter()
    import_file(Path(sys.argv[2]))
    runs.append(time.perf_counter() - started)
print(statistics.median(runs))
"""


def against(other_src: Path, path: Path) -> None:
    """The 10-page import timed by ``other_src`` and by this tree, alternately, 3 rounds."""
    import subprocess

    here = Path(__file__).parents[1] / "src"
    times: dict[str, list[float]] = {"other": [], "this": []}
    for _ in range(3):
        for label, src in (("other", other_src), ("this", here)):
            out = subprocess.run(
                [sys.executable, "-c", _CHILD, str(src), str(path)],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            times[label].append(float(out.stdout))
    other, this = statistics.median(times["other"]), statistics.median(times["this"])
    print(
        f"10-page DOCX against {other_src}: {other * 1000:.0f} ms there, {this * 1000:.0f} ms"
        f" here; ratio here/there {this / other:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true", help="list the fields that were wrong")
    parser.add_argument("--show-heldout", action="store_true", help="with --verbose: held out too")
    parser.add_argument("--against", type=Path, help="another tree's src/ to time against")
    args = parser.parse_args()
    scores = score_all()
    if args.verbose:
        for s in scores:
            if s.heldout and not args.show_heldout:
                continue
            wrong = [k for k, ok in s.fields.items() if not ok]
            if wrong or not s.clean or s.error:
                print(f"{s.name}: wrong {wrong}{' NOT CLEAN' if not s.clean else ''} {s.error}")
    table("All documents", scores)
    table("Tuned on", [s for s in scores if not s.heldout])
    table("Held out (never tuned on)", [s for s in scores if s.heldout])
    ten_page_docx(args.against)


if __name__ == "__main__":
    main()
