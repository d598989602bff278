"""Cues of raw web text and PDF layout: the headline before the lead, top-matter chrome,
captions before their credit line, a headline wrapped over two PDF lines, a "-end-" mark
at a PDF line's end."""

from __future__ import annotations

from pathlib import Path

from presskit.importers import import_file, import_text

PAGE = """Skip to main content
Agency Newsroom
All News Releases By Date
Parks Agency Opens Three New Trails to the Public
Release Date: 05/14/2024
Contact: Jane Roe, 202-555-0143, roe.jane@parks.example.gov

WASHINGTON – The Parks Agency today opened three new trails in the national forest. \
The trails add forty miles of paths for walkers and riders.

Rangers cut the ribbon at the first trailhead on a sunny morning in May.
Credit: Parks Agency/John Doe

“These trails bring the forest closer to every family,” said the director.

###
"""


def test_raw_web_text_headline_date_caption() -> None:
    release = import_text(PAGE).release
    assert release.headline == "Parks Agency Opens Three New Trails to the Public"
    assert str(release.dateline.date) == "2024-05-14"
    assert release.dateline.city.lower() == "washington"
    assert release.body.startswith("The Parks Agency today opened")
    assert "ribbon" not in release.body  # the photo's caption is not the body
    assert "All News Releases" not in release.body
    assert [c.email for c in release.contacts] == ["roe.jane@parks.example.gov"]


def test_pdf_wrapped_headline_and_end_mark(tmp_path: Path) -> None:
    from weasyprint import HTML

    path = tmp_path / "release.pdf"
    HTML(
        string="<style>@page{size:120mm 200mm} body{font-size:10pt} h1{font-size:20pt}</style>"
        "<h1>City Library Opens a New Reading Room for Children</h1>"
        "<p>SPRINGFIELD, May 1, 2024 – The city library opened a new reading room today. "
        + "It holds books for young readers and a space for story time. " * 3
        + "</p><p>-end-</p><p>Rachel Kraft<br>202-358-1100<br>rachel.kraft@library.example.org</p>"
    ).write_pdf(path)
    release = import_file(path).release
    assert release.headline == "City Library Opens a New Reading Room for Children"
    assert release.end_mark == "-end-"
    assert [c.name for c in release.contacts] == ["Rachel Kraft"]
