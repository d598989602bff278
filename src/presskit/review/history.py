"""Local version history: a snapshot of a release at every save, kept in the data folder.

    store = HistoryStore()                            # $XDG_DATA_HOME/presskit/history
    store.record(path, text, previous=old_text)       # after a save; None when unchanged
    for version in store.versions(path): version.time, version.summary, store.text(version)

A document's history is found by its path, and it follows the file when the file is renamed
or moved: a path with no history, whose text before this save is the latest snapshot of a
history whose own file is gone, takes that history over. (A copy, whose original still
exists, starts a history of its own.)

Each history is bounded: every snapshot of the last day is kept; older ones are thinned to
one an hour for a week and one a day after that; and the oldest go beyond
:data:`MAX_VERSIONS` or :data:`MAX_BYTES`. Snapshots are gzip-compressed release files;
files are written atomically, so a crash loses at most the snapshot being written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import hashlib
import json
import os
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from presskit.review.compare import compare_releases, summary
from presskit.storage.atomic import write_atomic
from presskit.storage.problems import ReleaseFileError
from presskit.storage.release_file import loads_release

MAX_VERSIONS = 200
MAX_BYTES = 4 * 1024 * 1024  # compressed, per document
_INDEX = "paths.json"
_META = "versions.json"


@dataclass(frozen=True)
class Version:
    """One snapshot: when, a fingerprint of its text, and what changed since the one before."""

    number: int  # counts from 1 and never repeats within a history
    time: str  # ISO 8601, UTC
    sha: str
    size: int  # compressed bytes on disk
    summary: str
    path: str  # the file it was saved as

    @property
    def when(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.time)


def default_history_dir() -> Path:
    """Where histories live: the user's data folder (platformdirs), ``history/``."""
    import platformdirs  # noqa: PLC0415

    return Path(platformdirs.user_data_dir("presskit", appauthor=False)) / "history"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _key_of(path: Path) -> str:
    return os.path.normcase(str(Path(path).resolve()))


class HistoryStore:
    """Histories of releases, one folder each, and an index from paths to histories."""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder is not None else default_history_dir()

    # -- index --------------------------------------------------------------------------------
    def _read_json(self, path: Path, default: object) -> object:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return default

    def _write_json(self, path: Path, value: object) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(value, indent=1, ensure_ascii=False).encode("utf-8"))

    def _index(self) -> dict[str, str]:
        index = self._read_json(self.folder / _INDEX, {})
        return index if isinstance(index, dict) else {}

    def history_of(self, path: Path, text: str | None = None) -> str | None:
        """The history ``path`` belongs to; a renamed file is found by ``text`` (what it
        holds, or held before this save) when that is the latest snapshot of a history whose
        own file no longer exists."""
        index = self._index()
        key = index.get(_key_of(path))
        if key is not None or text is None:
            return key
        sha = _sha(text)
        paths: dict[str, list[str]] = {}
        for other_path, other in index.items():
            paths.setdefault(other, []).append(other_path)
        for other, its_paths in paths.items():
            versions = self._versions(other)
            if versions and versions[-1].sha == sha and not any(map(os.path.exists, its_paths)):
                return other
        return None

    # -- versions -----------------------------------------------------------------------------
    def _versions(self, key: str) -> list[Version]:
        raw = self._read_json(self.folder / key / _META, [])
        versions = []
        for item in raw if isinstance(raw, list) else []:
            try:
                versions.append(Version(**item))
            except TypeError:
                continue
        return versions

    def versions(self, path: Path, text: str | None = None) -> list[Version]:
        """The snapshots of ``path``'s history, oldest first (none when it has none)."""
        key = self.history_of(path, text)
        return self._versions(key) if key else []

    def text(self, path: Path, version: Version, current: str | None = None) -> str:
        """The release text of ``version``. Raises OSError when the snapshot is gone."""
        key = self.history_of(path, current)
        if key is None:
            raise FileNotFoundError(f"{path} has no history")
        data = (self.folder / key / f"{version.number}.md.gz").read_bytes()
        return gzip.decompress(data).decode("utf-8")

    def record(
        self, path: Path, text: str, previous: str | None = None, now: dt.datetime | None = None
    ) -> Version | None:
        """Keep ``text`` as the newest snapshot of ``path``; None when it is the newest already."""
        now = now or dt.datetime.now(dt.UTC)
        key = self.history_of(path, previous) or uuid.uuid4().hex
        index = self._index()
        if index.get(_key_of(path)) != key:
            index[_key_of(path)] = key
            self._write_json(self.folder / _INDEX, index)
        versions = self._versions(key)
        sha = _sha(text)
        if versions and versions[-1].sha == sha:
            return None
        number = versions[-1].number + 1 if versions else 1
        data = gzip.compress(text.encode("utf-8"), mtime=0)
        folder = self.folder / key
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(folder / f"{number}.md.gz", data)
        last_text = self._text_of(key, versions[-1]) if versions else None
        version = Version(
            number, now.isoformat(timespec="seconds"), sha, len(data),
            _summary(last_text, text), str(path),
        )  # fmt: skip
        kept = thin([*versions, version], now)
        for old in versions:
            if old not in kept:
                (folder / f"{old.number}.md.gz").unlink(missing_ok=True)
        self._write_json(folder / _META, [asdict(v) for v in kept])
        return version

    def _text_of(self, key: str, version: Version) -> str | None:
        try:
            data = (self.folder / key / f"{version.number}.md.gz").read_bytes()
            return gzip.decompress(data).decode("utf-8")
        except (OSError, EOFError, UnicodeDecodeError):
            return None


def _summary(old_text: str | None, new_text: str) -> str:
    if old_text is None:
        return "first version"
    try:
        old = loads_release(old_text).release
        new = loads_release(new_text).release
    except ReleaseFileError:
        return "saved (the text could not be compared)"
    return summary(compare_releases(old, new))


def thin(versions: list[Version], now: dt.datetime) -> list[Version]:
    """The versions to keep, oldest first: all of the last day, one per hour for the week
    before, one per day before that (the newest of each), and never more than the limits."""
    kept: list[Version] = []
    seen_slots: set[tuple[str, int]] = set()
    for version in reversed(versions):  # newest first: each slot keeps its newest version
        age = now - version.when
        if age <= dt.timedelta(days=1):
            slot = ("all", version.number)
        elif age <= dt.timedelta(days=8):
            slot = ("hour", int(version.when.timestamp() // 3600))
        else:
            slot = ("day", int(version.when.timestamp() // 86400))
        if slot in seen_slots:
            continue
        seen_slots.add(slot)
        kept.append(version)
    kept = kept[:MAX_VERSIONS]
    total, bounded = 0, []
    for version in kept:
        total += version.size
        if bounded and total > MAX_BYTES:
            break
        bounded.append(version)
    return list(reversed(bounded))


def record_before_overwrite(path: Path, old_text: str) -> None:
    """Keep the text a command is about to replace (best effort: history never blocks)."""
    with contextlib.suppress(OSError):
        HistoryStore().record(path, old_text, previous=old_text)


def record_saved(path: Path, text: str, previous: str | None = None) -> None:
    """Keep the text a command has just written (best effort)."""
    with contextlib.suppress(OSError):
        HistoryStore().record(path, text, previous=previous)
