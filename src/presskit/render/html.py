"""Release -> HTML through the theme's Jinja2 template: the first step of every output.

One template per theme serves three purposes:
- ``pdf``: the HTML WeasyPrint lays out as pages (the caller passes the theme's stylesheets,
  parsed once per process; images stay relative to the release folder);
- ``web``: one standalone file to post: stylesheets inlined, images as ``data:`` URIs,
  OpenGraph, Twitter card and schema.org NewsArticle metadata, no executable script;
- ``email``: like ``web`` without the web metadata (see :mod:`presskit.render.email`).
Markdown goes through nh3 before it reaches any of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal
from urllib.parse import urljoin

import jinja2

from presskit.model.release import Release
from presskit.model.urls import display_url, url_scheme
from presskit.render.context import build_context
from presskit.render.sandbox import FetchRefused, Sandbox, data_url
from presskit.render.theme_css import standalone_css
from presskit.render.theme_templates import render_theme_template, theme_environment
from presskit.render.themes import Theme, load_theme, shared_templates_folder

Purpose = Literal["pdf", "web", "email"]
_IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]*)(")')


@dataclass
class RenderedHtml:
    """HTML text plus what the render had to leave out, for the user to see."""

    html: str
    warnings: list[str] = field(default_factory=list)


def release_base_url(release_dir: Path | None) -> str | None:
    """The URL relative paths in a release resolve against (its folder), if it has one."""
    return release_dir.resolve().as_uri() + "/" if release_dir is not None else None


@cache
def _environment(folder: Path) -> jinja2.Environment:
    """The theme's sandboxed environment (render/theme_templates.py), made once per folder."""
    return theme_environment(folder, {"display_url": display_url})


def render_html(
    release: Release,
    release_dir: Path | None = None,
    *,
    purpose: Purpose = "web",
    theme: Theme | None = None,
    alternates: list[dict[str, str]] | None = None,
) -> RenderedHtml:
    """The release as HTML for ``purpose`` (see the module docstring). ``alternates`` are
    the web page's language versions (``lang``, relative ``href``), for ``hreflang`` links."""
    theme = theme or load_theme(release.theme)
    context = build_context(release, theme, purpose)
    context["alternates"] = alternates or []
    warnings: list[str] = []
    standalone = purpose != "pdf"
    if standalone:
        sheets = (*theme.stylesheets, *theme.web_stylesheets)
        if purpose == "email":
            sheets = (*sheets, shared_templates_folder() / "email.css")
        if context["dir"] == "rtl":
            sheets = (*sheets, shared_templates_folder() / "rtl.css")
        # Inlined, the CSS loads in the reader's browser: only the theme's own files, as data:
        css_sandbox = Sandbox(None, theme.folder)
        context["inline_css"] = [standalone_css(css, css_sandbox, warnings) for css in sheets]

    html = render_theme_template(_environment(theme.folder), theme, context)
    if standalone:
        html = _embed_images(html, Sandbox(release_dir, theme.folder), release_dir, warnings)
    return RenderedHtml(html, warnings)


def _embed_images(
    html: str, sandbox: Sandbox, release_dir: Path | None, warnings: list[str]
) -> str:
    base = release_base_url(release_dir)

    def embed(match: re.Match[str]) -> str:
        src = match.group(2).replace("&amp;", "&")
        if src.startswith("data:"):
            return match.group(0)
        if base is None and not url_scheme(src):
            warnings.append(f"image left out: {src} (save the release so its folder is known)")
            return match.group(1) + match.group(3)
        try:
            data, mime = sandbox.read(urljoin(base, src) if base else src)
        except FetchRefused as exc:
            warnings.append(f"image left out: {exc}")
            return match.group(1) + match.group(3)
        return match.group(1) + data_url(data, mime) + match.group(3)

    return _IMG_SRC.sub(embed, html)
