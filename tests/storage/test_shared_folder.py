"""Release locks and sync tools' conflict copies (storage/shared_folder.py).

The second person is a real second process holding the lock, or a lock file written as
another computer's Presskit writes it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from presskit.storage.shared_folder import (
    LOCK_SUFFIX,
    STALE_AFTER,
    LockInfo,
    ReleaseLock,
    conflict_copies,
    read_lock,
)
from tests.conftest import REPO


def _foreign_lock(release: Path, seen_minutes_ago: float) -> None:
    since = dt.datetime.now(dt.UTC).replace(hour=10, minute=42, second=0, microsecond=0)
    seen = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=seen_minutes_ago)
    info = LockInfo("Jana", "LAPTOP-3", 4242, since, seen)
    release.with_name(release.name + LOCK_SUFFIX).write_text(info.to_json(), encoding="utf-8")


@pytest.fixture
def release(tmp_path: Path) -> Path:
    path = tmp_path / "release.md"
    path.write_text("---\nheadline: Hi\n---\nBody\n", encoding="utf-8")
    return path


def test_a_lock_is_taken_refreshed_and_given_back(release: Path) -> None:
    lock = ReleaseLock(release)
    assert lock.acquire() is None
    held = read_lock(lock.path)
    assert held is not None and held.pid == os.getpid()
    before = held.seen
    time.sleep(0.01)
    lock.refresh()
    assert read_lock(lock.path).seen > before
    lock.release_lock()
    assert not lock.path.exists()


def test_a_second_person_sees_who_has_it_open(release: Path) -> None:
    _foreign_lock(release, seen_minutes_ago=2)
    other = ReleaseLock(release).acquire()
    assert other is not None
    assert other.describe(dt.UTC) == "open by Jana on LAPTOP-3 since 10:42"
    assert json.loads(release.with_name("release.md" + LOCK_SUFFIX).read_text())["user"] == "Jana"


def test_a_lock_from_another_computer_not_refreshed_for_long_is_stale(release: Path) -> None:
    _foreign_lock(release, seen_minutes_ago=STALE_AFTER.total_seconds() / 60 + 1)
    lock = ReleaseLock(release)
    assert lock.acquire() is None
    assert read_lock(lock.path).pid == os.getpid()


def test_a_lock_of_a_killed_presskit_on_this_computer_is_stale(release: Path) -> None:
    code = (
        "import sys, time; from pathlib import Path; "
        "from presskit.storage.shared_folder import ReleaseLock; "
        "assert ReleaseLock(Path(sys.argv[1])).acquire() is None; print('held', flush=True); "
        "time.sleep(60)"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(release)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        other = ReleaseLock(release).acquire()
        assert other is not None and other.pid == holder.pid
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
    lock = ReleaseLock(release)
    assert lock.acquire() is None  # the killed Presskit's lock is recognised as stale
    assert read_lock(lock.path).pid == os.getpid()


def test_conflict_copies_of_sync_tools_are_recognised(release: Path) -> None:
    names = [
        "release (conflicted copy 2026-12-02).md",
        "release (Jana's conflicted copy 2026-12-02).md",
        "release (conflicted copy 2026-12-02 104200).md",
        "release.sync-conflict-20261202-104200-ABCDEF7.md",
        "release_conflict-20261202-104200.md",
        "release (SFConflict jana@example.org 2026-12-02-10-42-00).md",
    ]
    others = ["release (1).md", "release-notes.md", "other (conflicted copy 2026-12-02).md"]
    for name in names + others + ["release-LAPTOP-3.md"]:
        (release.parent / name).write_text("x", encoding="utf-8")
    assert sorted(p.name for p in conflict_copies(release)) == sorted(names)
    found = conflict_copies(release, hosts=("LAPTOP-3",))
    assert "release-LAPTOP-3.md" in {p.name for p in found}
