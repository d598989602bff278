"""The send log's guarantees, step by step: the in-flight message, the rate limit across runs,
the keyring, pause and cancel."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from presskit.cli import main as presskit
from presskit.library.database import Library
from presskit.library.send_log import SendLog
from presskit.sending.message import parse_sender, prepare_file
from presskit.sending.recipients import Recipient
from presskit.sending.run import Control, RateLimit, Sender, SendOptions
from presskit.sending.smtp import ServerError, ServerSettings, SmtpConnection, password_from
from tests.sending.conftest import RELEASE, SENDER, recipients_csv
from tests.sending.smtp_server import SmtpServer


@pytest.fixture(scope="module")
def mail():
    return prepare_file(RELEASE, parse_sender(SENDER))


def people(count: int) -> list[Recipient]:
    return [Recipient(f"p{i}@example.org", f"Person {i}", f"P{i}") for i in range(count)]


def test_the_message_in_flight_at_a_crash_is_reported_and_resent_only_on_request(
    tmp_path: Path, mail, capsys: pytest.CaptureFixture[str]
) -> None:
    recipients = recipients_csv(tmp_path / "list.csv", 3)
    db = tmp_path / "library.sqlite"
    in_flight = "j0002@outlet2.example"
    # A sender died between "sending" and the server's reply: its row says "sending".
    with Library(db) as library:
        log = SendLog(library)
        log.queue(mail.fingerprint, [(in_flight, "")])
        assert log.claim(mail.fingerprint, in_flight, run_id=0)
        assert not log.claim(mail.fingerprint, in_flight, run_id=0)  # claimed once only
    with SmtpServer(tmp_path) as server:
        base = ["send", str(RELEASE), "--from", SENDER, "--recipients", str(recipients),
                "--smtp", server.address, "--security", "none", "--library", str(db)]  # fmt: skip
        assert presskit(base) == 1
        out = capsys.readouterr().out
        assert f"may have been sent: {in_flight} (in flight when an earlier run stopped" in out
        assert sorted(r.rcpt_tos[0] for r in server.received) == [
            "j0001@outlet1.example",
            "j0003@outlet3.example",
        ]
        assert presskit(base) == 0  # reported once; not sent on a plain re-run either
        assert len(server.received) == 2
        assert presskit([*base, "--resend-uncertain"]) == 0
        assert [r.rcpt_tos[0] for r in server.received][-1] == in_flight
        assert presskit([*base, "--resend-uncertain"]) == 0
        assert len(server.received) == 3


def test_the_rate_limit_counts_the_last_message_of_an_earlier_run() -> None:
    waits: list[float] = []
    just_now = dt.datetime.now(dt.UTC)
    limit = RateLimit(60, just_now, waits.append)  # one a second
    limit.wait()
    limit.wait()
    assert 0.9 < waits[0] <= 1.0  # the earlier run sent a second ago: wait for the rest
    assert 1.9 < waits[1] <= 2.0
    free = RateLimit(0, just_now, waits.append)
    free.wait()
    assert len(waits) == 2


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def test_the_password_from_the_keyring_or_the_environment(monkeypatch) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        keyring.set_password("presskit-smtp", "press@smtp.example", "from-keyring")
        assert password_from("", "press", "smtp.example") == "from-keyring"
        with pytest.raises(ServerError, match=r"keyring set presskit-smtp other@smtp\.example"):
            password_from("", "other", "smtp.example")
    finally:
        keyring.set_keyring(previous)
    monkeypatch.setenv("PW", "from-env")
    assert password_from("PW", "press", "smtp.example") == "from-env"
    with pytest.raises(ServerError, match="NOPE is not set"):
        password_from("NOPE", "press", "smtp.example")
    assert "from-env" not in repr(ServerSettings("h", password="from-env"))


def test_pause_and_cancel_between_messages(tmp_path: Path, mail) -> None:
    control = Control()
    seen: list[int] = []

    def progress(state) -> None:
        seen.append(state.done)
        if state.done == 2:
            control.pause()
            threading.Timer(0.2, control.cancel).start()

    with SmtpServer(tmp_path) as server, Library(tmp_path / "library.sqlite") as library:
        settings = ServerSettings("127.0.0.1", server.port, "none")
        sender = Sender(SendLog(library), SmtpConnection(settings), mail, SendOptions())
        outcome = sender.run(people(5), progress=progress, control=control)
        assert outcome.cancelled and len(outcome.sent) == 2 == len(server.received)
        history = SendLog(library).history(mail.fingerprint)
        assert history[0].counts == {"sent": 2} and history[0].finished is not None
        # The rest goes on the next run.
        again = Sender(SendLog(library), SmtpConnection(settings), mail).run(people(5))
        assert (again.already_sent, len(again.sent)) == (2, 3)
        assert len(server.received) == 5


def test_cancel_does_not_wait_out_the_rate_limit(tmp_path: Path, mail) -> None:
    control = Control()

    def progress(state) -> None:
        if state.done == 1:  # the next message is due in 30 s: Cancel now
            threading.Timer(0.2, control.cancel).start()

    with SmtpServer(tmp_path) as server, Library(tmp_path / "library.sqlite") as library:
        settings = ServerSettings("127.0.0.1", server.port, "none")
        sender = Sender(SendLog(library), SmtpConnection(settings), mail, SendOptions(rate=2))
        started = time.monotonic()
        outcome = sender.run(people(3), progress=progress, control=control)
        took = time.monotonic() - started
        assert outcome.cancelled and len(outcome.sent) == 1 == len(server.received)
    assert took < 5, f"Cancel took {took:.0f} s: it waited for the rate limit"
