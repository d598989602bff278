"""Crash safety, proven by killing writers: a save or a library write never leaves a torn file.

A writer process saves a 2 MB release (or writes contacts to the library) in a loop; the test
SIGKILLs it at a random moment in the middle of a save, 200 times, and after every kill checks
what a user would find on disk: a file that loads and is byte for byte one complete version
(the last completed save, or the one being written if its rename had just happened), no
leftover temporaries piling up, and a library that passes ``PRAGMA integrity_check`` with
every committed row whole.

The writers are forked by a small fork server (``crash_writers``) that has already imported
Presskit, so restarting one takes a millisecond, not the ~130 ms of a fresh interpreter. The
seed is fixed (set PRESSKIT_CRASH_SEED to vary it, PRESSKIT_CRASH_KILLS to kill more often)
and the counts print with ``-s``.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

import pytest

from presskit.library.database import Library
from presskit.storage.atomic import remove_abandoned_temporaries, temporary_pattern, write_atomic
from presskit.storage.release_file import loads_release, save_release
from tests.storage import crash_writers as writers

KILLS = int(os.environ.get("PRESSKIT_CRASH_KILLS", "200"))
SEED = int(os.environ.get("PRESSKIT_CRASH_SEED", "20140923"))
REPO = Path(__file__).resolve().parents[2]


class KilledWriter:
    """Has the fork server in crash_writers start a writer and kill it at a random moment."""

    def __init__(self, writer: str, path: Path, seed: int):
        self.writer = writer
        self.path = path
        self.rng = random.Random(seed)
        self.server = subprocess.Popen(
            [sys.executable, "-m", "tests.storage.crash_writers"],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, first: int, save_seconds: float) -> tuple[int, int]:
        """Start at version ``first``; return (started, completed) at the kill: the last save
        begun and the last one finished (``first - 1`` when none)."""
        # Kill in the first or the second save of this writer, anywhere from its start to a
        # little after its usual end (then the kill lands between two saves).
        request = {
            "writer": self.writer,
            "path": str(self.path),
            "first": first,
            "wanted": first + self.rng.randrange(2),
            "delay": self.rng.uniform(0, save_seconds * 1.25),
        }
        assert self.server.stdin is not None and self.server.stdout is not None
        self.server.stdin.write(json.dumps(request) + "\n")
        self.server.stdin.flush()
        reply = json.loads(self.server.stdout.readline() or '{"error": "the server died"}')
        assert "error" not in reply, reply["error"]
        assert reply["signal"] == signal.SIGKILL
        return reply["started"], reply["completed"]

    def close(self) -> None:
        assert self.server.stdin is not None
        self.server.stdin.close()
        self.server.wait(10)


@pytest.fixture
def killer(tmp_path: Path) -> Iterator[Callable[[str, Path, int], KilledWriter]]:
    made: list[KilledWriter] = []

    def make(writer: str, path: Path, seed: int) -> KilledWriter:
        made.append(KilledWriter(writer, path, seed))
        return made[-1]

    yield make
    for writer in made:
        writer.close()


# -- release files ----------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _expected(number: int) -> bytes:
    return writers.release_bytes(number)


def _temporaries(folder: Path, target: Path) -> list[str]:
    pattern = temporary_pattern(target)
    return [name for name in os.listdir(folder) if pattern.fullmatch(name)]


def _typical_save_seconds(path: Path) -> float:
    times = []
    for number in range(5):
        release = writers.release_version(number)
        start = time.perf_counter()
        save_release(release, path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def test_killed_saves_leave_one_whole_version_and_no_pile_of_temporaries(
    tmp_path: Path, killer: Callable[[str, Path, int], KilledWriter]
) -> None:
    path = tmp_path / "release.md"
    save_seconds = _typical_save_seconds(path)
    save_release(writers.release_version(0), path)
    writer = killer("release", path, SEED)
    outcomes: Counter[str] = Counter()
    most_temporaries = 0
    first, before = 1, 0
    for kill in range(KILLS):
        started, completed = writer.run(first, save_seconds)
        data = path.read_bytes()
        loaded = loads_release(data, str(path))  # must parse: a ReleaseFileError fails here
        on_disk = writers.version_of(data)
        assert loaded.release.headline == f"Version {on_disk}"
        # The last completed save (of this writer, or else what was there before it), or the
        # one in flight if its rename had already happened.
        last_whole = completed if completed >= first else before
        assert on_disk in (last_whole, started), (kill, on_disk, before, completed, started)
        assert data == _expected(on_disk), f"kill {kill}: version {on_disk} is not whole"
        temporaries = _temporaries(tmp_path, path)
        assert len(temporaries) <= 1, f"kill {kill}: temporaries piled up: {temporaries}"
        assert sorted(os.listdir(tmp_path)) == sorted(["release.md", *temporaries])
        most_temporaries = max(most_temporaries, len(temporaries))
        mid_save = started != completed
        outcomes["killed mid-save" if mid_save else "killed between saves"] += 1
        if mid_save:
            outcomes["in-flight save already renamed" if on_disk == started else "old kept"] += 1
        outcomes["saves completed"] += completed - first + 1 if completed >= first else 0
        outcomes["left a temporary"] += bool(temporaries)
        first, before = started + 1, on_disk
    save_release(writers.release_version(first), path)  # the next save clears the last one
    assert os.listdir(tmp_path) == ["release.md"]
    print(
        f"\nrelease saves: {KILLS} kills of a {len(_expected(0)) / 1e6:.1f} MB release "
        f"(a save takes {save_seconds * 1000:.0f} ms), {dict(outcomes)}, "
        f"at most {most_temporaries} temporary at once"
    )
    assert outcomes["killed mid-save"] >= KILLS // 2  # the kills really did land in saves


@contextlib.contextmanager
def _locked_as_by_another_process(path: Path) -> Iterator[None]:
    """Hold an exclusive flock on ``path`` as another process's open save would."""
    # flock locks belong to an open file description, so a second open() in this process
    # conflicts with our clean-up's exactly as another process's would.
    fd = os.open(path, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        os.close(fd)


def test_a_save_removes_abandoned_temporaries_of_that_file_only(tmp_path: Path) -> None:
    target = tmp_path / "release.md"
    abandoned = tmp_path / ".release.md.k3j9x_2a.tmp"  # a writer killed before this run
    in_progress = tmp_path / ".release.md.abcdefgh.tmp"  # another window saving right now
    others = [
        tmp_path / ".release.md.notes.tmp",  # not a name write_atomic makes
        tmp_path / ".other.md.k3j9x_2a.tmp",  # another file's
        tmp_path / "release.md.k3j9x_2a.tmp",
    ]
    for path in (abandoned, in_progress, *others):
        path.write_bytes(b"partial")
    with _locked_as_by_another_process(in_progress):
        write_atomic(target, b"new")
        assert not abandoned.exists()
        assert in_progress.exists()  # locked: its writer is alive
    assert all(path.exists() for path in others)
    assert target.read_bytes() == b"new"
    assert remove_abandoned_temporaries(target) == [in_progress]  # once its writer is gone


def test_a_temporary_that_is_a_symlink_is_neither_followed_nor_removed(tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    link = tmp_path / ".release.md.k3j9x_2a.tmp"
    link.symlink_to(precious)
    assert remove_abandoned_temporaries(tmp_path / "release.md") == []  # O_NOFOLLOW refuses
    assert precious.read_text() == "keep me"
    assert link.is_symlink()  # neither followed nor taken for a temporary of ours


# -- the library --------------------------------------------------------------------------------


def _library_state(path: Path) -> dict[int, int]:
    """{contact key: version} of the library at ``path``, after checking it thoroughly."""
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    state: dict[int, int] = {}
    with Library(path) as library:  # opens as Presskit does after a crash
        for contact in library.list_contacts():
            # The digest covers every field (the name and version too), so a row that mixes two
            # versions, or lost a part, cannot match it.
            digest = contact.notes.rpartition("\n")[2]
            assert digest == writers.checksum(contact), f"{contact.name} is torn"
            key = int(contact.name.split()[-1])
            version = int(contact.title.split()[-1])
            assert key not in state, f"{contact.name} is there twice"
            state[key] = version
    return state


def test_killed_library_writes_leave_a_sound_database_with_every_commit(
    tmp_path: Path, killer: Callable[[str, Path, int], KilledWriter]
) -> None:
    path = tmp_path / "library.sqlite"
    Library(path).close()  # created (and migrated) before the first kill
    writer = killer("library", path, SEED + 1)
    committed: dict[int, int] = {}  # what the operations reported done must have left
    outcomes: Counter[str] = Counter()
    first = 0
    for kill in range(KILLS):
        started, completed = writer.run(first, save_seconds=0.01)
        for op in range(first, completed + 1):
            writers.apply_op(committed, op)
        with_in_flight = dict(committed)
        if started > completed:
            writers.apply_op(with_in_flight, started)
        state = _library_state(path)
        assert state in (committed, with_in_flight), f"kill {kill}: a commit was lost or torn"
        mid_write = started != completed
        outcomes["killed mid-write" if mid_write else "killed between writes"] += 1
        if mid_write and state == with_in_flight:
            outcomes["in-flight commit already durable"] += 1
            committed = with_in_flight
        outcomes["operations committed"] += max(0, completed - first + 1)
        first = started + 1
    print(
        f"\nlibrary writes: {KILLS} kills, {dict(outcomes)}, {len(committed)} contacts at the end"
    )
    assert outcomes["killed mid-write"] >= KILLS // 4
