"""Outputs never follow a symbolic link, never overwrite their own source, never collide in a
batch; ``extract`` writes only a release, never through a link, and explains a damaged PDF
(issue 11, security 2). The real ``presskit`` command, in its own process.

The guards are in :func:`presskit.storage.atomic.write_output` (links, own source),
:func:`presskit.outputs.export.colliding_outputs` (batches), :mod:`presskit.cli.extract`
(a release is loaded before it is written) and :mod:`presskit.storage.pdf_source` (damage);
docs/fuzzing.md lists how each test was seen to fail without its guard.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.hostile_pdfs import presskit_pdf, with_attached_bytes, with_string_attachment
from tests.test_cli import presskit


@pytest.fixture
def release(tmp_path: Path, example_path: Path) -> Path:
    folder = tmp_path / "work"
    shutil.copytree(example_path.parent, folder)
    return folder / "release.md"


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from presskit.bundled import example_release_path

    return presskit_pdf(example_release_path(), tmp_path_factory.mktemp("pdf") / "example.pdf")


def test_export_does_not_write_through_a_symlink(release: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    link = tmp_path / "out.txt"
    link.symlink_to(victim)
    done = presskit("export", str(release), "--text", str(link))
    assert done.returncode == 1, done.stderr
    assert "symbolic link" in done.stderr and "Traceback" not in done.stderr
    assert victim.read_text() == "precious\n"
    assert link.is_symlink() and os.readlink(link) == str(victim)


def test_export_does_not_create_a_file_through_a_dangling_symlink(
    release: Path, tmp_path: Path
) -> None:
    link = tmp_path / "out.html"
    link.symlink_to(tmp_path / "elsewhere.html")
    done = presskit("export", str(release), "--html", str(link))
    assert done.returncode == 1, done.stderr
    assert not (tmp_path / "elsewhere.html").exists()


def test_export_never_overwrites_its_own_source(release: Path) -> None:
    notes = release.with_name("notes.txt")
    shutil.copy(release, notes)
    before = notes.read_bytes()
    done = presskit("export", str(notes), "--text")
    assert done.returncode == 1, done.stderr
    assert "is the file being exported" in done.stderr
    assert notes.read_bytes() == before


def test_a_batch_refuses_two_sources_writing_one_output(release: Path, tmp_path: Path) -> None:
    other = tmp_path / "other" / "release.md"
    shutil.copytree(release.parent, other.parent)
    out = tmp_path / "out"
    done = presskit("export", str(release), str(other), "--text", str(out))
    assert done.returncode == 2, done.stderr
    assert "would all be written here" in done.stderr
    assert "wrote" not in done.stdout
    assert list(out.iterdir()) == []


def test_extract_explains_a_damaged_pdf(example_pdf: Path, tmp_path: Path) -> None:
    damaged = with_string_attachment(example_pdf, tmp_path / "damaged.pdf")
    done = presskit("extract", str(damaged), "-o", str(tmp_path / "out.md"))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"{damaged}: the PDF is damaged")
    assert not (tmp_path / "out.md").exists()


def test_extract_writes_only_a_release(example_pdf: Path, tmp_path: Path) -> None:
    elf = b"\x7fELF\x02\x01\x01" + bytes(200)
    hostile = with_attached_bytes(example_pdf, tmp_path / "hostile.pdf", elf)
    done = presskit("extract", str(hostile), "-o", str(tmp_path / "out.md"))
    assert done.returncode == 2, done.stderr
    assert "attached release" in done.stderr and "not a text file" in done.stderr
    assert not (tmp_path / "out.md").exists()


def test_extract_does_not_write_through_a_dangling_symlink(
    example_pdf: Path, tmp_path: Path
) -> None:
    link = tmp_path / "example.md"
    link.symlink_to(tmp_path / "created-elsewhere.md")
    done = presskit("extract", str(example_pdf), "-o", str(link), "--force")
    assert done.returncode == 1, done.stderr
    assert "symbolic link" in done.stderr
    assert not (tmp_path / "created-elsewhere.md").exists()
    refused = presskit("extract", str(example_pdf), "-o", str(link))  # without --force
    assert refused.returncode == 2 and "already exists" in refused.stderr
    assert not (tmp_path / "created-elsewhere.md").exists()


def test_extract_still_writes_a_good_release(example_pdf: Path, tmp_path: Path) -> None:
    done = presskit("extract", str(example_pdf), "-o", str(tmp_path / "back.md"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "back.md").read_text(encoding="utf-8").startswith("---\n")
