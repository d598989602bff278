"""Make HTML from Markdown safe to put in any output.

python-markdown passes raw HTML straight through, so a body could carry ``<script>``, ``on*``
attributes, ``javascript:`` links or ``<style>`` that restyles the page. nh3 (ammonia) keeps
only the tags and attributes listed here: what python-markdown's extensions produce (classes
and ids for footnotes and attribute lists, table alignment) and nothing that runs or loads.
"""

from __future__ import annotations

import copy
import re

import nh3

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

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
)


_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_LEADING = "".join(map(chr, range(33)))


def safe_href(url: str) -> str:
    """``url`` when a link to it cannot run code (http, https, mailto, tel, or a relative
    address such as ``#``); "" for ``javascript:``, ``data:`` and every other scheme.

    For the addresses from the front matter (links, website, social accounts), which the
    templates put in ``href`` themselves, without nh3. The scheme is read as a browser reads
    it: tabs and newlines anywhere and leading control characters and spaces are ignored.
    """
    match = _SCHEME.match(_URL_IGNORED.sub("", url).lstrip(_URL_LEADING))
    if match is None or match.group(1).lower() in LINK_SCHEMES:
        return url
    return ""


def sanitize_html(html: str) -> str:
    """``html`` with everything that could run code, load remote content or restyle removed."""
    return _CLEANER.clean(html)
