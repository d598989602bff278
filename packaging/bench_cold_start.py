"""Cold start of the built bundle next to the source checkout, measured interleaved.

    .venv/bin/python packaging/bench_cold_start.py [--runs 5] [--dist dist/presskit]

Each run starts ``presskit EXAMPLE --screenshot`` with PRESSKIT_TIMING=1 in a clean
environment (as packaging/smoke_test.sh does) and a new, empty HOME, so settings, caches
and fontconfig's user cache start empty, as on a first launch. The operating system's file
cache stays warm: the numbers are for a process start, not a cold disk. Runs alternate
between the two programs so that load on the machine affects both alike; one warm-up run
of each is not counted. Also times ``presskit export`` of the example to PDF.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "resources" / "examples" / "ban-landmines" / "release.md"


def _clean_env(home: Path) -> dict[str, str]:
    return {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "PRESSKIT_TIMING": "1",
    }


def start_up(program: Path) -> tuple[float, float]:
    """Seconds from starting ``program`` to its window, and to its first preview."""
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        release = Path(tmp) / "release.md"
        shutil.copyfile(EXAMPLE, release)
        stamps: dict[str, float] = {}
        started = time.time()
        process = subprocess.Popen(
            [str(program), str(release), "--screenshot", f"{tmp}/shot.png"],
            env=_clean_env(home),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stderr is not None
        for line in process.stderr:
            if line.startswith("presskit-timing"):
                _, event, stamp, _worker = line.split()
                stamps[event] = float(stamp) - started
        if process.wait(timeout=120) != 0 or len(stamps) != 2:
            raise SystemExit(f"{program} did not start up cleanly: {stamps}")
        return stamps["window-visible"], stamps["first-preview"]


def export(program: Path) -> float:
    """Seconds for ``presskit export`` of the example to PDF."""
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        release = Path(tmp) / "release.md"
        shutil.copyfile(EXAMPLE, release)
        started = time.perf_counter()
        subprocess.run(
            [str(program), "export", str(release), "--pdf", f"{tmp}/out.pdf"],
            env=_clean_env(home),
            stdout=subprocess.DEVNULL,
            check=True,
        )
        return time.perf_counter() - started


def main() -> None:
    """Measure both programs, interleaved, and print medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dist", type=Path, default=REPO / "dist" / "presskit")
    args = parser.parse_args()
    programs = {"bundle": args.dist.resolve() / "presskit", "source": REPO / ".venv/bin/presskit"}
    results: dict[str, dict[str, list[float]]] = {
        name: {"window": [], "preview": [], "export": []} for name in programs
    }
    for program in programs.values():  # warm-up, not counted
        start_up(program)
    for _ in range(args.runs):
        for name, program in programs.items():
            window, preview = start_up(program)
            results[name]["window"].append(window)
            results[name]["preview"].append(preview)
            results[name]["export"].append(export(program))
    print(f"median of {args.runs} runs each, interleaved, fresh HOME per run")
    print(f"{'':8} {'window':>8} {'first preview':>14} {'export PDF':>11}")
    for name, measured in results.items():
        window, preview, exported = (statistics.median(measured[k]) for k in measured)
        print(f"{name:8} {window:7.2f}s {preview:13.2f}s {exported:10.2f}s")
    ratio = {
        k: statistics.median(results["bundle"][k]) / statistics.median(results["source"][k])
        for k in ("window", "preview", "export")
    }
    print("bundle/source  " + "  ".join(f"{k} {v:.2f}" for k, v in ratio.items()))


if __name__ == "__main__":
    main()
