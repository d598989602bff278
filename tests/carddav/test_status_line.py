"""The editor's status line for the team address book, from the sync's state."""

from __future__ import annotations

from presskit.app.contact_sync import SyncState, status_text
from presskit.carddav.errors import AuthenticationFailed, ServerUnreachable, TlsProblem


def test_status_line_words() -> None:
    now = 10_000.0
    assert status_text(SyncState(), now) == ""
    assert status_text(SyncState(last_success=now - 5), now) == "synced just now"
    assert status_text(SyncState(last_success=now - 125), now) == "synced 2 min ago"
    assert status_text(SyncState(last_success=now - 7300), now) == "synced 2 h ago"
    three = SyncState(last_success=now - 125, conflicts=3)
    assert status_text(three, now) == "synced 2 min ago · 3 conflicts"
    offline = SyncState(last_success=now - 600, error_word=ServerUnreachable.status_word)
    assert status_text(offline, now) == "offline"
    assert (
        status_text(SyncState(running=True, conflicts=1), now) == "syncing contacts… · 1 conflict"
    )
    assert AuthenticationFailed.status_word == "wrong password"
    assert TlsProblem.status_word == "certificate problem"
