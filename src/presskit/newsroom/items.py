"""What the index, archives, feeds, sitemap and search know of each published release: one
plain record (an "item") per release, made once when the release is rendered and kept in the
manifest, so a rebuild lists releases it did not render again without reading them again.

    {"key": …, "page": "releases/2014-09-23-us-ban….html", "pdf": …, "kit": …,
     "title": …, "subtitle": …, "summary": …, "words": "folded unique words …",
     "lang": "en-US", "organization": …, "published": "2014-09-23T00:00:00+00:00",
     "day": "2014-09-23", "versions": [{"lang": "de-DE", "name": "Deutsch", "page": …}]}
"""

from __future__ import annotations

import re
from typing import Any

from presskit.model.css_values import normal_colour
from presskit.model.library_search import fold
from presskit.model.release import Release
from presskit.newsroom.entries import Entry
from presskit.newsroom.templates import language_name
from presskit.render.conventions import typographic_quotes
from presskit.render.markdown_body import markdown_to_html
from presskit.render.text import html_to_paragraphs

Item = dict[str, Any]
SUMMARY_CHARACTERS = 280
_LINK_TAG = re.compile(r"</?a\b[^>]*>", re.IGNORECASE)
_WORD = re.compile(r"\w(?:[\w'’.\-]*\w)?")


def summary(paragraphs: list[str], limit: int = SUMMARY_CHARACTERS) -> str:
    """The first paragraph, cut at a word before ``limit`` characters with an ellipsis."""
    text = " ".join(paragraphs[0].split()) if paragraphs else ""
    if len(text) <= limit:
        return text
    return text[: limit + 1].rsplit(" ", 1)[0].rstrip(",;:—–-") + "…"


def search_words(*texts: str) -> str:
    """The distinct words of ``texts``, folded as the library's search folds them, in order."""
    words = dict.fromkeys(_WORD.findall(fold(" ".join(texts))))
    return " ".join(words)


def content_fields(release: Release) -> Item:
    """The fields of an item that depend only on the release (see the module docstring)."""
    # Without the link tags: plain text would add each link's address, "(https://…)".
    paragraphs = html_to_paragraphs(
        _LINK_TAG.sub("", markdown_to_html(release.body, release.language))
    )
    org = release.organization
    return {
        "title": typographic_quotes(release.headline, release.language),
        "subtitle": typographic_quotes(release.subheadline, release.language),
        "summary": summary(paragraphs),
        "words": search_words(
            release.headline, release.subheadline, release.dateline.city, org.name, *paragraphs
        ),
        "lang": release.language,
        "organization": org.name,
        "accent": normal_colour(org.accent) or "",
    }


def make_item(entry: Entry, content: Item) -> Item:
    """``entry``'s item, from its content fields and its place in the site."""
    return {
        "key": entry.key,
        "page": entry.page,
        "pdf": entry.pdf,
        "kit": entry.kit,
        **content,
        "published": entry.published.isoformat(),
        "day": entry.day.isoformat(),
        "versions": [
            {"lang": v.release.language, "name": language_name(v.release.language),
             "page": v.page}
            for v in entry.versions
        ],
    }  # fmt: skip


CONTENT_KEYS = (
    "title", "subtitle", "summary", "words", "lang", "organization", "accent", "pdf_size",
    "kit_size",
)  # fmt: skip
"""The fields that come from rendering the release; the rest come from its place in the site."""


def content_of(item: Item) -> Item:
    """An item's content fields (to reuse them when the release did not change)."""
    return {key: item.get(key, "") for key in CONTENT_KEYS}


def item_files(item: Item) -> list[str]:
    """The site files that belong to an item's release."""
    return [item["page"], item["pdf"], item["kit"]]
