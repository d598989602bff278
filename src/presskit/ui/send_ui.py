"""File > Send to Journalists…: the Send dialog for the open release (see ``send_dialog``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction

from presskit.ui.send_dialog import SendDialog

MENU_TEXT = "Send to &Journalists…"


class SendFeature:
    """The menu action and the dialog it opens, for one main window."""

    def __init__(self, window: Any):
        self.window = window
        self.dialog: SendDialog | None = None
        self.action = QAction(MENU_TEXT, window)
        self.action.triggered.connect(self.open)
        window.menus["file"].insertAction(window.anchors["file.after_export"], self.action)
        window.shutdown_hooks.append(self.close)

    def open(self) -> None:
        """Show the dialog (one per window; a send in progress keeps its dialog)."""
        if self.dialog is None or not self.dialog.service.running():
            if self.dialog is not None:
                self.dialog.deleteLater()
            self.dialog = SendDialog(self.window)
        self.dialog.show()
        self.dialog.raise_()

    def close(self) -> None:
        """The window is closing: stop a send after the message in hand, close the dialog."""
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        dialog.service.control.cancel()
        dialog.service.wait(30.0)
        dialog.hide()
        dialog.deleteLater()


def install(window: Any) -> None:
    """Add File > Send to Journalists… to ``window``."""
    window.sending = SendFeature(window)
