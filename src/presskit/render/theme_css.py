"""A theme's stylesheets made standalone, for the web page and the email.

The PDF reads a theme's CSS through the sandboxed fetcher. The web page and the email carry
the CSS inline, and there every ``url()`` is fetched by the reader's browser or mail client:
a user theme's ``url(https://tracker…)`` would report each reader, and a ``url(logo.png)``
relative to the theme's folder would point nowhere. So each address in the CSS is resolved
here as the fetcher resolves it (:class:`~presskit.render.sandbox.Sandbox`): a file of the
theme's own folder or of Presskit's resources becomes a ``data:`` URL, anything else becomes
an empty ``url()`` with a warning, and ``@import`` rules are left out. The CSS is read with
tinycss2, as a browser tokenizes it, so escapes such as ``u\\72l(`` cannot slip past.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import tinycss2
from tinycss2.serializer import serialize_string_value, serialize_url

from presskit.render.sandbox import FetchRefused, Sandbox, data_url

_URL_FUNCTIONS = frozenset({"url", "src"})
_ADDRESS_FUNCTIONS = frozenset({"image", "image-set", "-webkit-image-set", "cross-fade"})


class _Resolver:
    """Turns each address of one stylesheet into a data: URL, or into nothing."""

    def __init__(self, sheet: Path, sandbox: Sandbox, warnings: list[str]):
        self.base = sheet.resolve().as_uri()
        self.name = sheet.name
        self.sandbox = sandbox
        self.warnings = warnings
        self.changed = False

    def address(self, url: str) -> str:
        self.changed = True
        if url.startswith("data:"):
            return url
        try:
            data, mime = self.sandbox.read(urljoin(self.base, url))
        except FetchRefused as exc:
            self.warnings.append(f"{self.name}: {exc}")
            return ""
        return data_url(data, mime)

    def walk(self, nodes: Iterable[Any] | None) -> None:
        for node in nodes or ():
            kind = getattr(node, "type", "")
            if kind == "url":
                node.value = self.address(node.value)
                node.representation = f"url({serialize_url(node.value)})"
            elif kind == "function":
                if node.lower_name in _URL_FUNCTIONS | _ADDRESS_FUNCTIONS:
                    for argument in node.arguments:
                        if argument.type == "string":
                            argument.value = self.address(argument.value)
                            argument.representation = f'"{serialize_string_value(argument.value)}"'
                self.walk(node.arguments)
            elif kind in ("() block", "[] block", "{} block"):
                self.walk(node.content)
            elif kind in ("at-rule", "qualified-rule"):
                self.walk(node.prelude)
                self.walk(node.content)


def standalone_css(sheet: Path, sandbox: Sandbox, warnings: list[str]) -> str:
    """The text of the stylesheet ``sheet``, with every address it loads made safe to send.

    Unchanged (byte for byte) when it loads nothing; otherwise re-serialized by tinycss2.
    """
    text = sheet.read_text(encoding="utf-8")
    rules = tinycss2.parse_stylesheet(text, skip_comments=False, skip_whitespace=False)
    resolver = _Resolver(sheet, sandbox, warnings)
    kept = []
    for rule in rules:
        if getattr(rule, "type", "") == "at-rule" and rule.lower_at_keyword == "import":
            warnings.append(f"{sheet.name}: @import left out (a theme's CSS is inlined whole)")
            resolver.changed = True
            continue
        kept.append(rule)
    resolver.walk(kept)
    return tinycss2.serialize(kept) if resolver.changed else text
