"""The kit editor's people and press contacts: a row per person (name, role, bio, photo alt
text beside the headshot's thumbnail; drop a headshot on the row to set it, copied into the
kit's ``people/`` folder) and the press contacts by name, both fillable from the contact
library: Insert Person from Library… takes a library contact's name and job title,
Insert Contact from Library… copies the contact as a release does (linked to its entry).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from presskit.app.kit_document import PHOTO_SUFFIXES, KitDocument
from presskit.kit.assets import AssetRefused, resolve_asset
from presskit.kit.model import Person
from presskit.model.library import LibraryContact, to_release_contact
from presskit.ui.kit_photos import THUMBNAIL, rebuild_rows, thumbnail

PERSON_FIELDS = (("name", "Name"), ("role", "Role"), ("photo_alt", "Photo alt text"))
BIO_LINES = 4


def dropped_files(event: QDragEnterEvent | QDropEvent, suffixes: tuple[str, ...]) -> list[Path]:
    """The local files of a drag whose names end in one of ``suffixes``."""
    urls = event.mimeData().urls() if event.mimeData() else []
    paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in suffixes and p.is_file()]


class PersonRow(QFrame):
    """One person: the headshot's thumbnail (drop a photo here), name, role, bio and the
    photo's alt text."""

    def __init__(self, doc: KitDocument, index: int):
        super().__init__()
        self.doc, self.index = doc, index
        person = doc.kit.people[index]
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAcceptDrops(True)
        self.thumb = QLabel("—")
        self.thumb.setToolTip("Drop a headshot here")
        self.thumb.setFixedSize(THUMBNAIL.height(), THUMBNAIL.height())
        if person.photo.strip():
            try:
                pixmap, _info = thumbnail(resolve_asset(doc.folder, person.photo))
                if pixmap is not None:
                    self.thumb.setPixmap(pixmap.scaledToHeight(THUMBNAIL.height()))
            except AssetRefused as exc:
                self.thumb.setToolTip(str(exc))
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for key, label in PERSON_FIELDS:
            edit = QLineEdit(getattr(person, key))
            edit.setAccessibleName(f"Person {index + 1} {label.lower()}")
            edit.textEdited.connect(lambda text, k=key: self._edit(k, text))
            form.addRow(label, edit)
            self.fields[key] = edit
        self.bio = QPlainTextEdit(person.bio)
        self.bio.setTabChangesFocus(True)
        self.bio.setPlaceholderText("A short biography (Markdown)")
        self.bio.setAccessibleName(f"Person {index + 1} bio")
        self.bio.setFixedHeight(self.bio.fontMetrics().lineSpacing() * BIO_LINES + 12)
        self.bio.textChanged.connect(self._edit_bio)
        form.insertRow(2, "Bio", self.bio)
        self.photo_label = QLabel(person.photo or "No photo yet: drop a headshot on this row")
        self.photo_label.setWordWrap(True)
        form.insertRow(3, "Photo", self.photo_label)
        remove = QPushButton("Remove")
        remove.setAccessibleName(f"Remove person {index + 1}")
        remove.clicked.connect(self._remove)
        form.addRow("", remove)
        layout = QHBoxLayout(self)
        layout.addWidget(self.thumb)
        layout.addLayout(form, 1)

    def _edit(self, key: str, text: str) -> None:
        index, label = self.index, dict(PERSON_FIELDS)[key]
        self.doc.edit(f"Edit Person {label}", lambda kit: setattr(kit.people[index], key, text),
                      merge_key=f"people[{index}].{key}")  # fmt: skip

    def _edit_bio(self) -> None:
        index, text = self.index, self.bio.toPlainText()
        self.doc.edit("Edit Person Bio", lambda kit: setattr(kit.people[index], "bio", text),
                      merge_key=f"people[{index}].bio")  # fmt: skip

    def _remove(self) -> None:
        index = self.index
        self.doc.edit("Remove Person", lambda kit: kit.people.pop(index))
        self.doc.replaced.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if len(dropped_files(event, PHOTO_SUFFIXES)) == 1:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        photos = dropped_files(event, PHOTO_SUFFIXES)
        if len(photos) != 1:
            return
        event.acceptProposedAction()
        try:
            self.doc.set_person_photo(self.index, photos[0])
        except OSError as exc:
            QMessageBox.warning(self, "Person Photo", f"The photo could not be copied: {exc}")


class PeoplePanel(QGroupBox):
    """People and press contacts, with insertion from the contact library."""

    def __init__(self, doc: KitDocument, library: Any = None):
        super().__init__("People and press contacts")
        self.doc, self.library = doc, library
        self.rows: list[PersonRow] = []
        layout = QVBoxLayout(self)
        self._rows_box = QVBoxLayout()
        layout.addLayout(self._rows_box)
        self.contacts_label = QLabel()
        self.contacts_label.setWordWrap(True)
        layout.addWidget(self.contacts_label)
        buttons = QHBoxLayout()
        self.insert_person = QPushButton("Insert Person from Library…")
        self.insert_person.clicked.connect(lambda: self._insert("person"))
        self.insert_contact = QPushButton("Insert Contact from Library…")
        self.insert_contact.clicked.connect(lambda: self._insert("contact"))
        for button in (self.insert_person, self.insert_contact):
            button.setEnabled(library is not None)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        doc.replaced.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self.rows = rebuild_rows(
            self._rows_box, self.rows, PersonRow, self.doc, self.doc.kit.people
        )
        names = [c.name for c in self.doc.kit.contacts if c.name.strip()]
        self.contacts_label.setText(
            "Press contacts: " + (", ".join(names) if names else "none yet")
        )

    def _choose(self, title: str) -> LibraryContact | None:
        contacts = self.library.contacts() if self.library is not None else []
        if not contacts:
            QInputDialog.getItem(self, title, "The library has no contacts yet.", [""], 0, False)
            return None
        labels = [" — ".join(p for p in (c.name, c.title, c.organization) if p) for c in contacts]
        chosen, accepted = QInputDialog.getItem(self, title, "Contact:", labels, 0, False)
        return contacts[labels.index(chosen)] if accepted and chosen in labels else None

    def _insert(self, kind: str) -> None:
        title = f"Insert {'Person' if kind == 'person' else 'Contact'} from Library"
        contact = self._choose(title)
        if contact is None:
            return
        if kind == "person":
            person = Person(name=contact.name, role=contact.title)
            self.doc.edit("Insert Person", lambda kit: kit.people.append(person))
        else:
            copied = to_release_contact(contact)
            self.doc.edit("Insert Contact", lambda kit: kit.contacts.append(copied))
        self.doc.replaced.emit()
