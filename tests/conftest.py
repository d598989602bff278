"""Shared test fixtures: paths to the example and to ../shared, PDF reading helpers."""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

import pytest

from presskit.app.qt_workarounds import protect_singletons

# Qt must never try to open a display in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
protect_singletons()  # as the editor does: PySide6 6.12 leaks references to None and True


REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PRESSKIT_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder every developer and CI has beside the project."""
    if not (SHARED / "examples" / "seed-release.txt").is_file():
        pytest.fail(f"../shared is missing (looked in {SHARED}); set PRESSKIT_SHARED")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    return (shared_dir / "examples" / "seed-release.txt").read_text(encoding="utf-8")


@pytest.fixture
def example_path() -> Path:
    from presskit.bundled import example_release_path

    return example_release_path()


@pytest.fixture
def example_copy(tmp_path: Path, example_path: Path) -> Path:
    """The bundled example release and its assets, copied to ``tmp_path/example``."""
    folder = tmp_path / "example"
    shutil.copytree(example_path.parent, folder)
    return folder / "release.md"


def pdf_text(pdf: bytes) -> str:
    """All text of a PDF, pages joined by newlines."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squash(text: str) -> str:
    """Lower-case letters and digits only: compares text across line breaks, hyphenation
    and typographic quotes."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def pdf_link_uris(pdf: bytes) -> list[str]:
    """The URIs of every link annotation in a PDF, in page order."""
    from pypdf import PdfReader

    uris = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris
