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
