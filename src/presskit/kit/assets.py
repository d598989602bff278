"""Every file a kit names is read here: only regular files inside the kit's folder.

A kit names its photos, logos and releases by paths relative to the kit file. Refused, each
with a message that says what to do: an empty path, an address on the web, an absolute path,
a path with ``..`` (``../../x.jpg``), a symbolic link anywhere on the way (a link could point
anywhere on the disk), a missing file, something that is not a regular file (a FIFO would
hang the export), and a file too large to be an image.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

MAX_ASSET_BYTES = 60 * 1024 * 1024
"""A photo larger than this on disk is refused: press photos are a few to 30 MB."""


class AssetRefused(ValueError):
    """A path a kit names that Presskit will not read; the message says why."""


def _parts(relative: str) -> tuple[str, ...]:
    text = relative.strip()
    if not text:
        raise AssetRefused("no file is named")
    if "://" in text or text.lower().startswith(("data:", "file:", "javascript:")):
        raise AssetRefused(
            f"'{text}' is an address, not a file; put the file in the kit's folder and name it"
        )
    windows = PureWindowsPath(text)
    posix = PurePosixPath(text.replace("\\", "/"))
    if posix.is_absolute() or windows.drive or windows.root:
        raise AssetRefused(
            f"'{text}' is an absolute path; name files relative to the kit file "
            "(copy the file into the kit's folder)"
        )
    if ".." in posix.parts:
        raise AssetRefused(
            f"'{text}' points outside the kit's folder; Presskit reads only files inside it"
        )
    return tuple(part for part in posix.parts if part not in ("", "."))


def resolve_asset(kit_dir: Path, relative: str) -> Path:
    """The file ``relative`` names inside ``kit_dir``; AssetRefused when it may not be read.

    No component of the path may be a symbolic link, and the result is a regular file.
    """
    parts = _parts(relative)
    if not parts:
        raise AssetRefused(f"'{relative}' names the kit's folder, not a file")
    path = kit_dir
    for part in parts:
        path = path / part
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            raise AssetRefused(f"'{relative}' does not exist next to the kit file") from None
        except OSError as exc:
            raise AssetRefused(f"'{relative}' cannot be read ({exc.strerror})") from None
        if stat.S_ISLNK(info.st_mode):
            raise AssetRefused(
                f"'{relative}' is a symbolic link; Presskit does not follow links "
                "(copy the file itself into the kit's folder)"
            )
    if not stat.S_ISREG(info.st_mode):
        raise AssetRefused(f"'{relative}' is not a regular file")
    if info.st_size > MAX_ASSET_BYTES:
        raise AssetRefused(
            f"'{relative}' is {info.st_size / 1e6:.0f} MB; Presskit reads files up to "
            f"{MAX_ASSET_BYTES // 1_000_000} MB"
        )
    return path


def read_asset(kit_dir: Path, relative: str) -> bytes:
    """The bytes of the file ``relative`` names inside ``kit_dir`` (see :func:`resolve_asset`).

    Opened without following a link and checked again on the open descriptor, so a file
    swapped for a link between the check and the read is refused too.
    """
    path = resolve_asset(kit_dir, relative)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise AssetRefused(f"'{relative}' cannot be read ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ASSET_BYTES:
            raise AssetRefused(f"'{relative}' changed while it was read; try again")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(MAX_ASSET_BYTES + 1)
    finally:
        os.close(fd)
