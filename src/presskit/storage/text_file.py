"""Turn a release file's bytes into text and split off the YAML front matter.

Accepts what real editors write: a UTF-8 byte-order mark, CRLF or CR line endings. Refuses,
with a message a person can act on, what is not a release: binary data, another encoding,
a file far too large, a Markdown file with no front matter.
"""

from __future__ import annotations

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
