"""Fuzz release files through load, validation, checks and every renderer (docs/fuzzing.md).

Each case must come out as a release (with problems and findings as data) or a clear
ReleaseFileError, never another exception, within the processor-time and memory bounds of
:mod:`tests.fuzz.pipeline`, and with outputs that cannot run code or leak local files.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from presskit.model.release import Release
from presskit.storage.release_file import dumps_release, loads_release
from tests.fuzz import strategies as fuzz
from tests.fuzz.budget import TEST_TIMEOUT, cases, pdf_cases
from tests.fuzz.pipeline import TRACE_MEMORY, exercise

pytestmark = pytest.mark.timeout(TEST_TIMEOUT)


@pytest.fixture(scope="module", autouse=True)
def traced_memory() -> Iterator[None]:
    if TRACE_MEMORY:
        tracemalloc.start()
    yield
    if TRACE_MEMORY:
        tracemalloc.stop()


def normalized(release: Release) -> Release:
    """What a release reads back as after a save: the body's line ends and trailing space."""
    body = release.body.replace("\r\n", "\n").replace("\r", "\n").rstrip()
    return Release(**{**release.__dict__, "body": body})


@cases(0.3)
@given(release=fuzz.model_releases())
def test_releases_from_the_model_save_load_and_render(
    release: Release, hostile_folder: Path, secret: str
) -> None:
    text = dumps_release(release)
    assert loads_release(text).release == normalized(release), "a save lost or changed text"
    assert dumps_release(loads_release(text).release) == text, "a second save differs"
    exercise(text, hostile_folder, "model", secret=secret)


@cases(0.2)
@given(text=st.one_of(fuzz.yaml_attacks(), fuzz.mutated(fuzz.yaml_attacks())))
@example(text=fuzz.KNOWN_FIELD_BOMB)  # issue 11: 24 KB, 36 s and MemoryError before the budget
def test_hostile_front_matter(text: str, hostile_folder: Path, secret: str) -> None:
    exercise(text, hostile_folder, "yaml", secret=secret)


@cases(0.2)
@given(text=st.one_of(fuzz.markdown_attacks(), fuzz.mutated(fuzz.markdown_attacks())))
def test_hostile_markdown(text: str, hostile_folder: Path, secret: str) -> None:
    exercise(text, hostile_folder, "markdown", secret=secret)


@cases(0.1)
@given(text=st.one_of(fuzz.css_attacks(), fuzz.mutated(fuzz.css_attacks())))
@example(text=fuzz.ACCENT_INJECTION)  # issue 11: the editor's paths wrote it into CSS
def test_css_injection(text: str, hostile_folder: Path, secret: str) -> None:
    exercise(text, hostile_folder, "css", secret=secret)


@cases(0.1)
@given(data=st.one_of(fuzz.binary_blobs(), fuzz.truncated_files()))
def test_binary_and_truncated_files(data: bytes, hostile_folder: Path, secret: str) -> None:
    exercise(data, hostile_folder, "binary/truncated", secret=secret)


@cases(0.2)
@given(text=fuzz.mutated(fuzz.model_release_files()))
def test_mutated_release_files(text: str, hostile_folder: Path, secret: str) -> None:
    exercise(text, hostile_folder, "mutated", secret=secret)


@pytest.fixture(scope="module")
def pdf_renderer():
    from presskit.render.pdf import PdfRenderer

    return PdfRenderer()


@pdf_cases()
@given(text=st.one_of(fuzz.model_release_files(), fuzz.markdown_attacks()))
def test_pdf_of_a_small_sample(text: str, hostile_folder: Path, secret: str, pdf_renderer) -> None:
    exercise(text, hostile_folder, "pdf", pdf_renderer=pdf_renderer, secret=secret)
