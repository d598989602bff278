"""Apply a reviewer's changes to a release: exactly those changes, and nothing else.

Each change is an edit of one field's source (see :mod:`presskit.review.changes`); edits of
one field are applied from the end backwards, so every range still points where it did.
Removing a whole link or contact comes last, from the last item back. A change whose field
no longer holds the text it was made against is skipped and returned, never forced.

    changed, skipped = apply_changes(release, changes)
"""

from __future__ import annotations

import copy
import dataclasses

from presskit.model.paths import FieldPath, get_at, set_at
from presskit.model.release import Release
from presskit.review.changes import Edit, FieldChange


def apply_changes(
    release: Release, changes: list[FieldChange]
) -> tuple[Release, list[FieldChange]]:
    """A copy of ``release`` with ``changes`` applied, and the changes that could not be."""
    result = copy.deepcopy(release)
    skipped: list[FieldChange] = []
    by_field: dict[FieldPath, list[FieldChange]] = {}
    removals: list[FieldChange] = []
    for change in changes:
        if change.edit is None:
            skipped.append(change)
        elif change.edit.remove:
            removals.append(change)
        else:
            by_field.setdefault(change.edit.field, []).append(change)
    for path, field_changes in by_field.items():
        skipped += _apply_field(result, path, field_changes)
    for change in sorted(removals, key=lambda c: c.field, reverse=True):
        assert change.edit is not None
        *list_path, index = change.edit.field
        items = get_at(result, tuple(list_path))
        if isinstance(index, int) and index < len(items):
            del items[index]
        else:
            skipped.append(change)
    return result, skipped


def _apply_field(
    release: Release, path: FieldPath, changes: list[FieldChange]
) -> list[FieldChange]:
    value = get_at(release, path)
    skipped: list[FieldChange] = []
    edits: list[tuple[Edit, FieldChange]] = []
    for change in changes:
        assert change.edit is not None
        if change.edit.source != value:
            skipped.append(change)
        else:
            edits.append((change.edit, change))
    limit = len(value) + 1
    for edit, change in sorted(edits, key=lambda pair: (pair[0].start, pair[0].end), reverse=True):
        if edit.end > limit:  # overlaps a change applied already: keep the first one only
            skipped.append(change)
            continue
        value = value[: edit.start] + edit.text + value[edit.end :]
        limit = edit.start
    set_at(release, path, value)
    return skipped


def rebase(edit: Edit, applied: Edit, value_after: object) -> Edit | None:
    """``edit`` (not applied yet) as it stands after ``applied`` was: moved along in the same
    field (``value_after`` is that field's new value), or to the item's new place in its list
    after a removal. None when ``applied`` took its text, or its item, away."""
    if applied.remove:
        *list_path, removed = applied.field
        prefix = len(list_path)
        if tuple(edit.field[:prefix]) != tuple(list_path) or len(edit.field) <= prefix:
            return edit
        index = edit.field[prefix]
        if not isinstance(index, int) or not isinstance(removed, int) or index < removed:
            return edit
        if index == removed:
            return None
        moved = (*edit.field[:prefix], index - 1, *edit.field[prefix + 1 :])
        return dataclasses.replace(edit, field=moved)
    if edit.field != applied.field or edit.remove:
        return edit
    if edit.end <= applied.start:
        return dataclasses.replace(edit, source=value_after)
    if edit.start >= applied.end:
        shift = len(applied.text) - (applied.end - applied.start)
        return dataclasses.replace(
            edit, source=value_after, start=edit.start + shift, end=edit.end + shift
        )
    return None


def applied_value(current: object, edit: Edit) -> object:
    """The new value of ``edit.field`` (for a removal: of its list) once ``edit`` is made to
    ``current``, the field's value (the list's) now."""
    if edit.remove:
        items = list(current)  # type: ignore[call-overload]
        del items[edit.field[-1]]  # type: ignore[arg-type]
        return items
    text = str(current)
    return text[: edit.start] + edit.text + text[edit.end :]
