"""A release's language versions on disk: its source and every translation linked to it.

    versions = language_versions(Path("en/release.md"), release)
    # [Version("de-DE", .../de/release.md, <Release>), Version("en-US", ...), ...]

A translation names its source (``translation.source``); the source does not name its
translations, so they are found by looking where people keep them: beside the source
(``release.de-DE.md``, what ``presskit translate`` writes), in the source's subfolders, and in
the folders beside the source's folder (``en/release.md`` with ``de/release.md``). The search
is bounded (:data:`MAX_FOLDERS`, :data:`MAX_FILES`) and reads only small Markdown files that
mention ``translation:``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from presskit.model.release import Release
from presskit.storage import ReleaseFileError, load_release
from presskit.translation.linking import read_source, source_path_of

MAX_FOLDERS = 40
MAX_FILES = 400
MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class Version:
    """One language version of a release."""

    language: str
    path: Path
    release: Release


def _folders(top: Path) -> list[Path]:
    folders = [top.parent]
    for base in (top.parent, top.parent.parent):
        try:
            children = sorted(
                p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")
            )
        except OSError:
            continue
        folders += children[:MAX_FOLDERS]
    return list(dict.fromkeys(folders))[:MAX_FOLDERS]


def _candidates(top: Path) -> list[Path]:
    found: list[Path] = []
    for folder in _folders(top):
        try:
            files = sorted(folder.glob("*.md"))
        except OSError:
            continue
        for path in files:
            if len(found) >= MAX_FILES:
                return found
            try:
                if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_BYTES:
                    continue
                if b"translation:" not in path.read_bytes():
                    continue
            except OSError:
                continue
            found.append(path.resolve())
    return found


def language_versions(path: Path, release: Release) -> list[Version]:
    """``release`` (read from ``path``) and its other language versions, by language;
    empty when it has none."""
    path = path.resolve()
    top, top_release = path, release
    source = source_path_of(release, path)
    if source is not None:
        top = source.resolve()
        loaded = read_source(top)
        if loaded is None:
            return []
        top_release = loaded
    versions = {top: Version(top_release.language, top, top_release)}
    if path != top:
        versions[path] = Version(release.language, path, release)
    for candidate in _candidates(top):
        if candidate in versions:
            continue
        try:
            other = load_release(candidate).release
        except ReleaseFileError:
            continue
        linked = source_path_of(other, candidate)
        if linked is not None and linked.resolve() == top:
            versions[candidate] = Version(other.language, candidate, other)
    if len(versions) < 2:
        return []
    return sorted(versions.values(), key=lambda v: (v.language.casefold(), str(v.path)))
