"""Plain text for email and wire forms."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from presskit.model import Contact, Dateline, DatelineStyle, Link, Phone, Release
from presskit.render.text import render_text
from presskit.storage import load_release


def test_example_text_has_every_part_in_order(example_path: Path) -> None:
    text = render_text(load_release(example_path).release)
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "FOR IMMEDIATE RELEASE"
    assert paragraphs[1] == "US: Ban Landmine Use Everywhere, Korea Included"
    assert (
        paragraphs[2]
        == "20th Anniversary of President Clinton’s call for their “eventual elimination”"
    )
    assert paragraphs[3].startswith(
        # a placeholder link (#) is plain text: nothing printed after it
        "(Washington DC, September 23, 2014) Today’s announcement by"
    )
    order = [
        "For more information:",
        "###",
        "About US Campaign",
        "Media contacts",
        "Mica Bevington",
    ]
    positions = [text.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert (
        "- US Campaign to Ban Landmines letter to President Obama, September 12, 2014 (http://"
        in text
    )
    assert "+1-646-203-8292 (mobile)\nwareham@hrw.org" in text
    assert "Twitter: @BanMinesUSA" in text


def test_paragraphs_are_never_hard_wrapped() -> None:
    body = "A " * 400 + "\n\nSecond paragraph."
    text = render_text(Release(headline="H", body=body))
    long_line = max(text.splitlines(), key=len)
    assert len(long_line) > 790
    assert "\n\nSecond paragraph.\n" in text


def test_ap_dateline_and_markdown_structures() -> None:
    release = Release(
        headline="H",
        dateline=Dateline(city="Chicago", date=dt.date(2025, 9, 2), style=DatelineStyle.AP),
        body="First *news* with [a link](https://example.org).\n\n- one\n- two\n\n> A quote",
        links=[Link(title="Only title")],
        contacts=[Contact(name="N", title="Press officer", phones=[Phone("1", "")])],
        end_mark="-30-",
    )
    text = render_text(release)
    assert "CHICAGO, Sept. 2, 2025 — First news with a link (https://example.org)." in text
    assert "\n\n- one\n\n- two\n\n> A quote\n\n" in text
    assert "- Only title" in text and "\n\n-30-\n\n" in text
    assert "N, Press officer\n1" in text
