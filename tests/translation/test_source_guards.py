"""A release file comes from anyone: its translation link must not make Presskit read, print
or pack into a press kit any other file of the disk, nor hang on a FIFO."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from presskit.storage import dumps_release, load_release, save_release
from presskit.translation.linking import acceptable_source, read_source
from presskit.translation.xliff import XliffError, import_xliff
from tests.cli_process import presskit_process as presskit

SECRET = "The private words of someone else's notes"


@pytest.fixture
def layout(tmp_path: Path, example_path: Path) -> Path:
    """work/a/b/release.md (a translation to point anywhere), a secret two levels up."""
    folder = tmp_path / "work" / "a" / "b"
    shutil.copytree(example_path.parent, folder)
    (tmp_path / "work" / "secret.md").write_text(f"---\nheadline: {SECRET}\n---\n{SECRET}\n")
    return folder / "release.md"


def _point_at(release_path: Path, source: str) -> None:
    assert presskit("translate", release_path, "--to", "de-DE").returncode == 0
    german_path = release_path.with_name("release.de-DE.md")
    german = load_release(german_path).release
    german.translation.source = source
    save_release(german, german_path)


@pytest.mark.parametrize(
    ("reference", "ok"),
    [
        ("release.md", True),
        ("./release.md", True),
        ("../en/release.md", True),
        ("sub/release.md", True),
        ("../../secret.md", False),
        ("../en/../../secret.md", False),
        ("/etc/passwd.md", False),
        ("release.txt", False),
        ("~/.ssh/id_rsa", False),
    ],
)
def test_which_sources_a_translation_may_name(tmp_path: Path, reference: str, ok: bool) -> None:
    assert acceptable_source(reference, tmp_path / "x" / "y" / "release.md") is ok


def test_a_source_outside_is_neither_read_nor_packed(layout: Path, tmp_path: Path) -> None:
    _point_at(layout, "../../secret.md")
    german = layout.with_name("release.de-DE.md")
    done = presskit("check", "--format", "json", german)
    rows = [r for r in json.loads(done.stdout) if r["id"].startswith("translation")]
    assert [r["id"] for r in rows] == ["translation-source-missing"]
    assert SECRET not in done.stdout
    kit = tmp_path / "kit.zip"
    assert presskit("export", german, "--kit", kit).returncode == 0
    archive = zipfile.ZipFile(kit)
    assert not any(SECRET.encode() in archive.read(name) for name in archive.namelist())


def test_a_symbolic_link_to_a_file_outside_is_refused(layout: Path) -> None:
    link = layout.with_name("linked.md")
    link.symlink_to(layout.parent.parent.parent / "secret.md")
    _point_at(layout, "linked.md")
    done = presskit("check", "--format", "json", layout.with_name("release.de-DE.md"))
    assert SECRET not in done.stdout and "translation-source-missing" in done.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_as_source_does_not_hang(layout: Path) -> None:
    os.mkfifo(layout.with_name("pipe.md"))
    assert read_source(layout.with_name("pipe.md")) is None
    _point_at(layout, "pipe.md")
    done = presskit("check", "--format", "json", layout.with_name("release.de-DE.md"))
    assert "translation-source-missing" in done.stdout


def test_an_xliff_naming_a_file_outside_is_refused(layout: Path) -> None:
    assert presskit("xliff", "export", layout, "--to", "de-DE").returncode == 0
    xlf = layout.with_name("release.de-DE.xlf")
    text = xlf.read_text(encoding="utf-8").replace(
        'original="release.md"', 'original="../../secret.md"'
    )
    xlf.write_text(text, encoding="utf-8")
    with pytest.raises(XliffError) as caught:
        import_xliff(xlf.read_bytes(), xlf)
    assert "is not a release file beside it" in caught.value.problems[0]
    assert not layout.with_name("release.de-DE.md").exists()
    assert SECRET not in dumps_release(load_release(layout).release)
