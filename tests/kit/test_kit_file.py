"""The kit file: read liberally like a release, written back the same, checked by
``presskit check``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from presskit.cli import main
from presskit.kit.file import dumps_kit, is_kit_file, load_kit, loads_kit
from presskit.storage import ReleaseFileError
from tests.kit.builder import FACTS


def test_every_fixed_key_is_read(kit_path: Path) -> None:
    loaded = load_kit(kit_path)
    kit = loaded.kit
    assert loaded.warnings == []
    assert kit.language == "en-US" and kit.theme == "classic"
    assert kit.organization.name == "US Campaign to Ban Landmines"
    assert "Nobel Peace Prize" in kit.history
    assert [(f.label, f.value) for f in kit.facts] == FACTS
    assert [p.photo for p in kit.people] == ["people/mary.jpg", "people/mica.jpg"]
    assert kit.images[1].alt == "" and kit.images[0].license == "CC BY 4.0"
    assert [(logo.file, logo.variant) for logo in kit.logos] == [
        ("logos/logo.svg", "colour"), ("logos/logo-mono.png", "mono")
    ]  # fmt: skip
    assert kit.videos[0].url.startswith("https://")
    assert kit.quotes[0].source == "Mary Wareham"
    assert kit.awards[0].title == "Nobel Peace Prize 1997"
    assert kit.releases == ["releases/ban-landmines.md"]
    assert kit.contacts[0].phones[0].label == "mobile"
    assert kit.description.startswith("The US Campaign")
    assert loaded.line_of("images[2].alt") == loaded.lines["images[2]"]


def test_a_kit_is_written_back_the_same(kit_path: Path) -> None:
    kit = load_kit(kit_path).kit
    text = dumps_kit(kit)
    again = loads_kit(text).kit
    assert again == kit
    assert dumps_kit(again) == text
    assert text.startswith("---\npresskit_kit: 1\n")


def test_unknown_keys_are_kept_with_a_warning() -> None:
    text = "---\npresskit_kit: 1\nsponsor: ACME\nfacts:\n  - label: Founded\n    value: Yes\n"
    text += "    footnote: estimated\n---\n"
    loaded = loads_kit(text, "kit.md")
    assert loaded.kit.extra == {"sponsor": "ACME"}
    assert loaded.kit.facts[0].value == "Yes"  # text, not the boolean YAML 1.1 makes of it
    assert loaded.kit.facts[0].extra == {"footnote": "estimated"}
    assert [str(w) for w in loaded.warnings] == [
        "kit.md:3: warning: sponsor: unknown field; Presskit keeps it as it is",
        "kit.md:7: warning: facts[1].footnote: unknown field; Presskit keeps it as it is",
    ]
    assert "sponsor: ACME" in dumps_kit(loaded.kit)


def test_a_newer_kit_format_and_a_wrong_type_are_clear_errors() -> None:
    with pytest.raises(ReleaseFileError, match="kit format 2"):
        loads_kit("---\npresskit_kit: 2\n---\n", "kit.md")
    with pytest.raises(ReleaseFileError) as caught:
        loads_kit("---\npresskit_kit: 1\nfacts: founded 1992\n---\n", "kit.md")
    assert str(caught.value) == "kit.md:3: facts: expected a list, found 'founded 1992'"


def test_kit_files_are_told_from_releases(kit_path: Path, example_path: Path) -> None:
    assert is_kit_file(kit_path)
    assert not is_kit_file(example_path)
    assert not is_kit_file(kit_path.parent / "missing.md")


def test_check_reports_the_photo_without_alt_text(
    kit_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(kit_path), "--format", "json"]) == 0  # warnings only
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["field"]) for r in rows] == [("image-alt-missing", "images[2].alt")]
    text = kit_path.read_text(encoding="utf-8").splitlines()
    assert text[rows[0]["line"] - 1] == "  - file: photos/rally.jpg"


def test_check_reports_credits_resolution_and_unusable_files(
    kit_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image

    Image.new("RGB", (800, 600), "white").save(kit_path.parent / "photos" / "rally.jpg")
    text = kit_path.read_text(encoding="utf-8")
    text = text.replace("    credit: 'Photo: USCBL'\n", "")
    text = text.replace("people/mica.jpg", "../../x.jpg").replace("    photo_alt: Mica", "    x: M")
    text = text.replace("logos/logo-mono.png", "logos/missing.png")
    kit_path.write_text(text, encoding="utf-8")
    assert main(["check", str(kit_path), "--format", "json"]) == 1
    rows = {(r["id"], r["field"]): r["message"] for r in json.loads(capsys.readouterr().out)}
    assert rows[("image-low-resolution", "images[2].file")].startswith(
        "photos/rally.jpg is 800 × 600 px"
    )
    assert ("image-credit-missing", "images[3].credit") in rows
    assert "outside the kit's folder" in rows[("asset-unusable", "people[2].photo")]
    assert ("image-alt-missing", "people[2].photo_alt") in rows
    assert "does not exist" in rows[("asset-unusable", "logos[2].file")]


def test_every_documented_kit_key_is_read(kit_path: Path) -> None:
    """docs/file-format.md documents the kit's fixed keys: each is read (the builder's kit
    holds all of them), and the documented example loads without a warning."""
    from tests.conftest import REPO

    doc = (REPO / "docs" / "file-format.md").read_text(encoding="utf-8")
    section = doc.split("\n## The press kit file")[1].split("\n## ")[0]
    keys = re.findall(r"^\| `([^`]+)` \|", section, re.MULTILINE)
    assert len(keys) == 14
    lines = load_kit(kit_path).lines
    for key in keys:
        assert key in lines, key
    (example,) = re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)
    loaded = loads_kit(example, "file-format.md")
    assert loaded.warnings == [] and loaded.kit.facts[0].value == "1992"
