"""Addressing one field of a release: ``("contacts", 0, "phones", 1, "number")``.

The editor reads and writes fields by path (so one undo command type serves every field),
and messages name fields by the same path written the way people count:
``contacts[1].phones[2].number``.
"""

from __future__ import annotations

import re
from typing import Any

FieldPath = tuple[str | int, ...]

_PART = re.compile(r"([A-Za-z_]+)|\[(\d+)\]")


def get_at(root: Any, path: FieldPath) -> Any:
    """The value at ``path`` (attributes by name, list items by 0-based index)."""
    value = root
    for part in path:
        value = value[part] if isinstance(part, int) else getattr(value, part)
    return value


def set_at(root: Any, path: FieldPath, value: Any) -> None:
    """Set the value at ``path``; its parent must exist."""
    if not path:
        raise ValueError("cannot replace the root")
    parent = get_at(root, path[:-1])
    last = path[-1]
    if isinstance(last, int):
        parent[last] = value
    else:
        if not hasattr(parent, last):
            raise AttributeError(f"{type(parent).__name__} has no field {last!r}")
        setattr(parent, last, value)


def path_text(path: FieldPath) -> str:
    """``contacts[1].email`` for ``("contacts", 0, "email")``: list items count from 1."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def parse_path_text(text: str) -> FieldPath:
    """The inverse of :func:`path_text`."""
    parts: list[str | int] = []
    for name, index in _PART.findall(text):
        parts.append(int(index) - 1 if index else name)
    return tuple(parts)


_FIELD_WORDS = {
    "headline": "headline", "subheadline": "subheadline", "body": "body",
    "dateline": "dateline", "city": "city", "date": "date", "style": "style",
    "status": "release status", "embargo": "embargo time", "timezone": "time zone",
    "language": "language", "organization": "organization", "name": "name",
    "website": "website", "logo": "logo", "accent": "house colour",
    "social": "social accounts", "boilerplate": "About text", "links": "links",
    "contacts": "press contacts", "phones": "phones", "theme": "theme", "end_mark": "end mark",
    "title": "title", "url": "address", "email": "email", "number": "number", "label": "label",
    "network": "network", "handle": "handle", "approvals": "approvals",
    "boilerplate_library": "About text's library link", "library": "library link",
}  # fmt: skip
_ITEM_WORDS = {
    "links": "link", "contacts": "contact", "phones": "phone", "social": "social account",
    "approvals": "approval",
}  # fmt: skip


def field_words(path: FieldPath | str) -> str:
    """A field named for a person, never a code path: ``links[3].title`` -> "the title of
    link 3", ``contacts[2].phones[1].number`` -> "the number of phone 1 of contact 2",
    ``dateline.city`` -> "the dateline city", ``contacts[2]`` -> "contact 2"."""
    parts = parse_path_text(path) if isinstance(path, str) else path
    items: list[str] = []  # "contact 2", innermost last
    names: list[str] = []  # the words after the last item
    for index, part in enumerate(parts):
        if isinstance(part, int):
            owner = parts[index - 1] if index else ""
            items.append(f"{_ITEM_WORDS.get(str(owner), 'item')} {part + 1}")
            names = []
        elif index + 1 < len(parts) and isinstance(parts[index + 1], int):
            continue  # a list's name: its item says it ("contact 2")
        else:
            names.append(_FIELD_WORDS.get(part, part.replace("_", " ")))
    owners = " of ".join(reversed(items))
    if not names:
        return owners or "the release"
    leaf = "the " + " ".join(names)
    return f"{leaf} of {owners}" if owners else leaf
