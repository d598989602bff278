"""The team address book in the window: File > Sync Contacts Now, the status line, the question
before a mass deletion, the automatic sync on start and every N minutes, and File > Resolve
Contact Conflicts… (:class:`presskit.ui.conflicts_dialog.ConflictsDialog`).

The account is set in Edit > Preferences > Accounts (:mod:`presskit.ui.preferences_dialog`);
the work is :class:`presskit.app.contact_sync.ContactSyncService`, off the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QPushButton

from presskit.app.contact_sync import ContactSyncService
from presskit.carddav import SyncReport
from presskit.library.conflict_resolution import Choice
from presskit.ui.conflicts_dialog import ConflictsDialog
from presskit.ui.preferences_dialog import PASSWORDS


class ContactSyncFeature:
    """The action, the status-bar button and the answers to the service's signals."""

    def __init__(self, window: Any, service: ContactSyncService | None = None):
        self.window = window
        self.service = service or ContactSyncService(
            window.prefs, window.library.path, PASSWORDS, parent=window
        )
        self.action = QAction("Sync &Contacts Now", window)
        self.action.setToolTip("Sync the contact library with the team address book")
        self.action.triggered.connect(self.sync_now)
        window.menus["file"].insertAction(window.anchors["file.after_export"], self.action)
        self.resolve_action = QAction("Resolve Contact Con&flicts…", window)
        self.resolve_action.setToolTip("Contacts changed here and on the server: choose a version")
        self.resolve_action.triggered.connect(self.show_conflicts)
        window.menus["file"].insertAction(window.anchors["file.after_export"], self.resolve_action)
        self.dialog: ConflictsDialog | None = None
        self._sync_again = False  # a resolution waits for the running sync to finish
        self.button = QPushButton()
        self.button.setFlat(True)
        self.button.setAccessibleName("Contact sync; click to sync now")
        self.button.clicked.connect(self.sync_now)
        self.button.hide()
        window.statusBar().addPermanentWidget(self.button)
        self.service.status_changed.connect(self._show_status)
        self.service.synced.connect(self._synced)
        self.service.failed.connect(self._failed)
        self.service.needs_consent.connect(self._ask_mass_delete)
        window.shutdown_hooks.append(self.service.shutdown)
        QTimer.singleShot(0, self.service.start)

    def sync_now(self) -> None:
        if not self.service.settings().configured:
            self.window.status.show_message(
                "No team address book yet: add one in Edit > Preferences > Accounts"
            )
            return
        self.service.sync_now()

    def show_conflicts(self) -> ConflictsDialog:
        """Open (or raise) the conflicts dialog."""
        if self.dialog is None:
            self.dialog = ConflictsDialog(self.window.library, self._resolved, self.window)
        self.dialog.reload()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _resolved(self, choice: Choice, remaining: int) -> None:
        self.service.conflicts_left(remaining)
        if choice is not Choice.SERVERS and self.service.settings().configured:
            # The server hears of it at once, on the sync's worker thread.
            self._sync_again = not self.service.sync_now()

    def _show_status(self, text: str) -> None:
        self.button.setText(text)
        self.button.setVisible(bool(text))
        self.button.setToolTip(self.service.state.error or "Click to sync the contacts now")

    def _synced(self, report: SyncReport) -> None:
        self.window.library.changed.emit()  # the library panel lists the new contacts
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.reload()
        if self._sync_again:
            self._sync_again = False
            self.service.sync_now()
        message = report.summary()
        if report.new_conflicts:
            message += " (File > Resolve Contact Conflicts…)"
        if report.rejected:
            message += "; " + "; ".join(report.rejected)
        self.window.status.show_message(message)

    def _failed(self, message: str) -> None:
        self.window.status.show_message(f"Contact sync: {message}")

    def _ask_mass_delete(self, message: str) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Delete many contacts?")
        box.setText(message.split("; nothing was changed", maxsplit=1)[0] + ".")
        box.setInformativeText("Nothing has been deleted yet. Delete them?")
        delete = box.addButton("Delete Them", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is delete:
            self.service.sync_now(allow_mass_delete=True)


def install(window: Any) -> None:
    """Add the team address book's sync to ``window`` (a MainWindow)."""
    window.contact_sync = ContactSyncFeature(window)
