"""The kinds of file the importers read: one list, read by the CLI, File > Import… and the
editor's drag and drop.

    is_importable(Path("draft.docx"))  -> True
    import_filter()  -> "Word, email, web page, PDF or text (*.docx *.eml ...);;All files (*)"
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presskit.importers.model import ImportFailed


@dataclass(frozen=True)
class ImportableType:
    """A kind of source: its name, extensions and the reader ``module:function``."""

    description: str
    extensions: tuple[str, ...]  # lower case, with the dot
    reader: str  # reader(data: bytes, name: str, progress) -> SourceDocument | ImportResult


IMPORTABLE: tuple[ImportableType, ...] = (
    ImportableType("Word document", (".docx",), "presskit.importers.docx_reader:read_docx"),
    ImportableType("Email", (".eml",), "presskit.importers.email_reader:read_email"),
    ImportableType("Web page", (".html", ".htm", ".xhtml"), "presskit.importers.html_reader:read_page"),  # noqa: E501
    ImportableType("PDF", (".pdf",), "presskit.importers.pdf_reader:read_pdf"),
    ImportableType("Text", (".txt", ".text", ".md", ".markdown"), "presskit.importers.text_reader:read_text_file"),  # noqa: E501
)  # fmt: skip


def _kind(path: Path | str) -> ImportableType | None:
    suffix = Path(path).suffix.lower()
    return next((kind for kind in IMPORTABLE if suffix in kind.extensions), None)


def is_importable(path: Path | str) -> bool:
    """Whether an importer reads ``path`` (by its extension)."""
    return _kind(path) is not None


def import_filter() -> str:
    """A Qt file-dialog filter: every importable kind, each kind, then all files."""
    every = " ".join(f"*{ext}" for kind in IMPORTABLE for ext in kind.extensions)
    each = ";;".join(
        f"{kind.description} ({' '.join('*' + ext for ext in kind.extensions)})"
        for kind in IMPORTABLE
    )
    return f"Word, email, web page, PDF or text ({every});;{each};;All files (*)"


def reader_for(path: Path) -> Callable[..., Any]:
    """The reader of ``path``'s kind. Raises ImportFailed for a kind no importer reads."""
    kind = _kind(path)
    if kind is None:
        known = ", ".join(ext for k in IMPORTABLE for ext in k.extensions)
        raise ImportFailed(f"{path.name}: cannot import this kind of file (known: {known})")
    module, _, function = kind.reader.partition(":")
    return getattr(importlib.import_module(module), function)
