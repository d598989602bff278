"""Pictures of the examples in every theme, for visual regression tests and the docs.

    .venv/bin/python -m tests.render.visual update   # after a deliberate change of the look
    .venv/bin/python -m tests.render.visual docs     # the PNGs in docs/themes/

Pages are rendered with the same path as export, then turned into PNGs with pdftoppm.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from presskit.bundled import resource_path
from presskit.render.pdf import PdfRenderer
from presskit.render.themes import is_bundled, load_theme, theme_folders
from presskit.storage import load_release

REFERENCE_DIR = Path(__file__).with_name("visual_refs")
DOCS_DIR = Path(__file__).resolve().parents[2] / "docs" / "themes"
EXAMPLES = {"seed": ("ban-landmines", "release.md"), "embargoed-de": ("embargoed-de", "release.md")}
REFERENCE_DPI = 30
DOCS_DPI = 60


def render_pages(
    theme: str, example: str, dpi: int, out_dir: Path, renderer: PdfRenderer
) -> list[Path]:
    """PNG pages of ``example`` in ``theme`` at ``dpi``, written to ``out_dir``."""
    path = resource_path("examples", *EXAMPLES[example])
    release = load_release(path).release
    release.theme = theme
    pdf = renderer.render(release, path.parent).pdf
    with tempfile.TemporaryDirectory() as tmp:
        pdf_path = Path(tmp) / "page.pdf"
        pdf_path.write_bytes(pdf)
        prefix = out_dir / f"{theme}-{example}"
        for old in out_dir.glob(f"{theme}-{example}-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf_path), str(prefix)], check=True)
    return sorted(out_dir.glob(f"{theme}-{example}-*.png"))


def bundled_themes() -> list[str]:
    """The themes that ship with Presskit (not a developer's own user themes)."""
    return [name for name in theme_folders() if is_bundled(load_theme(name))]


def write_all(out_dir: Path, dpi: int) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    renderer = PdfRenderer()
    written = []
    for theme in bundled_themes():
        for example in EXAMPLES:
            written += render_pages(theme, example, dpi, out_dir, renderer)
    return written


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else ""
    if target not in ("update", "docs"):
        sys.exit("usage: python -m tests.render.visual update|docs")
    folder, dpi = (REFERENCE_DIR, REFERENCE_DPI) if target == "update" else (DOCS_DIR, DOCS_DPI)
    for path in write_all(folder, dpi):
        print(f"wrote {path}")
