"""Visual regression: every theme's pages still look like their reference pictures.

When a change of the look is deliberate, update the references with
``.venv/bin/python -m tests.render.visual update`` and look at them before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from presskit.render.pdf import PdfRenderer
from tests.render.visual import EXAMPLES, REFERENCE_DIR, REFERENCE_DPI, bundled_themes, render_pages

MAX_MEAN_DIFFERENCE = 1.5  # of 255, averaged over the page: anti-aliasing noise, not layout


@pytest.fixture(scope="module")
def renderer() -> PdfRenderer:
    return PdfRenderer()


@pytest.mark.parametrize("example", list(EXAMPLES))
@pytest.mark.parametrize("theme", bundled_themes())
def test_pages_match_their_references(
    theme: str, example: str, tmp_path: Path, renderer: PdfRenderer
) -> None:
    pages = render_pages(theme, example, REFERENCE_DPI, tmp_path, renderer)
    references = sorted(REFERENCE_DIR.glob(f"{theme}-{example}-*.png"))
    assert references, f"no reference pictures for {theme}/{example}: run the update script"
    assert [p.name for p in pages] == [r.name for r in references], "the page count changed"
    for page, reference in zip(pages, references, strict=True):
        new, old = Image.open(page).convert("L"), Image.open(reference).convert("L")
        assert new.size == old.size, f"{page.name}: page size changed"
        difference = ImageStat.Stat(ImageChops.difference(new, old)).mean[0]
        assert difference <= MAX_MEAN_DIFFERENCE, f"{page.name} differs by {difference:.2f}"
