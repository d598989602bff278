"""The Atom feed (``feed.xml``) and the RSS 2.0 feed (``rss.xml``), made with feedgen.

Feeds need absolute links, so they are written only when the build has a base URL. Each entry
links the release's page, carries its PDF as an enclosure, its subheadline or first paragraph
as summary, and its publication time (the embargo, or the dateline's date). The newest
:data:`FEED_ENTRIES` releases are in the feeds, newest first.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from feedgen.feed import FeedGenerator

from presskit import __version__
from presskit.newsroom.items import Item
from presskit.newsroom.templates import Site

FEED_ENTRIES = 50


def _generator(site: Site, items: list[Item]) -> FeedGenerator:
    feed = FeedGenerator()
    feed.id(site.base_url)
    feed.title(site.title)
    feed.subtitle(f"Press releases of {site.title}")
    feed.author({"name": site.title})
    feed.link(href=site.base_url + "index.html", rel="alternate", type="text/html")
    feed.generator("Presskit", __version__)
    languages = Counter(item["lang"] for item in items)
    if languages:
        feed.language(languages.most_common(1)[0][0])
    newest = max((dt.datetime.fromisoformat(item["published"]) for item in items), default=None)
    feed.updated(newest or dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    for item in items[:FEED_ENTRIES]:
        _add_entry(feed, site, item)
    return feed


def _add_entry(feed: FeedGenerator, site: Site, item: Item) -> None:
    entry = feed.add_entry(order="append")
    page = site.base_url + item["page"]
    published = dt.datetime.fromisoformat(item["published"])
    entry.id(page)
    entry.guid(page, permalink=True)
    entry.title(item["title"])
    entry.link(href=page, rel="alternate", type="text/html", hreflang=item["lang"])
    entry.link(href=site.base_url + item["pdf"], rel="enclosure", type="application/pdf",
               length=str(item.get("pdf_size", 0)))  # fmt: skip
    entry.published(published)
    entry.updated(published)
    entry.author({"name": item["organization"] or site.title})
    summary = item["subtitle"] or item["summary"]
    if summary:
        entry.summary(summary)


def feed_files(site: Site, items: list[Item]) -> dict[str, bytes]:
    """``feed.xml`` and ``rss.xml`` for ``items`` (newest first); nothing without a base URL."""
    if not site.base_url:
        return {}
    feed = _generator(site, items)
    feed.link(href=site.base_url + "feed.xml", rel="self", type="application/atom+xml")
    atom = feed.atom_str(pretty=True)
    feed.link(href=site.base_url + "rss.xml", rel="self", type="application/rss+xml", replace=True)
    feed.link(href=site.base_url + "index.html", rel="alternate", type="text/html")
    return {"feed.xml": atom, "rss.xml": feed.rss_str(pretty=True)}
