"""The site built from the corpus: what it lists, in which order, and what it leaves out."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import feedparser

from presskit.newsroom.manifest import MANIFEST_NAME
from tests.conftest import pdf_text, squash
from tests.newsroom.conftest import BASE_URL, HELD_WORDS, site_files

PUBLISHED = 11  # the ten of the corpus, the bundled example; not the 2099 one
NEWEST_FIRST = [
    "Riverside Food Bank Opens Second Warehouse",  # 2025-03-18
    "Lakeshore Researchers Map Groundwater Loss",  # 2025-01-22
    "New Shelter Opens for Families in Winter",  # 2024-11-05
]


def _text_of(path: Path) -> str:
    """Every word a file shows: text files as they are, PDFs' text, zip members' too."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return pdf_text(data)
    if path.suffix == ".zip":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [archive.namelist()]
            for name in archive.namelist():
                member = archive.read(name)
                parts.append(
                    pdf_text(member) if name.endswith(".pdf") else member.decode("utf-8", "replace")
                )
        return "\n".join(map(str, parts))
    return data.decode("utf-8")


def test_the_embargoed_release_appears_nowhere(built) -> None:
    _sources, site, report = built
    assert [line.split(": ", 1)[1] for line in report.held] == [
        "held back until 2099-01-01 09:00 UTC"
    ]
    assert "future-orchard" in report.held[0]
    for path in site_files(site):
        text = _text_of(path).casefold()
        for word in HELD_WORDS:
            assert word not in text, f"{path.relative_to(site)} mentions '{word}'"
        assert "2099" not in path.name


def test_index_lists_the_published_releases_newest_first_with_a_page_and_pdf_each(built) -> None:
    _sources, site, report = built
    assert report.published == PUBLISHED and not report.failed
    index = (site / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r'class="card-title"[^>]*><a href="([^"]+)">([^<]+)</a>', index)
    assert len(titles) == PUBLISHED
    for expected, (_href, title) in zip(NEWEST_FIRST, titles, strict=False):
        assert title.startswith(expected)
    for href, title in titles:
        page = site / href
        assert page.is_file(), href
        pdf = page.with_suffix(".pdf")
        assert squash(title.replace("&#39;", "'"))[:30] in squash(pdf_text(pdf.read_bytes()))
        assert page.with_name(page.stem + "-press-kit.zip").is_file()
    assert "11 press releases, newest first" in index


def test_atom_feed_lists_the_releases_newest_first_with_absolute_links(built) -> None:
    _sources, site, _report = built
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    entries = feed.entries
    assert len(entries) == PUBLISHED
    assert [e.title for e in entries[:3]] == [
        "Riverside Food Bank Opens Second Warehouse to Meet Record Demand",
        "Lakeshore Researchers Map Groundwater Loss Beneath the Farm Belt",
        "New Shelter Opens for Families in Winter",
    ]
    published = [e.published_parsed for e in entries]
    assert published == sorted(published, reverse=True)
    for entry in entries:
        assert entry.link.startswith(BASE_URL + "releases/") and entry.link.endswith(".html")
        assert (site / entry.link.removeprefix(BASE_URL)).is_file()
        (pdf,) = [link for link in entry.links if link.rel == "enclosure"]
        assert pdf.type == "application/pdf" and pdf.href.startswith(BASE_URL)
        assert int(pdf.length) == (site / pdf.href.removeprefix(BASE_URL)).stat().st_size


def test_rss_feed_parses_without_errors(built) -> None:
    _sources, site, _report = built
    feed = feedparser.parse((site / "rss.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert len(feed.entries) == PUBLISHED
    assert all(e.link.startswith(BASE_URL) and e.id == e.link for e in feed.entries)


def test_archives_by_year(built) -> None:
    _sources, site, _report = built
    years = sorted(p.stem for p in (site / "archive").glob("*.html"))
    assert years == ["2014", "2020", "2021", "2022", "2023", "2024", "2025"]
    page = (site / "archive" / "2024.html").read_text(encoding="utf-8")
    assert page.count('class="card"') == 3  # the shelter, the cycle lanes in two languages
    assert 'href="../releases/2024-11-05-new-shelter-opens-for-families-in-winter.html"' in page


def test_language_versions_name_each_other_with_hreflang(built) -> None:
    _sources, site, _report = built
    releases = site / "releases"
    english = releases / "2024-06-12-protected-cycle-lanes-cut-commuting-times-on-five-city.html"
    german = releases / "2024-06-12-geschutzte-radwege-verkurzen-die-pendelzeit-auf-funf.html"
    for page in (english, german):
        html = page.read_text(encoding="utf-8")
        assert (
            f'<link rel="alternate" hreflang="en-GB" href="{BASE_URL}releases/{english.name}">'
            in html
        )
        assert (
            f'<link rel="alternate" hreflang="de-DE" href="{BASE_URL}releases/{german.name}">'
            in html
        )
    assert f'href="{german.name}" hreflang="de-DE" lang="de-DE">Deutsch</a>' in english.read_text(
        encoding="utf-8"
    )
    assert f'href="{english.name}" hreflang="en-GB" lang="en-GB">English</a>' in german.read_text(
        encoding="utf-8"
    )
    other = releases / "2023-04-03-public-libraries-now-lend-10-000-wi-fi-hotspots.html"
    assert "hreflang" not in other.read_text(encoding="utf-8")


def test_sitemap_lists_every_page_with_language_alternates(built) -> None:
    _sources, site, _report = built
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site / "sitemap.xml").getroot()
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    assert BASE_URL + "index.html" in locations and BASE_URL + "archive/2014.html" in locations
    releases = [loc for loc in locations if "/releases/" in loc]
    assert len(releases) == PUBLISHED
    alternates = root.findall("s:url/x:link", ns)
    assert sorted(a.get("hreflang") for a in alternates) == ["de-DE", "de-DE", "en-GB", "en-GB"]


def test_files_that_are_not_releases_are_reported_once(built) -> None:
    sources, _site, report = built
    assert report.skipped == [
        f"{sources}/README.md:1: skipped, not a release that can be published: a release "
        "starts with a line '---' and its fields (YAML front matter); this file does not, "
        "so it is not a Presskit release",
        f"{sources}/drafts/unfinished.md:2: skipped, not a release that can be published: "
        "headline: a release needs a headline",
    ]


def test_the_manifest_names_no_folder_of_the_author(built) -> None:
    sources, site, _report = built
    manifest = (site / MANIFEST_NAME).read_text(encoding="utf-8")
    assert str(sources.parent) not in manifest and "release.md" not in manifest


def test_no_page_loads_anything_from_another_origin(built) -> None:
    _sources, site, _report = built
    loads = re.compile(
        r"""<(?:img|script|iframe|embed|source|video|audio)\b[^>]*\bsrc\s*=\s*["']([^"']*)"""
        r"""|<link\b[^>]*\brel\s*=\s*["'](?:stylesheet|icon|preload|modulepreload|manifest)["'][^>]*\bhref\s*=\s*["']([^"']*)"""
        r"""|url\(\s*["']?([^"')]*)|@import\s+["']([^"']*)""",
        re.IGNORECASE,
    )
    pages = [p for p in site_files(site) if p.suffix == ".html"]
    assert len(pages) > PUBLISHED
    seen = 0
    for page in pages:
        for match in loads.finditer(page.read_text(encoding="utf-8")):
            url = next(group for group in match.groups() if group is not None)
            seen += 1
            assert url.startswith("data:") or not re.match(r"[a-z][a-z0-9+.-]*:|//", url, re.I), (
                f"{page.name} loads {url[:80]}"
            )
    assert seen > 0  # the logo, the search scripts: the pattern does find loads
