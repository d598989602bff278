"""The send loop: every recipient once, resumable after a crash, with retries and a rate limit.

    sender = Sender(SendLog(library), SmtpConnection(settings), mail)
    outcome = sender.run(recipients, release="release.md", source="Tech press")

For each recipient the log row is claimed (``queued -> sending``, committed) before the SMTP
transaction and finished (``sent``/``failed``/...) right after the server's reply, so a run
started again after a crash sends only what was never begun, and reports the one message that
was in flight. 4xx replies are tried again after a growing pause; a 5xx is recorded for that
recipient and the run goes on. :class:`Control` pauses or cancels between two messages.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from presskit.library.send_log import DEFERRED, FAILED, QUEUED, SENT, UNCERTAIN, SendLog
from presskit.sending.message import ReleaseMail, message_bytes
from presskit.sending.recipients import Recipient
from presskit.sending.smtp import Permanent, SmtpConnection, Transient, Uncertain


@dataclass
class SendOptions:
    rate: float = 0.0  # messages per minute; 0: as fast as the server takes them
    retries: int = 3  # further tries after a 4xx reply
    backoff: float = 2.0  # seconds before the first retry, doubled each time
    resend_uncertain: bool = False


@dataclass
class Progress:
    """Where a run is; ``eta`` in seconds (None until a message went out)."""

    total: int
    done: int = 0
    sent: int = 0
    failed: int = 0
    deferred: int = 0
    uncertain: int = 0
    eta: float | None = None
    current: str = ""


@dataclass
class Outcome:
    """What a run did, for the report."""

    run_id: int
    total: int
    already_sent: int = 0  # by earlier runs of the same release
    sent: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (address, reply)
    deferred: list[tuple[str, str]] = field(default_factory=list)
    uncertain: list[tuple[str, str]] = field(default_factory=list)  # may have been sent
    in_flight_before: list[str] = field(default_factory=list)  # uncertain from a crashed run
    unresolved: list[str] = field(default_factory=list)  # uncertain since an earlier run
    cancelled: bool = False


class Control:
    """Pause, resume and cancel a run from another thread (the editor's buttons)."""

    def __init__(self) -> None:
        self._running = threading.Event()
        self._running.set()
        self._cancel = threading.Event()
        self.cancelled = False

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    def cancel(self) -> None:
        self.cancelled = True
        self._cancel.set()
        self._running.set()

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` (the rate limit), or less when the run is cancelled meanwhile."""
        self._cancel.wait(seconds)

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def checkpoint(self) -> bool:
        """Wait while paused; False when the run is to stop."""
        self._running.wait()
        return not self.cancelled


class RateLimit:
    """At most ``per_minute`` messages a minute, counting the last message of earlier runs."""

    def __init__(self, per_minute: float, last: dt.datetime | None, sleep: Callable) -> None:
        self.interval = 60.0 / per_minute if per_minute > 0 else 0.0
        self._next = last.timestamp() + self.interval if last and self.interval else 0.0
        self._sleep = sleep

    def wait(self) -> None:
        if not self.interval:
            return
        delay = self._next - time.time()
        if delay > 0:
            self._sleep(delay)
        self._next = max(time.time(), self._next) + self.interval


class Sender:
    """Sends one release to many recipients over one connection, through the send log."""

    def __init__(
        self,
        log: SendLog,
        connection: SmtpConnection,
        mail: ReleaseMail,
        options: SendOptions | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.log = log
        self.connection = connection
        self.mail = mail
        self.options = options or SendOptions()
        self._sleep = sleep

    def run(
        self,
        recipients: list[Recipient],
        *,
        release: str = "",
        source: str = "",
        progress: Callable[[Progress], None] | None = None,
        control: Control | None = None,
    ) -> Outcome:
        """Send to every recipient the log does not know as handled; ServerError aborts."""
        fp = self.mail.fingerprint
        self.log.queue(fp, [(r.key, r.name) for r in recipients])
        in_flight = self.log.recover(fp, resend_uncertain=self.options.resend_uncertain)
        states = {e.recipient: e.state for e in self.log.entries(fp)}
        todo = [r for r in recipients if states.get(r.key) == QUEUED]
        run_id = self.log.start_run(
            fp, release, self.mail.subject, source, self.connection.settings.label
        )
        outcome = Outcome(run_id, len(recipients), in_flight_before=in_flight)
        outcome.already_sent = sum(states.get(r.key) == SENT for r in recipients)
        outcome.unresolved = [
            r.email for r in recipients if states.get(r.key) == UNCERTAIN and r.key not in in_flight
        ]
        pause = self._sleep if control is None else control.sleep  # Cancel cuts a wait short
        limit = RateLimit(self.options.rate, self.log.last_send_time(), pause)
        state = Progress(len(todo))
        started = time.monotonic()
        try:
            for recipient in todo:
                if control is not None and not control.checkpoint():
                    outcome.cancelled = True
                    break
                state.current = recipient.email
                limit.wait()
                if control is not None and not control.checkpoint():  # paused, cancelled
                    outcome.cancelled = True
                    break
                self._send_one(recipient, run_id, outcome)
                _count(state, outcome, time.monotonic() - started)
                if progress is not None:
                    progress(state)
        finally:
            self.connection.close()
            self.log.finish_run(run_id)
        return outcome

    def _send_one(self, recipient: Recipient, run_id: int, outcome: Outcome) -> None:
        fp = self.mail.fingerprint
        now = dt.datetime.now(dt.UTC).astimezone()
        data = message_bytes(self.mail, recipient, now)
        sender = self.mail.sender.addr_spec
        for attempt in range(self.options.retries + 1):
            if not self.connection.is_open:
                self.connection.open()  # ServerError ends the run; nothing was claimed
            if not self.log.claim(fp, recipient.key, run_id):
                return  # another sender took it meanwhile
            try:
                reply = self.connection.send(sender, recipient.email, data)
            except Permanent as exc:
                self.log.finish(fp, recipient.key, FAILED, str(exc))
                outcome.failed.append((recipient.email, str(exc)))
                return
            except Uncertain as exc:
                self.log.finish(fp, recipient.key, UNCERTAIN, str(exc))
                outcome.uncertain.append((recipient.email, str(exc)))
                return
            except Transient as exc:
                last = attempt == self.options.retries
                self.log.finish(fp, recipient.key, DEFERRED if last else QUEUED, str(exc))
                if last:
                    outcome.deferred.append((recipient.email, str(exc)))
                    return
                self._sleep(self.options.backoff * 2**attempt)
                continue
            self.log.finish(fp, recipient.key, SENT, str(reply))
            outcome.sent.append(recipient.email)
            return


def _count(state: Progress, outcome: Outcome, elapsed: float) -> None:
    state.sent, state.failed = len(outcome.sent), len(outcome.failed)
    state.deferred, state.uncertain = len(outcome.deferred), len(outcome.uncertain)
    state.done = state.sent + state.failed + state.deferred + state.uncertain
    if state.done:
        state.eta = elapsed / state.done * (state.total - state.done)
