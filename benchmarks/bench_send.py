"""Sending benchmark: 5,000 recipients through a local SMTP server (aiosmtpd), messages/second.

    .venv/bin/python benchmarks/bench_send.py [--count 5000] [--runs 3]

Measures, each run with a fresh library (send log) and the same local server:

  1. baseline: smtplib alone sending one ready message to each address over one connection
     (no personalising, no log): what the server and the loopback allow;
  2. presskit: ``Sender.run`` as ``presskit send`` runs it: each recipient's own message
     (greeting, To, Message-ID), and the send log committed (synchronous=FULL) before and
     after each SMTP transaction.

Prints the median messages per second of each and the ratio presskit/baseline: the cost of
building each message and of the two durable commits that make a crash lose nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import smtplib
import socket
import statistics
import tempfile
import time
from pathlib import Path

from aiosmtpd.controller import Controller

from presskit.bundled import example_release_path
from presskit.library.database import Library
from presskit.library.send_log import SendLog
from presskit.sending.message import build_message, parse_sender, prepare_file
from presskit.sending.recipients import Recipient
from presskit.sending.run import Sender
from presskit.sending.smtp import ServerSettings, SmtpConnection


class Counting:
    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.count += 1
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def baseline(port: int, data: bytes, recipients: list[Recipient]) -> float:
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for r in recipients:
            smtp.sendmail("press@hrw.example", [r.email], data)
    return len(recipients) / (time.perf_counter() - started)


def presskit_run(port: int, mail, recipients: list[Recipient], folder: Path) -> float:
    with Library(folder / f"library-{time.monotonic_ns()}.sqlite") as library:
        settings = ServerSettings("127.0.0.1", port, "none")
        started = time.perf_counter()
        outcome = Sender(SendLog(library), SmtpConnection(settings), mail).run(recipients)
        elapsed = time.perf_counter() - started
    assert len(outcome.sent) == len(recipients), outcome
    return len(recipients) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    mail = prepare_file(example_release_path(), parse_sender("Press <press@hrw.example>"))
    recipients = [
        Recipient(f"j{i:05d}@outlet{i % 97}.example", f"Name{i} Family", f"Name{i}")
        for i in range(args.count)
    ]
    data = build_message(mail, recipients[0], dt.datetime.now(dt.UTC)).as_bytes()
    handler, port = Counting(), free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    base, ours = [], []
    try:
        with tempfile.TemporaryDirectory() as folder:
            for _ in range(args.runs):
                base.append(baseline(port, data, recipients))
                ours.append(presskit_run(port, mail, recipients, Path(folder)))
    finally:
        controller.stop()
    b, o = statistics.median(base), statistics.median(ours)
    print(f"{args.count} recipients, {args.runs} runs, message {len(data) / 1024:.0f} KiB")
    print(f"baseline smtplib, one ready message:   {b:8.1f} messages/s (median)")
    print(f"presskit send (personal + send log):   {o:8.1f} messages/s (median)")
    print(f"ratio presskit/baseline:               {o / b:8.2f}")
    print(f"server received {handler.count} messages")


if __name__ == "__main__":
    main()
