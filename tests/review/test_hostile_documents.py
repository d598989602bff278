"""Reviewed documents made to break the review: every one is a result or a clear error."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from presskit.cli import main
from presskit.review.docx_reader import MAX_PART_BYTES, ReviewFileError
from presskit.review.docx_writer import release_docx
from presskit.review.review import read_review
from presskit.storage import load_release


def _with_document(data: bytes, document: bytes) -> bytes:
    """``data`` (a .docx) with its word/document.xml replaced."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            archive.writestr(name, document if name == "word/document.xml" else source.read(name))
    return buffer.getvalue()


@pytest.fixture
def sent(example_path: Path) -> tuple[bytes, object]:
    release = load_release(example_path).release
    return release_docx(release), release


def test_entities_are_never_expanded(sent: tuple[bytes, object], tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TEXT")
    data, release = sent
    document = (
        '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "'
        + secret.as_uri()
        + '"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&x;&d;&d;&d;&d;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    result = read_review(_with_document(data, document), release)
    texts = " ".join(c.after for c in result.changes)
    assert "TOP-SECRET-TEXT" not in texts
    assert "aaaaaaaaaa" not in texts


def test_a_zip_bomb_part_is_refused_before_it_is_read(sent: tuple[bytes, object]) -> None:
    data, release = sent
    with pytest.raises(ReviewFileError, match="too large"):
        read_review(_with_document(data, b" " * (MAX_PART_BYTES + 1)), release)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip at all", "not a zip file"),
        (b"PK\x03\x04 truncated", "not a zip file"),
    ],
)
def test_files_that_are_not_word_documents(sent, content: bytes, message: str) -> None:
    with pytest.raises(ReviewFileError, match=message):
        read_review(content, sent[1])


def test_a_zip_that_is_not_a_document(sent: tuple[bytes, object]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ReviewFileError, match="not a Word document"):
        read_review(buffer.getvalue(), sent[1])


def test_mangled_markup_gives_a_result_or_a_clear_error(sent: tuple[bytes, object]) -> None:
    """Cut, shuffled and nested tracked-change markup, as a broken program might write it."""
    data, release = sent
    original = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    pieces = ["<w:ins w:author='X'>", "</w:ins>", "<w:del>", "</w:del>", "<w:delText>gone",
              "</w:delText>", "<w:r>", "</w:r>", "<w:p>", "</w:p>", "<w:br/>",
              "<w:commentRangeStart w:id='9'/>", "<w:commentReference w:id='9'/>"]  # fmt: skip
    chooser = random.Random(20261201)
    for _ in range(40):
        text = original
        for _ in range(chooser.randint(1, 6)):
            at = chooser.randrange(len(text))
            if chooser.random() < 0.5:
                text = text[:at] + chooser.choice(pieces) + text[at:]
            else:
                text = text[:at] + text[at + chooser.randint(1, 200) :]
        try:
            read_review(_with_document(data, text.encode()), release)
        except ReviewFileError as exc:
            assert str(exc)


def test_the_command_line_says_what_is_wrong(seed_release: Path, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "reviewed.docx"
    bad.write_bytes(b"plain text")
    assert main(["review", str(seed_release), str(bad)]) == 2
    assert "not a Word document (.docx): it is not a zip file" in capsys.readouterr().err
