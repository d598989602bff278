"""The team address book in the editor, driven as a person would: Edit > Preferences >
Accounts (typed in, Find Address Books, OK), File > Sync Contacts Now, the status line; the
password goes to the keyring, never the settings file; the sync runs off the GUI thread."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from presskit.app.contact_sync import KEYRING_SERVICE
from presskit.library.database import Library
from presskit.ui.main_window import MainWindow
from presskit.ui.preferences_dialog import PreferencesDialog
from tests.carddav.conftest import Dav, MemoryKeyring
from tests.carddav.radicale_server import card

# The pictures in docs/ are made again with PRESSKIT_SCREENSHOTS=1; otherwise they go to a
# temporary folder, so that a test run leaves the checkout as it was.
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _screenshots(tmp_path: Path) -> Path:
    folder = DOCS_SCREENSHOTS if os.environ.get("PRESSKIT_SCREENSHOTS") else tmp_path
    folder.mkdir(exist_ok=True)
    return folder


def _action(win: MainWindow, text: str):
    return next(a for menu in win.menus.values() for a in menu.actions() if a.text() == text)


def _fill_preferences(qtbot, dav: Dav, shot: Path | None) -> None:
    """Answer Edit > Preferences: type the account, find the books, OK."""

    def respond() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PreferencesDialog):
            QTimer.singleShot(50, respond)
            return
        accounts = dialog.accounts
        qtbot.keyClicks(accounts.url, dav.user.server.url)
        qtbot.keyClicks(accounts.user, dav.user.name)
        qtbot.keyClicks(accounts.password, dav.user.password)
        accounts.find.click()
        qtbot.waitUntil(lambda: accounts.book.count() == 1, timeout=20_000)
        assert accounts.book.currentText() == "Press contacts"
        assert accounts.note.text() == "Found 1 address book."
        if shot is not None:
            dialog.grab().save(str(shot))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(50, respond)


def test_accounts_sync_now_and_the_status_line(
    qtbot,
    window: MainWindow,
    dav: Dav,
    memory_keyring: MemoryKeyring,
    isolated_dirs: Path,
) -> None:
    for number in range(20):
        dav.user.put(dav.book, f"{number}.vcf", card(f"Reporter Nr{number:02d}", f"r{number}"))
    shots = _screenshots(isolated_dirs)  # isolated_dirs is the test's temporary folder
    _fill_preferences(qtbot, dav, shots / "preferences-accounts.png")
    _action(window, "&Preferences…").trigger()

    # the dialog ran inside trigger(); the account is saved, the password in the keyring
    key = (KEYRING_SERVICE, f"{dav.user.name}@{dav.user.server.url}")
    assert memory_keyring.passwords[key] == dav.user.password
    assert dav.user.password not in (isolated_dirs / "settings.ini").read_text()

    feature = window.contact_sync
    _action(window, "Sync &Contacts Now").trigger()
    assert feature.button.text() == "syncing contacts…"  # the GUI thread goes on meanwhile
    qtbot.waitUntil(lambda: feature.button.text() == "synced just now", timeout=60_000)
    listed = window.library_panel.contacts.list
    qtbot.waitUntil(lambda: listed.count() == 20, timeout=10_000)  # the panel searches in a worker
    with Library(window.library.path) as library:
        assert len(library.list_contacts()) == 20
    window.library_dock.show()
    window.library_dock.raise_()
    window.grab().save(str(shots / "contact-sync-status.png"))

    # both sides edit one contact: the status line counts the conflict
    contact = next(c for c in window.library.contacts() if c.uid == "r3")
    contact.title = "Edited here"
    window.library.update_contact(contact)
    dav.user.put(dav.book, "3.vcf", card("Reporter Nr03", "r3", "TITLE:Edited there"))
    feature.button.click()
    qtbot.waitUntil(lambda: feature.button.text() == "synced just now · 1 conflict", timeout=60_000)
    qtbot.waitUntil(lambda: listed.count() == 21, timeout=10_000)

    # a wrong password: a clear status, the library as it was
    memory_keyring.passwords[key] = "wrong"
    feature.button.click()
    qtbot.waitUntil(lambda: feature.button.text().startswith("wrong password"), timeout=60_000)
    assert "refused the user name or password" in feature.button.toolTip()
    qtbot.wait(500)
    assert listed.count() == 21
