"""Presskit PDFs made hostile or damaged with pikepdf, for the extract and open tests."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from presskit.render.pdf import PdfRenderer
from presskit.storage.release_file import load_release


def presskit_pdf(example_path: Path, out: Path) -> Path:
    """The bundled example as a Presskit PDF (the release attached) at ``out``."""
    release = load_release(example_path).release
    out.write_bytes(PdfRenderer().render(release, example_path.parent).pdf)
    return out


def _attachment(document: pikepdf.Pdf) -> pikepdf.Dictionary:
    names = document.Root.Names.EmbeddedFiles.Names
    return names[1]  # [name, filespec]: the release is the only attachment


def with_string_attachment(pdf: Path, out: Path) -> Path:
    """The attachment entry's ``/F`` is a string instead of a stream (pypdf: AttributeError)."""
    with pikepdf.open(pdf) as document:
        _attachment(document).EF.F = pikepdf.String("not a stream")
        document.save(out)
    return out


def with_attached_bytes(pdf: Path, out: Path, data: bytes) -> Path:
    """The attachment named ``presskit-release.md`` holds ``data`` (an ELF binary, say)."""
    with pikepdf.open(pdf) as document:
        _attachment(document).EF.F.write(data)
        document.save(out)
    return out
