"""A release's page in the newsroom: the theme's web page (the ``html`` output, unchanged) in
a frame: a bar with the way back to the newsroom, the downloads (PDF, press kit) and the
other language versions, and in the head the canonical address, ``hreflang`` alternates, the
feeds and a Content-Security-Policy that lets the page load nothing at all from anywhere
(its styles are inline and its images ``data:`` URLs), whatever a user theme may try.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass

from presskit.newsroom.entries import Entry
from presskit.newsroom.templates import Site, file_size, language_name, render

RELEASE_PAGE_POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src {scripts}; "
    "base-uri 'none'; form-action 'none'"
)
"""Nothing from anywhere: inline styles, ``data:`` images, and only the page's own data
blocks (its schema.org JSON-LD) by their hashes, so no script can run."""
_INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_HEAD_OPEN = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_HEAD_CLOSE = re.compile(r"</head\s*>", re.IGNORECASE)
_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


class FrameError(ValueError):
    """A theme page without the <head> and <body> a frame needs."""


@dataclass(frozen=True)
class Downloads:
    """The sizes of the files a release page offers (bytes)."""

    pdf: int
    kit: int


def page_policy(theme_html: str) -> str:
    """The Content-Security-Policy for a page: :data:`RELEASE_PAGE_POLICY` with the hashes of
    its inline data blocks (browsers never run JSON-LD; the checkers want them named)."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(theme_html)
    ]
    return RELEASE_PAGE_POLICY.format(scripts=" ".join(hashes) or "'none'")


def frame_context(entry: Entry, site: Site, downloads: Downloads) -> dict[str, object]:
    """What the frame shows for ``entry``: everything in it, so a change is a new frame."""
    own = entry.slug + ".html"

    def address(page: str) -> str:  # a sibling page: absolute with a base URL, else relative
        return site.base_url + page if site.base_url else page.rsplit("/", 1)[-1]

    versions = sorted([entry, *entry.versions], key=lambda e: e.release.language.casefold())
    return {
        "site": site,
        "lang": entry.release.language,
        "canonical": site.base_url + entry.page if site.base_url else "",
        "pdf": entry.slug + ".pdf",
        "pdf_size": file_size(downloads.pdf),
        "kit": entry.slug + "-press-kit.zip",
        "kit_size": file_size(downloads.kit),
        "year": entry.day.year,
        "alternates": [
            {"lang": v.release.language, "href": address(v.page)} for v in versions
        ] if entry.versions else [],
        "others": [
            {"lang": v.release.language, "name": language_name(v.release.language),
             "href": v.slug + ".html"}
            for v in versions if v.slug + ".html" != own
        ],
    }  # fmt: skip


def frame_page(theme_html: str, context: dict[str, object]) -> str:
    """``theme_html`` with the newsroom's head additions and bar. Raises FrameError."""
    head_open = _HEAD_OPEN.search(theme_html)
    head_close = _HEAD_CLOSE.search(theme_html)
    body_open = _BODY_OPEN.search(theme_html, head_close.end() if head_close else 0)
    if head_open is None or head_close is None or body_open is None:
        raise FrameError("the theme's web page has no <head> or <body>")
    # The policy goes first in the head: a meta policy governs only what comes after it.
    policy = render("release-policy.html.j2", policy=page_policy(theme_html))
    head = render("release-head.html.j2", **context)
    bar = render("release-bar.html.j2", **context)
    return (
        theme_html[: head_open.end()]
        + "\n"
        + policy
        + theme_html[head_open.end() : head_close.start()]
        + head
        + theme_html[head_close.start() : body_open.end()]
        + "\n"
        + bar
        + theme_html[body_open.end() :]
    )
