"""Edit > Preferences: the default theme for new releases, the autosave interval, whether
export and sending need a current approval, and the team address book (Accounts)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from presskit.app.contact_sync import KeyringPasswords
from presskit.app.settings import Preferences
from presskit.render.themes import usable_themes
from presskit.ui.accounts_section import AccountsSection

PASSWORDS = KeyringPasswords()
"""The editor's one password store: a password kept for the session only is found again."""


class PreferencesDialog(QDialog):
    def __init__(
        self,
        prefs: Preferences,
        parent: QWidget | None = None,
        passwords: KeyringPasswords | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._prefs = prefs
        self.theme = QComboBox()
        self.theme.setAccessibleName("Default theme for new releases")
        for theme in usable_themes():
            self.theme.addItem(theme.title, theme.name)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.default_theme())))
        self.autosave = QSpinBox()
        self.autosave.setAccessibleName("Autosave interval in seconds")
        self.autosave.setRange(5, 600)
        self.autosave.setSuffix(" s")
        self.autosave.setValue(prefs.autosave_seconds())
        self.require_approval = QCheckBox("Require approval before export or sending")
        self.require_approval.setToolTip(
            "Export and sending ask first when nobody has approved the release as it is now"
        )
        self.require_approval.setChecked(prefs.require_approval())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Default &theme", self.theme)
        form.addRow("&Autosave every", self.autosave)
        form.addRow("", self.require_approval)
        self.accounts = AccountsSection(prefs, passwords or PASSWORDS, self)
        form.addRow(self.accounts)
        form.addRow(buttons)

    def accept(self) -> None:
        self._prefs.set_default_theme(str(self.theme.currentData()))
        self._prefs.set_autosave_seconds(self.autosave.value())
        self._prefs.set_require_approval(self.require_approval.isChecked())
        self.accounts.save()
        self._prefs.sync()
        super().accept()

    def done(self, result: int) -> None:
        self.accounts.wait()  # a Find Address Books still running must end before the dialog
        super().done(result)
