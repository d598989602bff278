"""Two versions of a release, field by field and word by word.

    for diff in compare_releases(old, new):   # only the fields that differ, in file order
        diff.field, diff.old, diff.new, diff.pieces   # pieces: same / removed / added words

Every field a person reads or sets is compared: the front matter (contacts and links item by
item), the approvals (who and when), and the body, as Markdown source. What ``presskit diff``
prints, what the History panel shows side by side, and the summary each saved version gets.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Any

from presskit.model.fingerprint import part_name
from presskit.model.paths import FieldPath
from presskit.model.release import Release
from presskit.review.words import DiffPiece, word_diff

_LEFT_OUT = frozenset({"extra", "library", "fingerprint", "fields"})


@dataclass(frozen=True)
class FieldDiff:
    """One field that differs between two versions."""

    field: str  # a path as messages write it: "contacts[1].email"
    old: str
    new: str
    pieces: tuple[DiffPiece, ...]

    @property
    def added_words(self) -> int:
        return sum(len(p.text.split()) for p in self.pieces if p.kind == "added")

    @property
    def removed_words(self) -> int:
        return sum(len(p.text.split()) for p in self.pieces if p.kind == "removed")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def flatten(release: Release) -> dict[str, str]:
    """Every field of ``release`` as text, by path, in the file's order (body last)."""
    fields: dict[str, str] = {}

    def walk(value: Any, path: str) -> None:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                if f.name not in _LEFT_OUT and f.name != "body":
                    walk(getattr(value, f.name), f"{path}.{f.name}" if path else f.name)
        elif isinstance(value, list):
            for index, item in enumerate(value, start=1):
                walk(item, f"{path}[{index}]")
        else:
            fields[path] = _text(value)

    walk(release, "")
    fields["body"] = release.body
    return fields


def compare_releases(old: Release, new: Release) -> list[FieldDiff]:
    """The fields that differ between ``old`` and ``new``, each with its word-level diff."""
    before, after = flatten(old), flatten(new)
    paths = list(dict.fromkeys([*before, *after]))
    paths.sort(key=lambda p: p == "body")  # the body last, the rest as the file has them
    diffs = []
    for path in paths:
        a, b = before.get(path, ""), after.get(path, "")
        if a != b:
            diffs.append(FieldDiff(path, a, b, tuple(word_diff(a, b))))
    return diffs


def summary(diffs: list[FieldDiff]) -> str:
    """``headline and body changed (+12 −3 words)``; "no changes" when there are none."""
    if not diffs:
        return "no changes"
    parts = list(dict.fromkeys(part_name(d.field.split(".")[0].split("[")[0]) for d in diffs))
    named = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    added = sum(d.added_words for d in diffs)
    removed = sum(d.removed_words for d in diffs)
    words = f" (+{added} −{removed} words)" if added or removed else ""
    return f"{named} changed{words}"


def field_changes(current: Release, target: Release) -> list[tuple[FieldPath, Any]]:
    """The top-level fields to set so ``current`` becomes ``target`` (for one undo step)."""
    return [
        ((f.name,), copy.deepcopy(getattr(target, f.name)))
        for f in dataclasses.fields(Release)
        if getattr(current, f.name) != getattr(target, f.name)
    ]
