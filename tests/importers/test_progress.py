"""A long source reports progress within its long stages, and Cancel stops it there."""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.importers import ImportCancelled, import_file


@pytest.fixture(scope="module")
def long_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import docx

    path = tmp_path_factory.mktemp("long") / "long.docx"
    word = docx.Document()
    word.add_paragraph("A Long Report", style="Title")
    for number in range(1200):
        word.add_paragraph(f"Paragraph {number} of the report says something about item {number}.")
    word.save(path)
    return path


def test_reading_and_scoring_report_as_they_go(long_docx: Path) -> None:
    seen: list[tuple[float, str]] = []
    import_file(long_docx, lambda fraction, message: seen.append((fraction, message)))
    fractions = [fraction for fraction, _ in seen]
    assert fractions == sorted(fractions)
    reading = [m for f, m in seen if 0.05 <= f < 0.55]
    scoring = [f for f, m in seen if 0.6 < f < 0.9]
    assert len(reading) >= 4 and reading[1] == "Reading paragraph 251"
    assert len(scoring) >= 4


def test_cancel_while_scoring_stops_the_import(long_docx: Path) -> None:
    def progress(fraction: float, message: str) -> None:
        if fraction > 0.7:
            raise ImportCancelled

    with pytest.raises(ImportCancelled):
        import_file(long_docx, progress)
