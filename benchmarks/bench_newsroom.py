"""Newsroom rebuild benchmark: N releases (500 by default), one of them changed.

    .venv/bin/python benchmarks/bench_newsroom.py [--releases N] [--runs N]

Makes N releases from the newsroom test corpus (each a distinct headline and date), builds
the site once, then, for each run, changes one release and rebuilds with a cold
`presskit newsroom` process, as a person or a cron job runs it. Also measures a rebuild with
nothing changed, and, as the baseline of the same run, a cold `presskit export` of that one
release to PDF, web page and press kit (the renders an incremental rebuild cannot avoid).
Prints medians and the ratio rebuild / baseline. The issue's bar: ≤ 10 s for 500 releases.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "newsroom"
PRESSKIT = [sys.executable, "-m", "presskit"]
NOW = "2030-01-01T00:00:00Z"


def make_releases(folder: Path, count: int) -> list[Path]:
    """``count`` releases, cycling through the corpus's published ones with new headlines."""
    templates = [
        p.read_text(encoding="utf-8")
        for p in sorted(CORPUS.rglob("*.md"))
        if "future" not in str(p) and "drafts" not in str(p) and p.name != "README.md"
        and "translation_of" not in p.read_text(encoding="utf-8")
    ]  # fmt: skip
    paths = []
    start = dt.date(2015, 1, 1)
    for number in range(count):
        text = templates[number % len(templates)]
        day = start + dt.timedelta(days=number * 7)
        text = re.sub(
            r"^headline: (.*)$", rf"headline: \1 (no. {number})", text, count=1, flags=re.M
        )
        text = re.sub(r"^  date: .*$", f"  date: {day.isoformat()}", text, count=1, flags=re.M)
        # Embargoes in UTC: a fixed -05:00 would not match New York's summer time.
        text = re.sub(r"^embargo: .*$", f"embargo: {day.isoformat()}T14:00:00Z", text, flags=re.M)
        text = re.sub(r"^timezone: .*\n", "", text, flags=re.M)
        path = folder / f"release-{number:04d}" / "release.md"
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    logo = CORPUS / "riverside-warehouse" / "assets" / "logo.png"
    for path in paths:
        if "assets/logo.png" in path.read_text(encoding="utf-8"):
            (path.parent / "assets").mkdir()
            (path.parent / "assets" / "logo.png").write_bytes(logo.read_bytes())
    return paths


def timed(command: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return time.perf_counter() - start, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sources, site = Path(tmp) / "releases", Path(tmp) / "site"
        paths = make_releases(sources, args.releases)
        build = [*PRESSKIT, "newsroom", str(sources), "-o", str(site), "--now", NOW,
                 "--base-url", "https://press.example.org/news/"]  # fmt: skip
        full, _ = timed(build)
        print(f"full build of {args.releases} releases: {full:.1f} s")
        unchanged = [timed(build)[0] for _ in range(args.runs)]
        rebuilds, exports = [], []
        for run in range(args.runs):
            changed = paths[(run * 97) % len(paths)]
            changed.write_text(
                changed.read_text("utf-8") + f"\nA late change, number {run}.\n", "utf-8"
            )
            seconds, out = timed(build)
            assert f"published {args.releases} releases (1 rendered," in out, out[-400:]
            rebuilds.append(seconds)
            out = Path(tmp) / f"export-{run}"
            out.mkdir()
            export = [*PRESSKIT, "export", str(changed), "--pdf", str(out / "r.pdf"),
                      "--html", str(out / "r.html"), "--kit", str(out / "r.zip")]  # fmt: skip
            exports.append(timed(export)[0])
    rebuild, export, still = (statistics.median(x) for x in (rebuilds, exports, unchanged))
    print(f"rebuild, nothing changed (median of {args.runs}): {still:.2f} s")
    print(f"rebuild, one release changed (median of {args.runs}): {rebuild:.2f} s"
          f"  [{'within' if rebuild <= 10 else 'OVER'} the 10 s bar]")  # fmt: skip
    print(f"baseline: cold export of that release to PDF, HTML and kit: {export:.2f} s")
    print(f"ratio rebuild / baseline: {rebuild / export:.2f}")


if __name__ == "__main__":
    main()
