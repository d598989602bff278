"""Importing contacts files in bulk: streamed into one transaction, with progress and stop.

Stopping (the editor's Cancel) leaves the library exactly as it was: every contact or none.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from presskit.library.bulk_import import import_contact_files
from presskit.library.database import Library
from presskit.model.library import LibraryContact

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
from library_corpus import vcards


@pytest.fixture
def library(tmp_path: Path):
    with Library(tmp_path / "library.sqlite") as library:
        library.add_contact(LibraryContact(name="Already There"))
        yield library


def test_import_reports_progress_and_skips_what_is_there(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "press.vcf"
    path.write_bytes(vcards(1200))
    seen: list[tuple[int, int]] = []
    report = import_contact_files(library, [path], progress=lambda *p: seen.append(p))
    assert (report.read, report.added, report.skipped, report.cancelled) == (1200, 1200, 0, False)
    assert seen[0] == (250, 1200) and seen[-1] == (1200, 1200)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert len(library.list_contacts()) == 1201
    again = import_contact_files(library, [path])
    assert (again.read, again.added, again.skipped) == (1200, 0, 1200)


def test_stopping_leaves_the_library_unchanged(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "press.vcf"
    path.write_bytes(vcards(1000))
    before = library.list_contacts()
    calls = 0

    def stop() -> bool:
        nonlocal calls
        calls += 1
        return calls > 600  # Cancel pressed after 600 cards were already written

    report = import_contact_files(library, [path], stop=stop)
    assert report.cancelled and report.read == 600 and report.added == 0
    assert library.list_contacts() == before
    library.add_contact(LibraryContact(name="Still Writable"))  # the transaction was closed


def test_problems_of_every_file_are_reported(library: Library, tmp_path: Path) -> None:
    good = tmp_path / "good.vcf"
    good.write_bytes(vcards(3))
    report = import_contact_files(library, [good, tmp_path / "missing.vcf"])
    assert report.added == 3
    assert [str(p) for p in report.problems] == [f"{tmp_path / 'missing.vcf'}: no such file"]
