"""Release -> HTML through the theme's Jinja2 template: the first step of every output.

The same template gives the HTML that WeasyPrint lays out as PDF pages (stylesheets passed
separately, so they are parsed once per process) and the standalone HTML export (stylesheets
inlined, images embedded as ``data:`` URIs, no scripts). Markdown goes through nh3 first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import jinja2
from markupsafe import escape

from presskit import __version__
from presskit.model.release import Contact, Release
from presskit.render.conventions import (
    dateline_text,
    labels_for,
    network_name,
    release_line,
    slug,
    typographic_quotes,
)
from presskit.render.markdown_body import markdown_to_html
from presskit.render.sandbox import FetchRefused, Sandbox, data_url
from presskit.render.themes import Theme, load_theme

# Countries that print on US Letter; everyone else uses A4.
LETTER_REGIONS = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR"})
_FIRST_PARAGRAPH = re.compile(r"<p(\s[^>]*)?>")
_IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]*)(")')


@dataclass
class RenderedHtml:
    """HTML text plus what the render had to leave out, for the user to see."""

    html: str
    warnings: list[str] = field(default_factory=list)


def release_base_url(release_dir: Path | None) -> str | None:
    """The URL relative paths in a release resolve against (its folder), if it has one."""
    return release_dir.resolve().as_uri() + "/" if release_dir is not None else None


def page_size(language: str) -> str:
    """``letter`` for US-style regions, ``A4`` elsewhere."""
    region = next((p for p in language.replace("_", "-").split("-")[1:] if len(p) == 2), "")
    return "letter" if region.upper() in LETTER_REGIONS else "A4"


def display_url(url: str) -> str:
    """``www.example.org/path`` for ``https://www.example.org/path/``: how print shows a URL."""
    parts = urlsplit(url)
    if not parts.netloc:
        return url
    return (parts.netloc + parts.path).rstrip("/") + (f"?{parts.query}" if parts.query else "")


@cache
def _environment(folder: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["display_url"] = display_url
    return env


def _with_dateline(body_html: str, dateline: str) -> str:
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


def build_context(release: Release, theme: Theme) -> dict[str, Any]:
    """Everything the template needs, prepared from the release (text is escaped by Jinja)."""
    labels = labels_for(release.language)
    org = release.organization
    return {
        "release": release,
        "headline": typographic_quotes(release.headline),
        "subheadline": typographic_quotes(release.subheadline),
        "theme": theme.name,
        "version": __version__,
        "lang": release.language,
        "labels": labels,
        "page_size": page_size(release.language),
        "release_line": release_line(release),
        "slug": slug(release.headline),
        "keywords": _keywords(release),
        "created": release.dateline.date.isoformat() if release.dateline.date else "",
        "body_html": _with_dateline(markdown_to_html(release.body), dateline_text(release)),
        "about_html": markdown_to_html(release.boilerplate),
        "org": org,
        "logo_src": org.logo,
        "social": [
            {"network": network_name(s.network), "handle": s.handle, "url": s.url}
            for s in org.social
            if s.handle or s.url
        ],
        "links": [
            {"title": link.title, "url": link.url, "show_url": not link.url.startswith("#")}
            for link in release.links
            if link.title or link.url
        ],
        "end_mark": release.end_mark,
        "contacts": [_contact_view(c) for c in release.contacts if c.name.strip()],
        "inline_css": [],
    }


def render_html(
    release: Release,
    release_dir: Path | None = None,
    *,
    standalone: bool = True,
    theme: Theme | None = None,
) -> RenderedHtml:
    """The release as HTML.

    ``standalone`` (the HTML export) inlines the stylesheets and embeds images as ``data:``
    URIs, so the file stands alone. Otherwise (the PDF path) images stay relative to the
    release folder and the caller passes the theme's stylesheets to WeasyPrint itself.
    """
    theme = theme or load_theme(release.theme)
    context = build_context(release, theme)
    warnings: list[str] = []
    if standalone:
        context["inline_css"] = [css.read_text(encoding="utf-8") for css in theme.stylesheets]
    html = _environment(theme.folder).get_template(theme.template).render(context)
    if standalone:
        html = _embed_images(html, release_dir, warnings)
    return RenderedHtml(html, warnings)


def _embed_images(html: str, release_dir: Path | None, warnings: list[str]) -> str:
    sandbox = Sandbox(release_dir)
    base = release_base_url(release_dir)

    def embed(match: re.Match[str]) -> str:
        src = match.group(2).replace("&amp;", "&")
        if src.startswith("data:"):
            return match.group(0)
        if base is None and not urlsplit(src).scheme:
            warnings.append(f"image left out: {src} (save the release so its folder is known)")
            return match.group(1) + match.group(3)
        try:
            data, mime = sandbox.read(urljoin(base, src) if base else src)
        except FetchRefused as exc:
            warnings.append(f"image left out: {exc}")
            return match.group(1) + match.group(3)
        return match.group(1) + data_url(data, mime) + match.group(3)

    return _IMG_SRC.sub(embed, html)
