"""The press kit archive and the file names in it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from presskit.model import Organization, Release
from presskit.render.pdf import PdfRenderer
from presskit.render.press_kit import build_press_kit, safe_file_name
from presskit.storage import load_release
from presskit.storage.vcard import parse_vcards
from tests.conftest import pdf_text
from tests.render.test_hostile import PNG_1PX


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US: Ban Landmine Use Everywhere, Korea", "us-ban-landmine-use-everywhere-korea"),
        ("Stadtbäume bekommen ein Gießkataster", "stadtbaume-bekommen-ein-giesskataster"),
        ("CON", "release"),
        ("../../etc/passwd", "etc-passwd"),
        ("日本語のニュース", "release"),
        ("a" * 200, "a" * 60),
    ],
)  # fmt: skip
def test_safe_file_names(text: str, expected: str) -> None:
    assert safe_file_name(text) == expected


def test_kit_holds_every_output_contacts_and_images(example_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "release"
    folder.mkdir()
    (folder / "assets").mkdir()
    (folder / "assets" / "Logo Final.PNG").write_bytes(PNG_1PX)
    release = load_release(example_path).release
    release.organization.logo = "assets/Logo Final.PNG"
    release.body += "\n\n![Photo](../outside.png)"
    pdf = PdfRenderer().render(release, folder).pdf
    kit = build_press_kit(release, folder, pdf)
    assert build_press_kit(release, folder, pdf) == kit  # the same release, the same bytes
    archive = zipfile.ZipFile(io.BytesIO(kit))
    stem = "us-ban-landmine-use-everywhere-korea-included"
    assert sorted(archive.namelist()) == sorted(
        f"{stem}/{name}"
        for name in ("index.html", "press-contacts.vcf", "assets/logo-final.png",
                     f"{stem}.pdf", f"{stem}.html", f"{stem}.txt", f"{stem}.eml")
    )  # fmt: skip
    assert "US: Ban Landmine" in pdf_text(archive.read(f"{stem}/{stem}.pdf"))
    contacts = parse_vcards(archive.read(f"{stem}/press-contacts.vcf")).contacts
    assert [(c.name, c.email) for c in contacts] == [
        ("Mary Wareham", "wareham@hrw.org"),
        ("Mica Bevington", "mbevington@handicap-international.us"),
    ]
    index = archive.read(f"{stem}/index.html").decode("utf-8")
    assert f'href="{stem}.pdf"' in index and "press-contacts.vcf" in index


def test_kit_of_an_untitled_release_without_contacts() -> None:
    release = Release(headline="", organization=Organization(logo="/etc/passwd"))
    kit = build_press_kit(release, None, b"%PDF-1.7")
    names = zipfile.ZipFile(io.BytesIO(kit)).namelist()
    assert sorted(names) == [
        "release/index.html", "release/release.eml", "release/release.html",
        "release/release.pdf", "release/release.txt",
    ]  # fmt: skip
