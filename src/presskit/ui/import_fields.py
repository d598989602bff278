"""The Import Review's right side and its notes: the imported fields in plain words, each
with the source lines it came from, then what was not placed.

Fields are written as the release will print them (the release line and the dateline through
:mod:`presskit.render.conventions`, as the preview does); the body as its first and last
paragraphs, where a stray contact line or caption would show.
"""

from __future__ import annotations

import html
import re

from presskit.importers import ImportResult
from presskit.importers.model import FieldSource
from presskit.importers.report import field_value
from presskit.model.release import Contact, Release
from presskit.render.conventions import dateline_text, release_line

LABELS = {
    "status": "Release line", "headline": "Headline", "subheadline": "Subheadline",
    "dateline": "Dateline", "body": "Body", "links": "For more information",
    "end_mark": "End mark", "boilerplate": "About (boilerplate)",
    "organization.name": "Organization", "organization.website": "Website",
    "organization.social": "Website and social", "contacts": "Press contact",
}  # fmt: skip
"""Each field's name in the review, in the order the review lists them."""
_ORDER = list(LABELS)
_NUMBERED = re.compile(r"^(?P<base>[\w.]+)\[(?P<n>\d+)\]$")
NOTES_SHOWN = 6
"""Notes listed at the top of the review; the rest are counted (they are all in the fields'
"Not placed" list too)."""


def fields_html(result: ImportResult, muted: str = "#555555", alert: str = "#c62828") -> str:
    """The imported fields as readable HTML, each with its source lines; ``muted`` and
    ``alert`` are the colours of the line numbers and of a missing field's note (from the
    palette: they must be readable on a dark one too)."""
    missing = f'<i style="color:{alert}">none found: choose a block for it</i>'
    rows = [
        _row(LABELS[name], "", missing, muted)
        for name in ("headline", "body")
        if name not in result.fields
    ]
    names = sorted((name for name in result.fields if name != "embargo"), key=_sort_key)
    for name in names:
        value = _value(result.release, result, name, muted)
        rows.append(_row(_label(name), _lines(result.fields[name]), value, muted))
    language = html.escape(result.release.language or "unknown")
    rows.append(_row("Language", "", language, muted))
    unplaced = result.not_placed()
    if unplaced:
        rows.append(
            f'<p style="margin-top:12px"><b>Not placed</b> ({len(unplaced)}: not in the '
            "release; give each a field, or it is left out)</p><ul>"
        )
        for block in unplaced:
            first, last = block.lines
            where = f"{first}" if first == last else f"{first}–{last}"
            rows.append(f"<li>line {where}: {html.escape(_short(block.text, 200))}</li>")
        rows.append("</ul>")
    return "".join(rows)


def notes_html(result: ImportResult) -> str:
    """The import's warnings as a short list ("" when there is nothing to check)."""
    notes = list(result.warnings)
    chrome = len(result.chrome())
    if chrome:
        notes.append(f"{chrome} blocks of page chrome (menus, footers) were left out")
    if not notes:
        return ""
    shown = [f"• {html.escape(note)}" for note in notes[:NOTES_SHOWN]]
    if len(notes) > NOTES_SHOWN:
        shown.append(f"… and {len(notes) - NOTES_SHOWN} more notes")
    return "<b>Check:</b><br>" + "<br>".join(shown)


def _sort_key(name: str) -> tuple[int, int]:
    found = _NUMBERED.match(name)
    base, number = (found["base"], int(found["n"])) if found else (name, 0)
    return (_ORDER.index(base) if base in _ORDER else len(_ORDER), number)


def _label(name: str) -> str:
    found = _NUMBERED.match(name)
    if found is None:
        return LABELS.get(name, name)
    base = LABELS.get(found["base"], found["base"])
    return f"{base} {found['n']}" if found["base"] == "contacts" else base


def _lines(source: FieldSource) -> str:
    """ "line 3", "lines 13–22" or "lines 2–6, 9"."""
    spans = ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in source.lines)
    one = len(source.lines) == 1 and source.lines[0][0] == source.lines[0][1]
    return f"line {spans}" if one else f"lines {spans}" if spans else ""


def _row(label: str, lines: str, value: str, muted: str) -> str:
    where = f' <span style="color:{muted}">{lines}</span>' if lines else ""
    return f'<p style="margin:0 0 8px 0"><b>{html.escape(label)}</b>{where}<br>{value}</p>'


def _value(release: Release, result: ImportResult, name: str, muted: str) -> str:
    """One field's value as HTML."""
    if name == "status":
        return html.escape(release_line(release))
    if name == "dateline":
        return html.escape(dateline_text(release))
    if name == "body":
        return _body(release.body, muted)
    found = _NUMBERED.match(name)
    if found and found["base"] == "contacts":
        return _contact(release.contacts[int(found["n"]) - 1])
    value = field_value(result, name)
    if isinstance(value, dict):  # a link, a social account
        value = "  ".join(str(v) for k, v in value.items() if k != "extra" and v)
    return html.escape(_short(str(value), 600)).replace("\n", "<br>")


def _body(body: str, muted: str) -> str:
    """The body's first and last paragraphs and how many there are."""
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    if len(paragraphs) <= 2:
        return "<br><br>".join(html.escape(_short(p, 600)) for p in paragraphs)
    first, last = (html.escape(_short(p, 400)) for p in (paragraphs[0], paragraphs[-1]))
    between = len(paragraphs) - 2
    many = "s" if between != 1 else ""
    middle = f'<span style="color:{muted}">… {between} paragraph{many} …</span>'
    return f"{first}<br>{middle}<br>{last}"


def _contact(contact: Contact) -> str:
    lines = [", ".join(p for p in (contact.name, contact.title, contact.organization) if p)]
    lines += [" ".join(p for p in (phone.number, phone.label) if p) for phone in contact.phones]
    lines += [contact.email, contact.city]
    return "<br>".join(html.escape(line) for line in lines if line)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
