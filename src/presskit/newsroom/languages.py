"""Language versions: which published releases are versions of one another.

This is the seam to the linked language versions (issue "Language versions"), which add to
the release file a link from a translation to the release it translates. Until that lands,
a release may declare the link itself with either of these keys (kept as unknown keys, so
files stay loadable everywhere):

    translation_of: ../en/release.md          # the release this one translates
    translation:
      source: ../en/release.md                # the same, as a group

(a typed attribute ``release.translation`` with a ``source``, if the model grows one, is read
first). The path is relative to the file. Releases that are linked, directly or through a
chain, form one group; a group's pages name each other with ``hreflang`` alternates and the
index shows the other languages next to each. Only published members are ever named: a held
back translation is not a language version yet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from presskit.model.release import Release

MAX_CHAIN = 8
"""A translation of a translation of …: followed this far, which also ends any cycle."""


def translated_from(release: Release, path: Path) -> Path | None:
    """The file ``release`` (read from ``path``) says it translates, resolved; or None."""
    typed = getattr(release, "translation", None)
    value: Any = getattr(typed, "source", None) if typed is not None else None
    if not value:
        value = release.extra.get("translation_of")
    if not value:
        group = release.extra.get("translation")
        value = group.get("source") if isinstance(group, dict) else None
    if not isinstance(value, str) or not value.strip():
        return None
    return (path.parent / value.strip()).resolve()


def group_keys(links: dict[Path, Path | None]) -> dict[Path, Path]:
    """Each file's group: the file at the top of its chain of ``links`` (file -> translates)."""
    keys: dict[Path, Path] = {}
    for path in links:
        top = path
        for _ in range(MAX_CHAIN):
            parent = links.get(top)
            if parent is None or parent == path:
                break
            top = parent
        keys[path] = top
    return keys
