"""Headless Chromium (Debian's ``chromium``) for the newsroom tests: the DOM a page has after
its scripts ran, and the console lines it logged (Content-Security-Policy refusals among them)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class Loaded:
    dom: str
    console: str


def load(url: str, *, screenshot: str = "", size: str = "1200,900") -> Loaded:
    """Open ``url`` in a fresh headless Chromium; its DOM after load, and its console log."""
    assert CHROMIUM, "chromium is missing: run scripts/dev setup"
    with tempfile.TemporaryDirectory() as profile:
        command = [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--no-first-run", f"--user-data-dir={profile}",
            "--enable-logging=stderr", "--v=0", "--hide-scrollbars", f"--window-size={size}",
        ]  # fmt: skip
        command += [f"--screenshot={screenshot}"] if screenshot else ["--dump-dom"]
        done = subprocess.run(
            [*command, url], capture_output=True, text=True, timeout=120, check=False
        )
    console = "\n".join(line for line in done.stderr.splitlines() if ":CONSOLE" in line)
    return Loaded(done.stdout, console)
