"""The newsroom's own templates (resources/newsroom/): the index, archive and search pages and
the frame around release pages. They render in Jinja2's immutable sandbox, as themes do, with
autoescaping on and undefined names as errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2

from presskit import __version__
from presskit.bundled import resource_path
from presskit.render.conventions import babel_locale
from presskit.render.theme_templates import bundled_environment

SITE_LANGUAGE = "en"
"""The language of the site's own words (headings, buttons); each release keeps its own."""


@dataclass(frozen=True)
class Site:
    """What every page of one build shares."""

    title: str
    base_url: str  # "" when none was given: no feeds, no sitemap, no canonical links
    accent: str

    @property
    def feeds(self) -> bool:
        return bool(self.base_url)


@cache
def environment() -> jinja2.Environment:
    env = bundled_environment("newsroom")
    env.globals["version"] = __version__
    return env


def render(template: str, **context: Any) -> str:
    """``template`` from resources/newsroom/ rendered with ``context``."""
    return environment().get_template(template).render(**context)


@cache
def resource_text(name: str) -> str:
    """A bundled newsroom file (a stylesheet, the search script) as text."""
    return resource_path("newsroom", name).read_text(encoding="utf-8")


def file_size(size: int) -> str:
    """``38 KB``, ``1.2 MB``: how the download links say how big a file is."""
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1000 / 1000:.1f} MB"


@cache
def language_name(tag: str) -> str:
    """``Deutsch`` for ``de-DE``: a language as its speakers write it (the tag when unknown)."""
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415 - Babel loads slowly

    try:
        locale = Locale.parse(babel_locale(tag))
        name = locale.get_language_name(locale) or tag
    except (ValueError, UnknownLocaleError):
        return tag
    return name[:1].upper() + name[1:]
