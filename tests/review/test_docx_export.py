"""The release as a Word document: what Word, LibreOffice and mammoth see in it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import mammoth

from presskit.cli import main
from presskit.outputs.registry import output_format
from presskit.review.docx_reader import read_docx
from presskit.review.docx_writer import release_docx
from presskit.storage import dumps_release, load_release, loads_release
from tests.conftest import pdf_text, squash
from tests.review.conftest import LibreOffice

HEADLINE = "US: Ban Landmine Use Everywhere, Korea Included"


def _styles_of(document: docx.document.Document) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        found.setdefault(paragraph.style.name, []).append(paragraph.text)
    return found


def test_the_seed_exports_as_docx_from_the_command_line(seed_release: Path) -> None:
    assert main(["export", str(seed_release), "--docx"]) == 0
    written = seed_release.with_suffix(".docx")
    document = docx.Document(str(written))
    styles = _styles_of(document)
    assert styles["Presskit Headline"] == [HEADLINE]
    assert styles["Presskit Release Line"] == ["FOR IMMEDIATE RELEASE"]
    assert styles["Presskit Dateline"] == ["(Washington DC, September 23, 2014)"]
    assert styles["Presskit Subheadline"][0].startswith("20th Anniversary of President Clinton’s")
    assert len(styles["Presskit Body"]) == 10
    assert styles["Presskit End Mark"] == ["###"]
    assert styles["Presskit About"] == ["About US Campaign to Ban Landmines"]
    assert styles["Presskit Boilerplate"][0].startswith("The United States Campaign")
    assert styles["Presskit Contact Name"] == ["Mary Wareham", "Mica Bevington"]
    assert "wareham@hrw.org" in styles["Presskit Contact"]
    assert "+1-646-203-8292 (mobile)" in styles["Presskit Contact"]
    properties = document.core_properties
    assert (properties.title, properties.author) == (HEADLINE, "US Campaign to Ban Landmines")
    assert properties.language == "en-US"
    section = document.sections[0]
    assert round(section.page_width.inches, 2) == 8.5  # US Letter for en-US, as the PDF


def test_links_are_word_hyperlinks_and_lists_are_word_lists() -> None:
    release = loads_release(
        "---\nheadline: Lists\nlanguage: de-DE\n---\nSee [the report](https://example.org/r).\n\n"
        "- first\n- second\n\n1. one\n2. two\n\n## Background\n\nText.\n"
    ).release
    document = docx.Document(io.BytesIO(release_docx(release)))
    styles = _styles_of(document)
    assert styles["List Bullet"] == ["first", "second"]
    assert styles["List Number"] == ["one", "two"]
    assert styles["Heading 2"] == ["Background"]
    body = document.paragraphs[[p.text for p in document.paragraphs].index("See the report.")]
    (link,) = body.hyperlinks
    assert (link.text, link.address) == ("the report", "https://example.org/r")
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert all(p._p.pPr.numPr is not None for p in numbered)  # real Word numbering
    assert round(document.sections[0].page_width.mm) == 210  # A4 outside the US
    lang = document.styles.element.find(".//{*}docDefaults//{*}lang")
    assert lang.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") == "de-DE"


def test_the_release_travels_inside_the_document(example_path: Path) -> None:
    release = load_release(example_path).release
    data = release_docx(release)
    assert read_docx(data).source == dumps_release(release)
    archive = zipfile.ZipFile(io.BytesIO(data))
    items = [n for n in archive.namelist() if n.startswith("customXml/item") and "Props" not in n]
    ours = [n for n in items if b"urn:presskit:release:1" in archive.read(n)]
    assert len(ours) == 1  # beside the template's own custom XML, with a name of its own


def test_mammoth_reads_it_back_with_the_styles_as_a_map(example_path: Path) -> None:
    data = release_docx(load_release(example_path).release)
    style_map = "p[style-name='Presskit Headline'] => h1:fresh\np[style-name='Presskit Body'] => p"
    result = mammoth.convert_to_html(io.BytesIO(data), style_map=style_map)
    assert f"<h1>{HEADLINE}</h1>" in result.value
    # A placeholder link (#) is plain text in every output since issue 11, Word included.
    assert "announcement by the United States" in result.value
    assert 'href="#"' not in result.value
    assert "wareham@hrw.org" in result.value


def test_libreoffice_converts_it_to_a_pdf_with_the_headline(
    seed_release: Path, tmp_path: Path, libreoffice: LibreOffice
) -> None:
    docx_path = tmp_path / "release.docx"
    docx_path.write_bytes(output_format("docx").write(_session(seed_release)).data)
    pdf = libreoffice.convert(docx_path, "pdf", tmp_path / "pdf")
    text = squash(pdf_text(pdf.read_bytes()))
    assert squash(HEADLINE) in text
    assert squash("Mica Bevington") in text


def _session(path: Path):
    from presskit.outputs.session import RenderSession

    return RenderSession(load_release(path).release, path.parent)


def test_the_word_document_is_not_in_the_press_kit() -> None:
    # The kit goes to journalists; the Word document is the review copy, with the release
    # file inside it.
    assert output_format("docx").in_kit is False
