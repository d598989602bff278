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
from lxml import etree

from presskit import __version__
from presskit.newsroom.items import Item
from presskit.newsroom.templates import Site

FEED_ENTRIES = 50
_ATOM = "{http://www.w3.org/2005/Atom}"


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


def _entry_links(site: Site, item: Item) -> list[dict[str, str]]:
    """An entry's links: its page, and its PDF as an enclosure."""
    page = {"href": site.base_url + item["page"], "rel": "alternate", "type": "text/html"}
    pdf = {"href": site.base_url + item["pdf"], "rel": "enclosure", "type": "application/pdf"}
    return [{**page, "hreflang": item["lang"]}, {**pdf, "length": str(item.get("pdf_size", 0))}]


def _add_entry(feed: FeedGenerator, site: Site, item: Item) -> None:
    entry = feed.add_entry(order="append")
    page = site.base_url + item["page"]
    published = dt.datetime.fromisoformat(item["published"])
    entry.id(page)
    entry.guid(page, permalink=True)
    entry.title(item["title"])
    for link in _entry_links(site, item):
        entry.link(**link)
    entry.published(published)
    entry.updated(published)
    entry.author({"name": item["organization"] or site.title})
    summary = item["subtitle"] or item["summary"]
    if summary:
        entry.summary(summary)


def _with_entry_links(atom: bytes, links: dict[str, list[dict[str, str]]]) -> bytes:
    """The Atom feed with each entry's links written again, whole: feedgen 1.0.0 writes an
    entry's links with their address only (it drops rel, type, hreflang and length), which
    makes every link an alternate, the PDF included."""
    root = etree.fromstring(atom)
    for entry in root.iter(f"{_ATOM}entry"):
        for old in entry.findall(f"{_ATOM}link"):
            entry.remove(old)
        for link in links.get(entry.findtext(f"{_ATOM}id") or "", []):
            etree.SubElement(entry, f"{_ATOM}link", link)
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def feed_files(site: Site, items: list[Item]) -> dict[str, bytes]:
    """``feed.xml`` and ``rss.xml`` for ``items`` (newest first); nothing without a base URL."""
    if not site.base_url:
        return {}
    feed = _generator(site, items)
    feed.link(href=site.base_url + "feed.xml", rel="self", type="application/atom+xml")
    links = {site.base_url + item["page"]: _entry_links(site, item) for item in items}
    atom = _with_entry_links(feed.atom_str(pretty=True), links)
    feed.link(href=site.base_url + "rss.xml", rel="self", type="application/rss+xml", replace=True)
    feed.link(href=site.base_url + "index.html", rel="alternate", type="text/html")
    return {"feed.xml": atom, "rss.xml": feed.rss_str(pretty=True)}
