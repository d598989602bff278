"""Make HTML from Markdown safe to put in any output.

python-markdown passes raw HTML straight through, so a body could carry ``<script>``, ``on*``
attributes, ``javascript:`` links or ``<style>`` that restyles the page. nh3 (ammonia) keeps
only the tags and attributes listed here: what python-markdown's extensions produce (classes
and ids for footnotes and attribute lists, table alignment) and nothing that runs or loads.

A link keeps its ``href`` only when :func:`presskit.model.urls.link_href` allows it: a
placeholder ``#``, a relative or absolute path and ``file:`` lose it and read as plain text,
so that no renderer resolves them into a ``file:///<the author's folder>`` link.
"""

from __future__ import annotations

import copy

import nh3

from presskit.model.urls import LINK_SCHEMES, link_href

_ATTRIBUTES: dict[str, set[str]] = copy.deepcopy(nh3.ALLOWED_ATTRIBUTES)
_ATTRIBUTES.setdefault("*", set()).update({"class", "id", "title", "lang", "dir"})
_ATTRIBUTES.setdefault("th", set()).add("style")
_ATTRIBUTES.setdefault("td", set()).add("style")
_ATTRIBUTES["a"] = {"href", "hreflang"}

_CLEANER = nh3.Cleaner(
    tags=set(nh3.ALLOWED_TAGS) - {"map", "area"},  # image maps have no use in a release
    clean_content_tags={"script", "style", "noscript", "template", "iframe", "object"},
    attributes=_ATTRIBUTES,
    url_schemes=set(LINK_SCHEMES),
    filter_style_properties={"text-align"},  # what the tables extension writes
    link_rel=None,  # we add rel ourselves where it matters (the web export)
    attribute_filter=lambda tag, name, value: _filter_attribute(tag, name, value),  # noqa: PLW0108
)


def _filter_attribute(tag: str, name: str, value: str) -> str | None:
    if tag == "a" and name == "href":
        return link_href(value, anchors=True) or None
    return value


def sanitize_html(html: str) -> str:
    """``html`` with everything that could run code, load remote content or restyle removed."""
    return _CLEANER.clean(html)
