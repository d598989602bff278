"""Turn a release file's bytes into text and split off the YAML front matter.

Accepts what real editors write: a UTF-8 byte-order mark, CRLF or CR line endings, and UTF-16
or UTF-32 with a byte-order mark (Windows Notepad's "Unicode"): decoded by the mark, and saved
back as UTF-8. Refuses, with a message a person can act on, what is not a release: binary
data, UTF-16 without a byte-order mark (named as such), another encoding, a file far too
large, a Markdown file with no front matter.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from presskit.storage.problems import ReleaseFileError

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Refuse larger files: a real release is a few kB; 20 MB leaves room for pasted tables."""

_DELIMITER = re.compile(r"^(---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class SplitText:
    """A release file's text cut into its parts. ``yaml_first_line`` counts from 1."""

    front_matter: str
    body: str
    yaml_first_line: int
    body_first_line: int


def decode_release_bytes(data: bytes, source: str) -> str:
    """The text of a release file, with line endings made LF. Raises ReleaseFileError."""
    if len(data) > MAX_FILE_BYTES:
        raise ReleaseFileError.single(
            source,
            f"the file is {len(data) / 1e6:.1f} MB; a release file can be at most "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB",
        )
    if (text := _decode_by_bom(data, source)) is not None:
        return text.replace("\r\n", "\n").replace("\r", "\n")
    if (encoding := _bomless_utf16(data)) is not None:
        raise ReleaseFileError.single(
            source,
            f"the file is {encoding} text without a byte-order mark; save it as UTF-8 "
            "in your text editor",
        )
    if b"\x00" in data[:8192] or data.startswith((b"%PDF", b"\x89PNG", b"PK\x03\x04")):
        raise ReleaseFileError.single(
            source, "this is not a text file (it holds binary data); open a release .md file"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReleaseFileError.single(
            source,
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x}); "
            "save it as UTF-8 in your text editor",
            line,
        ) from None
    if "\x00" in text:
        raise ReleaseFileError.single(source, "the file holds NUL characters; it is not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),  # before UTF-16 LE: it starts the same
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def _decode_by_bom(data: bytes, source: str) -> str | None:
    """The text of a UTF-16 or UTF-32 file that starts with its byte-order mark, else None."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise ReleaseFileError.single(
                    source,
                    f"the file is {name} text (it starts with a {name} byte-order mark) but is "
                    f"damaged at byte {exc.start + len(bom)}; save it again as UTF-8",
                ) from None
            if "\x00" in text:
                raise ReleaseFileError.single(
                    source, "the file holds NUL characters; it is not text"
                )
            return text
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """Which UTF-16 the start of ``data`` is when it looks like mostly-Latin text written as
    UTF-16 without a mark (nine in ten of every other byte NUL, few of the others), else None.
    """
    head = data[:512]
    head = head[: len(head) - len(head) % 2]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    many, few = 0.9 * len(even), 0.1 * len(even)
    if odd.count(0) >= many and even.count(0) <= few:
        return "UTF-16 (little-endian)"
    if even.count(0) >= many and odd.count(0) <= few:
        return "UTF-16 (big-endian)"
    return None


def split_front_matter(text: str, source: str) -> SplitText:
    """Cut ``text`` into YAML front matter and Markdown body. Raises ReleaseFileError."""
    first_line, _, rest = text.partition("\n")
    if first_line.rstrip() != "---":
        raise ReleaseFileError.single(
            source,
            "a release starts with a line '---' and its fields (YAML front matter); "
            "this file does not, so it is not a Presskit release",
            1,
        )
    closing = _DELIMITER.search(rest)
    if closing is None:
        raise ReleaseFileError.single(
            source, "the front matter that starts on line 1 is never closed by a '---' line", 1
        )
    front = rest[: closing.start()]
    body = rest[closing.end() + 1 :]  # skip the delimiter's own newline
    closing_line = 2 + front.count("\n")
    return SplitText(front, body, yaml_first_line=2, body_first_line=closing_line + 1)
