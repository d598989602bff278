"""Atomic file writes: the file on disk is always the complete old or the complete new version.

We write to a temporary file in the same folder (so the final rename never crosses a file
system), flush and fsync it, then ``os.replace`` it over the target and fsync the folder so the
rename itself survives a power cut.

A save killed half-way (a crash, a power cut, SIGKILL) leaves its temporary file behind,
``.release.md.k3j9x_2a.tmp``. The next save of the same file removes such leftovers, but only
those whose writer is gone: every writer holds an exclusive ``flock`` on its temporary until
the rename, and the kernel drops that lock when the process dies, so a temporary we can lock
is abandoned, while one we cannot is another process's save in progress (a second Presskit
window saving the same file) and is left alone. Where there is no ``flock`` (Windows, where
an open file cannot be deleted anyway) only leftovers older than an hour are removed.

Outputs (a PDF, a web page, a text, an extracted release) go through :func:`write_output`,
the one place with the guards DESIGN.md asks for: an output never follows a symbolic link
(the link is refused, and the rename would replace the link, never its target), never
replaces one of its own sources, and never goes through a dangling link.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

ABANDONED_AFTER_SECONDS = 3600.0
"""Without locks, a temporary this old is abandoned: no save takes an hour."""

_MAX_CLAIM_ATTEMPTS = 10


class OutputRefused(OSError):
    """An output Presskit will not write (a symbolic link, its own source). Its text is the
    reason, so ``f"{path}: cannot write: {exc.strerror or exc}"`` reads well."""


def write_output(
    path: str | os.PathLike[str], data: bytes, sources: tuple[str | os.PathLike[str], ...] = ()
) -> None:
    """Write an output file atomically; raise OutputRefused instead of following a symbolic
    link at ``path`` (even a dangling one) or replacing any of ``sources``."""
    target = Path(os.path.abspath(path))
    if target.is_symlink():
        raise OutputRefused(
            f"{path} is a symbolic link; Presskit does not write outputs through links "
            "(remove the link or choose another name)"
        )
    for source in sources:
        if _same_file(target, Path(source)):
            raise OutputRefused(f"{path} is the file being exported; it would be overwritten")
    write_atomic(target, data, follow_symlinks=False)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return os.path.realpath(a) == os.path.realpath(b)


def write_atomic(
    path: str | os.PathLike[str], data: bytes, *, follow_symlinks: bool = True
) -> None:
    """Replace the file at ``path`` with ``data`` in one step, keeping its permissions.

    A symbolic link is followed (a release file kept elsewhere and linked into a folder): the
    file it points to is replaced and the link stays. Outputs use :func:`write_output`, which
    does not follow links.
    """
    target = Path(os.path.realpath(path) if follow_symlinks else os.path.abspath(path))
    folder = target.parent if str(target.parent) else Path(".")
    mode = _existing_mode(target)
    # The rename would replace a file the user may not write (it needs only the folder's
    # permission): refuse, as an in-place write would, instead of overriding a read-only file.
    if target.exists() and not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, "the file is read-only", str(target))
    remove_abandoned_temporaries(target)
    fd, tmp_name = _claim_temporary(target, folder)
    try:
        with os.fdopen(fd, "wb", closefd=False) as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        if mode is not None:
            os.chmod(tmp_name, mode)
        if fcntl is None:
            os.close(fd)  # Windows cannot rename an open file (and has no lock to keep)
            fd = -1
        # With flock the file stays open, and so locked, until it has its final name: a
        # clean-up in another process must never take it for an abandoned temporary.
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    finally:
        if fd >= 0:
            os.close(fd)
    _fsync_folder(folder)


def temporary_pattern(target: Path) -> re.Pattern[str]:
    """The names :func:`write_atomic` gives its temporaries for ``target`` (mkstemp's form)."""
    return re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.tmp")


def remove_abandoned_temporaries(path: str | os.PathLike[str]) -> list[Path]:
    """Delete the temporaries of saves of ``path`` that were killed half-way; returns them.

    Never raises: a leftover that cannot be removed is only clutter, and must not stop a save.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    pattern = temporary_pattern(target)
    removed: list[Path] = []
    try:
        entries = [entry for entry in os.scandir(folder) if pattern.fullmatch(entry.name)]
    except OSError:
        return removed
    for entry in entries:
        candidate = folder / entry.name
        with contextlib.suppress(OSError):
            if _remove_if_abandoned(candidate):
                removed.append(candidate)
    return removed


def _remove_if_abandoned(candidate: Path) -> bool:
    if fcntl is None:
        if time.time() - candidate.lstat().st_mtime < ABANDONED_AFTER_SECONDS:
            return False
        candidate.unlink()
        return True
    fd = os.open(candidate, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # its writer is alive and still writing
        # Unlink only the file we locked, not one that took its name meanwhile.
        if not os.path.samestat(os.fstat(fd), candidate.lstat()):
            return False
        candidate.unlink()
        return True
    finally:
        os.close(fd)  # releases our lock


def _claim_temporary(target: Path, folder: Path) -> tuple[int, str]:
    """A new temporary file next to ``target``, open and (where possible) locked by us."""
    for _ in range(_MAX_CLAIM_ATTEMPTS):
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        if fcntl is None:
            return fd, tmp_name
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            # Between mkstemp and flock another save's clean-up locked the new file to
            # remove it as abandoned: leave it to that clean-up and take another name.
            os.close(fd)
            continue
        except OSError:
            return fd, tmp_name  # no locks on this file system: save all the same, unlocked
        try:
            if os.path.samestat(os.fstat(fd), os.lstat(tmp_name)):
                return fd, tmp_name
        except FileNotFoundError:
            pass  # that clean-up already removed it
        os.close(fd)
    raise OSError(f"cannot create a temporary file next to {target}")


def _existing_mode(target: Path) -> int | None:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        # mkstemp creates 0600; a new release should get the usual 0666 minus the umask.
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    # Not every platform lets you open a directory (Windows does not); the rename is still
    # atomic there, only its durability across a power cut is weaker.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
