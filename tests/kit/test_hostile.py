"""Hostile input in a press kit (issue 19): a decompression bomb, a truncated JPEG, SVG logos
with a script or external references, a symlinked image, ``../../x.jpg``. Each is a clear
message from ``presskit check``, the export goes on without it, nothing outside the kit's
folder is read and nothing outside the outputs is written (docs/fuzzing.md lists the guards).
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

from presskit.cli import main
from presskit.kit.assets import AssetRefused, read_asset
from presskit.kit.export import export_kit
from presskit.kit.images import ImageRefused, check_svg, publish_image
from tests.kit.builder import LOGO_SVG, bomb_png, jpeg_bytes, photo

SECRET = b"SECRET-OUTSIDE-THE-KIT"


def _set_photo(kit_path: Path, path: str) -> None:
    """Point the first gallery photo at ``path``."""
    text = kit_path.read_text(encoding="utf-8")
    kit_path.write_text(text.replace("photos/field-clearance.jpg", path, 1), encoding="utf-8")


def _check(kit_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    main(["check", str(kit_path), "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    return {r["field"]: r["message"] for r in rows if r["id"] == "asset-unusable"}


def _outside_secret(kit_path: Path) -> Path:
    """A JPEG outside the kit's folder whose bytes carry a marker."""
    outside = kit_path.parent.parent / "x.jpg"
    outside.write_bytes(jpeg_bytes(photo((1600, 1200), (9, 9, 9))) + SECRET)
    return outside


def _zip_bytes(kit_path: Path, tmp_path: Path) -> bytes:
    result = export_kit(kit_path, zip_path=tmp_path / "out.zip")
    assert any(w.startswith("images[1].file: left out") for w in result.warnings)
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        return b"".join(archive.read(n) for n in archive.namelist())


@pytest.mark.parametrize(("size", "claim"), [(30_000, "30,000 × 30,000"), (11_000, "11,000")])
def test_a_decompression_bomb_is_refused_before_it_is_decoded(
    kit_path: Path, capsys: pytest.CaptureFixture[str], size: int, claim: str
) -> None:
    (kit_path.parent / "photos" / "bomb.png").write_bytes(bomb_png(size, size))
    _set_photo(kit_path, "photos/bomb.png")
    message = _check(kit_path, capsys)["images[1].file"]
    assert claim in message and "decompression bomb" in message
    with pytest.raises(ImageRefused, match="megapixels"):
        publish_image(bomb_png(size, size), "bomb.png")


def test_a_truncated_jpeg_is_called_damaged(kit_path: Path, tmp_path: Path) -> None:
    """Even with WeasyPrint loaded, which tells Pillow to fill cut-short images with grey."""
    import presskit.render.weasy  # noqa: F401

    data = jpeg_bytes(photo((1600, 1200), (50, 90, 40)))
    (kit_path.parent / "photos" / "cut.jpg").write_bytes(data[: len(data) // 2])
    _set_photo(kit_path, "photos/cut.jpg")
    result = export_kit(kit_path, pdf=tmp_path / "sheet.pdf")
    (warning,) = [w for w in result.warnings if w.startswith("images[1]")]
    assert "photos/cut.jpg is damaged or cut short" in warning
    with pytest.raises(ImageRefused, match="not an image"):
        publish_image(b"GIF89a" + bytes(20), "broken.gif")


@pytest.mark.parametrize(
    ("svg", "message"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
         "holds a <script> element"),
        ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "holds a script"),
        ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
         '<image xlink:href="https://tracker.example/pixel.png"/></svg>',
         "refers to another file or address"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>',
         "refers to another file or address"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(http://x.example/a)"/>'
         "</svg>", "refers to another file or address"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(a.css);</style></svg>',
         "imports a stylesheet"),
        ('<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
         '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>', "entities"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>', "<foreignObject>"),
    ],
)  # fmt: skip
def test_svg_logos_that_could_run_or_fetch_are_refused(
    kit_path: Path, capsys: pytest.CaptureFixture[str], svg: str, message: str
) -> None:
    (kit_path.parent / "logos" / "logo.svg").write_text(svg, encoding="utf-8")
    assert message in _check(kit_path, capsys)["logos[1].file"]
    result = export_kit(kit_path, zip_path=kit_path.parent.parent / "k.zip")
    assert any(w.startswith("logos[1].file: left out") for w in result.warnings)
    with zipfile.ZipFile(kit_path.parent.parent / "k.zip") as archive:
        assert not [n for n in archive.namelist() if n.endswith(".svg")]


def test_a_plain_svg_logo_with_a_doctype_and_local_references_is_fine() -> None:
    svg = (
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">' + LOGO_SVG.split("?>", 1)[1]
    )
    svg = svg.replace('fill="#ffffff"/>', 'fill="url(#g)"/><defs><linearGradient id="g"/></defs>')
    check_svg(svg.encode(), "logo.svg")  # fmt: skip


def test_a_symlinked_image_is_not_followed(
    kit_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = _outside_secret(kit_path)
    (kit_path.parent / "photos" / "link.jpg").symlink_to(outside)
    _set_photo(kit_path, "photos/link.jpg")
    assert "symbolic link" in _check(kit_path, capsys)["images[1].file"]
    assert SECRET not in _zip_bytes(kit_path, tmp_path)
    # A linked folder on the way is refused too.
    (kit_path.parent / "linked").symlink_to(outside.parent)
    with pytest.raises(AssetRefused, match="symbolic link"):
        read_asset(kit_path.parent, "linked/x.jpg")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("../../x.jpg", "points outside the kit's folder"),
        ("photos/../../x.jpg", "points outside the kit's folder"),
        ("..\\..\\x.jpg", "points outside the kit's folder"),
        ("/etc/passwd", "absolute path"),
        ("C:\\Windows\\win.ini", "absolute path"),
        ("file:///etc/passwd", "is an address"),
        ("https://example.org/x.jpg", "is an address"),
    ],
)
def test_paths_out_of_the_kit_are_refused(
    kit_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], path: str, message: str
) -> None:
    _outside_secret(kit_path)
    _set_photo(kit_path, path)
    assert message in _check(kit_path, capsys)["images[1].file"]
    assert SECRET not in _zip_bytes(kit_path, tmp_path)


def test_a_fifo_does_not_hang_the_export(
    kit_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(kit_path.parent / "photos" / "pipe.jpg")
    _set_photo(kit_path, "photos/pipe.jpg")
    assert "not a regular file" in _check(kit_path, capsys)["images[1].file"]
