"""The desktop-integration files and the app icon: well-formed, consistent, the right sizes.

Fast checks for the normal suite. Building and smoke-testing the bundle itself is
packaging/check.sh (it also runs desktop-file-validate and appstreamcli where installed).
"""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET

import pytest

from presskit import __version__
from tests.conftest import REPO

APP_ID = "io.presskit.Presskit"
LINUX = REPO / "packaging" / "linux"
ICONS = REPO / "resources" / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def test_desktop_file_names_the_app_and_its_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Presskit"
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "presskit"
    assert entry["Terminal"] == "false"
    for key in ("Categories", "Keywords", "MimeType"):
        assert entry[key].endswith(";"), f"{key} must end with ';'"
    assert "Office" in entry["Categories"].split(";")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_validates() -> None:
    done = subprocess.run(
        ["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_metainfo_is_well_formed_and_matches() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("name") == "Presskit"
    assert root.find("description/p") is not None
    versions = [release.get("version") for release in root.iterfind("releases/release")]
    assert versions and versions[0] == __version__, "add a <release> for presskit.__version__"


def test_icon_svgs_are_square_and_well_formed() -> None:
    for name, side in (("presskit.svg", 256), ("presskit-small-16.svg", 16),
                       ("presskit-small-24.svg", 24)):  # fmt: skip
        root = ET.parse(ICONS / name).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert root.get("viewBox") == f"0 0 {side} {side}"


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_png_has_its_size(size: int) -> None:
    data = (ICONS / f"presskit-{size}.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert (width, height) == (size, size)
    assert (depth, colour) == (8, 6), "8-bit RGBA"


def test_icon_sizes_are_the_ones_the_app_loads() -> None:
    from presskit.ui.icons import APP_ID as UI_APP_ID
    from presskit.ui.icons import ICON_SIZES as UI_SIZES

    assert UI_APP_ID == APP_ID
    assert tuple(UI_SIZES) == ICON_SIZES
