"""Every output path that is a symbolic link is refused, and the file it points to is left as
it was: the kit's exports, email drafts, XLIFF files and vCard exports all go through
``storage/atomic.write_output`` (docs/fuzzing.md lists the guard and these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.cli import main as presskit
from presskit.library.database import Library
from presskit.model.library import LibraryContact
from tests.conftest import REPO
from tests.kit.builder import build_kit
from tests.sending.conftest import RELEASE, SENDER, recipients_csv

PRECIOUS = b"someone else's file\n"


def _link_to_precious(tmp_path: Path, link: Path) -> Path:
    """A file outside the output's folder, and ``link`` pointing to it; returns the file."""
    precious = tmp_path / "elsewhere" / "precious.txt"
    precious.parent.mkdir(exist_ok=True)
    precious.write_bytes(PRECIOUS)
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(precious)
    return precious


@pytest.mark.parametrize("option", ["--zip", "--pdf"])
def test_kit_export_refuses_a_linked_output(
    option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit_file = build_kit(tmp_path / "kit")
    out = tmp_path / "out" / "press-kit.bin"
    precious = _link_to_precious(tmp_path, out)
    assert presskit(["kit", "export", str(kit_file), option, str(out)]) != 0
    assert "symbolic link" in capsys.readouterr().err
    assert precious.read_bytes() == PRECIOUS and out.is_symlink()


def test_drafts_refuse_a_linked_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    recipients = recipients_csv(tmp_path / "list.csv", 3)
    drafts = tmp_path / "drafts"
    precious = _link_to_precious(tmp_path, drafts / "j0002@outlet2.example.eml")
    library = tmp_path / "lib.sqlite"
    status = presskit(["send", str(RELEASE), "--from", SENDER, "--recipients", str(recipients),
                       "--drafts", str(drafts), "--library", str(library)])  # fmt: skip
    assert status != 0
    assert "symbolic link" in capsys.readouterr().err
    assert precious.read_bytes() == PRECIOUS
    assert (drafts / "j0002@outlet2.example.eml").is_symlink()


def test_xliff_export_refuses_a_linked_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = REPO / "resources" / "examples" / "ban-landmines" / "release.md"
    out = tmp_path / "out" / "release.de-DE.xlf"
    precious = _link_to_precious(tmp_path, out)
    assert presskit(["xliff", "export", str(release), "--to", "de-DE", "-o", str(out)]) != 0
    assert "symbolic link" in capsys.readouterr().err
    assert precious.read_bytes() == PRECIOUS and out.is_symlink()


def test_contacts_export_refuses_a_linked_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library_file = tmp_path / "library.sqlite"
    with Library(library_file) as library:
        library.add_contact(LibraryContact(name="Jody Williams", emails=["jody@icbl.example"]))
    out = tmp_path / "out" / "contacts.vcf"
    precious = _link_to_precious(tmp_path, out)
    assert presskit(["contacts", "export", str(out), "--library", str(library_file)]) != 0
    assert "symbolic link" in capsys.readouterr().err
    assert precious.read_bytes() == PRECIOUS and out.is_symlink()


def test_review_accept_all_refuses_a_linked_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from presskit.review.docx_writer import release_docx
    from presskit.storage import load_release

    release = tmp_path / "release.md"
    release.write_bytes(
        (REPO / "resources" / "examples" / "ban-landmines" / "release.md").read_bytes()
    )
    reviewed = tmp_path / "reviewed.docx"
    reviewed.write_bytes(release_docx(load_release(release).release))
    out = tmp_path / "out" / "accepted.md"
    precious = _link_to_precious(tmp_path, out)
    status = presskit(["review", str(release), str(reviewed), "--accept-all", "-o", str(out)])
    assert status != 0
    assert "symbolic link" in capsys.readouterr().err
    assert precious.read_bytes() == PRECIOUS and out.is_symlink()
