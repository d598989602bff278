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
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ReleaseFileError.single(source, f"the PDF is damaged: {exc}") from None
    if not contents:
        raise ReleaseFileError.single(
            source,
            "this PDF has no release attached, so it was not made by Presskit "
            "(or the attachment was removed)",
        )
    data = contents[0]
    if len(data) > MAX_FILE_BYTES:
        raise ReleaseFileError.single(source, "the attached release is too large")
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
