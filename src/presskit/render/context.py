"""What a theme's template receives: the release, prepared for display.

Text is escaped by Jinja2; Markdown arrives as sanitized HTML; the dateline sits at the start
of the first paragraph; labels are in the release's language; web metadata (schema.org
NewsArticle, the Twitter handle) is worked out here so every theme gets it for free.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from markupsafe import escape

from presskit import __version__
from presskit.model.release import Contact, Release
from presskit.render.conventions import (
    dateline_text,
    labels_for,
    network_name,
    release_line,
    slug,
    text_direction,
    typographic_quotes,
)
from presskit.render.markdown_body import markdown_to_html
from presskit.render.sanitize import safe_href
from presskit.render.themes import Theme

# Countries that print on US Letter; everyone else uses A4.
LETTER_REGIONS = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR"})
_FIRST_PARAGRAPH = re.compile(r"<p(\s[^>]*)?>")


def page_size(language: str) -> str:
    """``letter`` for US-style regions, ``A4`` elsewhere."""
    region = next((p for p in language.replace("_", "-").split("-")[1:] if len(p) == 2), "")
    return "letter" if region.upper() in LETTER_REGIONS else "A4"


def with_dateline(body_html: str, dateline: str) -> str:
    """Put the dateline at the start of the first paragraph (or alone, if there is none)."""
    if not dateline:
        return body_html
    span = f'<span class="dateline">{escape(dateline)}</span> '
    match = _FIRST_PARAGRAPH.search(body_html)
    if match is None:
        return f"<p>{span}</p>\n{body_html}"
    return body_html[: match.end()] + span + body_html[match.end() :]


def _contact_view(contact: Contact) -> dict[str, Any]:
    role = ", ".join(p for p in (contact.title, contact.organization, contact.city) if p.strip())
    phones = [
        {
            "number": phone.number,
            "label": phone.label,
            "href": "tel:" + re.sub(r"[^0-9+]", "", phone.number),
        }
        for phone in contact.phones
        if phone.number.strip()
    ]
    return {"name": contact.name, "role": role, "phones": phones, "email": contact.email.strip()}


def _keywords(release: Release) -> list[str]:
    candidates = ["press release", release.organization.name, release.dateline.city]
    return [word for word in candidates if word.strip()]


def _published(release: Release) -> str:
    """When the news may appear: the embargo if there is one, else the dateline's date."""
    if release.is_embargoed and release.embargo is not None:
        return release.embargo.isoformat()
    return release.dateline.date.isoformat() if release.dateline.date else ""


def _twitter_handle(release: Release) -> str:
    for social in release.organization.social:
        if social.network.strip().lower() in ("twitter", "x") and social.handle.startswith("@"):
            return social.handle
    return ""


def json_ld(release: Release) -> dict[str, Any]:
    """schema.org NewsArticle metadata, for search engines."""
    org = release.organization
    publisher: dict[str, Any] = {"@type": "Organization", "name": org.name or "Unknown"}
    if website := safe_href(org.website):
        publisher["url"] = website
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": release.headline[:110],  # Google shows at most 110 characters
        "inLanguage": release.language,
        "publisher": publisher,
        "author": publisher,
    }
    if release.subheadline:
        data["description"] = release.subheadline
    if published := _published(release):
        data["datePublished"] = published
    if release.dateline.city:
        data["dateline"] = release.dateline.city
    return data


def _link_views(release: Release) -> list[dict[str, Any]]:
    views = []
    for link in release.links:
        url = safe_href(link.url)
        if link.title or url:
            views.append({"title": link.title, "url": url, "show_url": not url.startswith("#")})
    return views


def build_context(release: Release, theme: Theme, purpose: str) -> dict[str, Any]:
    """Everything the template needs. ``purpose`` is "pdf", "web" or "email"."""
    # Templates put these addresses in href: a javascript: one becomes plain text (validation
    # reports it; the preview must not turn it into a link that runs).
    org = dataclasses.replace(release.organization, website=safe_href(release.organization.website))
    return {
        "purpose": purpose,
        "release": release,
        "headline": typographic_quotes(release.headline, release.language),
        "subheadline": typographic_quotes(release.subheadline, release.language),
        "theme": theme.name,
        "version": __version__,
        "lang": release.language,
        "dir": text_direction(release.language),
        "labels": labels_for(release.language),
        "page_size": page_size(release.language),
        "accent": org.accent or theme.accent,
        "release_line": release_line(release),
        "slug": slug(typographic_quotes(release.headline, release.language)),
        "keywords": _keywords(release),
        "created": _published(release)[:10],
        "json_ld": json_ld(release),
        "twitter_handle": _twitter_handle(release),
        "body_html": with_dateline(
            markdown_to_html(release.body, release.language), dateline_text(release)
        ),
        "about_html": markdown_to_html(release.boilerplate, release.language),
        "org": org,
        "logo_src": org.logo,
        "social": [
            {"network": network_name(s.network), "handle": s.handle, "url": safe_href(s.url)}
            for s in org.social
            if s.handle or safe_href(s.url)
        ],
        "links": _link_views(release),
        "end_mark": release.end_mark,
        "contacts": [_contact_view(c) for c in release.contacts if c.name.strip()],
        "first_contact": next((_contact_view(c) for c in release.contacts if c.name.strip()), None),
        "inline_css": [],
        "alternates": [],  # the web page's language versions (render_html fills them)
        "version_string": f"Presskit {__version__}",
    }
