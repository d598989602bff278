"""Files changed behind the editor's back, and the errors people really hit: nothing lost."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from presskit.storage import load_release
from presskit.ui.main_window import MainWindow
from tests.ui.conftest import answer_dialog, choose_file, press
from tests.ui.test_main_window import field, replace_text


def _edit_on_disk(path: Path, headline: str) -> None:
    text = path.read_text().replace(
        "headline: 'US: Ban Landmine Use Everywhere, Korea Included'", f"headline: {headline}"
    )
    path.write_text(text)  # as another editor does: in place


def test_a_change_on_disk_can_be_reloaded(qtbot, window: MainWindow) -> None:
    path = window.doc.path
    asked = answer_dialog(press("Reload"))
    _edit_on_disk(path, "Changed in another editor")
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert "release.md was changed by another program" in asked[0]
    qtbot.waitUntil(lambda: field(window, "headline").text() == "Changed in another editor")
    assert not window.isWindowModified()


def test_keeping_my_version_is_never_silently_overwritten(qtbot, window: MainWindow) -> None:
    path = window.doc.path
    replace_text(qtbot, field(window, "headline"), "My unsaved headline")
    asked = answer_dialog(press("Keep My Version"))
    _edit_on_disk(path, "Their headline")
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert "lose your unsaved changes" in asked[0]
    assert field(window, "headline").text() == "My unsaved headline"
    assert load_release(path).release.headline == "Their headline"  # not overwritten
    assert window.isWindowModified()
    assert window.files.save()  # the user saves, knowingly
    assert load_release(path).release.headline == "My unsaved headline"


def test_our_own_saves_are_not_reported(qtbot, window: MainWindow) -> None:
    replace_text(qtbot, field(window, "headline"), "Saved here")
    asked = answer_dialog(press("Reload"), timeout_ms=1_500)
    assert window.files.save()
    qtbot.wait(1_000)
    assert asked == []


def test_a_deleted_file_keeps_the_work_and_marks_it_unsaved(qtbot, window: MainWindow) -> None:
    path = window.doc.path
    os.unlink(path)
    qtbot.waitUntil(window.isWindowModified, timeout=10_000)
    assert "deleted or moved" in window.statusBar().currentMessage()
    assert window.files.save()
    assert load_release(path).release.headline == window.doc.model.headline


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
        (PermissionError(errno.EACCES, "Permission denied"), "Permission denied"),
        (OSError(errno.EROFS, "Read-only file system"), "Read-only file system"),
    ],
)
def test_save_errors_explain_and_lose_nothing(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, error: OSError, expected: str
) -> None:
    path = window.doc.path
    before = path.read_bytes()
    replace_text(qtbot, field(window, "headline"), "Work that must not be lost")

    def fail(*_args: object) -> None:  # the OS boundary: the disk refuses the write
        raise error

    monkeypatch.setattr("presskit.storage.atomic.os.replace", fail)
    shown = answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Ok).click())
    assert not window.files.save()
    assert shown and f"{path} could not be written: {expected}" in shown[0]
    assert "Save As" in shown[0]
    assert path.read_bytes() == before
    assert window.doc.model.headline == "Work that must not be lost"
    assert window.isWindowModified()
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_the_folder_gone_while_open_keeps_the_work_and_save_as_rescues_it(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    # A USB stick pulled, a network drive gone: the whole folder disappears under the editor.
    path = window.doc.path
    replace_text(qtbot, field(window, "headline"), "Written before the drive went away")
    shutil.rmtree(path.parent)
    shown = answer_dialog(press("OK"))
    assert not window.files.save()
    assert shown and f"{path} could not be written: No such file or directory" in shown[0]
    assert "Save As" in shown[0]
    assert window.doc.model.headline == "Written before the drive went away"
    assert window.isWindowModified()
    rescued = tmp_path / "rescued" / "release.md"
    rescued.parent.mkdir()
    answer_dialog(choose_file(rescued))
    assert window.files.save_as()
    assert load_release(rescued).release.headline == "Written before the drive went away"
    assert not window.isWindowModified()


@contextlib.contextmanager
def _unreadable(path: Path) -> Iterator[None]:
    """A file at ``path`` that open() refuses even for root (a Unix socket: ENXIO), as a file
    without read permission refuses an ordinary user. Tests here often run as root."""
    path.unlink(missing_ok=True)
    cwd = Path.cwd()
    os.chdir(path.parent)  # bind a short relative name: socket paths are limited to 108 bytes
    try:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(path.name)
            yield
    finally:
        os.chdir(cwd)
        path.unlink(missing_ok=True)


def test_choosing_a_logo_that_cannot_be_read_explains_and_changes_nothing(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    picker = window.form.organization.logo
    before = window.doc.model.organization.logo
    locked = window.doc.path.parent / "locked.png"
    locked.write_bytes(b"\x89PNG not really")
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anything: the file system answers as it would a user
        real_open = os.open

        def refuse(path, *args, **kwargs):
            if Path(path) == locked:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr("presskit.render.sandbox.os.open", refuse)
    shown = answer_dialog(press("OK"))
    picker.use_file(locked)
    qtbot.waitUntil(lambda: bool(shown), timeout=5_000)
    assert (
        f"cannot use {locked}: cannot read locked.png (Permission denied): make it readable "
        "or choose another image." in shown[0]
    )
    assert window.doc.model.organization.logo == before
    assert not window.isWindowModified()


def test_a_logo_that_is_a_fifo_never_hangs_the_editor(qtbot, window: MainWindow) -> None:
    # Opening a FIFO blocks until someone writes to it: the thumbnail must not try.
    picker = window.form.organization.logo
    os.mkfifo(window.doc.path.parent / "pipe.png")
    replace_text(qtbot, picker.edit, "pipe.png")
    assert picker.thumbnail.text() == "unreadable"
    assert "not a regular file" in picker.thumbnail.toolTip()


def test_a_logo_that_becomes_unreadable_is_named_in_the_preview_and_thumbnail(
    qtbot, window: MainWindow
) -> None:
    picker = window.form.organization.logo
    with _unreadable(window.doc.path.parent / "locked.png"):
        replace_text(qtbot, picker.edit, "locked.png")
        banner = window.preview.banner
        qtbot.waitUntil(
            lambda: banner.isVisible() and "locked.png" in banner.text(), timeout=60_000
        )
        assert banner.text() == (
            "Left out of the pages: cannot read locked.png (No such device or address): "
            "make it readable or choose another image"
        )
        assert picker.thumbnail.text() == "unreadable"
        assert "No such device or address" in picker.thumbnail.toolTip()
    assert window.doc.model.organization.logo == "locked.png"  # kept, to fix the file later
