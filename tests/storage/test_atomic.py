"""Atomic writes: the old file stays whole until the new one is complete."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from presskit.storage.atomic import write_atomic


def test_write_replaces_content_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "release.md"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release.md"]


def test_new_file_gets_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "fresh.md", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "fresh.md").stat().st_mode & 0o777 == 0o644


def test_failed_write_leaves_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "release.md"
    target.write_bytes(b"precious")

    def disk_full(fd: int) -> None:  # the OS boundary: fsync is where a full disk shows
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"half-written")
    assert target.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release.md"]


def test_a_read_only_file_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The rename needs only the folder's permission, so it would override the file's own.
    target = tmp_path / "release.md"
    target.write_bytes(b"protected")
    target.chmod(0o444)
    if os.geteuid() == 0:  # root may write anything: ask as an ordinary user would be told
        real_access = os.access
        monkeypatch.setattr(
            "presskit.storage.atomic.os.access",
            lambda path, mode: mode != os.W_OK and real_access(path, mode),
        )
    with pytest.raises(PermissionError, match="read-only"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"protected"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release.md"]


def test_saving_through_a_symlink_replaces_the_file_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "release.md"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "release.md"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert sorted(p.name for p in real.parent.iterdir()) == ["release.md"]
