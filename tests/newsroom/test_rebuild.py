"""Rebuilding: only what changed is rendered, and what must no longer be published goes."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from presskit.newsroom import SiteOptions, build_newsroom
from presskit.newsroom.manifest import MANIFEST_NAME
from presskit.newsroom.site_files import SiteFileError, SiteWriter
from presskit.storage import load_release, save_release
from tests.newsroom.conftest import CORPUS, build, site_files

LATER = dt.datetime(2099, 1, 2, tzinfo=dt.UTC)


@pytest.fixture
def small(tmp_path: Path) -> tuple[Path, Path]:
    """Three releases: the cycle lanes in English and German, and the one embargoed to 2099."""
    sources = tmp_path / "releases"
    for name in ("cycle-lanes", "future-orchard"):
        shutil.copytree(CORPUS / name, sources / name)
    return sources, tmp_path / "site"


def _mtimes(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site_files(site)}


def _mentions(site: Path, word: str) -> list[str]:
    return [
        str(p.relative_to(site))
        for p in site_files(site)
        if p.suffix not in {".pdf", ".zip"} and word in p.read_text("utf-8").casefold()
    ] + [str(p.relative_to(site)) for p in site_files(site) if word in p.name]


def test_a_rebuild_without_changes_renders_and_writes_nothing(small) -> None:
    sources, site = small
    first = build(sources, site)
    assert len(first.rendered) == 2
    before = _mtimes(site)
    again = build(sources, site)
    assert again.rendered == [] and again.unchanged == 2
    assert again.written == [] and again.removed == []
    assert _mtimes(site) == before


def test_changing_one_release_renders_that_release_only(small) -> None:
    sources, site = small
    build(sources, site)
    english = sources / "cycle-lanes" / "en.md"
    loaded = load_release(english)
    loaded.release.body += "\n\nThe report is free to download."
    save_release(loaded.release, english)
    report = build(sources, site)
    assert report.rendered == [str(english)]
    assert report.unchanged == 1
    written = set(report.written)
    assert not any("geschutzte" in name for name in written)  # the German files stay as they were


def test_the_embargoed_release_is_published_after_its_embargo_and_withdrawn_before(small) -> None:
    sources, site = small
    build(sources, site)
    assert _mentions(site, "zyxwarbleton") == []
    later = build(sources, site, now=LATER)
    assert later.held == [] and len(later.rendered) == 1
    mentioned = _mentions(site, "zyxwarbleton")
    assert {"index.html", "feed.xml", "rss.xml", "search-index.js", "sitemap.xml"} <= set(mentioned)
    assert any(name.startswith("releases/2099-01-01-zyxwarbleton") for name in mentioned)
    # An earlier moment again (the clock of a build can be set back): it must all go.
    again = build(sources, site)
    assert len(again.held) == 1
    assert _mentions(site, "zyxwarbleton") == []
    assert not (site / "archive" / "2099.html").exists()


def test_a_deleted_release_is_removed_from_the_site(small) -> None:
    sources, site = small
    build(sources, site)
    german_pages = [p for p in site_files(site) if "geschutzte" in p.name]
    assert len(german_pages) == 3
    (sources / "cycle-lanes" / "de.md").unlink()
    report = build(sources, site)
    assert sorted(report.removed) == sorted(str(p.relative_to(site)) for p in german_pages)
    assert _mentions(site, "geschützte") == [] and _mentions(site, "geschutzte") == []
    english = next(
        p for p in site_files(site) if "protected-cycle-lanes" in p.name and p.suffix == ".html"
    )
    assert "hreflang" not in english.read_text("utf-8")  # its frame no longer names the German


def test_a_lost_manifest_still_withdraws_what_is_embargoed(small) -> None:
    sources, site = small
    build(sources, site, now=LATER)
    (site / MANIFEST_NAME).unlink()
    build(sources, site)
    assert _mentions(site, "zyxwarbleton") == []


def test_a_cancelled_build_leaves_a_consistent_site(small) -> None:
    sources, site = small
    report = build_newsroom(
        SiteOptions(sources=[sources], site_dir=site, base_url="https://e.org/", jobs=1),
        cancelled=lambda: True,
    )
    assert report.cancelled and report.rendered == [] and report.published == 0
    assert "No press releases have been published yet" in (site / "index.html").read_text("utf-8")
    assert not (site / "releases").exists()
    finished = build(sources, site)
    assert len(finished.rendered) == 2 and not finished.cancelled


def test_site_writes_replace_a_symbolic_link_instead_of_writing_through_it(tmp_path: Path) -> None:
    outside = tmp_path / "outside.html"
    outside.write_text("the user's own file", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").symlink_to(outside)
    writer = SiteWriter(site)
    writer.write_text("index.html", "<p>newsroom</p>")
    assert outside.read_text(encoding="utf-8") == "the user's own file"
    assert not (site / "index.html").is_symlink()
    assert (site / "index.html").read_text(encoding="utf-8") == "<p>newsroom</p>"


def test_site_writes_never_go_through_a_linked_folder_or_outside_the_site(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    site = tmp_path / "site"
    site.mkdir()
    (site / "releases").symlink_to(elsewhere, target_is_directory=True)
    writer = SiteWriter(site)
    with pytest.raises(SiteFileError, match="symbolic link"):
        writer.write_text("releases/a.html", "x")
    for name in ("../escape.html", "/etc/passwd", ".hidden", "a/../../b"):
        with pytest.raises(SiteFileError, match="not a name"):
            writer.write_text(name, "x")
    assert list(elsewhere.iterdir()) == [] and not (tmp_path / "escape.html").exists()


def test_a_release_embargoed_again_is_gone_before_anything_is_rendered(small) -> None:
    """While the build renders (a slow part), the site already names no held-back release."""
    sources, site = small
    build(sources, site, now=LATER)
    english = sources / "cycle-lanes" / "en.md"
    english.write_text(english.read_text("utf-8") + "\nA change to render.\n", "utf-8")
    seen: list[list[str]] = []
    build_newsroom(
        SiteOptions(sources=[sources], site_dir=site, base_url="https://e.org/", jobs=1),
        progress=lambda *_: seen.append(_mentions(site, "zyxwarbleton")),
    )
    assert seen == [[]]
