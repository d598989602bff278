"""``presskit send``: the release to each journalist of a list, one message each, exactly once.

    presskit send RELEASE.md (--recipients FILE.csv|FILE.vcf | --list NAME)
        --from "Name <press@example.org>"
        (--smtp HOST:PORT [--security starttls|ssl|none] [--user USER] [--password-env VAR]
         [--rate N] [--tls-ca CERT.pem | --tls-no-verify] [--resend-uncertain]
         [--report OUT.csv] | --drafts DIR)
        [--library PATH] [--test-to ADDR] [--attach-pdf] [--unsubscribe-url URL]

Every run goes through the library's send log: running the same command again after a crash
(or a cancel) sends only to those who have not had the release; the one message that was in
flight is reported as "may have been sent" and sent again only with ``--resend-uncertain``.
The password comes from the environment variable ``--password-env`` names, or from the system
keyring (service "presskit-smtp", user "USER@HOST"); it is never printed.

Exit status: 0 every recipient has the release (or the drafts are written), 1 some message
failed, was deferred or may not have arrived, or the drafts or the report could not be
written (one line naming the file), 2 bad input.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path
from typing import Any

from presskit.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_OUTPUT_FAILED,
    UsageError,
    out,
    report_problems,
    write_or_report,
)
from presskit.library.database import Library, LibraryError
from presskit.library.send_log import SendLog
from presskit.sending import recipients as recipient_lists
from presskit.sending.drafts import write_drafts
from presskit.sending.message import ReleaseMail, SenderError, parse_sender, prepare_file
from presskit.sending.run import Outcome, Progress, Sender, SendOptions
from presskit.sending.smtp import (
    SECURITY,
    ServerError,
    ServerSettings,
    SmtpConnection,
    parse_server,
    password_from,
)
from presskit.sending.test_send import send_test
from presskit.storage import ReleaseFileError


def add_parser(subparsers: Any) -> None:
    """Add the ``send`` command to an argparse subparsers object."""
    send = subparsers.add_parser(
        "send",
        help="send a release to each journalist of a list: one message each, exactly once",
        description="Send a release by email, one message per recipient, through a log that "
        "makes a re-run resume where a crash stopped.",
    )
    send.add_argument("release", type=Path, metavar="RELEASE.md")
    who = send.add_mutually_exclusive_group(required=True)
    who.add_argument("--recipients", type=Path, metavar="FILE", help="a .csv or .vcf file")
    who.add_argument("--list", dest="media_list", metavar="NAME", help="a media list")
    send.add_argument(
        "--from", dest="sender", required=True, metavar='"Name <addr>"', help="the sender"
    )
    how = send.add_mutually_exclusive_group(required=True)
    how.add_argument("--smtp", metavar="HOST:PORT", help="send through this server")
    how.add_argument("--drafts", type=Path, metavar="DIR", help="write one .eml per recipient")
    send.add_argument("--security", choices=SECURITY, default="starttls", help="default: starttls")
    send.add_argument("--user", default="", help="the SMTP user name")
    send.add_argument(
        "--password-env",
        default="",
        metavar="VAR",
        help="the environment variable holding the password (else the system keyring)",
    )
    send.add_argument("--rate", type=float, default=0.0, metavar="N", help="messages a minute")
    send.add_argument("--tls-ca", default="", metavar="CERT.pem", help="trust this certificate")
    send.add_argument("--tls-no-verify", action="store_true", help="do not check the certificate")
    send.add_argument(
        "--resend-uncertain",
        action="store_true",
        help="send again the messages that may have been sent (in flight at a crash)",
    )
    send.add_argument("--report", type=Path, metavar="OUT.csv", help="who got what, when")
    send.add_argument("--library", type=Path, metavar="PATH", help="the library (send log)")
    send.add_argument("--test-to", metavar="ADDR", help="send one sample to this address only")
    send.add_argument("--attach-pdf", action="store_true", help="attach the release as PDF")
    send.add_argument("--unsubscribe-url", default="", metavar="URL", help="for List-Unsubscribe")
    send.add_argument("--retry-delay", type=float, default=2.0, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    """Run a parsed ``send`` command; returns the exit status."""
    try:
        return _send(args)
    except ReleaseFileError as exc:
        return report_problems(exc.problems)
    except (UsageError, LibraryError, ServerError, SenderError) as exc:
        print(f"presskit: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _send(args: argparse.Namespace) -> int:
    sender = parse_sender(args.sender)
    mail = prepare_file(
        args.release, sender, attach_pdf=args.attach_pdf, unsubscribe_url=args.unsubscribe_url
    )
    with Library.open(args.library) as library:
        if args.recipients is not None:
            chosen = recipient_lists.from_file(args.recipients)
        else:
            chosen = recipient_lists.from_list(library, args.media_list)
        for line in [*chosen.problems, *map(str, chosen.skipped)]:
            print(line, file=sys.stderr)
        if not chosen.recipients:
            raise UsageError(f"{chosen.source}: nobody to send to")
        if args.drafts is not None:
            return _drafts(mail, chosen.recipients, args.drafts)
        settings = _settings(args)
        if args.test_to:
            reply = send_test(settings, mail, chosen.recipients[0], args.test_to)
            out(f"sent a test to {args.test_to} as {chosen.recipients[0].email} gets it: {reply}")
            return EXIT_OK
        options = SendOptions(args.rate, backoff=args.retry_delay)
        options.resend_uncertain = args.resend_uncertain
        sending = Sender(SendLog(library), SmtpConnection(settings), mail, options)
        outcome = sending.run(
            chosen.recipients,
            release=str(args.release.resolve()),
            source=chosen.source,
            progress=_Printer(),
        )
        _summary(outcome)
        reported = EXIT_OK
        if args.report is not None:
            log = SendLog(library)
            reported = write_or_report(args.report, lambda: _report(args.report, log, mail))
    problems = outcome.failed or outcome.deferred or outcome.uncertain or outcome.in_flight_before
    return EXIT_OUTPUT_FAILED if problems or reported != EXIT_OK else EXIT_OK


def _settings(args: argparse.Namespace) -> ServerSettings:
    host, port = parse_server(args.smtp, args.security)
    password = password_from(args.password_env, args.user, host)
    return ServerSettings(
        host,
        port,
        args.security,
        args.user,
        password,
        cafile=args.tls_ca,
        verify=not args.tls_no_verify,
    )


def _drafts(mail: ReleaseMail, recipients: list, folder: Path) -> int:
    written: list[Path] = []
    status = write_or_report(folder, lambda: written.extend(write_drafts(mail, recipients, folder)))
    if status == EXIT_OK:
        out(f"wrote {len(written)} drafts to {folder}")
    return status


class _Printer:
    """Progress on stderr: sent/total and the time left, every second or so."""

    def __init__(self) -> None:
        self._last = 0.0

    def __call__(self, state: Progress) -> None:
        now = time.monotonic()
        if now - self._last < 1.0 and state.done != state.total:
            return
        self._last = now
        eta = f", about {_duration(state.eta)} left" if state.eta is not None else ""
        failed = f", {state.failed} failed" if state.failed else ""
        print(f"sent {state.sent}/{state.total}{failed}{eta}", file=sys.stderr, flush=True)


def _duration(seconds: float | None) -> str:
    minutes, rest = divmod(int(seconds or 0), 60)
    return f"{minutes}:{rest:02d}"


def _summary(outcome: Outcome) -> None:
    before = f" ({outcome.already_sent} had it from an earlier run)" if outcome.already_sent else ""
    out(f"sent {len(outcome.sent)} of {outcome.total}{before}")
    for address in outcome.in_flight_before:
        out(
            f"may have been sent: {address} (in flight when an earlier run stopped; "
            "--resend-uncertain sends it again)"
        )
    for address in outcome.unresolved:
        out(f"may have been sent (an earlier run; --resend-uncertain sends it again): {address}")
    for address, reply in outcome.uncertain:
        out(f"may have been sent: {address} ({reply})")
    for address, reply in outcome.failed:
        out(f"failed: {address}: {reply}")
    for address, reply in outcome.deferred:
        out(f"deferred (run again to retry): {address}: {reply}")
    if outcome.cancelled:
        out("cancelled; run the same command again to go on")


def _report(path: Path, log: SendLog, mail: ReleaseMail) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["recipient", "name", "state", "attempts", "when", "reply"])
        for entry in log.entries(mail.fingerprint):
            when = entry.updated.isoformat(timespec="seconds") if entry.updated else ""
            writer.writerow(
                [entry.recipient, entry.name, entry.state, entry.attempts, when, entry.reply]
            )
