"""What a translation's outdated-segment check costs the editor, and XLIFF out and back.

    .venv/bin/python benchmarks/bench_translation.py [--runs N]

The editor runs the checks on every pause in typing; on a translation they also compare
every source segment's fingerprint (``translation-outdated``), reading the source through
``SourceReader`` (parsed again only when the file changes). Prints medians and ratios
against a baseline measured in the same run: ``run_checks`` on the example as an English
release (no translation).

  1. run_checks on the German translation of the example, source cached (the editor's case)
  2. the same with the source read from disk every time (cache cold)
  3. segmenting and fingerprinting the example alone
  4. XLIFF export of the example, and import of the filled file
Machines here are shared and noisy: ratios of medians from the same run are what to quote.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from lxml import etree

from bench_checks import median_ms
from presskit.bundled import example_release_path
from presskit.checks.runner import run_checks
from presskit.model.segments import segment_fingerprints
from presskit.storage import load_release, save_release
from presskit.translation.inline import XLIFF_NS
from presskit.translation.linking import SourceReader, make_translation
from presskit.translation.xliff import export_xliff, import_xliff

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _filled(data: bytes) -> bytes:
    root = etree.fromstring(data)
    for unit in root.iter(f"{{{XLIFF_NS}}}trans-unit"):
        source = unit.find(f"{{{XLIFF_NS}}}source")
        target = etree.Element(f"{{{XLIFF_NS}}}target")
        target.text = source.text
        for code in source:
            target.append(copy.deepcopy(code))
        unit.insert(1, target)
    return etree.tostring(root)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args().runs
    work = Path(tempfile.mkdtemp())
    shutil.copytree(example_release_path().parent, work / "en")
    path = work / "en" / "release.md"
    english = load_release(path).release
    german_path = work / "en" / "release.de-DE.md"
    german = make_translation(english, path, german_path, "de-DE")
    save_release(german, german_path)
    reader = SourceReader()

    def cold(relative: str) -> object:
        return load_release(german_path.parent / relative).release

    base = median_ms(runs, lambda: run_checks(english, now=NOW))
    cached = median_ms(
        runs, lambda: run_checks(german, now=NOW, source=reader.lookup(german_path.parent))
    )
    uncached = median_ms(runs, lambda: run_checks(german, now=NOW, source=cold))
    segments = median_ms(runs, lambda: segment_fingerprints(english))
    xlf = work / "en" / "release.de-DE.xlf"
    data = export_xliff(english, path, xlf, "de-DE")
    out = median_ms(runs, lambda: export_xliff(english, path, xlf, "de-DE"))
    filled = _filled(data)
    back = median_ms(runs, lambda: import_xliff(filled, xlf))
    print(f"baseline run_checks, English example:      {base:7.2f} ms")
    print(f"run_checks, German, source cached:          {cached:7.2f} ms  ({cached / base:.2f}x)")
    print(
        f"run_checks, German, source read each time:  {uncached:7.2f} ms  ({uncached / base:.2f}x)"
    )
    print(
        f"segments + fingerprints of the example:     {segments:7.2f} ms  ({segments / base:.2f}x)"
    )
    print(f"XLIFF export:                               {out:7.2f} ms  ({out / base:.2f}x)")
    print(f"XLIFF import (validate, check, apply):      {back:7.2f} ms  ({back / base:.2f}x)")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
