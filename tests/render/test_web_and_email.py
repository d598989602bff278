"""The web page (valid HTML5 with social and search metadata) and the email versions."""

from __future__ import annotations

import email
import json
import re
import shutil
import subprocess
from email import policy
from pathlib import Path

import pytest

from presskit.bundled import resource_path
from presskit.render.email import build_eml, email_html
from presskit.render.html import render_html
from presskit.storage import load_release
from tests.conftest import REPO
from tests.render.test_hostile import assert_no_executable_script
from tests.render.visual import EXAMPLES, bundled_themes

VNU = REPO / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _example(name: str):
    path = resource_path("examples", *EXAMPLES[name])
    return load_release(path).release, path.parent


def test_every_theme_passes_the_w3c_nu_html_checker(tmp_path: Path) -> None:
    """The W3C Nu HTML Checker (vnu.jar, offline): no errors and no warnings."""
    assert VNU.is_file(), "vnu.jar is missing: run scripts/dev setup (npm ci in tools/)"
    assert shutil.which("java"), "the Nu HTML Checker needs Java"
    files = []
    for theme in bundled_themes():
        for example in EXAMPLES:
            release, folder = _example(example)
            release.theme = theme
            page = tmp_path / f"{theme}-{example}.html"
            page.write_text(render_html(release, folder).html, encoding="utf-8")
            files.append(str(page))
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", *files],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    messages = json.loads(done.stderr or done.stdout)["messages"]
    assert messages == [], messages[:5]


def test_web_page_has_social_and_search_metadata() -> None:
    release, folder = _example("seed")
    html = render_html(release, folder).html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:title" content="{release.headline}">' in html
    assert '<meta property="og:site_name" content="US Campaign to Ban Landmines">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert '<meta name="twitter:site" content="@BanMinesUSA">' in html
    (data,) = [json.loads(m) for m in re.findall(r'ld\+json">(.*?)</script>', html, re.S)]
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == release.headline
    assert data["datePublished"] == "2014-09-23"
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "US Campaign to Ban Landmines",
        "url": "https://www.banminesusa.org",
    }
    assert data["author"] == data["publisher"]
    assert_no_executable_script(html)
    assert "@media screen and (max-width: 600px)" in html  # responsive
    assert "@page" not in html and "string-set" not in html  # print-only rules stay in the PDF


def test_embargoed_web_page_is_published_at_the_embargo() -> None:
    release, folder = _example("embargoed-de")
    html = render_html(release, folder).html
    (data,) = [json.loads(m) for m in re.findall(r'ld\+json">(.*?)</script>', html, re.S)]
    assert data["datePublished"] == "2014-09-23T09:00:00+02:00"
    assert data["inLanguage"] == "de-DE"
    assert '<html lang="de-DE" dir="ltr">' in html


@pytest.mark.parametrize("theme", bundled_themes())
def test_email_html_has_only_inline_styles(theme: str) -> None:
    release, folder = _example("seed")
    release.theme = theme
    html = email_html(release, folder).html
    assert "<style" not in html and "<script" not in html and "var(--" not in html
    assert re.search(r'<h1 class="headline" style="[^"]*font-size', html)
    assert "og:title" not in html  # web metadata has no place in a mail


def test_eml_draft_opens_as_multipart_alternative() -> None:
    release, folder = _example("embargoed-de")
    message = email.message_from_bytes(build_eml(release, folder), policy=policy.default)
    assert message["Subject"] == release.headline
    assert message["To"] is None and message["X-Unsent"] == "1"
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")  # SMTP: CRLF
    html = message.get_body(("html",)).get_content()
    assert text.startswith("SPERRFRIST BIS 23. September 2014, 09:00 MESZ\n\nStadtbäume")
    assert "Dr. Jana Weißmüller" in html
