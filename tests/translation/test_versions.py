"""Outputs know a release's language versions: hreflang alternates, a press kit of them all."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from presskit.storage import load_release, save_release
from presskit.translation.versions import language_versions
from tests.cli_process import presskit_process as presskit
from tests.conftest import pdf_text


@pytest.fixture
def versions(tmp_path: Path, example_path: Path) -> Path:
    """en/release.md, en/release.de-DE.md beside it, fr/release.md in a sibling folder."""
    english = tmp_path / "en" / "release.md"
    shutil.copytree(example_path.parent, english.parent)
    assert presskit("translate", english, "--to", "de-DE").returncode == 0
    (tmp_path / "fr").mkdir()
    french = tmp_path / "fr" / "release.md"
    assert presskit("translate", english, "--to", "fr-FR", "-o", french).returncode == 0
    loaded = load_release(french).release
    loaded.headline = "États-Unis : interdire les mines partout"
    save_release(loaded, french)
    return english


def _alternates(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)


def test_versions_are_found_from_the_source_and_from_a_translation(versions: Path) -> None:
    english = load_release(versions).release
    found = language_versions(versions, english)
    assert [(v.language, v.path.name, v.path.parent.name) for v in found] == [
        ("de-DE", "release.de-DE.md", "en"),
        ("en-US", "release.md", "en"),
        ("fr-FR", "release.md", "fr"),
    ]
    french = versions.parent.parent / "fr" / "release.md"
    assert language_versions(french, load_release(french).release) == found


def test_web_pages_name_each_other_with_hreflang(versions: Path, tmp_path: Path) -> None:
    assert presskit("export", versions, "--html").returncode == 0
    html = versions.with_suffix(".html").read_text(encoding="utf-8")
    assert _alternates(html) == [
        ("de-DE", "release.de-DE.html"),
        ("en-US", "release.html"),
        ("fr-FR", "../fr/release.html"),
    ]
    french = versions.parent.parent / "fr" / "release.md"
    assert presskit("export", french, "--html").returncode == 0
    html = french.with_suffix(".html").read_text(encoding="utf-8")
    assert ("en-US", "../en/release.html") in _alternates(html)
    lonely = tmp_path / "lonely" / "release.md"
    lonely.parent.mkdir()
    shutil.copy(versions, lonely)
    assert presskit("export", lonely, "--html").returncode == 0
    assert _alternates(lonely.with_suffix(".html").read_text(encoding="utf-8")) == []


def test_the_press_kit_holds_every_language_version(versions: Path, tmp_path: Path) -> None:
    kit = tmp_path / "kit.zip"
    done = presskit("export", versions, "--kit", kit)
    assert done.returncode == 0, done.stderr
    names = zipfile.ZipFile(kit).namelist()
    stem = "us-ban-landmine-use-everywhere-korea-included"
    own = {"de-de": stem, "fr-fr": "etats-unis-interdire-les-mines-partout"}
    for folder, name in own.items():
        for extension in (".pdf", ".html", ".txt", ".eml"):
            assert f"{stem}/{folder}/{name}{extension}" in names, (folder, extension, names)
    german_pdf = next(n for n in names if "/de-de/" in n and n.endswith(".pdf"))
    text = pdf_text(zipfile.ZipFile(kit).read(german_pdf))
    assert "PRESSEKONTAKT" in text and "ZUR SOFORTIGEN" in text
    french_pdf = next(n for n in names if "/fr-fr/" in n and n.endswith(".pdf"))
    assert "États-Unis" in pdf_text(zipfile.ZipFile(kit).read(french_pdf))
