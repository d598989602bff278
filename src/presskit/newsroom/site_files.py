"""Writing and removing the site's files: each write atomic (a web server serving the folder
never sends a half-written page), an unchanged file left untouched (its time stays, so sync
tools and caches see no change), and never through a symbolic link.

Only names the build made are ever written or removed: relative, below the site folder, no
``..``, no hidden names.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from presskit.storage.atomic import write_atomic


class SiteFileError(OSError):
    """A site file that cannot be written or removed, with the file's name."""


def is_site_name(name: str) -> bool:
    """Whether ``name`` is a file name the build could have made (so may replace or remove)."""
    path = PurePosixPath(name)
    return (
        bool(name)
        and "\\" not in name
        and not path.is_absolute()
        and all(part not in ("", ".", "..") and not part.startswith(".") for part in path.parts)
    )


class SiteWriter:
    """Writes into one site folder; counts what it wrote and removed."""

    def __init__(self, root: Path):
        self.root = root
        self.written: list[str] = []
        self.removed: list[str] = []

    def _target(self, name: str) -> Path:
        if not is_site_name(name):
            raise SiteFileError(f"{name}: not a name the newsroom writes")
        target = self.root.joinpath(*PurePosixPath(name).parts)
        for parent in list(target.parents)[: len(PurePosixPath(name).parts) - 1]:
            if parent.is_symlink():
                raise SiteFileError(
                    f"{parent}: is a symbolic link; the site's folders must be real folders"
                )
        return target

    def write(self, name: str, data: bytes) -> bool:
        """Write ``data`` as ``name`` unless it holds exactly that; True when written."""
        target = self._target(name)
        try:
            if target.is_symlink():
                target.unlink()  # replace the link itself, never the file it points to
            elif self.holds(target, data):
                return False
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, data)
        except OSError as exc:
            raise SiteFileError(f"{target}: cannot write: {exc.strerror or exc}") from None
        self.written.append(name)
        return True

    def write_text(self, name: str, text: str) -> bool:
        return self.write(name, text.encode("utf-8"))

    @staticmethod
    def holds(target: Path, data: bytes) -> bool:
        """Whether ``target`` is a file holding exactly ``data``."""
        return (
            target.is_file()
            and target.stat().st_size == len(data)
            and (target.read_bytes() == data)
        )

    def remove(self, name: str) -> None:
        """Remove ``name`` (a file the build made) if it is there."""
        target = self._target(name)
        try:
            if target.is_symlink() or target.is_file():
                target.unlink()
                self.removed.append(name)
            self._remove_empty_folders(target.parent)
        except OSError as exc:
            raise SiteFileError(f"{target}: cannot remove: {exc.strerror or exc}") from None

    def _remove_empty_folders(self, folder: Path) -> None:
        while folder != self.root and folder.is_relative_to(self.root):
            try:
                folder.rmdir()  # only when empty
            except OSError:
                return
            folder = folder.parent

    def existing(self, folder: str) -> list[str]:
        """The files now in one of the build's own folders (``releases``), as site names."""
        base = self.root / folder
        if base.is_symlink() or not base.is_dir():
            return []
        names = []
        for root, dirs, files in os.walk(base):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            relative = Path(root).relative_to(self.root).as_posix()
            names += [f"{relative}/{f}" for f in files if not f.startswith(".")]
        return names
