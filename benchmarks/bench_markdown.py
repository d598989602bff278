"""How the body's Markdown conversion scales on text made to slow python-markdown down.

    .venv/bin/python benchmarks/bench_markdown.py [--runs N]

For each hostile pattern, converts one paragraph of it with Presskit's markdown_to_html (the
guard in presskit.render.markdown_guard, then python-markdown) at 2 KB, which is within the
guard's bounds so python-markdown does all the work, and at 32 KB, where the guard steps in;
prints medians, the time per MB of each, and the larger against the baseline (plain
python-markdown on the example's body, measured in the same run). Without the guard the 32 KB
unclosed-bracket paragraph alone takes minutes (8 KB took 16 s, and it grows with the
square). Machines here are noisy.
"""

from __future__ import annotations

import argparse
import statistics
import time

import markdown

from presskit.bundled import example_release_path
from presskit.render.markdown_body import markdown_to_html
from presskit.storage import load_release

PATTERNS = {
    "unclosed [": "[",
    "unclosed ![": "![",
    "nested [[]]": None,  # built below: brackets nested half the size deep
    "[a]( unclosed": "[a](",
    "emphasis *a*": "*a* ",
    "code spans": "`a` ",
    "line breaks": "a  \n",
    "links": "[a](https://e.org) ",
}
SIZES = (2_000, 32_000)


def median_s(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paragraph(name: str, unit: str | None, size: int) -> str:
    if unit is None:
        return "[" * (size // 2) + "]" * (size // 2)
    return unit * (size // len(unit))


def convert_anew(text: str) -> None:
    markdown_to_html.cache_clear()  # it caches by text; each run must convert
    markdown_to_html(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    body = load_release(example_release_path()).release.body
    converter = markdown.Markdown(extensions=["extra", "smarty", "sane_lists"])
    base = median_s(runs, lambda: (converter.convert(body), converter.reset()))
    print(f"{'baseline: python-markdown, example body':34} {base * 1000:8.2f} ms")
    for name, unit in PATTERNS.items():
        small, large = (paragraph(name, unit, size) for size in SIZES)
        t_small = median_s(runs, lambda text=small: convert_anew(text))
        t_large = median_s(runs, lambda text=large: convert_anew(text))
        print(
            f"{name:16} {SIZES[0] // 1000:>2} KB {t_small * 1000:6.1f} ms "
            f"({t_small / len(small) * 1e6:5.1f} s/MB)  {SIZES[1] // 1000:>2} KB "
            f"{t_large * 1000:6.1f} ms ({t_large / len(large) * 1e6:5.1f} s/MB) "
            f"= {t_large / base:5.1f}x baseline"
        )


if __name__ == "__main__":
    main()
