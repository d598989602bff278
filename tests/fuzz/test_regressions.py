"""One test for each bug the fuzzing found (docs/fuzzing.md lists them), so none comes back."""

from __future__ import annotations

import datetime as dt

import pytest

from presskit.checks.markdown_scan import scan_markdown
from presskit.checks.runner import run_checks
from presskit.model.release import (
    Dateline,
    DatelineStyle,
    Link,
    Organization,
    Release,
    SocialHandle,
    Status,
)
from presskit.render.html import render_html
from presskit.render.markdown_body import MAX_NESTING, markdown_to_html, nesting_depth
from presskit.render.text import render_text
from presskit.storage.problems import ReleaseFileError
from presskit.storage.release_file import dumps_release, loads_release
from tests.fuzz.pipeline import assert_safe_html


def _round_trip(release: Release) -> Release:
    return loads_release(dumps_release(release)).release


# -- saving and loading -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["\x85", "a\x85b", "line one\nline\x85two\n"])
def test_a_next_line_character_survives_a_save(text: str) -> None:
    # PyYAML wrote U+0085 as a raw line break, which reads back as a space or a newline.
    release = Release(headline=text, subheadline=text, boilerplate=text, extra={"x": text})
    loaded = _round_trip(release)
    assert (loaded.headline, loaded.subheadline, loaded.boilerplate) == (text, text, text)
    assert loaded.extra == {"x": text}


def test_a_carriage_return_in_the_body_is_saved_as_a_line_feed() -> None:
    # A bare CR was written as it was, read back as LF: the next save gave other bytes.
    text = dumps_release(Release(headline="x", body="\rשלום\r\nעולם"))
    assert "\r" not in text
    assert dumps_release(loads_release(text).release) == text


def test_the_dateline_style_is_kept_before_city_and_date_are_filled_in() -> None:
    release = Release(headline="x", dateline=Dateline(style=DatelineStyle.AP))
    assert _round_trip(release).dateline.style is DatelineStyle.AP


@pytest.mark.parametrize("number", ["\u00b2", "\u0663", "99999999999999999999999"])
def test_a_library_id_that_is_not_a_plain_number_is_a_file_error(number: str) -> None:
    # "²".isdigit() is True, and int("²") raised ValueError out of loads_release.
    text = f"---\nheadline: x\ncontacts: [{{name: A, library: {{id: '{number}'}}}}]\n---\n"
    with pytest.raises(ReleaseFileError, match=r"contacts\[1\]\.library\.id"):
        loads_release(text)


@pytest.mark.parametrize("version", ["0x10", "0b1", "190:20:30", "9" * 5000])
def test_a_format_version_in_another_notation_is_a_warning(version: str) -> None:
    # YAML 1.1 reads these as integers; int() refused them with ValueError. Since issue 11 the
    # file loads as format 1, with a warning naming the line.
    loaded = loads_release(f"---\npresskit: {version}\nheadline: x\n---\n")
    (warning,) = loaded.warnings
    assert str(warning).startswith("<text>:2: warning: presskit: the format version")


# -- rendering ----------------------------------------------------------------------------------


def test_a_language_babel_does_not_know_renders_in_english_dates() -> None:
    # "zz-ZZ" is a well-formed tag; Babel raised UnknownLocaleError from every renderer.
    release = Release(
        headline="x",
        language="zz-ZZ",
        status=Status.EMBARGOED,
        embargo=dt.datetime(2014, 9, 23, 9, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        timezone="Europe/Berlin",
        dateline=Dateline("Berlin", dt.date(2014, 9, 23), DatelineStyle.LOCALE),
    )
    assert "September 23, 2014" in render_text(release)
    assert "September 23, 2014" in render_html(release, None).html
    release.language = "de-XX"  # a known language in an unknown region: its dates
    assert "23. September 2014" in render_text(release)


def test_front_matter_links_that_would_run_code_are_not_links() -> None:
    release = Release(
        headline="x",
        organization=Organization(
            name="Org",
            website="javascript:alert(1)",
            social=[SocialHandle("twitter", "@org", " JaVa\tScRiPt:alert(2)")],
        ),
        links=[Link("Evil", "javascript:alert(3)"), Link("Good", "https://example.org/")],
    )
    for purpose in ("web", "email", "pdf"):
        html = render_html(release, None, purpose=purpose).html  # type: ignore[arg-type]
        assert_safe_html(html)
        assert "alert" not in html
        assert 'href="https://example.org/"' in html
        assert "Evil" in html and "@org" in html  # the words stay, as text


@pytest.mark.parametrize(
    "body",
    [
        "\n".join("  " * i + f"- item {i}" for i in range(300)),
        ">" * 300 + " deep quote",
        "<blockquote>" * 300 + "deep html" + "</blockquote>" * 300,
    ],
)
def test_deeply_nested_markdown_renders_as_plain_paragraphs(body: str) -> None:
    # python-markdown (and WeasyPrint) raised RecursionError a few hundred levels down.
    html = markdown_to_html(body)
    assert nesting_depth(html) <= MAX_NESTING
    word = "item 299" if "item" in body else "deep"
    assert word in html
    assert word in render_text(Release(headline="x", body=body))
    assert_safe_html(render_html(Release(headline="x", body=body), None).html)


def test_a_list_two_thousand_levels_deep_is_not_given_to_python_markdown() -> None:
    # It copied the rest of the text at every level: a minute and a GB before RecursionError.
    body = "\n".join("  " * i + f"- item {i}" for i in range(2000))
    html = markdown_to_html(body)
    assert html.startswith("<p>- item 0<br>") and "<ul>" not in html
    assert "item 1999" in html


def test_deeply_nested_markdown_makes_a_pdf() -> None:
    from presskit.render.pdf import render_pdf

    body = "<blockquote>" * 300 + "deep html" + "</blockquote>" * 300
    assert render_pdf(Release(headline="x", body=body)).page_count >= 1


@pytest.mark.parametrize("start", ["\u00b2", "9" * 5000])
def test_an_odd_list_start_number_does_not_break_the_text(start: str) -> None:
    # int() refused "²" and numbers of more than 4300 digits in <ol start>.
    text = render_text(Release(headline="x", body=f'<ol start="{start}"><li>a</li></ol>'))
    assert "1. a" in text


def test_a_markdown_list_numbered_beyond_int_does_not_break_the_text() -> None:
    assert "1. a" in render_text(Release(headline="x", body="9" * 5000 + ". a"))


# -- checks -------------------------------------------------------------------------------------


def test_the_scan_still_finds_every_link_and_blanks_overlapping_spans() -> None:
    body = "A [link](https://e.org) and \\*escaped\\* `[code](x)` <b>[b](https://b.org)</b>"
    scan = scan_markdown(body)
    assert [link.target for link in scan.links] == ["https://e.org", "https://b.org"]
    assert len(scan.prose) == len(body)
    assert scan.prose.split() == ["A", "link", "and", "escaped", "b"]
    findings = run_checks(Release(headline="x", body=body), now=dt.datetime.now(dt.UTC))
    assert all(f.body_line in (None, 1) for f in findings)
