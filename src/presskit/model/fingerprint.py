"""Fingerprints of a release's content: what an approval records and what history compares.

The content is what a reader of the release reads: the release line, headline, subheadline,
dateline, body, links, About text, organization, contacts and end mark. How it looks (the
theme, the house colour), where parts were copied from (library links), the approvals
themselves and keys Presskit does not know are not content: changing them leaves an approval
current.

    fields = part_fingerprints(release)     # {"headline": "1f0c2a9e", "body": ...}
    whole = content_fingerprint(release)    # "sha256:..." over every part
    changed_parts(approval.fields, fields)  # ["headline", "body"]
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from enum import Enum
from typing import Any

from presskit.model.release import Release

CONTENT_PARTS: tuple[str, ...] = (
    "status", "embargo", "timezone", "headline", "subheadline", "dateline", "language",
    "organization", "boilerplate", "links", "contacts", "end_mark", "body",
)  # fmt: skip
"""The parts, named by their keys in the release file, in the file's order."""

PART_NAMES: dict[str, str] = {
    "status": "release line",
    "end_mark": "end mark",
    "boilerplate": "About text",
    "links": "links",
    "contacts": "contacts",
    "organization": "organization",
}
"""How a message names a part, where its key does not read as plain words."""

_SHORT = 8  # hex digits per part: enough to notice a change, short enough to read


def part_name(part: str) -> str:
    """``"end mark"`` for ``"end_mark"``: the part in plain words."""
    return PART_NAMES.get(part, part.replace("_", " "))


def _plain(value: Any) -> Any:
    """``value`` as JSON data, without library links and unknown keys (not content)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in ("library", "extra", "accent")
        }
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):  # datetime too
        return value.isoformat()
    return value


def part_values(release: Release) -> dict[str, Any]:
    """Each content part of ``release`` as plain data, by part name."""
    values = {name: _plain(getattr(release, name)) for name in CONTENT_PARTS}
    # Text the output trims is the same content, trimmed or not.
    values["body"] = release.body.replace("\r\n", "\n").strip()
    return values


def _digest(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def part_fingerprints(release: Release) -> dict[str, str]:
    """A short fingerprint of each content part, in :data:`CONTENT_PARTS` order."""
    return {name: _digest(value)[:_SHORT] for name, value in part_values(release).items()}


def content_fingerprint(release: Release) -> str:
    """One fingerprint of all the content: ``sha256:`` and 64 hex digits."""
    return "sha256:" + _digest(part_values(release))


def changed_parts(recorded: dict[str, str], current: dict[str, str]) -> list[str]:
    """The parts whose fingerprints differ, in file order. A part missing from ``recorded``
    (an approval made before Presskit knew it) counts as unchanged."""
    return [name for name in current if name in recorded and recorded[name] != current[name]]
