"""The strip under a press contact that ties it to the library.

"Save to library" stores the release's contact as a new library entry and links the two.
A linked contact whose library entry changed since it was copied offers "Update from
library" (one undo step). The release always keeps its own copy.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from presskit.app.document import DocumentController
from presskit.app.library_service import LibraryService
from presskit.model.library import (
    changed_since,
    from_release_contact,
    library_link,
    to_release_contact,
)


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

    def refresh(self) -> None:
        if not self._doc.exists(self._contact_path()):
            return  # the row is being rebuilt
        link = self._doc.value(self._contact_path()).library
        entry = self._library.contact(link.id) if link is not None else None
        self.save.setVisible(link is None or entry is None)
        stale = entry is not None and changed_since(link, entry)
        self.update_button.setVisible(stale)
        if link is None:
            self.state.setText("")
        elif entry is None:
            self.state.setText("No longer in the library")
        else:
            self.state.setText("The library entry has changed" if stale else "From the library")

    def save_to_library(self) -> None:
        contact = self._doc.value(self._contact_path())
        stored = self._library.add_contact(from_release_contact(contact))
        if stored is not None:
            self._doc.set_field((*self._contact_path(), "library"), library_link(stored))
            self.refresh()

    def update_from_library(self) -> None:
        link = self._doc.value(self._contact_path()).library
        entry = self._library.contact(link.id) if link is not None else None
        if entry is not None:
            current = self._doc.value(self._contact_path())
            fresh = to_release_contact(entry)
            fresh.extra = dict(current.extra)  # keys other tools put there stay
            self._doc.set_field(self._contact_path(), fresh)
