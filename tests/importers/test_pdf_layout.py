"""PDF layout, as people make release PDFs: page furniture (running headers and footers,
page numbers, "- more -", a browser's print stamps), paragraphs across pages, hyphens at
line ends, contacts side by side, links, a header drawn after the text, "-30-" at a page's
foot. The PDFs are made here with WeasyPrint; the corpus holds Word-made and real ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.importers import import_file
from presskit.importers.model import ImportResult
from presskit.importers.pdf_layout import PdfLine, join

BODY = (
    "The agency opened a new research station on the northern coast today, the first of "
    "three stations planned for the region over the next five years. "
)


def _pdf(tmp_path: Path, html: str, css: str = "") -> Path:
    from weasyprint import CSS, HTML

    path = tmp_path / "release.pdf"
    style = "@page { size: 150mm 160mm; margin: 18mm } body { font: 10pt serif } " + css
    HTML(string=f"<html lang='en'><body>{html}</body></html>").write_pdf(
        path, stylesheets=[CSS(string=style)]
    )
    return path


def _not_placed(result: ImportResult) -> str:
    return " ".join(block.text for block in result.not_placed())


def test_running_header_page_numbers_and_more_are_left_out(tmp_path: Path) -> None:
    css = (
        "@page { @top-center { content: 'Coastal Agency News Release'; font: 8pt serif }"
        " @bottom-center { content: 'Page ' counter(page) ' of ' counter(pages);"
        " font: 8pt serif } }"
        " h1 { font-size: 18pt } .more { text-align: center; page-break-after: always }"
    )
    html = (
        "<p>FOR IMMEDIATE RELEASE</p><h1>Agency Opens a Research Station on the Coast</h1>"
        f"<p>NORTHPORT, May 1, 2024 – {BODY * 3}</p><p>{BODY * 2}</p><p class=more>- more -</p>"
        f"<p>{BODY * 2}</p><p>“The coast tells us how the climate changes,” said the director.</p>"
        "<p style='text-align:center'>###</p><p>Media contact: Jane Roe, 202-555-0143, "
        "jane.roe@coast.example.gov</p>"
    )
    result = import_file(_pdf(tmp_path, html, css))
    release = result.release
    assert release.headline == "Agency Opens a Research Station on the Coast"
    text = release.body + release.boilerplate + _not_placed(result)
    assert "Coastal Agency News Release" not in text
    assert "Page 1" not in text and "more" not in text.lower().replace("moreover", "")
    assert release.body.rstrip().endswith("said the director.")
    assert release.end_mark == "###"
    assert [c.email for c in release.contacts] == ["jane.roe@coast.example.gov"]
    assert any("page headers, footers and numbers were left out" in w for w in result.warnings)


def test_a_paragraph_carries_on_over_the_page_and_a_page_two_header_goes(tmp_path: Path) -> None:
    css = (
        "@page :first { @top-center { content: none } }"
        "@page { @top-center { content: 'Release 24-017, page ' counter(page); font: 8pt serif } }"
        " h1 { font-size: 18pt }"
    )
    html = (
        "<h1>Agency Opens a Research Station on the Coast</h1>"
        f"<p>NORTHPORT, May 1, 2024 – {BODY * 14} The station closes its first season in "
        "October.</p><p>-30-</p>"
    )
    release = import_file(_pdf(tmp_path, html, css)).release
    assert "page 2" not in release.body.lower()
    assert release.body.count("\n\n") == 0, release.body  # one paragraph, over two pages
    assert release.body.endswith("The station closes its first season in October.")
    assert release.end_mark == "-30-"


def test_end_mark_at_the_foot_of_a_page_is_no_page_number(tmp_path: Path) -> None:
    css = (
        "@page { @bottom-center { content: counter(page); font: 8pt serif } } h1 {font-size: 18pt}"
    )
    html = (
        "<h1>Agency Opens a Research Station on the Coast</h1>"
        f"<p>NORTHPORT, May 1, 2024 – {BODY * 2}</p><p style='text-align:center'>-30-</p>"
    )
    release = import_file(_pdf(tmp_path, html, css)).release
    assert release.end_mark == "-30-"


def test_hyphens_at_line_ends(tmp_path: Path) -> None:
    html = (
        "<h1>Agency Opens a Research Station</h1>"
        "<p>NORTHPORT, May 1, 2024 – The station marks the agency's 20-<br>year plan for the "
        "coast, and its self-<br>contained labs run on sun and wind.</p>"
        "<p>Media contact: Jane Roe, 202-555-0143, jane.roe@coast-<br>agency.example.gov</p>"
    )
    release = import_file(_pdf(tmp_path, html)).release
    assert "20-year plan" in release.body
    assert "self-contained labs" in release.body  # a browser does not hyphenate: kept
    assert [c.email for c in release.contacts] == ["jane.roe@coast-agency.example.gov"]


def test_a_typesetters_hyphenation_is_mended(tmp_path: Path) -> None:
    words = "environmental administration internationalization responsibilities " * 3
    html = f"<h1>Agency Opens a Station</h1><p>NORTHPORT, May 1, 2024 – The {words}end.</p>"
    css = "p { hyphens: auto; text-align: justify; width: 45mm }"
    release = import_file(_pdf(tmp_path, html, css)).release
    assert "\u2010" not in release.body
    assert release.body.count("internationalization") == 3, release.body


@pytest.mark.parametrize(
    ("hyphenates", "expected"),
    [(True, "selfcontained"), (False, "self-contained"), (None, "selfcontained")],
)
def test_hyphen_kept_or_mended_by_the_program_that_made_the_pdf(
    hyphenates: bool | None, expected: str
) -> None:
    lines = [PdfLine(0, "the self-"), PdfLine(0, "contained labs")]
    assert join(lines, set(), hyphenates) == f"the {expected} labs"
    # the document's own spelling decides first
    assert join(lines, {"self-contained"}, True) == "the self-contained labs"
    assert join(lines, {"selfcontained"}, False) == "the selfcontained labs"


def test_contacts_side_by_side_in_a_table(tmp_path: Path) -> None:
    html = (
        "<h1>Agency Opens a Research Station on the Coast</h1>"
        f"<p>NORTHPORT, May 1, 2024 – {BODY}</p><p>###</p><p><b>Press contacts</b></p>"
        "<table style='width:100%'><tr><td>Jane Roe<br>Coastal Agency<br>+1-202-555-0143<br>"
        "jane.roe@coast.example.gov</td><td>Rui Sato<br>Northport University<br>+1-207-555-0188<br>"
        "rui.sato@northport.example.edu</td></tr></table>"
    )
    release = import_file(_pdf(tmp_path, html)).release
    found = {(c.name, c.email, c.phones[0].number if c.phones else "") for c in release.contacts}
    assert ("Jane Roe", "jane.roe@coast.example.gov", "+1-202-555-0143") in found
    assert ("Rui Sato", "rui.sato@northport.example.edu", "+1-207-555-0188") in found


def test_links_become_markdown_and_printed_addresses_go(tmp_path: Path) -> None:
    css = "a[href]::after { content: ' (' attr(href) ')' }"
    html = (
        "<h1>Agency Opens a Research Station on the Coast</h1>"
        "<p>NORTHPORT, May 1, 2024 – The station's data will be open on the "
        "<a href='https://coast.example.gov/data'>agency's data portal</a> from June. "
        f"{BODY}</p><p>Reporters may write to the "
        "<a href='mailto:press@coast.example.gov'>press office</a> for a visit.</p><p>###</p>"
    )
    body = import_file(_pdf(tmp_path, html, css)).release.body
    assert "[agency's data portal](https://coast.example.gov/data) from June" in body
    assert "[press office](mailto:press@coast.example.gov) for a visit" in body
    assert "(https://coast.example.gov/data)" not in body.replace("](https://coast", "")


def test_a_header_drawn_after_the_text_is_read_first(tmp_path: Path) -> None:
    html = (
        "<div style='margin-top: 12mm'><h1>Agency Opens a Research Station on the Coast</h1>"
        f"<p>NORTHPORT, May 1, 2024 – {BODY * 2}</p><p>###</p></div>"
        "<div style='position: absolute; top: 0; left: 0'>Coastal Agency Newsroom</div>"
    )
    result = import_file(_pdf(tmp_path, html))
    assert result.document.blocks[0].text == "Coastal Agency Newsroom"
    assert result.release.headline == "Agency Opens a Research Station on the Coast"
    assert "Newsroom" not in result.release.body


def test_a_browsers_print_stamps_go(tmp_path: Path) -> None:
    css = (
        "@page { @top-right { content: 'https://coast.example.gov/news/station'; font: 8pt serif }"
        " @bottom-left { content: counter(page) ' of ' counter(pages); font: 8pt serif }"
        " @bottom-right { content: '5/1/24, 9:14 AM'; font: 8pt serif } }"
    )
    html = (
        "<h1>Agency Opens a Research Station on the Coast</h1>"
        f"<p>NORTHPORT, May 1, 2024 – {BODY * 2}</p><p>###</p>"
    )
    result = import_file(_pdf(tmp_path, html, css))
    lines = " ".join(result.document.lines)
    assert "https://coast.example.gov/news/station" not in lines
    assert "9:14" not in lines and "1 of 1" not in lines
