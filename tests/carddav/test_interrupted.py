"""A sync killed half-way (SIGKILL, a real process) resumes without duplicates.

The sync runs as ``presskit contacts sync`` in its own process, through a proxy that slows
every request down, and is killed once part of its work is done: after the first batch of
cards came in, or after some uploads went out. The next sync finishes the work.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from presskit.carddav import sync_library
from presskit.carddav.remote import MULTIGET_SIZE
from presskit.library.database import Library
from presskit.model.library import LibraryContact
from tests.carddav.conftest import Dav
from tests.carddav.radicale_server import card
from tests.carddav.slow_proxy import slow_proxy
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _count(path: Path, sql: str) -> int:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute(sql).fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _kill_sync_when(dav: Dav, library: Path, done: Callable[[], bool]) -> None:
    port = urlsplit(dav.book).port or 80
    with slow_proxy(port, delay=0.15) as proxied:
        url = dav.book.replace(f":{port}/", f":{proxied}/")
        command = [sys.executable, "-m", "presskit", "contacts", "sync", "--carddav", url]
        command += ["--user", dav.user.name, "--library", str(library)]
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env={**os.environ, "PRESSKIT_CARDDAV_PASSWORD": dav.user.password},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while not done() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert process.poll() is None, "the sync finished before it could be killed"
        process.send_signal(signal.SIGKILL)
        process.wait(10)


def test_killed_while_receiving_resumes_without_duplicates(dav: Dav, tmp_path: Path) -> None:
    total = MULTIGET_SIZE * 2 + 50
    dav.user.seed(
        dav.book,
        {f"{n}.vcf": card(f"Reporter Nr{n:04d}", f"r{n}") for n in range(total)},
    )
    path = tmp_path / "library.sqlite"
    Library(path).close()

    _kill_sync_when(dav, path, lambda: _count(path, "SELECT count(*) FROM contacts") > 0)
    landed = _count(path, "SELECT count(*) FROM contacts")
    assert 0 < landed < total
    assert landed == _count(path, "SELECT count(*) FROM carddav_cards")  # state with contacts

    with Library(path) as library:
        report = sync_library(library, dav.account())
        assert report.down_new == total - landed
        uids = [c.uid for c in library.list_contacts()]
        assert sorted(uids) == sorted(f"r{n}" for n in range(total))
        assert sync_library(library, dav.account()).changes == 0
    assert len(dav.user.cards(dav.book)) == total


def test_killed_while_sending_resumes_without_duplicates(dav: Dav, tmp_path: Path) -> None:
    total = 60
    path = tmp_path / "library.sqlite"
    with Library(path) as library:
        library.add_contacts(
            LibraryContact(name=f"Local Nr{n:03d}", emails=[f"l{n}@example.org"])
            for n in range(total)
        )
    _kill_sync_when(dav, path, lambda: len(dav.user.cards(dav.book)) >= 5)
    assert 5 <= len(dav.user.cards(dav.book)) < total

    with Library(path) as library:
        sync_library(library, dav.account())
        assert len(library.list_contacts()) == total
        assert sync_library(library, dav.account()).changes == 0
    cards = dav.user.cards(dav.book)
    assert len(cards) == total
    assert sorted(text.count("FN:Local Nr") for text in cards.values()) == [1] * total
