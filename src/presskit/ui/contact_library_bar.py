"""The strip under a press contact that ties it to the library.

"Save to library" stores the release's contact as a new library entry and links the two.
A linked contact whose library entry changed since it was copied offers "Update from
library": a confirmation lists what will change, and the update is one undo step. Contacts
link by the library entry's UID, so with another library (a colleague's, a new laptop) a
contact whose entry is not there is said to be so and is never replaced by a stranger with
the same row number. The release always keeps its own copy.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from presskit.app.document import DocumentController
from presskit.app.library_service import LibraryService
from presskit.model.library import (
    LibraryContact,
    changed_since,
    contact_changes,
    from_release_contact,
    library_link,
    linked_contact,
    to_release_contact,
)
from presskit.model.release import Contact


class ContactLibraryBar(QWidget):
    def __init__(self, doc: DocumentController, library: LibraryService, index: int):
        super().__init__()
        self._doc = doc
        self._library = library
        self._index = index
        number = index + 1
        self.state = QLabel()
        self.save = QPushButton("Save to library")
        self.save.setAccessibleName(f"Save contact {number} to the library")
        self.save.clicked.connect(self.save_to_library)
        self.update_button = QPushButton("Update from library")
        self.update_button.setAccessibleName(f"Update contact {number} from the library")
        self.update_button.clicked.connect(self.update_from_library)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state, 1)
        layout.addWidget(self.update_button)
        layout.addWidget(self.save)
        library.changed.connect(self.refresh)
        self.refresh()

    def _contact_path(self) -> tuple:
        return ("contacts", self._index)

    def _entry(self) -> tuple[Contact, LibraryContact | None]:
        contact = self._doc.value(self._contact_path())
        library = self._library
        return contact, linked_contact(contact, library.contact_by_uid, library.contact)

    def refresh(self) -> None:
        if not self._doc.exists(self._contact_path()):
            return  # the row is being rebuilt
        contact, entry = self._entry()
        link = contact.library
        self.save.setVisible(link is None or entry is None)
        stale = entry is not None and changed_since(link, entry)
        self.update_button.setVisible(stale)
        if link is None:
            self.state.setText("")
        elif entry is None:
            self.state.setText("Not in this library")
            self.state.setToolTip(
                "The library this contact came from is not the one open here (or the entry "
                "was deleted): the contact stays as it is."
            )
        else:
            self.state.setText("The library entry has changed" if stale else "From the library")
            self.state.setToolTip("")

    def save_to_library(self) -> None:
        contact = self._doc.value(self._contact_path())
        stored = self._library.add_contact(from_release_contact(contact))
        if stored is not None:
            self._doc.set_field((*self._contact_path(), "library"), library_link(stored))
            self.refresh()

    def update_from_library(self) -> None:
        """Replace the contact by its library entry, once the person has seen the changes."""
        current, entry = self._entry()
        if entry is None:
            self.refresh()
            return
        fresh = to_release_contact(entry)
        fresh.extra = dict(current.extra)  # keys other tools put there stay
        if not self._confirm(current, fresh):
            return
        self._doc.set_field(self._contact_path(), fresh)

    def _confirm(self, current: Contact, fresh: Contact) -> bool:
        changes = contact_changes(current, fresh)
        rows = "".join(
            f"<tr><td><b>{escape(label)}</b></td><td>{escape(before) or '—'}</td>"
            f"<td>→</td><td>{escape(after) or '—'}</td></tr>"
            for label, before, after in changes
        )
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Update from library")
        box.setText(f"Update {escape(current.name or 'this contact')} from the library?")
        box.setInformativeText(
            f"<table cellspacing='6'>{rows}</table>" if changes
            else "Only the date of the library entry changes."
        )  # fmt: skip
        update = box.addButton("Update", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is update
