"""Export benchmarks: Presskit against plain WeasyPrint on the same HTML, measured in one run.

    .venv/bin/python benchmarks/bench_export.py [--runs N] [--batch N]

Prints medians and ratios (lower is better for the first two, higher for the third):
  1. cold `presskit export` / cold `weasyprint` CLI on the same HTML (new process each run)
  2. warm in-process render / raw warm WeasyPrint on the same HTML (same process, after warm-up)
  3. batch export of N copies: 1 worker time / all-cores time (the speed-up)
Machines here are shared and noisy: ratios of medians from the same run are what to quote.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from presskit.bundled import example_release_path
from presskit.render.html import release_base_url, render_html
from presskit.render.markdown_body import markdown_to_html
from presskit.render.pdf import PdfRenderer
from presskit.render.themes import load_theme
from presskit.storage import load_release

BIN = Path(sys.executable).parent


def same_html(folder: Path) -> str:
    """The HTML Presskit lays out, with its stylesheets linked, for the WeasyPrint CLI."""
    release = load_release(folder / "release.md").release
    theme = load_theme(release.theme)
    html = render_html(release, folder, purpose="pdf", theme=theme).html
    links = "".join(
        f'<link rel="stylesheet" href="{path.as_uri()}">' for path in theme.pdf_stylesheets
    )
    html = html.replace("</head>", f"{links}</head>", 1)
    return html.replace("<head>", f'<head><base href="{release_base_url(folder)}">', 1)


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def median_of(runs: int, fn) -> float:
    return statistics.median(fn() for _ in range(runs))


def bench_cold(work: Path, runs: int) -> tuple[float, float]:
    source = work / "release.md"
    html_file = work / "same.html"
    html_file.write_text(same_html(work), encoding="utf-8")
    presskit = [str(BIN / "presskit"), "export", str(source), "--pdf", str(work / "p.pdf")]
    weasy = [str(BIN / "weasyprint"), str(html_file), str(work / "w.pdf")]
    timed(presskit), timed(weasy)  # fill the OS file cache for both
    ours, theirs = [], []
    for _ in range(runs):  # interleaved, so drifting machine load hits both alike
        ours.append(timed(presskit))
        theirs.append(timed(weasy))
    return statistics.median(ours), statistics.median(theirs)


def bench_warm(work: Path, runs: int) -> tuple[float, float]:
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    release = load_release(work / "release.md").release
    renderer = PdfRenderer()
    html = same_html(work)
    font_config = FontConfiguration()

    def ours() -> float:
        markdown_to_html.cache_clear()  # as after an edit of the body: converted anew
        start = time.perf_counter()
        renderer.render(release, work)
        return time.perf_counter() - start

    def raw() -> float:
        start = time.perf_counter()
        HTML(string=html).write_pdf(font_config=font_config)
        return time.perf_counter() - start

    ours(), raw()  # warm-up: fonts, caches, imports
    mine, theirs = [], []
    for _ in range(runs):
        mine.append(ours())
        theirs.append(raw())
    return statistics.median(mine), statistics.median(theirs)


def bench_batch(work: Path, copies: int, runs: int) -> tuple[float, float, int]:
    batch = work / "batch"
    batch.mkdir()
    text = (work / "release.md").read_bytes()
    sources = []
    for i in range(copies):
        path = batch / f"r{i:03d}.md"
        path.write_bytes(text)
        sources.append(str(path))
    cores = os.cpu_count() or 1

    def run(jobs: int) -> float:
        return timed([str(BIN / "presskit"), "export", *sources, "--jobs", str(jobs)])

    one = median_of(runs, lambda: run(1))
    many = median_of(runs, lambda: run(cores))
    return one, many, cores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--batch-runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(example_release_path().parent, work, dirs_exist_ok=True)
        ours, theirs = bench_cold(work, args.runs)
        print(f"cold export      presskit {ours:.3f}s  weasyprint CLI {theirs:.3f}s  "
              f"ratio {ours / theirs:.2f} (target <= 1.10)")  # fmt: skip
        ours, theirs = bench_warm(work, args.runs * 2)
        print(f"warm render      presskit {ours:.3f}s  raw WeasyPrint {theirs:.3f}s  "
              f"ratio {ours / theirs:.2f} (target <= 1.10)")  # fmt: skip
        one, many, cores = bench_batch(work, args.batch, args.batch_runs)
        print(f"batch x{args.batch}       1 worker {one:.2f}s  {cores} workers {many:.2f}s  "
              f"speed-up {one / many:.2f} (target >= 1.80 on 2 cores)")  # fmt: skip


if __name__ == "__main__":
    main()
