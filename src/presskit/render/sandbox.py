"""The policy for everything a render reads: ``data:`` URLs, bundled resources, and images in the
release's own folder. Never the network, never anything else on disk.

WeasyPrint's default fetcher follows any URL: a hostile release could embed /etc/passwd as a
PDF attachment, hang a render on ``url(/dev/urandom)`` or call a web server. The sandbox
refuses all of that, and records each refusal so the render can say what it skipped. It has no
WeasyPrint dependency, so the HTML export uses it without loading WeasyPrint;
:mod:`presskit.render.fetcher` adapts it for WeasyPrint.
"""

from __future__ import annotations

import base64
import mimetypes
import os
import stat
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes
from urllib.request import url2pathname

from presskit.bundled import resources_root
from presskit.model.urls import split_url

MAX_RESOURCE_BYTES = 25 * 1024 * 1024
"""A logo or photo larger than this is refused rather than slowing every render."""

IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
}
"""What a release may pull in from its own folder: images, nothing else."""


class FetchRefused(ValueError):
    """A URL this fetcher will not load. WeasyPrint logs it and renders without it."""


class Sandbox:
    """Reads data: URLs, bundled resources, and images inside ``release_dir`` (if any).

    ``refused`` lists, in order, a message for every URL that was not read.
    """

    def __init__(
        self,
        release_dir: str | os.PathLike[str] | None = None,
        theme_dir: str | os.PathLike[str] | None = None,
    ):
        self.refused: list[str] = []
        self._release_root = (
            Path(os.path.realpath(release_dir)) if release_dir is not None else None
        )
        # A user theme's own files (its fonts, background images) are readable, nothing else.
        self._theme_root = Path(os.path.realpath(theme_dir)) if theme_dir is not None else None

    def read(self, url: str) -> tuple[bytes, str]:
        """The bytes and MIME type behind ``url``; raises FetchRefused when not allowed."""
        try:
            return self._read(url)
        except FetchRefused as exc:
            self.refused.append(str(exc))
            raise

    def _read(self, url: str) -> tuple[bytes, str]:
        parts = split_url(url)
        if parts is None:
            raise FetchRefused(f"not loaded: {_short(url)} (not a valid address)")
        scheme = parts.scheme.lower()
        if scheme == "data":
            return _read_data_url(url)
        if scheme != "file":
            raise FetchRefused(f"not loaded: {_short(url)} (Presskit never fetches from the web)")
        path = Path(os.path.realpath(url2pathname(unquote(parts.path))))
        if path.is_relative_to(resources_root()) or (
            self._theme_root is not None and path.is_relative_to(self._theme_root)
        ):
            return _read_regular_file(path), _mime_of(path)
        if self._release_root is not None and path.is_relative_to(self._release_root):
            mime = IMAGE_TYPES.get(path.suffix.lower())
            if mime is None:
                raise FetchRefused(f"not loaded: {path.name} (only images can be used)")
            return _read_regular_file(path), mime
        raise FetchRefused(f"not loaded: {path} (outside the release's folder)")


def open_regular_file(path: Path) -> int:
    """A descriptor of ``path`` open for reading; FetchRefused, saying why, unless it is a
    regular file we may read. The logo picker asks the same before showing a thumbnail."""
    # O_NONBLOCK so that a FIFO cannot hang us in open(); fstat on the open descriptor so
    # that what we check is what we read (no swap between check and use).
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise FetchRefused(f"not found: {path.name}") from None
    except OSError as exc:
        raise FetchRefused(
            f"cannot read {path.name} ({exc.strerror}): make it readable or choose another image"
        ) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise FetchRefused(f"not loaded: {path} (not a regular file)")
    return fd


def _read_regular_file(path: Path) -> bytes:
    fd = open_regular_file(path)
    try:
        info = os.fstat(fd)
        if info.st_size > MAX_RESOURCE_BYTES:
            raise FetchRefused(
                f"not loaded: {path.name} ({info.st_size / 1e6:.0f} MB is too large)"
            )
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(MAX_RESOURCE_BYTES + 1)
    finally:
        os.close(fd)


def _read_data_url(url: str) -> tuple[bytes, str]:
    header, comma, payload = url[5:].partition(",")
    if not comma:
        raise FetchRefused("not loaded: a malformed data: URL")
    if len(payload) > MAX_RESOURCE_BYTES * 4 // 3 + 4:
        raise FetchRefused("not loaded: a data: URL that is too large")
    params = header.split(";")
    mime = params[0] or "text/plain"
    try:
        if "base64" in params[1:]:
            data = base64.b64decode(unquote(payload), validate=False)
        else:
            data = unquote_to_bytes(payload)
    except ValueError:
        raise FetchRefused("not loaded: a data: URL with broken base64") from None
    return data, mime


def _mime_of(path: Path) -> str:
    return IMAGE_TYPES.get(path.suffix.lower()) or (
        mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    )


def _short(url: str, limit: int = 80) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


def data_url(data: bytes, mime: str) -> str:
    """A ``data:`` URL holding ``data``: how the standalone HTML export embeds images."""
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
