"""The press kit archive and the file names in it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from presskit.library.vcard import parse_vcards
from presskit.model import Organization, Release
from presskit.outputs.registry import FORMATS
from presskit.outputs.release_kit import safe_file_name, write_kit
from presskit.outputs.session import RenderSession
from presskit.storage import load_release
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
    kit = write_kit(RenderSession(release, folder)).data
    assert write_kit(RenderSession(release, folder)).data == kit  # same release, same bytes
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
    kit = write_kit(RenderSession(release, None)).data
    names = zipfile.ZipFile(io.BytesIO(kit)).namelist()
    assert sorted(names) == [
        "release/index.html", "release/release.eml", "release/release.html",
        "release/release.pdf", "release/release.txt",
    ]  # fmt: skip


def test_the_kit_holds_every_format_the_registry_marks() -> None:
    release = Release(headline="Kit")
    names = zipfile.ZipFile(io.BytesIO(write_kit(RenderSession(release, None)).data)).namelist()
    expected = {f"kit/kit{fmt.extension}" for fmt in FORMATS if fmt.in_kit}
    assert expected and expected <= set(names)
    assert "kit/kit.zip" not in names  # the kit does not hold itself
