"""Dialogs to edit a library contact, boilerplate or organization profile.

Checks never block typing: an email that is not an address or a phone number that does not
parse is flagged beside the form and kept exactly as typed; OK still saves it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from presskit.model.contact_fields import check_email, format_phone
from presskit.model.library import Boilerplate, LibraryContact, OrganizationProfile
from presskit.model.release import Phone, SocialHandle

NO_DATE = QDate(1900, 1, 1)


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


def _text_edit(text: str, name: str, rows: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * rows + 12)
    return edit


def _line(text: str, name: str) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setAccessibleName(name)
    return edit


class _Dialog(QDialog):
    """A form with OK/Cancel and a line for what the checks found."""

    def __init__(self, title: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName("Problems found")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """The cursor starts in the first field (the name), not on OK."""
        super().showEvent(event)
        first = self.form.itemAt(0, QFormLayout.ItemRole.FieldRole)
        if first is not None and first.widget() is not None:
            first.widget().setFocus(Qt.FocusReason.OtherFocusReason)


class ContactDialog(_Dialog):
    """Edit a library contact. Phones are "number | label" lines; emails one per line."""

    def __init__(self, contact: LibraryContact, region: str = "US", parent: QWidget | None = None):
        super().__init__("Library contact", parent)
        self._contact = contact
        self._region = region
        self.name = _line(contact.name, "Name")
        self.title = _line(contact.title, "Title")
        self.organization = _line(contact.organization, "Organization")
        self.city = _line(contact.city, "City")
        phones = "\n".join(
            f"{p.number} | {p.label}" if p.label else p.number for p in contact.phones
        )
        self.phones = _text_edit(phones, "Phones, one per line: number | label")
        self.emails = _text_edit("\n".join(contact.emails), "Emails, one per line", rows=2)
        self.website = _line(contact.website, "Website")
        self.notes = _text_edit(contact.notes, "Notes")
        self.tags = _line(", ".join(contact.tags), "Tags, separated by commas")
        for label, widget in (
            ("&Name", self.name), ("&Title", self.title), ("&Organization", self.organization),
            ("&City", self.city), ("&Phones", self.phones), ("&Emails", self.emails),
            ("&Website", self.website), ("N&otes", self.notes), ("T&ags", self.tags),
        ):  # fmt: skip
            self.form.addRow(label, widget)
        self.phones.textChanged.connect(self._check)
        self.emails.textChanged.connect(self._check)
        self._check()

    def _phones(self) -> list[Phone]:
        phones = []
        for line in _lines(self.phones):
            number, _, label = line.partition("|")
            phones.append(Phone(number.strip(), label.strip()))
        return phones

    def _check(self) -> None:
        problems = [p for e in _lines(self.emails) if (p := check_email(e))]
        for phone in self._phones():
            result = format_phone(phone.number, self._region)
            if result.problem:
                problems.append(f"{phone.number}: {result.problem}")
        self.problems.setText("\n".join(f"⚠ {p}" for p in problems))

    def result_contact(self) -> LibraryContact:
        contact = self._contact
        contact.name = self.name.text().strip()
        contact.title = self.title.text().strip()
        contact.organization = self.organization.text().strip()
        contact.city = self.city.text().strip()
        contact.phones = self._phones()
        contact.emails = _lines(self.emails)
        contact.website = self.website.text().strip()
        contact.notes = self.notes.toPlainText().strip()
        contact.tags = [t.strip() for t in self.tags.text().split(",") if t.strip()]
        return contact


class BoilerplateDialog(_Dialog):
    """Edit an "About" text: organization, language, Markdown text, last reviewed."""

    def __init__(self, boilerplate: Boilerplate, parent: QWidget | None = None):
        super().__init__("Library boilerplate", parent)
        self._boilerplate = boilerplate
        self.organization = _line(boilerplate.organization, "Organization")
        self.language = _line(boilerplate.language, "Language")
        self.text = _text_edit(boilerplate.text, "About text (Markdown)", rows=8)
        self.reviewed = QDateEdit()
        self.reviewed.setAccessibleName("Last reviewed")
        self.reviewed.setCalendarPopup(True)
        self.reviewed.setMinimumDate(NO_DATE)
        self.reviewed.setSpecialValueText("Never")
        day = boilerplate.last_reviewed
        self.reviewed.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
        for label, widget in (
            ("&Organization", self.organization), ("&Language", self.language),
            ("&Text", self.text), ("Last &reviewed", self.reviewed),
        ):  # fmt: skip
            self.form.addRow(label, widget)

    def result_boilerplate(self) -> Boilerplate:
        boilerplate = self._boilerplate
        boilerplate.organization = self.organization.text().strip()
        boilerplate.language = self.language.text().strip() or boilerplate.language
        boilerplate.text = self.text.toPlainText().strip()
        date = self.reviewed.date()
        boilerplate.last_reviewed = (
            None if date == NO_DATE else dt.date(date.year(), date.month(), date.day())
        )
        return boilerplate


class OrganizationDialog(_Dialog):
    """Edit an organization profile. Social accounts are "network | handle | url" lines."""

    def __init__(self, profile: OrganizationProfile, parent: QWidget | None = None):
        super().__init__("Library organization", parent)
        self._profile = profile
        self.name = _line(profile.name, "Name")
        self.website = _line(profile.website, "Website")
        self.logo = _line(profile.logo, "Logo path")
        social = "\n".join(f"{s.network} | {s.handle} | {s.url}" for s in profile.social)
        self.social = _text_edit(social, "Social accounts, one per line: network | handle | url")
        for label, widget in (
            ("&Name", self.name), ("&Website", self.website), ("&Logo", self.logo),
            ("&Social", self.social),
        ):  # fmt: skip
            self.form.addRow(label, widget)

    def result_profile(self) -> OrganizationProfile:
        profile = self._profile
        profile.name = self.name.text().strip()
        profile.website = self.website.text().strip()
        profile.logo = self.logo.text().strip()
        profile.social = []
        for line in _lines(self.social):
            parts = [p.strip() for p in line.split("|")] + ["", "", ""]
            profile.social.append(SocialHandle(parts[0], parts[1], parts[2]))
        return profile
