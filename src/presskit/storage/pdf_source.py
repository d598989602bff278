"""Get the release source back out of a PDF that Presskit made.

Every Presskit PDF carries its release file as an attachment (see render/pdf.py), so a PDF
sent around by email can be opened in the editor again, or extracted with
``presskit extract``.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from presskit.storage.problems import ReleaseFileError
from presskit.storage.text_file import MAX_FILE_BYTES

SOURCE_ATTACHMENT = "presskit-release.md"
_DAMAGED = (Exception,)
"""What reading a hostile PDF's attachments may raise: pypdf's own errors, and any other
(AttributeError, IndexError, RecursionError, ...) for structures it does not expect."""
MAX_PDF_BYTES = 200 * 1024 * 1024


def extract_release_source(pdf: bytes, source: str = "<pdf>") -> bytes:
    """The attached release file of a Presskit PDF. Raises ReleaseFileError."""
    from pypdf import PdfReader  # noqa: PLC0415 - slow import, only needed here
    from pypdf.errors import PyPdfError  # noqa: PLC0415

    if not pdf.startswith(b"%PDF"):
        raise ReleaseFileError.single(source, "this is not a PDF file")
    try:
        attachments = PdfReader(io.BytesIO(pdf)).attachments
        contents = attachments.get(SOURCE_ATTACHMENT)
        data = contents[0] if contents else None
    except _DAMAGED as exc:
        # pypdf trusts the file's structure: an attachment entry whose /F is a string, not
        # a stream, raised AttributeError out of here (and aborted the editor, issue 11).
        why = f"{type(exc).__name__}: {exc}" if not isinstance(exc, PyPdfError) else str(exc)
        raise ReleaseFileError.single(
            source, f"the PDF is damaged; its attached release cannot be read ({why})"
        ) from None
    if data is None:
        raise ReleaseFileError.single(
            source,
            "this PDF has no release attached, so it was not made by Presskit "
            "(or the attachment was removed)",
        )
    if not isinstance(data, bytes) or len(data) > MAX_FILE_BYTES:
        raise ReleaseFileError.single(source, "the attached release is damaged or too large")
    return data


def read_release_source_from_pdf(path: str | os.PathLike[str]) -> bytes:
    """Read a PDF file and return its attached release. Raises ReleaseFileError."""
    source = os.fspath(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_PDF_BYTES:
            raise ReleaseFileError.single(source, f"the PDF is too large ({size / 1e6:.0f} MB)")
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ReleaseFileError.single(source, "no such file") from None
    except PermissionError:
        raise ReleaseFileError.single(source, "you do not have permission to read it") from None
    except OSError as exc:
        raise ReleaseFileError.single(source, f"cannot be read: {exc.strerror or exc}") from None
    return extract_release_source(data, source)
