"""The issue's test: 300 recipients, the real ``presskit send`` SIGKILLed after ~100, run
again: every valid recipient has exactly one message (at most the one in flight is missing,
and it is reported), the invalid row is reported, no message names a second recipient. And
``--drafts`` killed half-way and run again: one .eml per recipient."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from email import message_from_bytes, policy
from pathlib import Path

from tests.sending.conftest import (
    RELEASE,
    SENDER,
    addresses_in,
    recipients_csv,
    valid_addresses,
)
from tests.sending.smtp_server import SmtpServer

COUNT, INVALID_AT, DUPLICATE_OF = 300, 150, 42


def _presskit(*args: object) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "presskit", "send", str(RELEASE), "--from", SENDER, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_when(process: subprocess.Popen, ready, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the sender never got that far"
        time.sleep(0.002)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()


def test_sigkill_mid_list_then_resume_sends_each_recipient_once(tmp_path: Path) -> None:
    recipients = recipients_csv(
        tmp_path / "list.csv", COUNT, invalid_at=INVALID_AT, duplicate_of=DUPLICATE_OF
    )
    library = tmp_path / "library.sqlite"
    args = ("--recipients", recipients, "--smtp", None, "--security", "none", "--library", library)
    with SmtpServer(tmp_path) as server:
        args = tuple(server.address if a is None else a for a in args)
        # ~50 messages a second, so that "after about 100" is about 100.
        first = _presskit(*args, "--rate", 3000)
        _kill_when(first, lambda: server.handler.count() >= 100)
        killed_at = server.handler.count()
        second = _presskit(*args)
        out, err = second.communicate(timeout=300)
        received = server.received
    assert 100 <= killed_at < 150
    expected = valid_addresses(COUNT, INVALID_AT)
    assert len(expected) == COUNT - 1  # the duplicate row is the same person as row 42
    counts = Counter(got.rcpt_tos[0].lower() for got in received)
    assert max(counts.values()) == 1, "someone got the release twice"
    missing = expected - set(counts)
    assert len(missing) <= 1
    for address in missing:  # the one in flight at the kill, if it did not arrive: reported
        assert f"may have been sent: {address}" in out
    assert set(counts) <= expected
    assert f"list.csv:{INVALID_AT + 1}: broken.address@: not a valid email address" in err
    assert f"same email address as line {DUPLICATE_OF + 1}" in err
    for got in received:
        assert len(got.rcpt_tos) == 1
        assert got.message["Cc"] is None and got.message["Bcc"] is None
        assert addresses_in(got.message) & expected == {got.rcpt_tos[0].lower()}
    assert second.returncode == (1 if "may have been sent" in out else 0), err


def test_drafts_killed_half_way_then_again_one_eml_each(tmp_path: Path) -> None:
    recipients = recipients_csv(
        tmp_path / "list.csv", COUNT, invalid_at=INVALID_AT, duplicate_of=DUPLICATE_OF
    )
    drafts = tmp_path / "drafts"
    args = ("--recipients", recipients, "--drafts", drafts, "--library", tmp_path / "lib.sqlite")
    first = _presskit(*args)
    _kill_when(first, lambda: drafts.is_dir() and len(os.listdir(drafts)) >= 100)
    second = _presskit(*args)
    _, err = second.communicate(timeout=300)
    assert second.returncode == 0, err
    expected = valid_addresses(COUNT, INVALID_AT)
    files = sorted(drafts.iterdir())  # no half-written temporaries left either
    assert [f.name for f in files] == sorted(f"{a}.eml" for a in expected)
    for path in files:
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        own = path.name.removesuffix(".eml")
        assert [a.addr_spec.lower() for a in message["To"].addresses] == [own]
        assert addresses_in(message) & expected == {own}
    assert f"list.csv:{INVALID_AT + 1}: broken.address@: not a valid email address" in err
