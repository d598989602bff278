"""The editor and hostile files (issue 11): opening a damaged Presskit PDF shows a message,
and the editor neither aborts nor loses the open document (``presskit FILE.pdf`` aborted with
exit 134 on an attachment whose ``/F`` is a string, the AttributeError escaping a Qt slot);
an export never writes through a symbolic link."""

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


def test_the_editor_does_not_export_through_a_symlink(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """The editor writes outputs through the same guard as the CLI (storage.atomic)."""
    victim = tmp_path / "victim.pdf"
    victim.write_bytes(b"precious")
    link = tmp_path / "release.pdf"
    link.symlink_to(victim)
    with qtbot.waitSignal(window.exports.message, timeout=60_000) as said:
        window.exports.export_to("pdf", link)
    assert "symbolic link" in said.args[0]
    assert victim.read_bytes() == b"precious" and link.is_symlink()
