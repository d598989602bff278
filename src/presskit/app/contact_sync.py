"""The team address book in the editor: sync off the GUI thread, on start, every N minutes and
when asked, and the status line ("synced 2 min ago", "offline", "3 conflicts").

The sync itself is :func:`presskit.carddav.sync_library`, run on a worker thread with its own
connection to the library file (a Library belongs to the thread that opened it). The password
is kept in the system keyring (:class:`KeyringPasswords`); where there is none, for the session
only. A sync that would delete more than half of the contacts is not done: ``needs_consent``
asks the window, which may sync again with ``allow_mass_delete``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from presskit.app.settings import ContactSyncSettings, Preferences
from presskit.app.threads import end_with_parent
from presskit.carddav import Account, CardDavError, SyncReport, sync_library
from presskit.carddav.errors import MassDeleteRefused
from presskit.library.database import Library, LibraryError
from presskit.model.wording import counted

KEYRING_SERVICE = "Presskit CardDAV"
TICK_MS = 30_000  # how often the status line and the automatic sync look at the clock


class KeyringPasswords:
    """Account passwords in the system keyring; in memory where the system has none."""

    def __init__(self) -> None:
        self._session: dict[str, str] = {}
        self.problem = ""  # why the keyring could not be used, for the Preferences dialog

    @staticmethod
    def _key(url: str, user: str) -> str:
        return f"{user}@{url.strip()}"

    def get(self, url: str, user: str) -> str:
        key = self._key(url, user)
        if key in self._session:
            return self._session[key]
        try:
            import keyring  # noqa: PLC0415 - loads the platform's backend, only when needed

            return keyring.get_password(KEYRING_SERVICE, key) or ""
        except Exception as exc:  # any backend failure means: no stored password
            self.problem = f"the system keyring cannot be read ({exc})"
            return ""

    def set(self, url: str, user: str, password: str) -> bool:
        """Store the password; False when only this session will remember it."""
        key = self._key(url, user)
        try:
            import keyring  # noqa: PLC0415

            keyring.set_password(KEYRING_SERVICE, key, password)
        except Exception as exc:
            self._session[key] = password
            self.problem = f"no system keyring; the password is kept until Presskit closes ({exc})"
            return False
        self._session.pop(key, None)
        return True


@dataclass
class SyncState:
    """What the status line shows: the last sync's time and result."""

    running: bool = False
    last_attempt: float | None = None
    last_success: float | None = None
    error: str = ""
    error_word: str = ""
    conflicts: int = 0


def ago(seconds: float) -> str:
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    return f"{counted(int(seconds // 86400), 'day')} ago"


def status_text(state: SyncState, now: float) -> str:
    """``synced 2 min ago``, ``offline``, ``3 conflicts``, ... ("" before any sync)."""
    parts = []
    if state.running:
        parts.append("syncing contacts…")
    elif state.error_word:
        parts.append(state.error_word)
    elif state.last_success is not None:
        parts.append(f"synced {ago(now - state.last_success)}")
    if state.conflicts:
        parts.append(counted(state.conflicts, "conflict"))
    return " · ".join(parts)


class _Worker(QThread):
    succeeded = Signal(object)  # SyncReport
    failed = Signal(str, str)  # message, status word
    refused = Signal(str)  # the mass-delete question

    def __init__(self, library: Path, account: Account, book: str, allow: bool, parent: QObject):
        super().__init__(parent)
        self._library, self._account, self._book, self._allow = library, account, book, allow
        end_with_parent(self)

    def run(self) -> None:
        try:
            with Library(self._library) as library:
                report = sync_library(
                    library, self._account, book=self._book or None, allow_mass_delete=self._allow
                )
        except MassDeleteRefused as exc:
            self.refused.emit(str(exc))
        except CardDavError as exc:
            self.failed.emit(str(exc), exc.status_word)
        except LibraryError as exc:
            self.failed.emit(str(exc), "library problem")
        except Exception as exc:  # never a traceback in the window
            self.failed.emit(f"the sync failed unexpectedly: {type(exc).__name__}: {exc}", "")
        else:
            self.succeeded.emit(report)


class ContactSyncService(QObject):
    """Runs syncs one at a time and keeps the status line's state."""

    status_changed = Signal(str)
    synced = Signal(object)  # SyncReport: the library changed
    failed = Signal(str)  # the message, for the status bar
    needs_consent = Signal(str)  # a mass deletion was refused: ask the user

    def __init__(
        self,
        prefs: Preferences,
        library: Path,
        passwords: KeyringPasswords | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.prefs = prefs
        self.library = library
        self.passwords = passwords or KeyringPasswords()
        self.state = SyncState()
        self.last_report: SyncReport | None = None
        self._worker: _Worker | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def settings(self) -> ContactSyncSettings:
        return self.prefs.contact_sync()

    def start(self) -> None:
        """Sync once now (when an account is set up), then every N minutes."""
        self._timer.start()
        if self.settings().configured:
            self.sync_now()

    @property
    def busy(self) -> bool:
        return self._worker is not None and self._worker.isRunning()

    def sync_now(self, *, allow_mass_delete: bool = False) -> bool:
        """Start a sync; False when one is running or no account is set up."""
        settings = self.settings()
        if self.busy or not settings.configured:
            return False
        password = self.passwords.get(settings.url, settings.user)
        account = Account(settings.url, settings.user, password)
        worker = _Worker(self.library, account, settings.book, allow_mass_delete, self)
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._failed)
        worker.refused.connect(self._refused)
        worker.finished.connect(worker.deleteLater)
        self._worker = worker
        self.state.running = True
        self.state.last_attempt = time.time()
        self._emit_status()
        worker.start()
        return True

    def shutdown(self, ms: int = 15_000) -> None:
        """Stop the timer and wait for a running sync (the window is closing)."""
        self._timer.stop()
        if self._worker is not None:
            self._worker.wait(ms)

    def conflicts_left(self, count: int) -> None:
        """Conflicts were resolved here: the status line counts the ones left."""
        self.state.conflicts = count
        self._emit_status()

    def status(self) -> str:
        return status_text(self.state, time.time())

    def _emit_status(self) -> None:
        self.status_changed.emit(self.status())

    def _tick(self) -> None:
        settings, last = self.settings(), self.state.last_attempt
        minutes = settings.interval_minutes
        due = minutes > 0 and (last is None or time.time() - last >= minutes * 60)
        if settings.configured and due and not self.busy:
            self.sync_now()
        self._emit_status()

    def _finish(self) -> None:
        self.state.running = False
        self._worker = None

    def _succeeded(self, report: SyncReport) -> None:
        self._finish()
        self.last_report = report
        self.state.last_success = time.time()
        self.state.error = self.state.error_word = ""
        self.state.conflicts = len(report.open_conflicts)
        self.synced.emit(report)
        self._emit_status()

    def _failed(self, message: str, word: str) -> None:
        self._finish()
        self.state.error, self.state.error_word = message, word or "sync failed"
        self.failed.emit(message)
        self._emit_status()

    def _refused(self, message: str) -> None:
        self._failed(message, "needs confirmation")
        self.needs_consent.emit(message)


class BookFinder(QThread):
    """Discovery off the GUI thread: the address books an account can reach."""

    found = Signal(object)  # list[AddressBook]
    failed = Signal(str)

    def __init__(self, account: Account, parent: QObject | None = None):
        super().__init__(parent)
        self._account = account
        end_with_parent(self)

    def run(self) -> None:
        from presskit.carddav.client import DavClient  # noqa: PLC0415
        from presskit.carddav.discovery import discover  # noqa: PLC0415

        try:
            client = DavClient(self._account)
            try:
                self.found.emit(discover(client))
            finally:
                client.close()
        except CardDavError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:
            self.failed.emit(f"{type(exc).__name__}: {exc}")
