"""Sending from the editor, off the GUI thread: render the mail, send a test, send to a list.

Each job runs in a thread of its own, with its own connection to the library (SQLite objects
belong to their thread), and reports through Qt signals, which reach the window's thread
queued. The send itself is :class:`~presskit.sending.run.Sender`, the same loop and the same
send log as ``presskit send``: a send cancelled or cut short in the editor resumes from the
command line, and the other way round.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from presskit.library.database import Library
from presskit.library.send_log import RunSummary, SendLog
from presskit.model.release import Release
from presskit.sending.message import ReleaseMail, parse_sender, prepare
from presskit.sending.recipients import Recipient
from presskit.sending.run import Control, Outcome, Progress, Sender, SendOptions
from presskit.sending.smtp import ServerSettings, SmtpConnection
from presskit.sending.test_send import send_test


class SendService(QObject):
    """One job at a time; ``prepared``, ``tested``, ``progress`` and ``finished`` report."""

    prepared = Signal(object, str)  # ReleaseMail or None, an error message
    tested = Signal(str, str)  # the server's reply, an error message
    progress = Signal(object)  # Progress
    finished = Signal(object, str)  # Outcome or None, an error message

    def __init__(self, library_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.library_path = library_path
        self.control = Control()
        self._thread: threading.Thread | None = None

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, seconds: float = 30.0) -> None:
        if self._thread is not None:
            self._thread.join(seconds)

    def _start(self, job: Callable[[], None]) -> None:
        self._thread = threading.Thread(target=job, name="presskit-send", daemon=True)
        self._thread.start()

    def prepare(
        self, release: Release, release_dir: Path | None, sender: str, attach_pdf: bool
    ) -> None:
        """Render ``release`` for email (and as PDF when attached), then ``prepared``."""
        release = copy.deepcopy(release)  # the editor goes on changing its own

        def job() -> None:
            try:
                pdf = None
                if attach_pdf:
                    from presskit.outputs.session import RenderSession  # noqa: PLC0415

                    pdf = RenderSession(release, release_dir).pdf().pdf
                mail = prepare(release, release_dir, parse_sender(sender), pdf=pdf)
            except Exception as exc:  # reported in the dialog, never raised into Qt
                self.prepared.emit(None, str(exc))
                return
            self.prepared.emit(mail, "")

        self._start(job)

    def test(self, settings: ServerSettings, mail: ReleaseMail, like: Recipient, to: str) -> None:
        def job() -> None:
            try:
                reply = send_test(settings, mail, like, to)
            except Exception as exc:
                self.tested.emit("", str(exc))
                return
            self.tested.emit(str(reply), "")

        self._start(job)

    def send(
        self,
        settings: ServerSettings,
        mail: ReleaseMail,
        recipients: list[Recipient],
        *,
        source: str,
        release: str,
        options: SendOptions | None = None,
    ) -> None:
        """Send through the send log; ``progress`` after each message, then ``finished``."""
        self.control = control = Control()

        def job() -> None:
            try:
                with Library(self.library_path) as library:
                    sender = Sender(SendLog(library), SmtpConnection(settings), mail, options)
                    outcome: Outcome = sender.run(
                        recipients,
                        release=release,
                        source=source,
                        progress=lambda state: self.progress.emit(copy.copy(state)),
                        control=control,
                    )
            except Exception as exc:
                self.finished.emit(None, str(exc))
                return
            self.finished.emit(outcome, "")

        self._start(job)

    def history(self, release: str) -> list[RunSummary]:
        """The sends of the release file at ``release``, newest first (a quick read)."""
        with Library(self.library_path) as library:
            return SendLog(library).history(release=release)


__all__ = ["Progress", "SendService"]
