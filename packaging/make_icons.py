"""Render the app icon's PNG sizes from its SVG sources, with Qt's SVG renderer.

    .venv/bin/python packaging/make_icons.py          # rewrite resources/icons/presskit-*.png
    .venv/bin/python packaging/make_icons.py --check  # exit 1 if a PNG is missing or stale

``resources/icons/presskit.svg`` is the icon (and the hicolor "scalable" one). The two
smallest sizes have their own drawings on a pixel grid (``presskit-small-16.svg`` and
``presskit-small-24.svg``): the full drawing's thin text lines blur into a smudge there.
The PNGs are committed, so nothing needs Qt's SVG module at run time or at build time.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMALL_DRAWINGS = {16: "presskit-small-16.svg", 24: "presskit-small-24.svg"}


def source_for(size: int) -> Path:
    """The SVG drawn for ``size`` pixels."""
    return ICONS / SMALL_DRAWINGS.get(size, "presskit.svg")


def render(svg: Path, size: int):
    """``svg`` as a ``size`` x ``size`` QImage with a transparent background."""
    from PySide6.QtCore import Qt  # noqa: PLC0415 - Qt only when rendering
    from PySide6.QtGui import QImage, QPainter  # noqa: PLC0415
    from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def _same(saved, rendered, tolerance: int = 8) -> bool:
    """Whether two images match, allowing for small anti-aliasing changes between Qt versions."""
    saved = saved.convertToFormat(rendered.format())
    if saved.size() != rendered.size():
        return False
    a, b = bytes(saved.constBits()), bytes(rendered.constBits())
    return a == b or max(abs(x - y) for x, y in zip(a, b, strict=True)) <= tolerance


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check``, compare) every PNG size; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the PNGs match")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage  # noqa: PLC0415

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    stale = []
    for size in SIZES:
        out = ICONS / f"presskit-{size}.png"
        image = render(source_for(size), size)
        if args.check:
            if not out.is_file() or not _same(QImage(str(out)), image):
                stale.append(out.name)
            continue
        if not image.save(str(out), "PNG"):
            raise SystemExit(f"could not write {out}")
        print(f"wrote {out.relative_to(ICONS.parents[1])}")
    if stale:
        print(f"stale or missing (run packaging/make_icons.py): {', '.join(stale)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
