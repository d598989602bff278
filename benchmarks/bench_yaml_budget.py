"""The YAML alias budget: what refusing a bomb costs, against loading the example.

    .venv/bin/python benchmarks/bench_yaml_budget.py [--runs N]

The editor loads a release (or a Presskit PDF's attached release) on the GUI thread, so a
hostile file must be refused at once. Before the budget, issue 11's 24 KB bomb (3,000
contacts of 3,000 phones, all aliases) took 36 s and ended in MemoryError. Prints medians and
ratios against a baseline measured in the same run: loading the bundled example.

  1. the example (baseline)
  2. the 24 KB known-field bomb: refused (the budget walks ~6,000 composed nodes)
  3. the budget check alone on the example's composed nodes (its share of a normal load)
  4. the largest release the budget lets through (~100,000 values, aliases expanded)
Machines here are shared and noisy: ratios of medians from the same run are what to quote.
"""

from __future__ import annotations

import argparse

import yaml

from bench_checks import median_ms
from presskit.bundled import example_release_path
from presskit.storage import ReleaseFileError, loads_release
from presskit.storage.text_file import split_front_matter
from presskit.storage.yaml_budget import MAX_EXPANDED_NODES, check_expansion
from presskit.storage.yaml_reader import ReleaseLoader


def bomb(width: int = 3000) -> str:
    phones = ", ".join(["*q"] * width)
    contacts = "\n".join(["- *c"] * width)
    return (
        "---\nheadline: Bomb\ncontacts:\n"
        f"- &c\n  name: A\n  phones: [&q '+1 202 555 0100', {phones}]\n{contacts}\n---\n"
    )


def just_under() -> str:
    count = (MAX_EXPANDED_NODES - 20) // 2
    return "---\nheadline: x\nx-list: [&v '1', " + ", ".join(["*v"] * (count - 1)) + "]\n---\n"


def refuse(text: str) -> None:
    try:
        loads_release(text, "bomb.md")
    except ReleaseFileError:
        return
    raise AssertionError("the bomb was not refused")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    example = example_release_path().read_text(encoding="utf-8")
    hostile = bomb()
    node = yaml.compose(split_front_matter(example, "x").front_matter, Loader=ReleaseLoader)
    base = median_ms(runs, lambda: loads_release(example))
    rows = [
        ("load the example (baseline)", base),
        (f"refuse the {len(hostile.encode()) // 1024} KB known-field bomb", 0.0),
        ("budget check of the example's nodes", 0.0),
        ("load ~100,000 values of aliases", 0.0),
    ]
    rows[1] = (rows[1][0], median_ms(runs, lambda: refuse(hostile)))
    rows[2] = (rows[2][0], median_ms(runs, lambda: check_expansion(node)))
    under = just_under()
    rows[3] = (rows[3][0], median_ms(max(3, runs // 5), lambda: loads_release(under)))
    for name, ms in rows:
        print(f"{name:45} {ms:9.2f} ms  {ms / base:7.2f}x")


if __name__ == "__main__":
    main()
