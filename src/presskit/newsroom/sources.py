"""Finding the releases under the source folders, and loading them.

A source folder holds releases and much else: images, READMEs, notes, drafts that are not
releases yet. Only files that load and validate as releases are releases; every other
Markdown file is reported once, with the reason, and never stops the build. Hidden folders
(``.git``) and the site folder itself (when it lies inside a source folder) are not searched.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from presskit.model.release import Release
from presskit.model.validation import validate_release
from presskit.model.wording import counted
from presskit.storage.file_types import is_release_file
from presskit.storage.problems import FileProblem, ReleaseFileError, Severity
from presskit.storage.release_file import loads_release


@dataclass
class Candidate:
    """A release file that loaded and validated: its path, bytes and release."""

    path: Path  # resolved
    data: bytes
    release: Release
    mtime: float


@dataclass
class Found:
    """What the source folders hold: the releases, and one line per file that is not one."""

    releases: list[Candidate]
    skipped: list[str]


def release_files(sources: Iterable[Path], exclude: Path | None = None) -> list[Path]:
    """Every release file (by extension) under ``sources``, resolved, sorted, each once."""
    found: set[Path] = set()
    excluded = exclude.resolve() if exclude is not None else None
    for source in sources:
        for folder, dirs, files in os.walk(source.resolve()):
            here = Path(folder)
            dirs[:] = sorted(
                d for d in dirs if not d.startswith(".") and (here / d).resolve() != excluded
            )
            found.update(here / name for name in files if is_release_file(name))
    return sorted(found)


def load_candidate(path: Path, shown: str) -> Candidate | str:
    """The release in ``path``, or a line saying why it is not one (``shown`` names the file)."""
    try:
        data = path.read_bytes()
        stat = path.stat()
    except OSError as exc:
        return f"{shown}: skipped: cannot be read: {exc.strerror or exc}"
    try:
        loaded = loads_release(data, shown)
    except ReleaseFileError as exc:
        return _skipped(exc.problems)
    problems = loaded.problems_with_lines(validate_release(loaded.release))
    problems = [p for p in problems if p.severity is Severity.ERROR]  # the rest still renders
    if problems:
        return _skipped(problems)
    return Candidate(path, data, loaded.release, stat.st_mtime)


def _skipped(problems: list[FileProblem]) -> str:
    """``notes.md:1: skipped, not a release: <the first problem>`` (one line per file)."""
    first = problems[0]
    where = first.source if first.line is None else f"{first.source}:{first.line}"
    what = f"{first.field}: {first.message}" if first.field else first.message
    more = f" (and {counted(len(problems) - 1, 'more problem')})" if len(problems) > 1 else ""
    return f"{where}: skipped, not a release that can be published: {what}{more}"


def find_releases(sources: list[Path], exclude: Path | None = None) -> Found:
    """Load every release file under ``sources``; what does not load is a skipped line."""
    releases: list[Candidate] = []
    skipped: list[str] = []
    for path in release_files(sources, exclude):
        outcome = load_candidate(path, shown_path(path, sources))
        if isinstance(outcome, str):
            skipped.append(outcome)
        else:
            releases.append(outcome)
    return Found(releases, skipped)


def shown_path(path: Path, sources: list[Path]) -> str:
    """``path`` as the user named it: under the source folder they gave."""
    for source in sources:
        try:
            return str(source / path.relative_to(source.resolve()))
        except ValueError:
            continue
    return str(path)
