"""The guard that keeps python-markdown linear: hostile paragraphs defused, real ones untouched.

No timings here (benchmarks/bench_checks.py has the scaling); these check what the guard
does to the text and that every character still reaches the page.
"""

from __future__ import annotations

import pytest

from presskit.bundled import example_release_path
from presskit.model import Release
from presskit.render.markdown_body import markdown_to_html
from presskit.render.markdown_guard import MAX_MARK_WORK, guard_markdown
from presskit.render.text import render_text
from presskit.storage import load_release


def test_real_text_is_left_exactly_as_it_is() -> None:
    body = load_release(example_release_path()).release.body
    assert guard_markdown(body) == body
    stray = "A stray [ bracket, [a link](https://example.org) and `[code]`.\n"
    assert guard_markdown(stray * 20) == stray * 20


def test_thousands_of_unclosed_brackets_are_escaped_and_all_printed() -> None:
    body = "Intro [link](https://example.org)\n" + "![" * 1000 + "\n"
    guarded = guard_markdown(body)
    assert guarded.count("\\[") == 1001 and guarded.count("\\]") == 1
    text = render_text(Release(headline="x", body=body))
    assert text.count("[") == 1001 and text.count("!") == 1000


def test_brackets_nested_thousands_deep_are_escaped_and_all_printed() -> None:
    body = "[" * 1000 + "deep" + "]" * 1000
    html = markdown_to_html(body)
    assert guard_markdown(body).count("\\[") == 1000
    assert html.count("[") == 1000 and html.count("]") == 1000 and "deep" in html
    assert "<a" not in html


def test_escapes_in_a_defused_paragraph_keep_their_meaning() -> None:
    body = "`[code]` \\[escaped\\] \\\\[" + "[" * 1000
    guarded = guard_markdown(body)
    # Code spans are not told apart (a wrong guess would let the scans back in): a bracket
    # in one prints with its backslash, in hostile paragraphs only.
    assert guarded.startswith("`\\[code\\]` \\[escaped\\] \\\\\\[\\[")
    html = markdown_to_html(body)
    assert "[escaped]" in html and html.count("[") == 1003


@pytest.mark.parametrize(
    "body",
    [
        "```\n" + "[" * 3000,  # a fence never closed is no fence to python-markdown
        " ```\n" + "[" * 3000 + "\n ```\n",  # nor is an indented one
        "```x``` is inline code\n" + "[" * 3000,
        "\\`" + "[" * 3000 + "`",  # an escaped backtick opens no code span
    ],
    ids=["unclosed fence", "indented fence", "inline triple backticks", "escaped backtick"],
)
def test_what_python_markdown_does_not_read_as_code_is_guarded(body: str) -> None:
    assert guard_markdown(body).count("\\[") == 3000


def test_smart_dashes_and_ellipses_count_as_marks() -> None:
    for piece in ("a -- ", "a... "):
        assert guard_markdown(piece * 40_000).startswith("<p>a")  # made plain, not left as is
        html = markdown_to_html(piece * 40_000)
        assert html.startswith("<p>a") and html.count(piece.strip()) == 40_000


def test_long_real_lists_and_tables_keep_their_markdown() -> None:
    items = "".join(
        f"- **Partner {i}** \u2013 [Town {i}](https://example.org/{i})\n" for i in range(300)
    )
    rows = "".join(f"| [Row {i}](https://example.org/{i}) | *{i}* |\n" for i in range(260))
    table = "| Name | Value |\n|---|---|\n" + rows
    body = items + "\n" + table
    assert guard_markdown(body) == body
    html = markdown_to_html(body)
    assert html.count("<li>") == 300 and html.count("<strong>") == 300
    assert html.count("<tr>") == 261 and html.count("<em>") == 260


def test_a_hostile_list_item_makes_its_list_plain() -> None:
    body = "- a normal item\n- " + "*a* " * 5000 + "\n- another\n\nAfter *that*.\n"
    html = markdown_to_html(body)
    assert html.startswith("<p>- a normal item<br>") and "<em>that</em>" in html


def test_abbreviations_past_fifty_are_text() -> None:
    body = "".join(f"*[AB{i}]: abbreviation {i}\n" for i in range(60)) + "\nAB1 and AB55.\n"
    guarded = guard_markdown(body)
    assert guarded.count("\\*[") == 10
    html = markdown_to_html(body)
    assert '<abbr title="abbreviation 1">AB1</abbr>' in html and "*[AB55]: abbreviation 55" in html


def test_fenced_code_is_never_touched() -> None:
    fence = "````\n```\n" + "[" * 5000 + "\n\n" + "*a* " * 3000 + "\n````\n"
    body = "Before.\n\n" + fence + "\nAfter.\n"
    assert guard_markdown(body) == body
    assert "[" * 5000 in markdown_to_html(body)


def test_a_paragraph_dense_with_marks_becomes_plain_text_with_every_word() -> None:
    dense = "*a* <b>&amp;</b>\n" * 2000  # one paragraph: 2,000 lines, 16,000 marks
    assert dense.count("*") * len(dense) > MAX_MARK_WORK
    body = "# Title\n\nA *normal* paragraph.\n\n" + dense + "\nThe *end*."
    html = markdown_to_html(body)
    assert "<h1>Title</h1>" in html and "<em>normal</em>" in html and "<em>end</em>" in html
    assert html.count("*a* &lt;b&gt;&amp;amp;&lt;/b&gt;<br>") == 1999
    assert "<em>a</em>" not in html and "<b>" not in html
