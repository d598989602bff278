"""Values written into CSS pass one check (model/css_values.py) on every path (issue 11, 4).

The house colour is written into a ``<style>`` block. Before the check, an accent such as
``red; } body { background: … url(http://tracker…) } x {`` closed the declaration and added
rules of its own: the reader's browser or mail client fetched the tracking URL. The CLI
refused it (validation), the editor's paths did not. Each test here was run with the check
taken out of its path and seen to fail (docs/fuzzing.md).
"""

from __future__ import annotations

import datetime as dt
import email
import io
import re
import shutil
import zipfile
from email import policy
from pathlib import Path

import pytest

from presskit.bundled import resource_path
from presskit.model.css_values import colour_problem, css_colour, css_page_size, normal_colour
from presskit.model.release import Organization, Release
from presskit.model.validation import validate_release
from presskit.outputs.worker import Worker
from presskit.render.context import build_context
from presskit.render.email import build_eml, email_html
from presskit.render.html import render_html
from presskit.render.themes import ThemeError, load_theme, theme_catalogue, user_themes_dir
from presskit.storage import dumps_release
from tests.pdf_contents import pdf_page_content

TRACKER = "tracker.example"
INJECTION = f"red; }} body {{ background: #00ff00 url(http://{TRACKER}/t.png) }} x {{"
GREEN_FILL = re.compile(r"\b0 1 0 (rg|RG)\b")  # the injected green page background
STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.S | re.I)
STYLE_ATTRIBUTE = re.compile(r"""\bstyle\s*=\s*("[^"]*"|'[^']*')""", re.I)


def hostile_release(theme: str = "classic") -> Release:
    return Release(
        headline="Injected",
        theme=theme,
        body="Body text.",
        organization=Organization(name="Org", accent=INJECTION),
    )


def css_of(html: str) -> str:
    """Every piece of CSS in an HTML document: style blocks and style attributes."""
    return "\n".join(STYLE_BLOCK.findall(html) + STYLE_ATTRIBUTE.findall(html))


def assert_clean_css(html: str, accent: str) -> None:
    css = css_of(html)
    assert css, "no CSS found: the check below would prove nothing"
    assert TRACKER not in html
    assert "#00ff00" not in css
    assert accent in css  # the theme's own colour took the place of the bad one


@pytest.mark.parametrize(
    ("value", "expected"),
    [("#1F3A5F", "#1f3a5f"), (" 0b6e69 ", "#0b6e69"), ("#abc", "#abc"), (INJECTION, None),
     ("#12345", None), ("#1f3a5f; background: url(x)", None), ("", None), ("red", None)],
)  # fmt: skip
def test_one_rule_for_colours(value: str, expected: str | None) -> None:
    assert normal_colour(value) == expected
    assert (colour_problem(value) is None) == (expected is not None)
    assert css_colour(value, "#0b6e69") == (expected or "#0b6e69")
    assert css_colour(value, INJECTION) == (expected or "#1f3a5f")  # a bad fallback too


def test_page_sizes_are_a_closed_list() -> None:
    assert css_page_size("letter") == "letter"
    assert css_page_size("A4; } body { x") == "A4"


def test_validation_reports_the_injected_colour() -> None:
    problems = validate_release(hostile_release())
    assert [p.field for p in problems] == ["organization.accent"]


def test_templates_only_ever_see_a_colour() -> None:
    """A theme's template that reads the release itself gets the checked value too."""
    context = build_context(hostile_release(), load_theme("classic"), "web")
    assert context["accent"] == "#1f3a5f"
    assert context["release"].organization.accent == context["org"].accent == ""
    assert context["page_size"] in ("A4", "letter")


@pytest.mark.parametrize("theme", ["classic", "modern", "letterhead"])
def test_the_web_page_gets_no_injected_css(theme: str) -> None:
    html = render_html(hostile_release(theme), purpose="web").html
    assert_clean_css(html, load_theme(theme).accent)


@pytest.mark.parametrize("theme", ["classic", "modern"])
def test_copy_for_email_and_the_eml_get_no_injected_css(theme: str) -> None:
    accent = load_theme(theme).accent
    assert_clean_css(email_html(hostile_release(theme)).html, accent)
    message = email.message_from_bytes(build_eml(hostile_release(theme)), policy=policy.default)
    html = message.get_body(("html",)).get_content()
    assert_clean_css(html, accent)


@pytest.fixture(scope="module")
def worker() -> Worker:
    """The editor's render worker, in process: the same code ``presskit.outputs.worker`` runs."""
    return Worker()


def _ask(worker: Worker, kind: str, release: Release) -> dict:
    reply = worker.handle({"id": 1, "kind": kind, "source": dumps_release(release)})
    assert reply["ok"], reply.get("error")
    return reply


def test_the_editors_pdf_gets_no_injected_css(worker: Worker) -> None:
    reply = _ask(worker, "pdf", hostile_release())
    assert not [w for w in reply["warnings"] if TRACKER in w]  # nothing asked for the URL
    first_page = pdf_page_content(reply["pdf"])[0]
    assert not GREEN_FILL.search(first_page), "the injected background was drawn"
    assert "0.121569 0.227451 0.372549 rg" in first_page  # classic's #1f3a5f instead


def test_the_editors_copy_for_email_gets_no_injected_css(worker: Worker) -> None:
    assert_clean_css(_ask(worker, "email", hostile_release())["html"], "#1f3a5f")


def _html_of(data: bytes) -> str:
    if data.startswith(b"<"):
        return data.decode("utf-8")
    message = email.message_from_bytes(data, policy=policy.default)
    return message.get_body(("html",)).get_content()


@pytest.mark.parametrize("kind", ["html", "eml"])
def test_the_editors_exports_get_no_injected_css(worker: Worker, kind: str) -> None:
    assert_clean_css(_html_of(_ask(worker, kind, hostile_release())["data"]), "#1f3a5f")


def test_the_press_kit_gets_no_injected_css(worker: Worker) -> None:
    with zipfile.ZipFile(io.BytesIO(_ask(worker, "kit", hostile_release())["data"])) as kit:
        members = {n: kit.read(n) for n in kit.namelist()}
    assert all(TRACKER.encode() not in data for data in members.values())
    pages = [_html_of(data) for n, data in members.items() if n.endswith((".html", ".eml"))]
    assert len([page for page in pages if "--accent" in page or "#1f3a5f" in page]) >= 2
    for page in pages:
        assert "#00ff00" not in css_of(page)


def _user_theme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, accent: str) -> str:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    load_theme.cache_clear()
    folder = user_themes_dir() / "injected"
    shutil.copytree(resource_path("themes", "classic"), folder)
    toml = (folder / "theme.toml").read_text(encoding="utf-8")
    (folder / "theme.toml").write_text(
        re.sub(r"(?m)^accent = .*$", f"accent = {accent!r}", toml), encoding="utf-8"
    )
    return "injected"


def test_a_theme_whose_accent_is_not_a_colour_is_refused_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = _user_theme(tmp_path, monkeypatch, INJECTION)
    try:
        with pytest.raises(ThemeError, match="accent that is not a colour"):
            load_theme(name)
        entry = next(e for e in theme_catalogue() if e.name == name)
        assert entry.theme is None and "not a colour" in entry.problem
    finally:
        load_theme.cache_clear()


def test_the_newsroom_gets_no_injected_css(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even if validation let the colour through (as liberal loading may), the site's CSS
    gets the default colour."""
    from presskit.newsroom import SiteOptions, build_newsroom

    # raising=False: once loading is liberal, the newsroom may not validate here at all
    monkeypatch.setattr(
        "presskit.newsroom.sources.validate_release", lambda release: [], raising=False
    )
    sources = tmp_path / "releases"
    sources.mkdir()
    release = hostile_release()
    release.dateline.date = dt.date(2025, 3, 1)
    (sources / "release.md").write_text(dumps_release(release), encoding="utf-8")
    site = tmp_path / "site"
    report = build_newsroom(
        SiteOptions(sources=[sources], site_dir=site, base_url="https://n.example/", jobs=1)
    )
    assert report.published == 1, report
    pages = [p for p in site.rglob("*.html")]
    assert len(pages) >= 2  # the index and the release's page
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert TRACKER not in html, page
        assert "#00ff00" not in css_of(html), page
    assert "--accent: #1f3a5f" in (site / "index.html").read_text(encoding="utf-8")


def test_the_kit_page_gets_no_injected_css(tmp_path: Path) -> None:
    """The press kit's own page (kit/page.py) takes its colour through the same check."""
    from presskit.kit.export import export_kit
    from tests.kit.builder import build_kit

    kit = build_kit(tmp_path / "kit")
    text = kit.read_text(encoding="utf-8")
    kit.write_text(text.replace("accent: '#1f5a3f'", f"accent: '{INJECTION}'"), encoding="utf-8")
    export_kit(kit, html_dir=tmp_path / "site")
    pages = list((tmp_path / "site").rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert TRACKER not in html, page
        assert "#00ff00" not in css_of(html), page
    assert any("--accent: #1f3a5f" in p.read_text(encoding="utf-8") for p in pages)
