"""Release -> plain text, for email bodies and the forms of wire services.

Paragraphs are separated by one blank line and never hard-wrapped: mail clients and wire
forms wrap for themselves, and pre-wrapped text breaks badly in them. Links read
"text (url)". The body is converted from the same sanitized HTML the other outputs use, so
Markdown is interpreted once, the same way everywhere.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from presskit.model.release import Contact, Release
from presskit.model.urls import WEB_SCHEMES, link_href
from presskit.render.conventions import (
    dateline_text,
    labels_for,
    network_name,
    release_line,
    typographic_quotes,
)
from presskit.render.markdown_body import markdown_to_html

_BLOCKS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr",
     "dt", "dd", "hr", "table", "ul", "ol", "figure", "figcaption", "section"}
)  # fmt: skip


_BREAK = "\u2028"  # stands in for <br> while whitespace is collapsed


class _TextWriter(HTMLParser):
    """Collects the text of sanitized HTML as paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._links: list[str | None] = []
        self._lists: list[list[int] | None] = []  # a counter per <ol>, None per <ul>
        self._quote_depth = 0
        self._pre = 0
        self._marker = ""  # a list item's "- " or "1. ", waiting for the item's first text

    def _flush(self) -> None:
        text = "".join(self._current)
        self._current = []
        if self._pre:
            text = text.strip("\n")
        else:
            text = re.sub(r"[ \t\r\n]+", " ", text).strip()
            text = re.sub(f" *{_BREAK} *", "\n", text)
        if text.strip():
            prefix = "> " * self._quote_depth
            text = self._marker + text
            self._marker = ""
            self.paragraphs.append(prefix + text.replace("\n", "\n" + prefix))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._flush()
        if tag == "ol":
            start = dict(attrs).get("start") or "1"
            # ASCII digits, and few: int() refuses "²" and numbers of over 4300 digits.
            number = int(start) if start.isascii() and start.isdigit() and len(start) < 19 else 1
            self._lists.append([number])
        elif tag == "ul":
            self._lists.append(None)
        elif tag == "li":
            counter = self._lists[-1] if self._lists else None
            if counter is None:
                self._marker = "- "
            else:
                self._marker = f"{counter[0]}. "
                counter[0] += 1
        elif tag == "blockquote":
            self._quote_depth += 1
        elif tag == "pre":
            self._pre += 1
        elif tag == "a":
            self._links.append(dict(attrs).get("href"))
            self._link_start = len("".join(self._current))
        elif tag == "br":
            self._current.append(_BREAK)
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self._current.append(alt)
        elif tag in ("td", "th") and self._current:
            self._current.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._links:
            href = self._links.pop()
            text = "".join(self._current)[self._link_start :].strip()
            target = (href or "").removeprefix("mailto:")
            if target and target != text and not target.startswith("#fn"):
                self._current.append(f" ({target})")
        elif tag in ("ol", "ul") and self._lists:
            self._lists.pop()
        elif tag == "blockquote":
            self._flush()
            self._quote_depth = max(0, self._quote_depth - 1)
        elif tag == "pre":
            self._flush()
            self._pre = max(0, self._pre - 1)
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_paragraphs(html: str) -> list[str]:
    """The paragraphs of sanitized HTML as plain text."""
    writer = _TextWriter()
    writer.feed(html)
    writer.close()
    return writer.paragraphs


def _contact_lines(contact: Contact) -> str:
    lines = [", ".join(p for p in (contact.name, contact.title, contact.organization) if p)]
    if contact.city:
        lines.append(contact.city)
    for phone in contact.phones:
        if phone.number.strip():
            lines.append(phone.number + (f" ({phone.label})" if phone.label else ""))
    if contact.email:
        lines.append(contact.email)
    return "\n".join(lines)


def render_text(release: Release) -> str:
    """The whole release as plain text, ending with a newline."""
    labels = labels_for(release.language)
    parts = [release_line(release), typographic_quotes(release.headline, release.language)]
    if release.subheadline:
        parts.append(typographic_quotes(release.subheadline, release.language))
    body = html_to_paragraphs(markdown_to_html(release.body, release.language))
    dateline = dateline_text(release)
    if dateline:
        body = [f"{dateline} {body[0]}", *body[1:]] if body else [dateline]
    parts.extend(body)
    links = [link for link in release.links if link.title or link.url]
    if links:
        items = [
            f"- {link.title} ({link.url})"
            if link.title and link.url
            else f"- {link.title or link.url}"
            for link in links
        ]
        parts.append(f"{labels['more_info']}:\n" + "\n".join(items))
    if release.end_mark:
        parts.append(release.end_mark)
    parts.extend(_about(release, labels))
    contacts = [c for c in release.contacts if c.has_content()]
    if contacts:
        parts.append(labels["contacts"])
        parts.extend(_contact_lines(c) for c in contacts)
    return "\n\n".join(p for p in parts if p.strip()) + "\n"


def _about(release: Release, labels: dict[str, str]) -> list[str]:
    org = release.organization
    about = html_to_paragraphs(markdown_to_html(release.boilerplate, release.language))
    website = link_href(org.website, schemes=WEB_SCHEMES) or org.website.strip()
    links = [f"{labels['website']}: {website}"] if website else []
    links += [
        f"{network_name(s.network)}: {s.url or s.handle}"
        + (f" ({s.handle})" if s.url and s.handle else "")
        for s in org.social
        if s.url.strip() or s.handle.strip()
    ]
    if not (about or links):
        return []
    heading = f"{labels['about']} {org.name}".strip()
    return [heading, *about, "\n".join(links)]
