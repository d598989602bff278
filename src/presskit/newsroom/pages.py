"""The site's own pages: the index (newest first, in pages of :data:`PER_PAGE`), one archive
page per year, and the search page with its index and script. Each is rendered from the
items (:mod:`presskit.newsroom.items`) through the newsroom's sandboxed templates.

Links are relative, so the site works from a web server and from ``file://`` alike; with a
base URL each page also names its canonical address.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

from presskit.newsroom.items import Item
from presskit.newsroom.templates import SITE_LANGUAGE, Site, render, resource_text
from presskit.render.conventions import long_date

PER_PAGE = 20
SEARCH_INDEX = "search-index.js"
SEARCH_SCRIPT = "assets/search.js"


def index_name(number: int) -> str:
    """``index.html`` for the first page, ``page-2.html`` for the second, …"""
    return "index.html" if number == 1 else f"page-{number}.html"


def _view(item: Item, root: str) -> dict[str, Any]:
    day = dt.date.fromisoformat(item["day"])
    return {
        **item,
        "href": root + item["page"],
        "pdf_href": root + item["pdf"],
        "kit_href": root + item["kit"],
        "date_text": long_date(day, "en-US"),
        "other_versions": [{**v, "href": root + v["page"]} for v in item["versions"]],
    }


def _years(items: list[Item]) -> list[dict[str, Any]]:
    counts = Counter(item["day"][:4] for item in items)
    return [{"year": year, "count": counts[year]} for year in sorted(counts, reverse=True)]


def _common(site: Site, items: list[Item], root: str, name: str) -> dict[str, Any]:
    return {
        "site": site,
        "lang": SITE_LANGUAGE,
        "root": root,
        "css": resource_text("newsroom.css"),
        "accent": site.accent,
        "years": _years(items),
        "canonical": site.base_url + name if site.base_url else "",
    }


def index_pages(site: Site, items: list[Item]) -> dict[str, str]:
    """``index.html``, ``page-2.html``, …: every item, newest first."""
    chunks = [items[i : i + PER_PAGE] for i in range(0, len(items), PER_PAGE)] or [[]]
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        name = index_name(number)
        pages[name] = render(
            "index.html.j2",
            **_common(site, items, "", name),
            items=[_view(item, "") for item in chunk],
            number=number,
            count=len(chunks),
            total=len(items),
            newer=index_name(number - 1) if number > 1 else "",
            older=index_name(number + 1) if number < len(chunks) else "",
            numbers=[{"number": n, "href": index_name(n)} for n in range(1, len(chunks) + 1)],
        )
    return pages


def archive_pages(site: Site, items: list[Item]) -> dict[str, str]:
    """``archive/2014.html``, …: a year's items, newest first."""
    pages = {}
    for year in _years(items):
        name = f"archive/{year['year']}.html"
        chosen = [item for item in items if item["day"][:4] == year["year"]]
        pages[name] = render(
            "archive.html.j2",
            **_common(site, items, "../", name),
            items=[_view(item, "../") for item in chosen],
            year=year["year"],
        )
    return pages


def search_files(site: Site, items: list[Item]) -> dict[str, str]:
    """The search page, its index (plain JavaScript data) and its script."""
    return {
        "search.html": render(
            "search.html.j2",
            **_common(site, items, "", "search.html"),
            index_src=SEARCH_INDEX,
            script_src=SEARCH_SCRIPT,
        ),
        SEARCH_INDEX: search_index(items),
        SEARCH_SCRIPT: resource_text("search.js"),
    }


def search_index(items: list[Item]) -> str:
    """The search index as a script that defines ``presskitSearchIndex``.

    A script, not a JSON file fetched at run time: browsers refuse ``fetch()`` of local files,
    and the site must search from ``file://`` too.
    """
    records = [
        {
            "u": item["page"],
            "t": item["title"],
            "s": item["subtitle"],
            "d": item["day"],
            "l": item["lang"],
            "x": item["summary"],
            "w": item["words"],
        }
        for item in items
    ]
    data = json.dumps({"version": 1, "releases": records}, ensure_ascii=False)
    # JSON is JavaScript, except that older engines end a string at U+2028/U+2029.
    data = data.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"/* Presskit newsroom search index */\nvar presskitSearchIndex = {data};\n"
