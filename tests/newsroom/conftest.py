"""The newsroom corpus (tests/data/newsroom plus the bundled example) and one site built from
it, shared by the tests that only read the site."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from presskit.bundled import resource_path
from presskit.newsroom import BuildReport, SiteOptions, build_newsroom
from tests.conftest import REPO

CORPUS = REPO / "tests" / "data" / "newsroom"
BASE_URL = "https://press.example.org/news/"
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
HELD_WORDS = ("zyxwarbleton", "quillfeather", "first-harvest-grown")
"""Words of the release embargoed until 2099 that no other release of the corpus holds."""


def copy_corpus(target: Path) -> Path:
    """The corpus and the bundled example in ``target`` (a fresh folder of releases)."""
    shutil.copytree(CORPUS, target)
    shutil.copytree(resource_path("examples", "ban-landmines"), target / "ban-landmines")
    return target


def build(sources: Path, site: Path, **options: object) -> BuildReport:
    settings: dict[str, object] = {"base_url": BASE_URL, "now": NOW, "jobs": 2}
    settings.update(options)
    return build_newsroom(SiteOptions(sources=[sources], site_dir=site, **settings))  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, BuildReport]:
    """(sources, site, report) of the corpus built at :data:`NOW` with :data:`BASE_URL`."""
    root = tmp_path_factory.mktemp("newsroom")
    sources = copy_corpus(root / "releases")
    site = root / "site"
    return sources, site, build(sources, site)


def site_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file())
