"""Screenshots of the example kit for docs/kit/: the page in headless Chromium at phone and
desktop widths, the fact sheet through pdftoppm. Run it and look at the PNGs:

    .venv/bin/python -m tests.kit.screenshots [OUT_DIR]   # default: docs/kit
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from presskit.kit.export import export_kit
from tests.conftest import REPO
from tests.kit.builder import build_kit
from tests.newsroom.browser import load

SIZES = {"phone": "390,844", "desktop": "1280,900", "desktop-full": "1280,3000"}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        kit = build_kit(Path(work) / "kit")
        site, sheet = Path(work) / "site", Path(work) / "fact-sheet.pdf"
        result = export_kit(kit, html_dir=site, pdf=sheet)
        assert not result.warnings, result.warnings
        for name, size in SIZES.items():
            load((site / "index.html").as_uri(), screenshot=str(out / f"page-{name}.png"),
                 size=size)  # fmt: skip
        subprocess.run(
            ["pdftoppm", "-r", "90", "-png", "-singlefile", str(sheet), str(out / "fact-sheet")],
            check=True,
        )
    print("\n".join(str(p) for p in sorted(out.glob("*.png"))))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "kit")
