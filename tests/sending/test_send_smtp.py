"""``presskit send`` against a real SMTP server (aiosmtpd) started here: STARTTLS with a
self-signed certificate, AUTH, 4xx and 5xx replies, the send log, --test-to, --report."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from presskit.cli import main as presskit
from tests.sending.conftest import (
    RELEASE,
    SENDER,
    addresses_in,
    recipients_csv,
    valid_addresses,
)
from tests.sending.smtp_server import PASSWORD, USER, SmtpServer


def send(*args: object) -> int:
    return presskit(["send", str(RELEASE), "--from", SENDER, *map(str, args)])


def test_starttls_and_auth_one_message_each(
    tmp_path: Path, library_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv("SMTP_PASSWORD", PASSWORD)
    recipients = recipients_csv(tmp_path / "list.csv", 20, invalid_at=5, duplicate_of=3)
    report = tmp_path / "report.csv"
    with SmtpServer(tmp_path, tls=True, auth=True) as server:
        status = send(
            "--recipients", recipients, "--smtp", server.address, "--user", USER,
            "--password-env", "SMTP_PASSWORD", "--tls-ca", server.cert,
            "--library", library_file, "--report", report,
        )  # fmt: skip
        received = server.received
    captured = capsys.readouterr()
    assert status == 0, captured.err
    expected = valid_addresses(20, invalid_at=5)
    assert sorted(r.rcpt_tos[0] for r in received) == sorted(expected)
    for got in received:
        assert len(got.rcpt_tos) == 1
        assert addresses_in(got.message) & expected == {got.rcpt_tos[0]}
        assert got.message["To"].addresses[0].addr_spec == got.rcpt_tos[0]
    assert "list.csv:6: broken.address@: not a valid email address; skipped" in captured.err
    assert "list.csv:22: warning: same email address as line 4" in captured.err
    assert "sent 19 of 19" in captured.out
    rows = list(csv.DictReader(report.open(encoding="utf-8")))
    assert {r["state"] for r in rows} == {"sent"} and len(rows) == 19
    assert all(r["reply"].startswith("250 2.0.0 Ok: queued as") for r in rows)
    # The password is in no output, report or log.
    assert PASSWORD not in captured.out + captured.err + report.read_text()
    assert PASSWORD.encode() not in library_file.read_bytes()


def test_running_again_sends_nothing_twice(
    tmp_path: Path, library_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipients = recipients_csv(tmp_path / "list.csv", 10)
    with SmtpServer(tmp_path) as server:
        args = ("--recipients", recipients, "--smtp", server.address, "--security", "none")
        assert send(*args, "--library", library_file) == 0
        assert send(*args, "--library", library_file) == 0
        assert len(server.received) == 10
    assert "sent 0 of 10 (10 had it from an earlier run)" in capsys.readouterr().out


def test_4xx_is_retried_5xx_is_recorded_and_the_run_goes_on(
    tmp_path: Path, library_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipients = recipients_csv(tmp_path / "list.csv", 6)
    later, gone, busy = "j0001@outlet1.example", "j0002@outlet2.example", "j0003@outlet3.example"
    report = tmp_path / "report.csv"
    with SmtpServer(tmp_path) as server:
        server.handler.rcpt_replies[later] = ["451 4.7.1 Greylisted, try again later"]
        server.handler.rcpt_replies[gone] = ["550 5.1.1 No such user"]
        server.handler.data_replies[busy] = ["452 4.3.1 Insufficient storage"] * 4
        args = ("--recipients", recipients, "--smtp", server.address, "--security", "none",
                "--library", library_file, "--retry-delay", "0.01", "--report", report)  # fmt: skip
        assert send(*args) == 1
        first = capsys.readouterr().out
        assert sorted(r.rcpt_tos[0] for r in server.received) == sorted(
            valid_addresses(6) - {gone, busy}
        )
        assert f"failed: {gone}: 550 5.1.1 No such user" in first
        assert f"deferred (run again to retry): {busy}: 452 4.3.1" in first
        states = {r["recipient"]: r["state"] for r in csv.DictReader(report.open())}
        assert (states[later], states[gone], states[busy]) == ("sent", "failed", "deferred")
        # Again: the deferred one goes now; the refused one is not tried again.
        assert send(*args) == 0
        assert sorted(r.rcpt_tos[0] for r in server.received) == sorted(valid_addresses(6) - {gone})


def test_a_self_signed_certificate_is_refused_with_what_to_do(
    tmp_path: Path, library_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipients = recipients_csv(tmp_path / "list.csv", 3)
    with SmtpServer(tmp_path, tls=True) as server:
        args = ("--recipients", recipients, "--smtp", server.address, "--library", library_file)
        assert send(*args) == 2
        err = capsys.readouterr().err
        assert "the server's certificate is not valid (self-signed certificate)" in err
        assert "--tls-ca CERT.pem" in err
        assert server.received == []
        assert send(*args, "--tls-no-verify") == 0  # the explicit option for an own server
        assert len(server.received) == 3
    # Nothing was claimed by the refused run: the log has three sent rows, no uncertain one.
    with sqlite3.connect(library_file) as conn:
        assert conn.execute("SELECT state, count(*) FROM send_log GROUP BY state").fetchall() == [
            ("sent", 3)
        ]


def test_a_wrong_password_is_said_plainly(
    tmp_path: Path, library_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv("SMTP_PASSWORD", "wrong-" + PASSWORD)
    recipients = recipients_csv(tmp_path / "list.csv", 2)
    with SmtpServer(tmp_path, tls=True, auth=True) as server:
        status = send(
            "--recipients", recipients, "--smtp", server.address, "--user", USER,
            "--password-env", "SMTP_PASSWORD", "--tls-ca", server.cert, "--library", library_file,
        )  # fmt: skip
    err = capsys.readouterr().err
    assert status == 2
    assert "the server refused the user name or password (535" in err
    assert "wrong-" not in err


def test_test_to_sends_one_sample_to_oneself_only(
    tmp_path: Path, library_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipients = recipients_csv(tmp_path / "list.csv", 5)
    with SmtpServer(tmp_path) as server:
        status = send(
            "--recipients", recipients, "--smtp", server.address, "--security", "none",
            "--library", library_file, "--test-to", "me@hrw.example",
        )  # fmt: skip
        (got,) = server.received
    assert status == 0, capsys.readouterr().err
    assert got.rcpt_tos == ["me@hrw.example"]
    assert got.message["Subject"].startswith("[Test] US: Ban Landmine")
    assert got.message.get_body(("plain",)).get_content().startswith("Dear Name1,")
    assert addresses_in(got.message) & valid_addresses(5) == set()
    with sqlite3.connect(library_file) as conn:
        assert conn.execute("SELECT count(*) FROM send_log").fetchone() == (0,)


def test_drafts_one_eml_per_recipient(
    tmp_path: Path, library_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipients = recipients_csv(tmp_path / "list.csv", 12, invalid_at=2, duplicate_of=4)
    drafts = tmp_path / "drafts"
    assert send("--recipients", recipients, "--drafts", drafts, "--library", library_file) == 0
    assert "wrote 11 drafts" in capsys.readouterr().out
    files = sorted(drafts.iterdir())
    assert [f.name for f in files] == sorted(f"{a}.eml" for a in valid_addresses(12, 2))


def test_a_connection_lost_after_the_data_is_may_have_been_sent(
    tmp_path: Path, library_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipients = recipients_csv(tmp_path / "list.csv", 4)
    lost = "j0002@outlet2.example"
    with SmtpServer(tmp_path) as server:
        server.handler.drop_after_data.add(lost)
        args = ("--recipients", recipients, "--smtp", server.address, "--security", "none",
                "--library", library_file)  # fmt: skip
        assert send(*args) == 1
        out = capsys.readouterr().out
        assert f"may have been sent: {lost} (no answer after the message was sent" in out
        # The others still went, over a new connection.
        assert sorted(r.rcpt_tos[0] for r in server.received) == sorted(valid_addresses(4))
        assert send(*args) == 0  # not sent again without --resend-uncertain, but said
        assert len(server.received) == 4
        said = capsys.readouterr().out
        assert f"(an earlier run; --resend-uncertain sends it again): {lost}" in said


def test_no_password_goes_out_without_tls(
    tmp_path: Path, library_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.setenv("SMTP_PASSWORD", PASSWORD)
    recipients = recipients_csv(tmp_path / "list.csv", 2)
    with SmtpServer(tmp_path) as server:
        status = send(
            "--recipients", recipients, "--smtp", server.address, "--security", "none",
            "--user", USER, "--password-env", "SMTP_PASSWORD", "--library", library_file,
        )  # fmt: skip
        assert server.received == []
    err = capsys.readouterr().err
    assert status == 2
    assert "will not send a password without TLS" in err and PASSWORD not in err


def test_a_report_that_cannot_be_written_is_one_line_and_exit_1(
    tmp_path: Path, library_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipients = recipients_csv(tmp_path / "list.csv", 3)
    report = tmp_path / "no such folder" / "report.csv"
    with SmtpServer(tmp_path) as server:
        status = send(
            "--recipients", recipients, "--smtp", server.address, "--security", "none",
            "--library", library_file, "--report", report,
        )  # fmt: skip
        received = server.received
    captured = capsys.readouterr()
    assert len(received) == 3 and "sent 3 of 3" in captured.out
    assert status == 1
    assert captured.err.splitlines()[-1] == f"{report}: cannot write: No such file or directory"
