"""The fuzzing's HTML audit must see every remote load, or the fuzz cases prove nothing.

Each sample here is a way a page makes a browser or mail client fetch from the web; the audit
must flag all of them, and none of the safe forms beside them.
"""

from __future__ import annotations

import pytest

from tests.fuzz.pipeline import assert_no_remote_loads, assert_safe_html, css_urls

REMOTE = [
    '<img src="http://evil.example/i.png">',
    "<img src=//evil.example/i.png>",
    '<img src="\\\\evil.example\\i.png">',
    '<img srcset="a.png 1x, https://evil.example/b.png 2x">',
    '<video poster="https://evil.example/p.png"></video>',
    '<link rel="stylesheet" href="http://evil.example/x.css">',
    '<svg><image href="http://evil.example/s.png"/></svg>',
    '<p style="background:url(http://evil.example/p.png)">x</p>',
    "<p style=\"background-image: url('//evil.example/q.png')\">x</p>",
    '<p style="background: u\\72l(http://evil.example/escaped)">x</p>',
    "<style>body { background: url(https://evil.example/b.png) }</style>",
    "<style>@import 'https://evil.example/i.css';</style>",
    "<style>@import url(//evil.example/i.css);</style>",
    "<style>@media print { h1 { background: image-set('http://evil.example/s.png' 1x) } }</style>",
    "<style>:root { --accent: red; } body { background: url(http://t.example/) } x {; }</style>",
    "<style>@font-face { font-family: x; src: url(https://evil.example/f.woff) }</style>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
]
SAFE = [
    '<img src="data:image/png;base64,AAAA">',
    '<a href="https://example.org/">a link is not a load</a>',
    '<p style="color: #1f3a5f; background: url(data:image/png;base64,AAAA)">x</p>',
    "<style>:root { --accent: #1f3a5f; } a { color: var(--accent); }</style>",
    "<style>@page { size: A4; }</style>",
]


@pytest.mark.parametrize("html", REMOTE)
def test_the_audit_flags_every_remote_load(html: str) -> None:
    with pytest.raises(AssertionError, match="loads from the web"):
        assert_no_remote_loads(html)


@pytest.mark.parametrize("html", SAFE)
def test_the_audit_lets_local_content_through(html: str) -> None:
    assert_no_remote_loads(html)


def test_css_urls_reads_escapes_as_a_browser_does() -> None:
    assert css_urls("a { background: u\\72l(http://x.example/) }") == ["http://x.example/"]


def test_the_safety_audit_still_flags_scripts() -> None:
    with pytest.raises(AssertionError):
        assert_safe_html("<img src=x onerror=alert(1)>")
