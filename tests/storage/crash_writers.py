"""Writer processes for the crash-safety tests, the versions they write, and their killer.

Run as ``python -m tests.storage.crash_writers``, this module is a small fork server: for
every JSON request on stdin it forks a writer, waits until the writer has started the wanted
save, sleeps the given delay, SIGKILLs it, and answers on stdout with how far it had got. It
is a fresh single-threaded process that has already imported Presskit, so a fork is safe
(forking pytest, which may hold Qt's or a speller's threads, would not be) and a writer
starts in about a millisecond instead of the ~130 ms of a new interpreter.

Each writer loops forever, announcing in shared memory the number of the save it starts
(``progress[STARTED]``) and, once that save has returned, the number it completed
(``progress[COMPLETED]``). The test SIGKILLs it at a random moment and then checks that the
file (or database) on disk is exactly one of those two versions, whole.

Everything a version holds is a pure function of its number, so the test can rebuild the
exact bytes (or rows) any version must have.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import mmap
import os
import random
import signal
import sys
import time
from collections.abc import MutableSequence
from pathlib import Path

from presskit.library.database import Library
from presskit.model.library import LibraryContact
from presskit.model.release import Contact, Dateline, Organization, Phone, Release
from presskit.storage.release_file import dumps_release, save_release

STARTED, COMPLETED = 0, 1
BODY_BYTES = 2 * 1024 * 1024
_CHUNK = 64 * 1024


def _base_body(flavour: str) -> str:
    # UTF-8 with two-byte characters, so byte and character offsets differ; only Latin-1
    # ones, because Python keeps such text one byte a character, which makes building and
    # checking 200 versions of 2 MB four times faster than with CJK or emoji.
    paragraph = (
        f"{flavour} Minenräumung, façade, smörgåsbord: the quick brown fox jumps over a dog; "
        f"[a link](https://example.org/{flavour}) and *emphasis* and **strong** text.\n\n"
    )
    text = paragraph * (_CHUNK // len(paragraph.encode("utf-8")) + 1)
    return text[: _CHUNK // 2]  # about 64 kB of UTF-8 per chunk


_BASES = {0: [_base_body(f"Even{i:02d}") for i in range(32)], 1: []}
_BASES[1] = [_base_body(f"Odd{i:02d}") for i in range(32)]


def release_version(number: int) -> Release:
    """Version ``number`` of the large release: its number in the headline and all through the
    body, and a different body for odd and even numbers, so no two versions share a page."""
    chunks = _BASES[number % 2]
    marker = f"\n\n<!-- version {number} -->\n\n"
    repeats = BODY_BYTES // (len(chunks) * len(chunks[0].encode("utf-8"))) + 1
    body = marker.join(chunks * repeats)
    return Release(
        headline=f"Version {number}",
        subheadline="Crash safety: a large release saved again and again",
        dateline=Dateline(city="Genève"),
        organization=Organization(name="Test Campaign"),
        contacts=[Contact(name="Ana Test", email="ana@example.org", phones=[Phone("+1 555")])],
        body=marker + body + marker,
    )


def release_bytes(number: int) -> bytes:
    """The exact bytes a completed save of version ``number`` leaves on disk."""
    return dumps_release(release_version(number)).encode("utf-8")


def version_of(data: bytes) -> int:
    """The version number in a release file's headline line (without parsing all of it)."""
    head = data[:4096].decode("utf-8", errors="replace")
    for line in head.splitlines():
        if line.startswith("headline:"):
            return int(line.split()[-1].strip("'\""))
    raise ValueError("no headline line")


def write_releases(path: str, progress: MutableSequence[int], first: int) -> None:
    """Save versions ``first``, ``first + 1``, ... of the large release to ``path`` forever."""
    number = first
    while True:
        release = release_version(number)  # built before the save starts: not part of it
        progress[STARTED] = number
        save_release(release, path)
        progress[COMPLETED] = number
        number += 1


# -- the library ---------------------------------------------------------------------------


def is_update(op: int) -> bool:
    """Three operations in four update an earlier contact; the fourth adds a new one."""
    return op % 4 != 0


def updated_key(op: int) -> int:
    """The contact (named by the operation that added it) that update ``op`` changes."""
    key = random.Random(op).randrange(op)
    while is_update(key):
        key -= 1
    return key


def apply_op(state: dict[int, int], op: int) -> None:
    """What operation ``op`` does to a library described as {contact key: version}.

    An update of a contact whose adding was killed before it committed does nothing.
    """
    if not is_update(op):
        state[op] = op
    elif updated_key(op) in state:
        state[updated_key(op)] = op


def checksum(contact: LibraryContact) -> str:
    """A digest of every field but ``notes``' last line, where the digest itself is kept."""
    fields = {
        "name": contact.name,
        "title": contact.title,
        "organization": contact.organization,
        "city": contact.city,
        "phones": [[p.number, p.label] for p in contact.phones],
        "emails": contact.emails,
        "website": contact.website,
        "notes": contact.notes.rpartition("\n")[0],
        "tags": contact.tags,
    }
    text = json.dumps(fields, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def library_contact(key: int, version: int) -> LibraryContact:
    """Contact ``key`` as version ``version`` writes it: 0.5-5 kB, so some rows overflow a
    page (4 kB) and an update can move a row between one page and several."""
    filler_lines = 5 + (key * 31 + version * 17) % 80
    filler = "\n".join(
        f"note {i} of contact {key} v{version}: Bürgerbüro, 電話, ☎" for i in range(filler_lines)
    )
    contact = LibraryContact(
        name=f"Contact {key}",
        title=f"version {version}",
        organization=f"Organization {version % 7}",
        city="Zürich" if version % 2 else "Kraków",
        phones=[Phone(f"+41 22 {version:07d}", "mobile"), Phone(f"+1 555 {key:07d}", "desk")],
        emails=[f"c{key}.v{version}@example.org"],
        website=f"https://example.org/{key}/{version}",
        notes=f"{filler}\n",  # the digest goes on this last line
        tags=[f"v{version}", "crash-test"],
    )
    contact.notes += checksum(contact)
    return contact


def write_library(path: str, progress: MutableSequence[int], first: int) -> None:
    """Apply operations ``first``, ``first + 1``, ... to the library at ``path`` forever."""
    library = Library(Path(path))
    # Checkpoint every few pages instead of every 4 MB, so that kills land in checkpoints
    # too, which a real library reaches after a day of edits.
    library._conn.execute("PRAGMA wal_autocheckpoint = 8")
    ids = {int(c.name.split()[-1]): c.id for c in library.list_contacts()}
    op = first
    while True:
        key = updated_key(op) if is_update(op) else op
        contact = library_contact(key, op)
        progress[STARTED] = op
        if not is_update(op):
            ids[op] = library.add_contact(contact)
        elif key in ids:  # else its adding was killed before it committed
            contact.id = ids[key]
            library.update_contact(contact)
        progress[COMPLETED] = op
        op += 1


# -- the fork server -------------------------------------------------------------------------

WRITERS = {"release": write_releases, "library": write_library}


def kill_one(request: dict, progress: MutableSequence[int]) -> dict:
    """Fork the requested writer, kill it at the requested moment, say how far it got."""
    progress[STARTED] = progress[COMPLETED] = request["first"] - 1
    pid = os.fork()
    if pid == 0:  # the writer: it loops until killed
        try:
            WRITERS[request["writer"]](request["path"], progress, request["first"])
        finally:
            os._exit(1)  # if it fails, never return into the server's loop
    deadline = time.monotonic() + 30
    while progress[STARTED] < request["wanted"]:
        if time.monotonic() > deadline or os.waitpid(pid, os.WNOHANG) != (0, 0):
            os.kill(pid, signal.SIGKILL)
            return {"error": "the writer never started the wanted save"}
        time.sleep(0.0002)
    time.sleep(request["delay"])
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return {
        "started": progress[STARTED],
        "completed": progress[COMPLETED],
        "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
    }


def serve() -> None:
    # Shared anonymous memory, inherited by every forked writer.
    progress = (ctypes.c_longlong * 2).from_buffer(mmap.mmap(-1, 16))
    for line in sys.stdin:
        reply = kill_one(json.loads(line), progress)
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve()
