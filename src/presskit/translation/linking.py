"""A translation linked to its source: made, found, and marked up to date.

A translation is a release file of its own (its language, labels, dateline, contacts) that
records which release it translates and the fingerprint of each source segment as it was
when translated (``translation:`` in the file, :class:`presskit.model.release.Translation`).

    german = make_translation(source, Path("release.md"), Path("release.de-DE.md"), "de-DE")
    source = load_source(german, Path("release.de-DE.md"))   # the source Release, or None
    mark_up_to_date(german, source, ["headline"])            # the headline is current again
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable
from pathlib import Path

from presskit.model.release import Release, Translation
from presskit.model.segments import release_segments, segment_fingerprint, segment_fingerprints
from presskit.storage import ReleaseFileError, load_release


def default_output(source_path: Path, language: str) -> Path:
    """``release.de-DE.md`` beside ``release.md``."""
    return source_path.with_name(f"{source_path.stem}.{language}{source_path.suffix or '.md'}")


def source_reference(source_path: Path, translation_path: Path) -> str:
    """The source's path as the translation records it: relative to the translation's
    folder, with forward slashes, so the pair can move together."""
    folder = translation_path.resolve().parent
    relative = os.path.relpath(source_path.resolve(), folder)
    return Path(relative).as_posix()


def make_translation(
    source: Release, source_path: Path, translation_path: Path, language: str
) -> Release:
    """A copy of ``source`` in ``language``, linked to it, with every segment current.

    The texts are still the source's, to be translated by hand or through XLIFF; approvals
    are not copied (they approved the source's words, not the translation's).
    """
    release = copy.deepcopy(source)
    release.language = language
    release.approvals = []
    release.translation = Translation(
        source=source_reference(source_path, translation_path),
        language=source.language,
        segments=segment_fingerprints(source),
    )
    return release


def source_path_of(release: Release, path: Path) -> Path | None:
    """The file that ``release`` (read from ``path``) translates; None if not a translation."""
    if release.translation is None or not release.translation.source.strip():
        return None
    return path.parent / release.translation.source.strip()


def load_source(release: Release, path: Path) -> Release | None:
    """The release that ``release`` translates, read from disk; None if it cannot be read."""
    source_path = source_path_of(release, path)
    if source_path is None:
        return None
    try:
        return load_release(source_path).release
    except ReleaseFileError:
        return None


def mark_up_to_date(release: Release, source: Release, ids: list[str] | None = None) -> None:
    """Record the source's current text for segments ``ids`` (all when None) as translated."""
    if release.translation is None:
        return
    recorded = dict(release.translation.segments)
    for segment in release_segments(source):
        if ids is None or segment.id in ids:
            recorded[segment.id] = segment_fingerprint(segment.text)
    if ids is None:
        current = {segment.id for segment in release_segments(source)}
        recorded = {key: value for key, value in recorded.items() if key in current}
    release.translation.segments = recorded
    release.translation.language = source.language


class SourceReader:
    """Reads source releases for the checks, again only when the file changed on disk.

    The editor checks after every pause in typing; reading and parsing the source each time
    would cost more than all the other checks, so a file is read again only when its size
    or modification time differ.
    """

    def __init__(self) -> None:
        self._cache: dict[Path, tuple[tuple[int, int], Release | None]] = {}

    def read(self, path: Path) -> Release | None:
        """The release at ``path``, or None when it cannot be read."""
        try:
            stat = path.stat()
        except OSError:
            return None
        key = (stat.st_mtime_ns, stat.st_size)
        cached = self._cache.get(path)
        if cached is not None and cached[0] == key:
            return copy.deepcopy(cached[1])
        try:
            release: Release | None = load_release(path).release
        except ReleaseFileError:
            release = None
        self._cache[path] = (key, release)
        return copy.deepcopy(release)

    def lookup(self, folder: Path) -> Callable[[str], Release | None]:
        """A ``source`` function for :func:`presskit.checks.runner.run_checks`."""
        return lambda relative: self.read(folder / relative)
