"""Finding links and prose in Markdown source, with the right line numbers."""

from __future__ import annotations

from presskit.checks.markdown_scan import scan_markdown


def _targets(text: str) -> list[tuple[int, str, str]]:
    return [(link.line, link.text, link.target) for link in scan_markdown(text).links]


def test_inline_links_with_titles_angle_brackets_and_parentheses() -> None:
    text = (
        'One [site](https://a.org "Title") and [two](<https://b.org/x y>).\n'
        "Then [wiki](https://w.org/A_(b)) and [empty]() and [blank]( )."
    )
    assert _targets(text) == [
        (1, "site", "https://a.org"),
        (1, "two", "https://b.org/x y"),
        (2, "wiki", "https://w.org/A_(b)"),
        (2, "empty", ""),
        (2, "blank", ""),
    ]


def test_a_link_whose_text_wraps_is_on_the_line_it_starts() -> None:
    assert _targets("First line\nsee [the long\nannouncement](#) here") == [
        (2, "the long announcement", "#")
    ]


def test_images_and_an_image_inside_a_link() -> None:
    links = scan_markdown("![Logo](assets/logo.png)\n[![Map](map.png)](https://m.org)").links
    assert [(link.line, link.image, link.text, link.target) for link in links] == [
        (1, True, "Logo", "assets/logo.png"),
        (2, False, "Map", "https://m.org"),
        (2, True, "Map", "map.png"),
    ]


def test_autolinks_and_raw_html() -> None:
    text = (
        "Write <me@x.org> or see <https://x.org>.\n"
        '<a href=\'#\'>here <b>now</b></a> <img src="p.png" alt="P">'
    )
    links = scan_markdown(text).links
    assert [(link.form, link.text, link.target, link.image) for link in links] == [
        ("autolink", "me@x.org", "me@x.org", False),
        ("autolink", "https://x.org", "https://x.org", False),
        ("html", "here now", "#", False),
        ("html", "P", "p.png", True),
    ]


def test_reference_links_resolve_through_definitions() -> None:
    text = (
        "A [full][One], a [Two][], a [two] shortcut, an [undefined][nope],\n"
        "a footnote[^1] and [plain brackets].\n\n"
        "[one]: https://one.org 'Title'\n"
        "[TWO]: <https://two.org>\n"
        "[^1]: The footnote."
    )
    links = scan_markdown(text).links
    assert [(link.text, link.target, link.label, link.defined) for link in links] == [
        ("full", "https://one.org", "One", True),
        ("Two", "https://two.org", "Two", True),
        ("two", "https://two.org", "two", True),
        ("undefined", "", "nope", False),
    ]
    assert {link.form for link in links} == {"reference"}


def test_code_comments_and_escapes_hold_no_links() -> None:
    text = (
        "Inline `[code](#)` and ``[more `code`](#)`` and \\[escaped](#).\n\n"
        "```\n[fenced](#)\n```\n\n"
        "~~~~ markdown\n[tilde](#)\n~~~~\n\n"
        "    [indented](#)\n\n"
        "<!-- [inline comment](#) -->\n\n"
        "<!--\n[comment block](#)\n-->\n"
        "[real](#)"
    )
    assert _targets(text) == [(18, "real", "#")]


def test_indented_lines_in_a_list_are_not_code() -> None:
    text = "- item\n\n    [continued](#)"
    assert _targets(text) == [(3, "continued", "#")]


def test_prose_keeps_offsets_and_hides_syntax() -> None:
    text = (
        "# Heading {#top}\n\nSee [the site](https://a.org) `code` <b>bold</b>\n[r]: https://r.org"
    )
    prose = scan_markdown(text).prose
    assert len(prose) == len(text)
    assert prose.count("\n") == text.count("\n")
    assert "the site" in prose and "bold" in prose
    for hidden in ("https", "code", "top", "<b>", "r.org"):
        assert hidden not in prose
    assert prose.index("the site") == text.index("the site")
