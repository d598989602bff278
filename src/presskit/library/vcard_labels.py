"""Phone labels ("mobile", "work fax") to vCard TYPE parameters and back.

A label made from TYPEs is always in one canonical form: an optional place (work, home) and an
optional kind (mobile, fax, pager, ...), such as "work mobile". Export writes a canonical label
back as TYPEs and any other label (a person's own "Press desk", Google's "GRAND_CENTRAL") as an
Apple/Google ``X-ABLabel`` in the same group, which those address books show and this importer
reads, so every label survives export and re-import exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

PLACES = ("work", "home")
# vCard TYPE -> label, in the order that decides which kind a number with several gets.
KINDS = {
    "cell": "mobile",
    "fax": "fax",
    "pager": "pager",
    "car": "car",
    "main": "main",
    "textphone": "textphone",
    "text": "text",
    "video": "video",
}
_TYPE_OF_KIND = {label: vcard_type for vcard_type, label in KINDS.items()}
# Apple's built-in labels, written as _$!<HomeFAX>!$_ in X-ABLabel.
_APPLE_LABELS = {
    "mobile": "mobile",
    "main": "main",
    "home": "home",
    "work": "work",
    "homefax": "home fax",
    "workfax": "work fax",
    "otherfax": "fax",
    "pager": "pager",
    "other": "other",
    "homepage": "homepage",
}
_APPLE = re.compile(r"^_\$!<(.*)>!\$_$")


def type_values(params: dict[str, list[str]]) -> list[str]:
    """All TYPE values of a property, lower-case: ``TYPE="work,voice";TYPE=pref`` -> 3 values."""
    return [
        part.strip().lower()
        for value in params.get("TYPE", [])
        for part in value.split(",")
        if part.strip()
    ]


def label_from_types(types: Iterable[str]) -> str:
    """The canonical label for a phone's TYPEs: ["WORK", "CELL", "VOICE"] -> "work mobile"."""
    found = {t.lower() for t in types}
    place = next((p for p in PLACES if p in found), "")
    kind = next((label for vcard_type, label in KINDS.items() if vcard_type in found), "")
    return " ".join(part for part in (place, kind) if part)


def label_from_custom(text: str) -> str:
    """A custom label as people read it: Apple's ``_$!<Mobile>!$_`` -> "mobile"."""
    text = text.strip()
    apple = _APPLE.match(text)
    if apple:
        inner = apple.group(1)
        return _APPLE_LABELS.get(inner.lower(), inner)
    return text


def types_for_label(label: str) -> list[str] | None:
    """The TYPEs that give back exactly ``label`` on import, or None when none do."""
    words = label.split(" ") if label else []
    place = words[0] if words and words[0] in PLACES else ""
    kinds = words[1:] if place else words
    if len(kinds) > 1 or (kinds and kinds[0] not in _TYPE_OF_KIND):
        return None
    types = ([place] if place else []) + [_TYPE_OF_KIND[k] for k in kinds]
    return types if label_from_types(types) == label else None
