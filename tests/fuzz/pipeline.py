"""One fuzz case through every stage a release file meets, with the promises each must keep.

    outcome = exercise(data, folder)      # "refused", "loaded" or "rendered"

Stages: ``loads_release`` (a release, or a ReleaseFileError with readable problems),
validation with line numbers, ``run_checks``, ``render_text``, ``render_html`` for the web
and for the PDF, and optionally the PDF itself. The only exceptions allowed are the clear
ones: ReleaseFileError when loading, ThemeError (an unknown theme) when rendering, and
ReleaseTooLarge for the PDF. Anything else fails the case, as does output that could run
code, reach the network, or carries the text of /etc/passwd, and a case that takes more than
:data:`CPU_SECONDS` of processor time or raises the process's peak memory by more than
:data:`MEMORY_RISE_MB`. Counts and worst cases are gathered in :data:`STATS`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import re
import resource
import signal
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from presskit.checks.runner import run_checks
from presskit.render.email import email_html
from presskit.render.html import render_html
from presskit.render.text import render_text
from presskit.render.themes import ThemeError
from presskit.storage.problems import ReleaseFileError
from presskit.storage.release_file import loads_release

CPU_SECONDS = float(os.environ.get("PRESSKIT_FUZZ_CPU_SECONDS", "10"))
"""Processor time one case may take, plus :data:`CPU_SECONDS_PER_MB` for each MB of input
(PDF cases four times that). Processor time, not wall time, so a busy machine does not fail a
case. A real release takes milliseconds; the allowance per MB is for python-markdown, which
needs ~20-30 s a MB for a huge table (converted once: the renderers share it), and it still
catches anything that grows faster than the input."""
CPU_SECONDS_PER_MB = 60.0
MEMORY_RISE_MB = float(os.environ.get("PRESSKIT_FUZZ_MEMORY_MB", "400"))
"""How much one case may raise the process's peak memory (the largest inputs are ~5 MB)."""
TRACE_MEMORY = os.environ.get("PRESSKIT_FUZZ_TRACEMALLOC") == "1"
NOW = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC)


class CaseTooSlow(Exception):
    """A case ran past its processor-time limit (raised from a SIGPROF timer)."""


@dataclass
class Stats:
    """What the fuzz run did, for the summary at the end of the session."""

    cases: Counter[str] = field(default_factory=Counter)  # by strategy
    outcomes: Counter[str] = field(default_factory=Counter)
    slowest: tuple[float, str] = (0.0, "")
    most_memory_mb: tuple[float, str] = (0.0, "")
    most_traced_mb: tuple[float, str] = (0.0, "")
    started: float = field(default_factory=time.monotonic)

    def summary(self) -> dict[str, Any]:
        return {
            "cases": sum(self.cases.values()),
            "by_strategy": dict(self.cases),
            "outcomes": dict(self.outcomes),
            "slowest_case_cpu_seconds": round(self.slowest[0], 3),
            "slowest_case": self.slowest[1][:120],
            "largest_peak_memory_rise_mb": round(self.most_memory_mb[0], 1),
            "largest_memory_case": self.most_memory_mb[1][:120],
            "largest_traced_python_memory_mb": round(self.most_traced_mb[0], 1),
            "process_peak_memory_mb": round(_peak_rss_mb(), 1),
            "wall_seconds": round(time.monotonic() - self.started, 1),
        }


STATS = Stats()


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


@contextlib.contextmanager
def cpu_time_limit(seconds: float) -> Iterator[None]:
    """Raise CaseTooSlow in this (main) thread once it has used ``seconds`` of CPU time.

    SIGPROF counts processor time, so it does not clash with pytest-timeout's SIGALRM.
    """

    def expire(signum: int, frame: object) -> None:
        raise CaseTooSlow(f"more than {seconds:.0f} s of processor time")

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _describe(data: str | bytes) -> str:
    return repr(data[:100]) + (f"... ({len(data):,} long)" if len(data) > 100 else "")


def exercise(
    data: str | bytes,
    folder: Path,
    strategy: str,
    *,
    pdf_renderer: Any = None,
    secret: str = "",
) -> str:
    """Run one case through every stage; returns its outcome. Fails with AssertionError."""
    STATS.cases[strategy] += 1
    limit = (CPU_SECONDS + CPU_SECONDS_PER_MB * len(data) / 1e6) * (4 if pdf_renderer else 1)
    peak_before = _peak_rss_mb()
    if TRACE_MEMORY:
        tracemalloc.reset_peak()
    start = time.process_time()
    try:
        with cpu_time_limit(limit * 3):  # a runaway case stops; a slow one fails below
            outcome = _stages(data, folder, pdf_renderer, secret)
    except CaseTooSlow as exc:
        raise AssertionError(f"{strategy} case {_describe(data)}: {exc}") from None
    used = time.process_time() - start
    rise = _peak_rss_mb() - peak_before
    STATS.outcomes[outcome] += 1
    if used > STATS.slowest[0]:
        STATS.slowest = (used, f"{strategy}: {_describe(data)}")
    if rise > STATS.most_memory_mb[0]:
        STATS.most_memory_mb = (rise, f"{strategy}: {_describe(data)}")
    if TRACE_MEMORY:
        traced = tracemalloc.get_traced_memory()[1] / 1e6
        if traced > STATS.most_traced_mb[0]:
            STATS.most_traced_mb = (traced, f"{strategy}: {_describe(data)}")
    assert used <= limit, f"{strategy} case took {used:.1f} s of CPU: {_describe(data)}"
    assert rise <= MEMORY_RISE_MB, f"{strategy} case took {rise:.0f} MB more: {_describe(data)}"
    return outcome


def _stages(data: str | bytes, folder: Path, pdf_renderer: Any, secret: str) -> str:
    try:
        loaded = loads_release(data, "fuzz.md")
    except ReleaseFileError as exc:
        assert exc.problems, "a ReleaseFileError without problems"
        for problem in exc.problems:
            assert problem.message.strip() and str(problem).startswith("fuzz.md")
        return "refused"
    release = loaded.release
    for problem in (*loaded.warnings, *loaded.problems_with_lines()):
        assert str(problem).startswith("fuzz.md")
    findings = run_checks(
        release, page_count=3, exists=lambda path: (folder / path).is_file(), now=NOW
    )
    assert all(str(finding) for finding in findings)
    text = render_text(release)
    assert isinstance(text, str) and text.endswith("\n")
    assert_no_secret(text, secret)
    try:
        web = render_html(release, folder, purpose="web")
        mail = email_html(release, folder)
        pdf_html = render_html(release, folder, purpose="pdf")
    except ThemeError:
        return "loaded, unknown theme"
    for rendered in (web, mail):  # what a reader's browser or mail client opens
        assert_no_remote_loads(rendered.html)
    for rendered in (web, mail, pdf_html):
        assert_safe_html(rendered.html)
        assert_no_secret(rendered.html, secret)
    if pdf_renderer is None:
        return "rendered"
    return _pdf_stage(release, folder, pdf_renderer, secret)


def _pdf_stage(release: Any, folder: Path, renderer: Any, secret: str) -> str:
    from pypdf import PdfReader

    from presskit.render.pdf import ReleaseTooLarge
    from presskit.storage.pdf_source import SOURCE_ATTACHMENT
    from tests.pdf_contents import pdf_attachments, pdf_holds, pdf_link_targets

    try:
        result = renderer.render(release, folder)
    except ReleaseTooLarge:
        return "pdf refused: too large"
    reader = PdfReader(io.BytesIO(result.pdf))
    assert len(reader.pages) == result.page_count >= 1
    # Read decompressed (pikepdf): page content, images, fonts and attachments are
    # compressed, so a secret that got in is never in the raw bytes.
    assert list(pdf_attachments(result.pdf)) == [SOURCE_ATTACHMENT]
    assert b"/JavaScript" not in result.pdf and b"/JS " not in result.pdf
    assert not secret or not pdf_holds(result.pdf, secret.encode()), "/etc/passwd in the PDF"
    for target in pdf_link_targets(result.pdf):
        assert url_scheme(target) in _PDF_LINK_SCHEMES, f"a PDF link to {target[:80]!r}"
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert_no_secret(text, secret)
    return "pdf rendered"


def assert_no_secret(output: str, secret: str) -> None:
    """/etc/passwd's first line must never reach an output, however it is referenced."""
    assert not secret or secret not in output, "an output holds the text of /etc/passwd"


# -- what may appear in HTML output -----------------------------------------------------------

_RUNNABLE_SCHEMES = {"javascript", "vbscript", "livescript", "data"}
_PDF_LINK_SCHEMES = {"http", "https", "mailto", "tel"}  # never file: (the author's folders)
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background"}
_FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "form", "frame", "applet", "link"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def url_scheme(url: str) -> str:
    """The scheme a browser would see: tabs and newlines removed, leading controls stripped."""
    cleaned = re.sub(r"[\t\n\r]", "", url).lstrip("".join(map(chr, range(33)))).lower()
    match = _SCHEME.match(cleaned)
    return match.group(1) if match else ""


class _HtmlAudit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in _FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "script":
            if values.get("type") != "application/ld+json":
                self.problems.append(f"<script {values}>")
            self._script = ""
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name in _URL_ATTRIBUTES and value is not None:
                image = tag == "img" and value.startswith("data:image/")
                if url_scheme(value) in _RUNNABLE_SCHEMES and not image:
                    self.problems.append(f"<{tag} {name}={value[:60]!r}>")
            if name == "style" and value and re.search(r"url\s*\(|expression|@import", value):
                self.problems.append(f"<{tag} style={value[:60]!r}>")

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            try:
                json.loads(self._script)
            except ValueError:
                self.problems.append("a ld+json script that is not JSON")
            if "<" in self._script:
                self.problems.append("a '<' inside a script")
            self._script = None


def assert_safe_html(html: str) -> None:
    """No script but JSON-LD, no event handlers, no javascript:/data: links, no embeds."""
    audit = _HtmlAudit()
    audit.feed(html)
    audit.close()
    assert html.lower().count("<script") <= 1, "more than one <script>"
    assert not audit.problems, f"unsafe HTML: {audit.problems[:5]}"


# -- remote loads -----------------------------------------------------------------------------

_LOAD_ATTRIBUTES = {"src", "srcset", "poster", "background", "data", "xlink:href", "lowsrc"}
_LOADING_HREF_TAGS = {"link", "image", "use", "feimage", "script"}
_CSS_URL_FUNCTIONS = {"url", "image", "image-set", "-webkit-image-set", "src", "cross-fade"}


def is_remote(url: str) -> bool:
    """Whether loading ``url`` leaves the document: any scheme but data:, or ``//host``."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip()
    if cleaned.startswith(("//", "\\\\", "/\\", "\\/")):
        return True
    return url_scheme(cleaned) not in ("", "data")


def css_urls(css: str, *, declarations: bool = False) -> list[str]:
    """Every address CSS would load: ``url()`` (escaped or not), strings in ``image-set()``
    and the like, ``@import``. Parsed with tinycss2, as a browser tokenizes it."""
    import tinycss2

    found: list[str] = []

    def walk(nodes: Any) -> None:
        for node in nodes or ():
            kind = getattr(node, "type", "")
            if kind == "url":
                found.append(node.value)
            elif kind == "function":
                if node.lower_name in _CSS_URL_FUNCTIONS:
                    found.extend(a.value for a in node.arguments if a.type == "string")
                walk(node.arguments)
            elif kind in ("() block", "[] block", "{} block"):
                walk(node.content)
            elif kind == "at-rule":
                if node.lower_at_keyword == "import":
                    found.extend(a.value for a in node.prelude if a.type == "string")
                walk(node.prelude)
                walk(node.content)
            elif kind == "qualified-rule":
                walk(node.prelude)
                walk(node.content)
            elif kind == "declaration":
                walk(node.value)

    if declarations:
        walk(tinycss2.parse_blocks_contents(css))
    else:
        walk(tinycss2.parse_stylesheet(css))
    return found


class _RemoteLoadAudit(HTMLParser):
    """Every remote load a browser would make from an HTML file: attributes and CSS."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[str] = []
        self._in_style = False

    def _check_css(self, where: str, css: str, *, declarations: bool = False) -> None:
        for url in css_urls(css, declarations=declarations):
            if is_remote(url):
                self.loads.append(f"{where}: url({url[:80]})")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in _LOAD_ATTRIBUTES or (name == "href" and tag in _LOADING_HREF_TAGS):
                urls = [value]
                if name == "srcset":  # "a.png 1x, https://… 2x"
                    urls = [part.split()[0] for part in value.split(",") if part.split()]
                self.loads.extend(f"<{tag} {name}={u[:80]!r}>" for u in urls if is_remote(u))
            if name == "style":
                self._check_css(f"<{tag} style>", value, declarations=True)
            if tag == "meta" and name == "content" and "url=" in value.lower():
                self.loads.append(f"<meta content={value[:80]!r}>")
        self._in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._check_css("<style>", data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False


def assert_no_remote_loads(html: str) -> None:
    """Nothing in ``html`` makes a browser or mail client load from the web: no remote
    ``src``/``srcset``/``<link href>``, no ``url()`` or ``@import`` to another origin in a
    style block or attribute."""
    audit = _RemoteLoadAudit()
    audit.feed(html)
    audit.close()
    assert not audit.loads, f"the HTML loads from the web: {audit.loads[:5]}"
