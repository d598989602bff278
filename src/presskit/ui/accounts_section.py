"""Preferences > Accounts: the team address book (CardDAV) a library syncs with.

The server address as people paste it, the user name, the password (kept in the system
keyring, never in the settings file), which address book (Find Address Books asks the server,
off the GUI thread) and how often to sync automatically.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from presskit.app.contact_sync import BookFinder, KeyringPasswords
from presskit.app.settings import ContactSyncSettings, Preferences
from presskit.carddav import Account


class AccountsSection(QGroupBox):
    """The fields of one CardDAV account; :meth:`save` stores them."""

    def __init__(self, prefs: Preferences, passwords: KeyringPasswords, parent: QWidget | None):
        super().__init__("Accounts: team address book (CardDAV)", parent)
        self._prefs, self._passwords = prefs, passwords
        settings = prefs.contact_sync()
        self.url = QLineEdit(settings.url)
        self.url.setAccessibleName("CardDAV server address")
        self.url.setPlaceholderText("https://cloud.example.org/")
        self.user = QLineEdit(settings.user)
        self.user.setAccessibleName("CardDAV user name")
        self.password = QLineEdit()
        self.password.setAccessibleName("CardDAV password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        stored = settings.configured and passwords.get(settings.url, settings.user)
        self.password.setPlaceholderText("saved in the system keyring" if stored else "")
        self.book = QComboBox()
        self.book.setEditable(True)
        self.book.setAccessibleName("Address book")
        self.book.setEditText(settings.book)
        self.find = QPushButton("&Find Address Books")
        self.find.clicked.connect(self.find_books)
        self.interval = QSpinBox()
        self.interval.setAccessibleName("Sync every, in minutes")
        self.interval.setRange(0, 24 * 60)
        self.interval.setSuffix(" min")
        self.interval.setSpecialValueText("only on start and when asked")
        self.interval.setValue(settings.interval_minutes)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self._finder: BookFinder | None = None
        self._layout()

    def _layout(self) -> None:
        books = QHBoxLayout()
        books.addWidget(self.book, 1)
        books.addWidget(self.find)
        form = QFormLayout(self)
        form.addRow("Server &address", self.url)
        form.addRow("&User name", self.user)
        form.addRow("Pass&word", self.password)
        label = QLabel("Address &book")
        label.setBuddy(self.book)
        form.addRow(label, books)
        form.addRow("Sync &every", self.interval)
        form.addRow("", self.note)

    def _account(self) -> Account:
        url, user = self.url.text().strip(), self.user.text().strip()
        password = self.password.text() or self._passwords.get(url, user)
        return Account(url, user, password)

    def find_books(self) -> None:
        """Ask the server for the account's address books (off the GUI thread)."""
        if not self.url.text().strip() or (self._finder and self._finder.isRunning()):
            return
        self.note.setText("Looking for address books…")
        self.find.setEnabled(False)
        self._finder = BookFinder(self._account(), self)
        self._finder.found.connect(self._found)
        self._finder.failed.connect(self._not_found)
        self._finder.start()

    def _found(self, books: list) -> None:
        self.find.setEnabled(True)
        current = self.book.currentText()
        self.book.clear()
        for book in books:
            self.book.addItem(book.label, book.url)
        index = self.book.findText(current)
        self.book.setCurrentIndex(max(0, index))
        self.note.setText(f"Found {len(books)} address book{'s' * (len(books) != 1)}.")

    def _not_found(self, message: str) -> None:
        self.find.setEnabled(True)
        self.note.setText(message)

    def wait(self) -> None:
        if self._finder is not None:
            self._finder.wait(15_000)

    def save(self) -> None:
        settings = ContactSyncSettings(
            url=self.url.text().strip(),
            user=self.user.text().strip(),
            book=self.book.currentText().strip(),
            interval_minutes=self.interval.value(),
        )
        self._prefs.set_contact_sync(settings)
        if self.password.text() and settings.configured:
            self._passwords.set(settings.url, settings.user, self.password.text())
