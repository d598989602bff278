"""``presskit newsroom``: what it prints, and its exit statuses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from presskit.cli import main
from tests.newsroom.conftest import CORPUS


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "releases"
    for name in ("future-orchard", "puffin-chicks"):
        shutil.copytree(CORPUS / name, folder / name)
    (folder / "notes.md").write_text("# Notes\n", encoding="utf-8")
    return folder


def test_the_build_says_what_it_held_back_and_until_when(
    sources: Path, tmp_path: Path, capsys
) -> None:
    site = tmp_path / "site"
    status = main(["newsroom", str(sources), "-o", str(site), "--base-url", "https://e.org/news",
                   "--now", "2030-01-01T00:00:00Z", "--title", "Coastal Birds Press"])  # fmt: skip
    captured = capsys.readouterr()
    assert status == 0
    assert (
        f"{sources}/future-orchard/release.md: held back until 2099-01-01 09:00 UTC" in captured.out
    )
    assert f"{sources}/notes.md:1: skipped, not a release" in captured.err
    assert "published 1 release (1 rendered, 0 unchanged, 1 held back)" in captured.out
    assert "<title>Coastal Birds Press</title>" in (site / "index.html").read_text("utf-8")
    assert 'href="https://e.org/news/feed.xml"' in (site / "feed.xml").read_text("utf-8")

    status = main(["newsroom", str(sources), "-o", str(site), "--base-url", "https://e.org/news",
                   "--now", "2099-01-02T00:00:00Z", "--title", "Coastal Birds Press"])  # fmt: skip
    assert status == 0
    assert "published 2 releases (1 rendered, 1 unchanged)" in capsys.readouterr().out


def test_without_a_base_url_there_are_no_feeds_and_it_says_so(
    sources: Path, tmp_path: Path, capsys
) -> None:
    site = tmp_path / "site"
    assert main(["newsroom", str(sources), "-o", str(site)]) == 0
    assert "note: no base URL: the Atom and RSS feeds and the sitemap" in capsys.readouterr().out
    assert not (site / "feed.xml").exists() and (site / "index.html").is_file()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--now", "2099-01-02"], "has no UTC offset"),
        (["--now", "soon"], "is not an ISO 8601 date and time"),
        (["--base-url", "example.org/news"], "is not a web address"),
        (["--base-url", "file:///srv/news"], "is not a web address"),
        (["--theme", "nosuchtheme"], "there is no theme called 'nosuchtheme'"),
        (["--jobs", "0", "--now", "x"], "is not an ISO 8601"),
    ],
)
def test_bad_options_are_one_line_and_status_2(
    sources, tmp_path, capsys, arguments, message
) -> None:
    status = main(["newsroom", str(sources), "-o", str(tmp_path / "site"), *arguments])
    err = capsys.readouterr().err
    assert status == 2 and message in err and "Traceback" not in err
    assert not (tmp_path / "site" / "index.html").exists()


def test_folders_that_cannot_be_used_are_refused(sources: Path, tmp_path: Path, capsys) -> None:
    assert main(["newsroom", str(tmp_path / "missing"), "-o", str(tmp_path / "site")]) == 2
    assert "missing: no such folder" in capsys.readouterr().err
    assert main(["newsroom", str(sources), "-o", str(sources)]) == 2
    assert "the site folder must not be a folder of releases" in capsys.readouterr().err
    assert not (sources / "index.html").exists()


def test_a_release_that_cannot_be_rendered_is_reported_and_the_rest_published(
    sources: Path, tmp_path: Path, capsys
) -> None:
    broken = sources / "puffin-chicks" / "release.md"
    broken.write_text(
        broken.read_text("utf-8").replace("presskit: 1\n", "presskit: 1\ntheme: gone\n"), "utf-8"
    )
    shutil.copytree(CORPUS / "seniors-video", sources / "seniors-video")
    site = tmp_path / "site"
    assert main(["newsroom", str(sources), "-o", str(site)]) == 1
    captured = capsys.readouterr()
    assert f"error: {broken}: there is no theme called 'gone'" in captured.err
    assert "published 1 release (1 rendered" in captured.out
    assert "Puffin" not in (site / "index.html").read_text("utf-8")
