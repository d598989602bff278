"""Opening a damaged Presskit PDF shows a message; the editor neither aborts nor loses the
open document (issue 11: ``presskit FILE.pdf`` aborted with exit 134 on an attachment whose
``/F`` is a string, the AttributeError escaping a Qt slot)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from presskit.ui.main_window import MainWindow
from tests.hostile_pdfs import presskit_pdf, with_attached_bytes, with_string_attachment
from tests.ui.conftest import answer_dialog, click


def test_opening_a_damaged_pdf_says_why(
    qtbot, window: MainWindow, tmp_path: Path, example_path: Path
) -> None:
    good = presskit_pdf(example_path, tmp_path / "good.pdf")
    headline = window.doc.model.headline
    for damaged in (
        with_string_attachment(good, tmp_path / "damaged.pdf"),
        with_attached_bytes(good, tmp_path / "binary.pdf", b"\x7fELF" + bytes(64)),
    ):
        seen = answer_dialog(click(QMessageBox.StandardButton.Ok))
        assert window.files.open_path(damaged, confirmed=True) is False
        qtbot.waitUntil(lambda seen=seen: bool(seen), timeout=10_000)
        assert "could not be opened" in seen[0]
        assert window.doc.model.headline == headline  # the open document is unchanged
    assert "damaged" in seen[0] or "not a text file" in seen[0]
