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
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [jinja2.FileSystemLoader(folder), jinja2.FileSystemLoader(shared_templates_folder())]
        ),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["display_url"] = display_url
    return env


def render_html(
    release: Release,
    release_dir: Path | None = None,
    *,
    purpose: Purpose = "web",
    theme: Theme | None = None,
) -> RenderedHtml:
    """The release as HTML for ``purpose`` (see the module docstring)."""
    theme = theme or load_theme(release.theme)
    context = build_context(release, theme, purpose)
    warnings: list[str] = []
    standalone = purpose != "pdf"
    if standalone:
        sheets = (*theme.stylesheets, *theme.web_stylesheets)
        if purpose == "email":
            sheets = (*sheets, shared_templates_folder() / "email.css")
        context["inline_css"] = [css.read_text(encoding="utf-8") for css in sheets]

    html = _environment(theme.folder).get_template(theme.template).render(context)
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
