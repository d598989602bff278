"""Limits that keep a hostile or broken source from taking the machine with it.

Every reader goes through these: a size cap on the file, a ZIP check before a Word file is
opened (entry count, declared sizes, compression ratio: a zip bomb is refused before a byte
is inflated), a refusal of any XML part that declares a DTD (no external entities, no
billion laughs: Word never writes one), a cap on blocks, and text decoding that refuses
binary junk. Each refusal is an :class:`ImportFailed` naming the file.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from presskit.importers.model import ImportFailed

MAX_FILE_BYTES = 64 * 1024 * 1024
"""The largest source read at all (a release with images is a few MB)."""
MAX_ZIP_ENTRIES = 2000
MAX_ZIP_TOTAL = 256 * 1024 * 1024
"""Declared uncompressed size of all entries together."""
MAX_XML_PART = 64 * 1024 * 1024
MAX_RATIO = 200
"""Compression ratio above which a large entry is a zip bomb (Word XML compresses ~10:1)."""
MAX_BLOCKS = 20000
"""Blocks beyond this are not scored (a release has a few hundred at most)."""
MAX_TEXT_CHARS = 4_000_000


def read_limited(path: Path) -> bytes:
    """The bytes of ``path``, refusing what is not a readable regular file or too large."""
    try:
        if not path.is_file():
            raise ImportFailed(f"{path}: not a file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFailed(
                f"{path.name}: too large to import ({size // (1024 * 1024)} MB; the limit is "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB)"
            )
        return path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot read: {exc.strerror or exc}") from None


def check_zip(data: bytes, name: str, what: str = "Word document") -> zipfile.ZipFile:
    """Open a ZIP container only after its directory passes the limits."""
    if not data.startswith(b"PK"):
        raise ImportFailed(f"{name}: not a {what} (it is not a ZIP package)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportFailed(f"{name}: not a {what}, or a damaged one ({exc})") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ImportFailed(f"{name}: refused: the package holds {len(entries)} files")
    total = sum(e.file_size for e in entries)
    if total > MAX_ZIP_TOTAL:
        raise ImportFailed(
            f"{name}: refused: it would unpack to {total // (1024 * 1024)} MB (a zip bomb?)"
        )
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > 1024 * 1024 and ratio > MAX_RATIO:
            raise ImportFailed(
                f"{name}: refused: {entry.filename} is compressed {int(ratio)} to 1 (a zip bomb?)"
            )
    return archive


def check_xml_parts(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse XML parts that are too large or declare a DTD (entities: XXE, billion laughs)."""
    for entry in archive.infolist():
        if not entry.filename.lower().endswith((".xml", ".rels")):
            continue
        if entry.file_size > MAX_XML_PART:
            raise ImportFailed(f"{name}: refused: {entry.filename} is too large")
        tail = b""
        # zipfile stops at the declared size, so this reads at most MAX_XML_PART bytes.
        with archive.open(entry) as stream:
            while chunk := stream.read(256 * 1024):
                window = tail + chunk
                if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                    raise ImportFailed(
                        f"{name}: refused: {entry.filename} declares a DTD or entities, which "
                        "Word never writes (an XML attack?)"
                    )
                tail = chunk[-16:]


def decode_text(data: bytes, name: str) -> str:
    """Bytes of a text file as text: UTF-8 (with or without BOM), UTF-16, else Windows-1252."""
    if len(data) > MAX_TEXT_CHARS * 4:
        raise ImportFailed(f"{name}: too large to import as text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    if sample and (controls > len(sample) * 0.02 or "\x00" in sample):
        raise ImportFailed(f"{name}: not text (it holds binary data)")
    return text[:MAX_TEXT_CHARS]
