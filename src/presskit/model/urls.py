"""The one home of every rule about a web address: parse, judge, complete, make an href.

Every place that reads a URL (the model's validation, the checks, the renderers, the sandbox,
the templates' ``href``) asks here, so that a malformed address is a problem to report and
never an exception: :func:`urllib.parse.urlsplit` raises ``ValueError`` on ``http://[broken``,
and nothing in Presskit calls it directly but :func:`split_url`.

What may be a link in an output (:func:`link_href`): ``http(s)://`` with a host, ``mailto:``,
``tel:``, and an anchor inside the document (``#fn:1``, footnotes). Not a link: the
placeholder ``#``, an empty target, a relative path (``report.pdf``), an absolute path
(``/etc/passwd``, ``C:\\x``), ``file:``, ``javascript:``, ``data:`` and every other scheme. A
renderer that resolves relative addresses against the release's folder would otherwise turn
them into ``file:///home/author/...`` links that leak the author's disk layout.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit

WEB_SCHEMES = frozenset({"http", "https"})
LINK_SCHEMES = WEB_SCHEMES | {"mailto", "tel"}
PLACEHOLDER_TARGETS = frozenset({"", "#", "http://", "https://"})

# What browsers ignore when they read a scheme: tabs and newlines anywhere, leading controls.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_LEADING = "".join(map(chr, range(33)))
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# "unaids.org", "www.unews.umn.edu/news": a host name (labels, a letter TLD), then a path.
_HOST_LIKE = re.compile(
    r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\.?(?::[0-9]{1,5})?"
    r"(?:[/?#][^\s]*)?$"
)
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
# "report.pdf" has the shape of a host name too: a last label that is a file type is a file.
_FILE_TYPES = frozenset(
    [
        "pdf",
        "htm",
        "html",
        "md",
        "txt",
        "doc",
        "docx",
        "odt",
        "rtf",
        "xls",
        "xlsx",
        "ods",
        "csv",
        "ppt",
        "pptx",
        "png",
        "jpg",
        "jpeg",
        "gif",
        "svg",
        "webp",
        "zip",
        "mp3",
        "mp4",
        "mov",
        "json",
        "xml",
    ]
)


def split_url(url: str) -> SplitResult | None:
    """``url`` split into its parts, or None when it cannot be parsed (never raises)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        return None
    return parts


def url_scheme(url: str) -> str:
    """The scheme as a browser reads it, lower-case (``"https"``), or "" when there is none."""
    match = _SCHEME.match(_URL_IGNORED.sub("", url).lstrip(_URL_LEADING))
    if match is None or _WINDOWS_DRIVE.match(url.strip()):
        return ""
    return match.group(1).lower()


def is_placeholder(url: str) -> bool:
    """Whether a link target is a stand-in rather than an address: ``#``, empty, ``https://``."""
    return url.strip().lower() in PLACEHOLDER_TARGETS


def is_anchor(url: str) -> bool:
    """Whether ``url`` names a place in the same document (``#fn:1``), not a placeholder."""
    return url.startswith("#") and len(url) > 1


def is_local_path(url: str) -> bool:
    """Whether ``url`` names a file on the author's computer: a relative or absolute path or a
    ``file:`` URL (what a renderer would turn into a ``file:///...`` link)."""
    text = url.strip()
    if not text or text.startswith("#") or is_placeholder(text):
        return False
    scheme = url_scheme(text)
    return scheme == "file" or (not scheme and not text.startswith("//"))


def looks_like_host(url: str) -> bool:
    """Whether ``url`` is a web address typed without its scheme (``unaids.org``)."""
    text = url.strip()
    if url_scheme(text) or not _HOST_LIKE.match(text):
        return False
    host = re.split(r"[/?#:]", text, maxsplit=1)[0].rstrip(".")
    return host.rsplit(".", 1)[-1].lower() not in _FILE_TYPES


def web_address(url: str) -> str:
    """``url`` as a full web address: ``https://`` put before a bare host name such as
    ``www.unews.umn.edu``; anything else unchanged (judged by :func:`url_problem`)."""
    text = url.strip()
    return f"https://{text}" if looks_like_host(text) else text


def url_problem(url: str, schemes: frozenset[str] = LINK_SCHEMES) -> str | None:
    """Why ``url`` is not a usable link target, or None when it is.

    A bare ``#`` is accepted here: it is a placeholder, which the preflight checks warn about.
    """
    if url == "#" or url.startswith("#"):
        return None
    parts = split_url(url)
    if parts is None:
        return f"'{url}' is not a valid address"
    if any(ch.isspace() for ch in url.strip()) or any(ord(ch) < 32 for ch in url):
        return f"'{url}' contains spaces or control characters; encode a space as %20"
    if looks_like_host(url):
        return f"'{url}' is not a full address; start it with https://"
    if is_local_path(url):
        return f"'{url}' names a file on this computer, not a web address"
    if not parts.scheme:
        return f"'{url}' is not a full address; start it with https://"
    if parts.scheme.lower() not in schemes:
        allowed = ", ".join(sorted(schemes))
        return f"'{url}' uses '{parts.scheme}:', which is not allowed here (use {allowed})"
    if parts.scheme.lower() in WEB_SCHEMES and not parts.hostname:
        return f"'{url}' has no host name"
    return None


def link_href(url: str, *, anchors: bool = False, schemes: frozenset[str] = LINK_SCHEMES) -> str:
    """The ``href`` an output may carry for ``url``, or "" when it must be plain text.

    A bare host name gets ``https://``. With ``anchors``, ``#name`` (a place in the same
    document, such as a footnote) is kept. Everything :func:`url_problem` refuses, and every
    placeholder, gives "".
    """
    text = url.strip()
    if anchors and is_anchor(text):
        return text
    if is_placeholder(text) or text.startswith("#"):
        return ""
    text = web_address(text)
    return text if url_problem(text, schemes) is None else ""


def display_url(url: str) -> str:
    """``www.example.org/path`` for ``https://www.example.org/path/``: how print shows a URL."""
    parts = split_url(url)
    if parts is None or not parts.netloc:
        return url
    return (parts.netloc + parts.path).rstrip("/") + (f"?{parts.query}" if parts.query else "")
