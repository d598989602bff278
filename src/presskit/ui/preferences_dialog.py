"""Edit > Preferences: what a new release starts with (language and region, organization,
city, About boilerplate, theme), the autosave interval, whether export and sending need a
current approval, and the team address book (Accounts). The language and region start as the
computer's own (en_GB -> en-GB)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from presskit.app.contact_sync import KeyringPasswords
from presskit.app.settings import Preferences
from presskit.render.themes import usable_themes
from presskit.ui.accounts_section import AccountsSection
from presskit.ui.form_sections import LANGUAGE_GOVERNS, LANGUAGES

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
        self.theme.setAccessibleName("Theme of new releases")
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
        layout = QVBoxLayout(self)
        layout.addWidget(self._new_release_group())
        form = QFormLayout()
        form.addRow("&Autosave every", self.autosave)
        form.addRow("", self.require_approval)
        layout.addLayout(form)
        self.accounts = AccountsSection(prefs, passwords or PASSWORDS, self)
        layout.addWidget(self.accounts)
        layout.addWidget(buttons)

    def _new_release_group(self) -> QGroupBox:
        """The defaults of File > New."""
        values = self._prefs.new_release_defaults()
        group = QGroupBox("New releases")
        form = QFormLayout(group)
        self.language = QComboBox()
        self.language.setEditable(True)
        self.language.setAccessibleName("Language and region of new releases")
        self.language.setToolTip(LANGUAGE_GOVERNS)
        for tag, label in LANGUAGES:
            self.language.addItem(f"{label} ({tag})", tag)
        found = self.language.findData(values["language"])
        if found >= 0:
            self.language.setCurrentIndex(found)
        else:
            self.language.setEditText(values["language"])
        self.fields: dict[str, QLineEdit] = {}
        form.addRow("&Language and region", self.language)
        for key, label, name in (
            ("organization", "&Organization", "Organization of new releases"),
            ("website", "&Website", "Website of new releases"),
            ("city", "&City", "Dateline city of new releases"),
        ):
            edit = QLineEdit(values[key])
            edit.setAccessibleName(name)
            self.fields[key] = edit
            form.addRow(label, edit)
        self.boilerplate = QPlainTextEdit(values["boilerplate"])
        self.boilerplate.setAccessibleName("About boilerplate of new releases (Markdown)")
        self.boilerplate.setTabChangesFocus(True)
        self.boilerplate.setMaximumHeight(90)
        form.addRow("&About", self.boilerplate)
        form.addRow("&Theme", self.theme)
        return group

    def _language_tag(self) -> str:
        index = self.language.findText(self.language.currentText())
        tag = self.language.itemData(index) if index >= 0 else self.language.currentText()
        return str(tag).strip()

    def accept(self) -> None:
        values = {key: edit.text().strip() for key, edit in self.fields.items()}
        values["boilerplate"] = self.boilerplate.toPlainText().strip()
        values["language"] = self._language_tag()
        self._prefs.set_new_release_defaults(values)
        self._prefs.set_default_theme(str(self.theme.currentData()))
        self._prefs.set_autosave_seconds(self.autosave.value())
        self._prefs.set_require_approval(self.require_approval.isChecked())
        self.accounts.save()
        self._prefs.sync()
        super().accept()

    def done(self, result: int) -> None:
        self.accounts.wait()  # a Find Address Books still running must end before the dialog
        super().done(result)
