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
from presskit.model.css_values import css_colour, css_page_size, normal_colour
from presskit.model.release import Contact, Release, SocialHandle
from presskit.model.urls import WEB_SCHEMES, link_href
from presskit.model.validation import is_email
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
    email = contact.email.strip()
    return {
        "name": contact.name,
        "role": role,
        "phones": phones,
        "email": email,
        "email_href": f"mailto:{email}" if email and is_email(email) else "",
    }


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
    if website := link_href(org.website, schemes=WEB_SCHEMES):
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
        url = link_href(link.url)
        if link.title.strip() or url:
            views.append({"title": link.title, "url": url, "show_url": True})
    return views


def _social_views(accounts: list[SocialHandle]) -> list[dict[str, Any]]:
    """The accounts to print: one with neither a handle nor a usable URL is left out."""
    views = []
    for account in accounts:
        url = link_href(account.url, schemes=WEB_SCHEMES)
        if account.handle.strip() or url:
            views.append(
                {"network": network_name(account.network), "handle": account.handle, "url": url}
            )
    return views


def build_context(release: Release, theme: Theme, purpose: str) -> dict[str, Any]:
    """Everything the template needs. ``purpose`` is "pdf", "web" or "email"."""
    # Templates put these addresses in href: only what link_href allows gets there (a bare
    # host name with https:// added); the rest is left out, and the checks say so. The house
    # colour goes into CSS: only a colour gets there (model/css_values.py), however a
    # template reads it.
    org = dataclasses.replace(
        release.organization,
        website=link_href(release.organization.website, schemes=WEB_SCHEMES),
        accent=normal_colour(release.organization.accent) or "",
    )
    contacts = [_contact_view(c) for c in release.contacts if c.has_content()]
    return {
        "purpose": purpose,
        "release": dataclasses.replace(release, organization=org),
        "headline": typographic_quotes(release.headline, release.language),
        "subheadline": typographic_quotes(release.subheadline, release.language),
        "theme": theme.name,
        "version": __version__,
        "lang": release.language,
        "dir": text_direction(release.language),
        "labels": labels_for(release.language),
        "page_size": css_page_size(page_size(release.language)),
        "accent": css_colour(org.accent, theme.accent),
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
        "social": _social_views(org.social),
        "links": _link_views(release),
        "end_mark": release.end_mark,
        "contacts": contacts,
        "first_contact": next(iter(contacts), None),
        "inline_css": [],
        "alternates": [],  # the web page's language versions (render_html fills them)
        "version_string": f"Presskit {__version__}",
    }
