"""The files Presskit opens as a release: one list that the editor's Open dialog, its drag and
drop, Save As and the document controller all read.

    is_release_file(Path("notes.markdown"))  -> True
    open_filter()  -> "Releases, press kits and Presskit PDFs (*.md *.markdown *.pdf);;All…"

A press kit is a Markdown file too (first key ``presskit_kit``): it is told apart by content,
not by name, where files are opened (``ui/document_flow.DocumentFlow.open_path`` asks
``presskit.kit.file.is_kit_file`` through the kit feature's route). Formats that are turned
into a release by an importer are listed by the importers, not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OpenableType:
    """A kind of file the editor opens directly."""

    description: str
    extensions: tuple[str, ...]  # lower case, with the dot


RELEASE = OpenableType("Presskit release", (".md", ".markdown"))
PRESSKIT_PDF = OpenableType("Presskit PDF", (".pdf",))
OPENABLE: tuple[OpenableType, ...] = (RELEASE, PRESSKIT_PDF)
RELEASE_SUFFIX = ".md"
"""What Save As appends to a name without a release extension."""


def _suffix(path: Path | str) -> str:
    return Path(path).suffix.lower()


def is_openable(path: Path | str) -> bool:
    """Whether the editor opens ``path`` itself (a release or a Presskit PDF)."""
    return any(_suffix(path) in kind.extensions for kind in OPENABLE)


def is_release_file(path: Path | str) -> bool:
    """Whether ``path`` names a release file (Markdown with front matter)."""
    return _suffix(path) in RELEASE.extensions


def is_pdf(path: Path | str) -> bool:
    return _suffix(path) in PRESSKIT_PDF.extensions


def file_filter(kinds: tuple[OpenableType, ...], label: str) -> str:
    """A Qt file-dialog filter for ``kinds`` under one ``label``, then "All files"."""
    patterns = " ".join(f"*{ext}" for kind in kinds for ext in kind.extensions)
    return f"{label} ({patterns});;All files (*)"


def open_filter() -> str:
    return file_filter(OPENABLE, "Releases, press kits and Presskit PDFs")


def save_filter() -> str:
    return f"{RELEASE.description} (*{RELEASE_SUFFIX})"
