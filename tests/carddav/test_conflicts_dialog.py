"""File > Resolve Contact Conflicts…, driven as a person would, against the real Radicale:
three contacts edited on both sides; "Keep Mine" sends this computer's version to the server,
"Keep Server's" drops the local copy, "Keep Both" shares the copy as a contact of its own; the
status line counts down; the syncs run on the worker thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from presskit.app.settings import ContactSyncSettings
from presskit.library.conflict_resolution import COPY_SUFFIX
from presskit.library.database import Library
from presskit.ui.conflicts_dialog import ConflictsDialog
from presskit.ui.main_window import MainWindow
from tests.carddav.conftest import Dav, MemoryKeyring
from tests.carddav.radicale_server import card
from tests.carddav.test_editor_sync import _action, _screenshots

PEOPLE = {"ana": "Ana Ruiz", "ben": "Ben Okafor", "cleo": "Cleo Park"}


def _synced(qtbot, window: MainWindow, status: str, start=None) -> None:
    """Start a sync with ``start`` (File > Sync Contacts Now) and wait until it is done."""
    feature = window.contact_sync
    previous = feature.service.last_report
    (start or _action(window, "Sync &Contacts Now").trigger)()
    done = lambda: feature.service.last_report is not previous and not feature.service.busy  # noqa: E731
    qtbot.waitUntil(done, timeout=60_000)
    assert feature.button.text() == status


def _titles(window: MainWindow) -> dict[str, str]:
    with Library(window.library.path) as library:
        return {c.name: c.title for c in library.list_contacts()}


def _pick(qtbot, dialog: ConflictsDialog, name: str) -> None:
    """Click the conflict called ``name`` in the dialog's list."""
    item = next(
        dialog.list.item(i)
        for i in range(dialog.list.count())
        if dialog.list.item(i).text() == name
    )
    rect = dialog.list.visualItemRect(item)
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.current() is not None and dialog.current().mine.name == name + COPY_SUFFIX


def _server_titles(dav: Dav) -> dict[str, str]:
    found = {}
    for text in dav.user.cards(dav.book).values():
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        found[fields["FN"]] = fields.get("TITLE", "")
    return found


def test_keep_mine_keep_the_servers_keep_both(
    qtbot, window: MainWindow, dav: Dav, memory_keyring: MemoryKeyring, isolated_dirs: Path
) -> None:
    for uid, name in PEOPLE.items():
        dav.user.put(dav.book, f"{uid}.vcf", card(name, uid, "TITLE:Reporter"))
    window.prefs.set_contact_sync(ContactSyncSettings(url=dav.book, user=dav.user.name))
    memory_keyring.set_password("Presskit CardDAV", f"{dav.user.name}@{dav.book}", "secret")
    _synced(qtbot, window, "synced just now")

    for uid, name in PEOPLE.items():  # both sides edit every contact
        contact = window.library.contact_by_uid(uid)
        contact.title = f"{name.split()[0]}'s title here"
        window.library.update_contact(contact)
        dav.user.put(dav.book, f"{uid}.vcf", card(name, uid, "TITLE:Changed on the server"))
    _synced(qtbot, window, "synced just now · 3 conflicts")

    _action(window, "Resolve Contact Con&flicts…").trigger()
    dialog = window.contact_sync.dialog
    assert dialog is not None and dialog.isVisible()
    assert sorted(dialog.list.item(i).text() for i in range(dialog.list.count())) == sorted(
        PEOPLE.values()
    )
    _pick(qtbot, dialog, "Ana Ruiz")
    rows = {
        dialog.table.item(r, 0).text(): (
            dialog.table.item(r, 1).text(),
            dialog.table.item(r, 2).text(),
        )
        for r in range(dialog.table.rowCount())
    }
    assert rows["Title"] == ("Ana's title here", "Changed on the server")  # side by side
    assert rows["Name"] == ("Ana Ruiz", "Ana Ruiz")
    assert dialog.table.item(0, 1).font().bold() is False  # the same name is not highlighted
    dialog.grab().save(str(_screenshots(isolated_dirs) / "contact-conflicts.png"))

    # Keep Mine: the server gets this computer's version (a sync on the worker thread).
    _synced(qtbot, window, "synced just now · 2 conflicts", dialog.keep_mine.click)
    assert dialog.list.count() == 2
    status = window.contact_sync.button
    assert _server_titles(dav)["Ana Ruiz"] == "Ana's title here"
    assert _titles(window)["Ana Ruiz"] == "Ana's title here"
    assert "Ana Ruiz" + COPY_SUFFIX not in _titles(window)

    # Keep Server's: the local copy goes; nothing to send, the count drops at once.
    _pick(qtbot, dialog, "Ben Okafor")
    qtbot.mouseClick(dialog.keep_servers, Qt.MouseButton.LeftButton)
    assert status.text() == "synced just now · 1 conflict"
    assert _titles(window)["Ben Okafor"] == "Changed on the server"
    assert "Ben Okafor" + COPY_SUFFIX not in _titles(window)

    # Keep Both: the copy becomes a contact of its own, shared at once.
    _pick(qtbot, dialog, "Cleo Park")
    _synced(qtbot, window, "synced just now", dialog.keep_both.click)
    on_server = _server_titles(dav)
    assert on_server["Cleo Park"] == "Changed on the server"
    assert on_server["Cleo Park" + COPY_SUFFIX] == "Cleo's title here"
    assert dialog.list.count() == 0 and not dialog.keep_mine.isEnabled()
    assert dialog.note.text() == "No conflicts to resolve."

    # Nothing left to do: one more sync changes nothing, here or there.
    before = dav.user.cards(dav.book)
    _synced(qtbot, window, "synced just now")
    assert window.contact_sync.service.last_report.changes == 0
    assert dav.user.cards(dav.book) == before
    assert len(_titles(window)) == 4
