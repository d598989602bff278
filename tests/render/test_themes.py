"""Every theme: the example's parts, the accent colour and logo, user themes, their limits."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from presskit.bundled import example_release_path, resource_path
from presskit.model import Organization, Release
from presskit.render.html import render_html
from presskit.render.pdf import PdfRenderer
from presskit.render.themes import ThemeError, load_theme, theme_folders, user_themes_dir
from presskit.storage import load_release
from tests.conftest import pdf_text, squash
from tests.render.test_hostile import PNG_1PX
from tests.render.visual import bundled_themes


@pytest.fixture(scope="module")
def renderer() -> PdfRenderer:
    return PdfRenderer()


def test_three_bundled_themes() -> None:
    assert {"classic", "modern", "letterhead"} <= set(bundled_themes())


@pytest.mark.parametrize("theme", ["classic", "modern", "letterhead"])
def test_each_theme_holds_the_whole_example(theme: str, renderer: PdfRenderer) -> None:
    release = load_release(example_release_path()).release
    release.theme = theme
    result = renderer.render(release, example_release_path().parent)
    assert result.warnings == []
    text = squash(pdf_text(result.pdf))
    for part in (release.headline, release.subheadline, "Mary Wareham", "+1-240-450-3531",
                 "wareham@hrw.org", "banminesusa.org", "@BanMinesUSA", "Page 1 of 2", "###",
                 "is a coalition of more than 400 non-governmental organizations"):  # fmt: skip
        assert squash(part) in text, (theme, part)


@pytest.mark.parametrize("theme", ["classic", "modern", "letterhead"])
def test_accent_colour_and_logo_reach_every_theme(
    theme: str, renderer: PdfRenderer, tmp_path: Path
) -> None:
    (tmp_path / "logo.png").write_bytes(PNG_1PX)
    release = Release(
        headline="Accent", theme=theme, body="Body text.",
        organization=Organization(name="Org", logo="logo.png", accent="#ff0000"),
    )  # fmt: skip
    result = renderer.render(release, tmp_path)
    page = PdfReader(io.BytesIO(result.pdf)).pages[0]
    assert len(page["/Resources"]["/XObject"]) == 1  # the logo
    content = page.get_contents().get_data().decode("latin-1")
    assert re.search(r"\b1 0 0 (rg|RG)\b", content), "the accent colour is not used"
    html = render_html(release, tmp_path).html
    assert "--accent: #ff0000" in html


def _write_user_theme(base: Path, name: str, css: str) -> Path:
    folder = base / name
    shutil.copytree(resource_path("themes", "classic"), folder)
    (folder / "theme.toml").write_text(
        'title = "Mine"\ndescription = "A test theme"\nstylesheets = ["style.css"]\n'
    )
    (folder / "style.css").write_text(css)
    return folder


def test_a_user_theme_is_found_and_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, renderer: PdfRenderer
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    _write_user_theme(user_themes_dir(), "mine", "body { color: #00ff00; }")
    _write_user_theme(user_themes_dir(), "classic", "body { color: #00ff00; }")  # no shadowing
    folders = theme_folders()
    assert folders["mine"].parent == user_themes_dir()
    assert folders["classic"] == resource_path("themes", "classic")
    release = Release(headline="Mine", theme="mine", body="Green text.")
    result = renderer.render(release)
    content = PdfReader(io.BytesIO(result.pdf)).pages[0].get_contents().get_data()
    assert b"0 1 0 rg" in content


def test_a_user_theme_reads_nothing_outside_its_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, renderer: PdfRenderer
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    css = "body { background: url(/etc/passwd); } h1 { background: url(http://example.com/x.png); }"
    _write_user_theme(user_themes_dir(), "nosy", css)
    result = renderer.render(Release(headline="Nosy", theme="nosy"))
    assert b"root:x:0" not in result.pdf
    escaping = _write_user_theme(user_themes_dir(), "escaping", "")
    (escaping / "theme.toml").write_text('stylesheets = ["../../../../etc/passwd"]\n')
    with pytest.raises(ThemeError, match="outside its folder"):
        load_theme("escaping")


def test_labels_follow_the_language(renderer: PdfRenderer) -> None:
    path = resource_path("examples", "embargoed-de", "release.md")
    result = renderer.render(load_release(path).release, path.parent)
    text = pdf_text(result.pdf)
    labels = [
        "SPERRFRIST BIS 23. September 2014, 09:00 MESZ", "Seite 1 von 2", "-mehr-",
        "PRESSEKONTAKT", "WEITERE INFORMATIONEN", "BERLIN, 23. September 2014 –",
    ]  # fmt: skip
    for label in labels:
        assert label in text, label
    assert PdfReader(io.BytesIO(result.pdf)).pages[0].mediabox.width == pytest.approx(595.3, 0.1)
