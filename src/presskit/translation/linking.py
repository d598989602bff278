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
from stat import S_ISREG

from presskit.model.release import Release, Translation
from presskit.model.segments import release_segments, segment_fingerprint, segment_fingerprints
from presskit.storage import ReleaseFileError, load_release
from presskit.storage.text_file import MAX_FILE_BYTES


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


SOURCE_SUFFIXES = frozenset({".md", ".markdown"})
"""What a translation's source may be: a release file, never any other file of the disk."""


def source_path_of(release: Release, path: Path) -> Path | None:
    """The file that ``release`` (read from ``path``) translates; None if not a translation
    or if the path it names is not one a release may name (see :func:`acceptable_source`)."""
    if release.translation is None or not release.translation.source.strip():
        return None
    candidate = path.parent / release.translation.source.strip()
    return candidate if acceptable_source(release.translation.source, path) else None


def acceptable_source(reference: str, path: Path) -> bool:
    """Whether a translation at ``path`` may read the source ``reference`` names.

    A release file comes from anyone: its ``translation.source`` must not make Presskit read
    (and then print, check or pack into a press kit) some other file of the disk. So the
    source is a relative path to a ``.md`` release, in the translation's folder, below it, or
    in a folder beside it (``../en/release.md``), and not reached through a symbolic link.
    """
    relative = Path(reference.strip().replace("\\", "/"))
    if relative.is_absolute() or relative.suffix.lower() not in SOURCE_SUFFIXES:
        return False
    parts = relative.parts
    ups = len(parts) - len([p for p in parts if p != ".."])
    if ups > 1 or any(p == ".." for p in parts[ups:]):
        return False
    folder = path.parent.resolve()
    target = (path.parent / relative).resolve()
    return target.is_relative_to(folder.parent) and not _through_link(path.parent, relative)


def _through_link(folder: Path, relative: Path) -> bool:
    current = folder
    for part in relative.parts:
        current = current / part
        if part != ".." and current.is_symlink():
            return True
    return False


def read_source(path: Path) -> Release | None:
    """The release at ``path`` if it is a regular release file of a sane size, else None
    (a FIFO or a device would block or never end; the loader refuses over 20 MB anyway)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    if not S_ISREG(stat.st_mode) or stat.st_size > MAX_FILE_BYTES:
        return None
    try:
        return load_release(path).release
    except ReleaseFileError:
        return None


def load_source(release: Release, path: Path) -> Release | None:
    """The release that ``release`` translates, read from disk; None if it cannot be read."""
    source_path = source_path_of(release, path)
    return read_source(source_path) if source_path is not None else None


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
        release = read_source(path)
        self._cache[path] = (key, release)
        return copy.deepcopy(release)

    def lookup(self, folder: Path) -> Callable[[str], Release | None]:
        """A ``source`` function for :func:`presskit.checks.runner.run_checks`: reads only
        sources a translation in ``folder`` may name (:func:`acceptable_source`)."""
        here = folder / "release.md"  # any file of the folder: the rule looks at the folder
        return lambda relative: (
            self.read(folder / relative) if acceptable_source(relative, here) else None
        )
