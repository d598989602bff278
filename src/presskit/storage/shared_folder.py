"""Releases on a shared or synced folder: who has a release open, and sync tools' conflict copies.

    lock = ReleaseLock(path)            # "release.md.presskit-lock" beside the release
    other = lock.acquire()              # None: it is ours now; else who has it open
    other.describe()                    # "open by Jana on LAPTOP-3 since 10:42"
    lock.refresh(); lock.release()

The lock is a small JSON file beside the release, so it travels with the folder through
Nextcloud, Dropbox, OneDrive, a network drive or git. It is written atomically. It is stale,
and taken over, when its Presskit is gone: on the same computer, when that process no longer
runs; from another computer, when it has not been refreshed for :data:`STALE_AFTER` (an open
editor refreshes it every few minutes).

:func:`conflict_copies` finds the copies sync tools make when two people saved the same
release: ``release (conflicted copy 2026-12-02).md`` (Dropbox, Nextcloud),
``release.sync-conflict-20261202-104200-ABCDEF7.md`` (Syncthing),
``release_conflict-20261202-104200.md`` (ownCloud), ``release (SFConflict ...).md`` (Seafile),
``release-LAPTOP-3.md`` (OneDrive, only with a computer name named by ``hosts``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import re
import socket
from dataclasses import dataclass
from pathlib import Path

from presskit.storage.atomic import write_atomic
from presskit.storage.processes import process_running

LOCK_SUFFIX = ".presskit-lock"
STALE_AFTER = dt.timedelta(minutes=30)
REFRESH_EVERY = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class LockInfo:
    """Who holds a release open: the person, the computer, the process and since when."""

    user: str
    host: str
    pid: int
    since: dt.datetime
    seen: dt.datetime  # the last refresh

    def describe(self, tz: dt.tzinfo | None = None) -> str:
        """``open by Jana on LAPTOP-3 since 10:42`` (the date too when not today)."""
        local = self.since.astimezone(tz)
        now = dt.datetime.now(tz=local.tzinfo)
        when = (
            local.strftime("%H:%M")
            if local.date() == now.date()
            else local.strftime("%Y-%m-%d %H:%M")
        )
        return f"open by {self.user or 'someone'} on {self.host or 'another computer'} since {when}"

    def to_json(self) -> str:
        return json.dumps(
            {
                "user": self.user,
                "host": self.host,
                "pid": self.pid,
                "since": self.since.isoformat(),
                "seen": self.seen.isoformat(),
                "app": "presskit",
            },
            ensure_ascii=False,
        )


def me(now: dt.datetime | None = None) -> LockInfo:
    now = now or dt.datetime.now(dt.UTC)
    try:
        user = os.environ.get("PRESSKIT_USER_NAME") or getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or password database
        user = ""
    return LockInfo(user, socket.gethostname(), os.getpid(), now, now)


def read_lock(path: Path) -> LockInfo | None:
    """The lock file's holder, or None when there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockInfo(
            str(data.get("user", "")),
            str(data.get("host", "")),
            int(data.get("pid", 0)),
            dt.datetime.fromisoformat(data["since"]),
            dt.datetime.fromisoformat(data.get("seen", data["since"])),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def is_stale(info: LockInfo, now: dt.datetime | None = None) -> bool:
    """Whether the Presskit that wrote the lock is gone (see the module's docstring)."""
    now = now or dt.datetime.now(dt.UTC)
    if info.host == socket.gethostname():
        return not process_running(info.pid)
    return now - info.seen > STALE_AFTER


class ReleaseLock:
    """The lock of one release file, held by this Presskit while the release is open."""

    def __init__(self, release: Path):
        self.release = Path(release)
        self.path = self.release.with_name(self.release.name + LOCK_SUFFIX)
        self.mine: LockInfo | None = None

    def holder(self) -> LockInfo | None:
        """Someone else who has the release open now (a stale lock is no one)."""
        info = read_lock(self.path)
        if info is None or self._is_mine(info) or is_stale(info):
            return None
        return info

    def _is_mine(self, info: LockInfo) -> bool:
        return info.host == socket.gethostname() and info.pid == os.getpid()

    def acquire(self) -> LockInfo | None:
        """Take the lock; returns the other holder instead when someone has it open."""
        other = self.holder()
        if other is not None:
            return other
        self.mine = me()
        self._write()
        return None

    def refresh(self) -> None:
        """Tell others we are still here (an open editor calls this every few minutes)."""
        if self.mine is not None:
            self.mine = LockInfo(
                self.mine.user,
                self.mine.host,
                self.mine.pid,
                self.mine.since,
                dt.datetime.now(dt.UTC),
            )
            self._write()

    def release_lock(self) -> None:
        """Remove the lock if it is ours."""
        if self.mine is None:
            return
        info = read_lock(self.path)
        if info is None or self._is_mine(info):
            with contextlib.suppress(OSError):
                self.path.unlink()
        self.mine = None

    def _write(self) -> None:
        if self.mine is not None:
            with contextlib.suppress(OSError):  # a read-only folder: no lock, still editable
                write_atomic(self.path, self.mine.to_json().encode("utf-8"))


_CONFLICT_PATTERNS = (
    r"{stem} \((?:[^()]*'s )?conflicted copy[^()]*\){ext}",  # Dropbox, Nextcloud
    r"{stem} \(conflict(?:ed)? copy[^()]*\){ext}",
    r"{stem}\.sync-conflict-\d{{8}}-\d{{6}}(?:-[A-Z0-9]+)?{ext}",  # Syncthing
    r"{stem}_conflict-\d{{8}}-\d{{6}}{ext}",  # ownCloud
    r"{stem} \(SFConflict [^()]*\){ext}",  # Seafile
)


def conflict_copies(release: Path, hosts: tuple[str, ...] = ()) -> list[Path]:
    """Sync tools' conflict copies of ``release`` in its folder, oldest first."""
    release = Path(release)
    stem, ext = re.escape(release.stem), re.escape(release.suffix)
    patterns = [re.compile(p.format(stem=stem, ext=ext), re.IGNORECASE) for p in _CONFLICT_PATTERNS]
    patterns += [re.compile(f"{stem}-{re.escape(host)}{ext}", re.IGNORECASE) for host in hosts]
    try:
        siblings = list(release.parent.iterdir())
    except OSError:
        return []
    found = [p for p in siblings if p != release and any(r.fullmatch(p.name) for r in patterns)]
    return sorted(found, key=lambda p: (p.stat().st_mtime if p.exists() else 0, p.name))
