"""The PDF: every part of the seed in its text, links, tags, metadata, the attached source."""

from __future__ import annotations

import io
import re
import socket
from pathlib import Path

import pytest
from pypdf import PdfReader

from presskit.model import Release
from presskit.render.pdf import MAX_RENDER_CHARS, PdfRenderer, ReleaseTooLarge
from presskit.storage import dumps_release, load_release, loads_release
from presskit.storage.pdf_source import extract_release_source
from tests.conftest import pdf_link_uris, pdf_text, squash
from tests.pdf_contents import pdf_link_targets


@pytest.fixture(scope="module")
def renderer() -> PdfRenderer:
    return PdfRenderer()


@pytest.fixture(scope="module")
def example_pdf(renderer: PdfRenderer) -> tuple[Release, bytes, int]:
    from presskit.bundled import example_release_path

    path = example_release_path()
    release = load_release(path).release
    result = renderer.render(release, path.parent)
    assert result.warnings == []
    return release, result.pdf, result.page_count


def _seed_parts(seed: str) -> list[str]:
    """Every paragraph and list line of the seed, with Markdown link syntax removed."""
    parts = []
    for block in re.split(r"\n\s*\n", seed):
        for line in block.splitlines():
            line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line).strip().lstrip("- ")
            if line:
                parts.append(line)
    return parts


def test_pdf_text_holds_every_part_of_the_seed(
    example_pdf: tuple[Release, bytes, int], seed_text: str
) -> None:
    _, pdf, _ = example_pdf
    text = squash(pdf_text(pdf))
    # Lines of the seed that name a part rather than hold content: the PDF says them its way
    # ("FOR IMMEDIATE RELEASE", "Media contacts", the website and handles in the About block).
    labels = {"Press Release - For Immediate Release", "For more information, see:",
              "Press contacts:"}  # fmt: skip
    missing = []
    for part in _seed_parts(seed_text):
        if part in labels:
            continue
        if part.startswith("US: Ban Landmine"):  # headline and subheadline on one line there
            part = part.replace(" 20th", "\n20th")
        # Contacts and "visit"/"follow" lines: every value must be there, not the prose.
        pieces = re.findall(r"[\w.@+-]+(?:\.[\w-]+)+|\+[\d-]+|@\w+", part) or [part]
        if "Wareham" in part or "Bevington" in part or part.startswith(("Please", "Follow")):
            candidates = pieces
        else:
            candidates = part.split("\n")
        missing += [c for c in candidates if squash(c) not in text]
    assert missing == []
    assert "forimmediaterelease" in text
    assert squash("(Washington DC, September 23, 2014) Today's announcement") in text
    for name in ("Mary Wareham", "Human Rights Watch", "Mica Bevington", "Handicap International"):
        assert squash(name) in text


def test_pdf_links_carry_their_urls(example_pdf: tuple[Release, bytes, int]) -> None:
    _, pdf, _ = example_pdf
    uris = pdf_link_uris(pdf)
    for expected in (
        "http://www.uscbl.org/fileadmin/content/images/Letters/USCBL_Letter_to_Obama_12_Sep2014.pdf",
        "https://www.banminesusa.org",
        "https://www.facebook.com/banminesusa",
        "mailto:wareham@hrw.org",
        "mailto:mbevington@handicap-international.us",
        "tel:+16462038292",
    ):
        assert expected in uris


def test_pdf_has_no_link_but_the_expected_ones(example_pdf: tuple[Release, bytes, int]) -> None:
    """Every link target in the PDF (URI actions and the files of Launch/GoToR actions, read
    with pikepdf) is one the release names: no file: link naming the author's folders."""
    _, pdf, _ = example_pdf
    targets = pdf_link_targets(pdf)
    assert not [t for t in targets if t.lower().startswith("file:")], targets
    assert set(targets) == {
        "http://www.uscbl.org/fileadmin/content/images/Letters/USCBL_Letter_to_Obama_12_Sep2014.pdf",
        "https://www.banminesusa.org",
        "https://www.facebook.com/banminesusa",
        "mailto:wareham@hrw.org",
        "mailto:mbevington@handicap-international.us",
        "tel:+16462038292",
        "tel:+12404503531",
    }


def test_pdf_is_tagged_with_metadata_and_two_pages(example_pdf: tuple[Release, bytes, int]) -> None:
    release, pdf, pages = example_pdf
    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en-US"
    meta = reader.metadata
    assert meta.title == release.headline
    assert meta.author == "US Campaign to Ban Landmines"
    assert meta.subject and meta.subject.startswith("20th Anniversary")
    assert "press release" in (meta.get("/Keywords") or "")
    assert meta.creation_date is not None and meta.creation_date.year == 2014
    assert pages == len(reader.pages) == 2


def test_pages_have_numbers_more_marks_and_a_slug(example_pdf: tuple[Release, bytes, int]) -> None:
    _, pdf, _ = example_pdf
    reader = PdfReader(io.BytesIO(pdf))
    first, last = (page.extract_text() for page in reader.pages)
    assert "Page 1 of 2" in first and "-more-" in first
    assert "Page 2 of 2" in last and "-more-" not in last
    assert "US: Ban Landmine Use Everywhere, Korea… — 2" in last
    assert "Korea… — 1" not in first  # no slug on the first page


def test_pdf_carries_the_release_source(example_pdf: tuple[Release, bytes, int]) -> None:
    release, pdf, _ = example_pdf
    source = extract_release_source(pdf)
    assert source.decode("utf-8") == dumps_release(release)
    assert loads_release(source).release == release


def test_same_release_gives_same_pdf(renderer: PdfRenderer, example_path: Path) -> None:
    release = load_release(example_path).release
    first = renderer.render(release, example_path.parent).pdf
    assert renderer.render(release, example_path.parent).pdf == first


def test_bundled_fonts_are_embedded_as_subsets(example_pdf: tuple[Release, bytes, int]) -> None:
    _, pdf, _ = example_pdf
    reader = PdfReader(io.BytesIO(pdf))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all(re.match(r"/[A-Z]{6}\+Presskit-(Serif|Sans)", f) for f in fonts)


def test_embargoed_release_line(renderer: PdfRenderer) -> None:
    text = (
        "---\nstatus: embargoed\nembargo: 2014-09-23T09:00:00-04:00\ntimezone: America/New_York\n"
        "headline: Embargoed news\n---\nBody text.\n"
    )
    result = renderer.render(loads_release(text).release)
    assert "EMBARGOED UNTIL 9 a.m. EDT, Sept. 23, 2014" in pdf_text(result.pdf)


def test_too_much_text_is_refused_clearly(renderer: PdfRenderer) -> None:
    release = Release(headline="Long", body="word " * (MAX_RENDER_CHARS // 5 + 1))
    with pytest.raises(ReleaseTooLarge, match="characters"):
        renderer.render(release)


def test_a_logo_that_cannot_be_read_is_left_out_with_one_clear_warning(
    renderer: PdfRenderer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A Unix socket: a file that open() refuses (ENXIO) even for root, as permissions would.
    monkeypatch.chdir(tmp_path)
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("logo.png")
        release = Release(headline="Unreadable logo", body="Body.")
        release.organization.logo = "logo.png"
        result = renderer.render(release, tmp_path)
    assert result.page_count == 1
    assert result.warnings == [
        "cannot read logo.png (No such device or address): make it readable or choose another image"
    ]
