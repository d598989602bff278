"""No output ever names a ``file:`` URL or the author's folders (issue 11, security 1).

WeasyPrint resolves a relative ``href`` against the release's folder, so a ``#`` placeholder,
``report.pdf`` or ``/etc/passwd`` came out as ``file:///home/author/...`` links in the PDF. The
guard is :func:`presskit.model.urls.link_href`, used by the sanitizer (body and boilerplate)
and the template context (links, website, social accounts): these tests fail without it
(docs/fuzzing.md, "guards removed by hand").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from presskit.model import Link, Organization, Release
from presskit.render.html import render_html
from presskit.render.pdf import PdfRenderer
from presskit.storage.release_file import load_release
from tests.pdf_contents import pdf_link_targets

LOCAL_TARGETS = ["#", "/etc/passwd", "report.pdf", "../up.html", "file:///etc/passwd", "C:\\x.doc"]


@pytest.fixture(scope="module")
def renderer() -> PdfRenderer:
    return PdfRenderer()


def _hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def test_the_bundled_example_pdf_has_no_file_link(
    renderer: PdfRenderer, example_path: Path
) -> None:
    release = load_release(example_path).release
    targets = pdf_link_targets(renderer.render(release, example_path.parent).pdf)
    assert targets, "the example has real links; the reader must see them"
    assert [t for t in targets if not t.startswith(("https:", "http:", "mailto:", "tel:"))] == []
    assert str(example_path.parent) not in " ".join(targets)


@pytest.mark.parametrize("target", LOCAL_TARGETS)
def test_a_local_link_in_the_body_is_plain_text_in_the_pdf(
    renderer: PdfRenderer, tmp_path: Path, target: str
) -> None:
    release = Release(
        headline="Links",
        body=f"See [x]({target}) and [the site](https://example.org/).",
        boilerplate=f"About [us]({target}).",
        links=[Link("Local", target)],
        organization=Organization(name="O", website=target),
    )
    targets = pdf_link_targets(renderer.render(release, tmp_path).pdf)
    assert targets == ["https://example.org/"]


@pytest.mark.parametrize("target", LOCAL_TARGETS)
@pytest.mark.parametrize("purpose", ["web", "email", "pdf"])
def test_a_local_link_is_no_href_in_the_html(tmp_path: Path, target: str, purpose: str) -> None:
    release = Release(
        headline="Links",
        body=f"See [x]({target}) and <a href='{target}'>y</a>.",
        links=[Link("Local", target)],
        organization=Organization(name="O", website=target),
    )
    rendered = render_html(release, tmp_path, purpose=purpose)
    assert _hrefs(rendered.html) == [], rendered.html
    assert "file:" not in rendered.html


def test_footnotes_keep_their_anchors(tmp_path: Path) -> None:
    release = Release(headline="Notes", body="A claim.[^1]\n\n[^1]: The source.")
    hrefs = _hrefs(render_html(release, tmp_path, purpose="web").html)
    assert hrefs and all(h.startswith("#fn") for h in hrefs)


def test_a_website_without_a_scheme_gets_https(tmp_path: Path) -> None:
    release = Release(
        headline="Site",
        organization=Organization(name="UNAIDS", website="unaids.org"),
        boilerplate="About UNAIDS.",
    )
    assert _hrefs(render_html(release, tmp_path, purpose="web").html) == ["https://unaids.org"]
