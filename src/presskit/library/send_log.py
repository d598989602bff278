"""The send log: who got which release, kept in the library so that a crash loses nothing.

One row per (release content, recipient), in one of these states:

- ``queued``: to be sent; ``deferred``: the server said "try later" (4xx), sent on the next run;
- ``sending``: the SMTP transaction has begun. Written and committed *before* the message goes
  out, so a row still ``sending`` when a run starts was in flight when a sender died: the
  message may or may not have arrived. Such rows become ``uncertain`` and are sent again only
  when the user asks (``--resend-uncertain``);
- ``sent`` (with the server's reply) and ``failed`` (a permanent 5xx refusal), written and
  committed right after the server's reply.

Every change is its own committed transaction (``synchronous=FULL``), and a row is claimed
with a compare-and-set (``queued -> sending``), so two senders never send one message twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from presskit.library.database import Library
from presskit.library.rows import parse_timestamp, timestamp_text, utc_now

QUEUED, SENDING, SENT, FAILED, DEFERRED, UNCERTAIN = (
    "queued",
    "sending",
    "sent",
    "failed",
    "deferred",
    "uncertain",
)
STATES = (QUEUED, SENDING, SENT, FAILED, DEFERRED, UNCERTAIN)


@dataclass(frozen=True)
class LogEntry:
    """One recipient's row of the log."""

    recipient: str
    name: str
    state: str
    attempts: int
    reply: str
    updated: dt.datetime | None


@dataclass(frozen=True)
class RunSummary:
    """One send of a release: when, to which list, and how it went."""

    id: int
    started: dt.datetime | None
    finished: dt.datetime | None
    source: str
    server: str
    counts: dict[str, int]  # state -> how many recipients this run left in it


_RUNS = {
    "release": "SELECT * FROM send_runs WHERE release = ? ORDER BY id DESC",
    "fingerprint": "SELECT * FROM send_runs WHERE fingerprint = ? ORDER BY id DESC",
}
_COUNTS = {
    "release": "SELECT run_id, state, count(*) AS n FROM send_log WHERE run_id IN "
    "(SELECT id FROM send_runs WHERE release = ?) GROUP BY run_id, state",
    "fingerprint": "SELECT run_id, state, count(*) AS n FROM send_log WHERE run_id IN "
    "(SELECT id FROM send_runs WHERE fingerprint = ?) GROUP BY run_id, state",
}


class SendLog:
    """The send log of one library (an open :class:`Library`, used from its own thread)."""

    def __init__(self, library: Library):
        self._library = library

    def _write(self, sql: str, values: tuple = ()) -> int:
        with self._library._writing() as conn:
            return conn.execute(sql, values).rowcount

    def start_run(
        self, fingerprint: str, release: str, headline: str, source: str, server: str
    ) -> int:
        """Record that a send of ``fingerprint`` begins; returns the run's id."""
        with self._library._writing() as conn:
            cursor = conn.execute(
                "INSERT INTO send_runs (fingerprint, release, headline, source, server, started)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (fingerprint, release, headline, source, server, timestamp_text(utc_now())),
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int) -> None:
        self._write(
            "UPDATE send_runs SET finished = ? WHERE id = ?", (timestamp_text(utc_now()), run_id)
        )

    def queue(self, fingerprint: str, recipients: Iterable[tuple[str, str]]) -> None:
        """Add (address key, name) rows as ``queued``; rows already there keep their state."""
        now = timestamp_text(utc_now())
        with self._library._writing() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO send_log (fingerprint, recipient, name, state, queued,"
                " updated) VALUES (?, ?, ?, 'queued', ?, ?)",
                [(fingerprint, key, name, now, now) for key, name in recipients],
            )

    def recover(self, fingerprint: str, *, resend_uncertain: bool = False) -> list[str]:
        """Prepare a new run: rows left ``sending`` by a dead sender become ``uncertain``
        (returned: they may have been sent); deferred rows are queued again, and uncertain
        ones too with ``resend_uncertain``."""
        with self._library._writing() as conn:
            rows = conn.execute(
                "SELECT recipient FROM send_log WHERE fingerprint = ? AND state = 'sending'",
                (fingerprint,),
            ).fetchall()
            now = timestamp_text(utc_now())
            conn.execute(
                "UPDATE send_log SET state = 'uncertain', reply = 'in flight when the sender "
                "stopped: may have been sent', updated = ? WHERE fingerprint = ? AND state = "
                "'sending'",
                (now, fingerprint),
            )
            again = ("deferred", "uncertain") if resend_uncertain else ("deferred",)
            conn.execute(
                f"UPDATE send_log SET state = 'queued' WHERE fingerprint = ? AND state IN "  # noqa: S608
                f"({', '.join('?' * len(again))})",
                (fingerprint, *again),
            )
        return [row["recipient"] for row in rows]

    def claim(self, fingerprint: str, recipient: str, run_id: int) -> bool:
        """``queued -> sending``, committed; False when the row is not queued (any more)."""
        return (
            self._write(
                "UPDATE send_log SET state = 'sending', attempts = attempts + 1, run_id = ?, "
                "updated = ? WHERE fingerprint = ? AND recipient = ? AND state = 'queued'",
                (run_id, timestamp_text(utc_now()), fingerprint, recipient),
            )
            == 1
        )

    def finish(self, fingerprint: str, recipient: str, state: str, reply: str) -> None:
        """Record the outcome of the transaction (``sent``, ``failed``, ``deferred``, ...)."""
        assert state in STATES
        self._write(
            "UPDATE send_log SET state = ?, reply = ?, updated = ? WHERE fingerprint = ? AND "
            "recipient = ?",
            (state, reply[:500], timestamp_text(utc_now()), fingerprint, recipient),
        )

    def requeue(self, fingerprint: str, recipient: str) -> None:
        """``sending -> queued``: the transaction never began (the connection was refused)."""
        self._write(
            "UPDATE send_log SET state = 'queued', attempts = max(attempts - 1, 0) WHERE "
            "fingerprint = ? AND recipient = ? AND state = 'sending'",
            (fingerprint, recipient),
        )

    def entries(self, fingerprint: str) -> list[LogEntry]:
        """Every recipient of this release content, in the order they were queued."""
        with self._library._errors():
            rows = self._library._conn.execute(
                "SELECT * FROM send_log WHERE fingerprint = ? ORDER BY id", (fingerprint,)
            ).fetchall()
        return [
            LogEntry(
                row["recipient"],
                row["name"],
                row["state"],
                row["attempts"],
                row["reply"],
                parse_timestamp(row["updated"]),
            )
            for row in rows
        ]

    def last_send_time(self) -> dt.datetime | None:
        """When the last message went out to any server, for a rate limit across runs."""
        with self._library._errors():
            row = self._library._conn.execute(
                "SELECT max(updated) FROM send_log WHERE state IN ('sent', 'failed', "
                "'sending', 'uncertain')"
            ).fetchone()
        return parse_timestamp(row[0])

    def history(self, fingerprint: str = "", *, release: str = "") -> list[RunSummary]:
        """The runs of this release content (or of every version of the release file at
        ``release``), newest first, with what each left in which state."""
        column, value = ("release", release) if release else ("fingerprint", fingerprint)
        with self._library._errors():
            conn = self._library._conn
            runs = conn.execute(_RUNS[column], (value,)).fetchall()
            counts = conn.execute(_COUNTS[column], (value,)).fetchall()
        by_run: dict[int, dict[str, int]] = {}
        for row in counts:
            by_run.setdefault(row["run_id"], {})[row["state"]] = row["n"]
        return [
            RunSummary(
                run["id"],
                parse_timestamp(run["started"]),
                parse_timestamp(run["finished"]),
                run["source"],
                run["server"],
                by_run.get(run["id"], {}),
            )
            for run in runs
        ]
