"""The library panel: press contacts, boilerplates and organization profiles to drop in.

Search as you type; Insert (or double-click, or drag onto the form's press contacts) copies
the entry into the release, as one undo step, linked to its library entry. New, Edit,
Duplicate and Delete (after a confirmation) change the library itself; Import reads vCard
and CSV files, Export writes the contacts as vCard 4.0.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QMimeData, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from presskit.app.document import DocumentController
from presskit.app.library_import import ContactImportWorker, ImportReport
from presskit.app.library_search import ContactSearch
from presskit.app.library_service import LibraryService
from presskit.library.vcard import write_vcards
from presskit.model.contact_fields import region_from_language
from presskit.model.library import (
    Boilerplate,
    LibraryContact,
    OrganizationProfile,
    library_link,
    to_release_contact,
    to_release_organization,
)
from presskit.model.library_search import contact_label
from presskit.model.wording import counted
from presskit.ui.library_dialogs import BoilerplateDialog, ContactDialog, OrganizationDialog

CONTACT_MIME = "application/x-presskit-library-contact"


@dataclass(frozen=True)
class _Kind:
    """How one tab lists, describes, edits and inserts its kind of entry."""

    name: str
    listing: Callable[[str], list[Any]]
    describe: Callable[[Any], str]
    edit: Callable[[Any], Any | None]
    save_new: Callable[[Any], Any]
    save: Callable[[Any], Any]
    delete: Callable[[int], bool]
    insert: Callable[[Any], None]
    blank: Callable[[], Any]
    fetch: Callable[[int], Any | None] | None = None  # set: the list holds ids, searched off-thread


class _EntryList(QListWidget):
    """A list whose contact entries can be dragged onto the form."""

    def __init__(self, draggable: bool):
        super().__init__()
        self.setDragEnabled(draggable)

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:
        mime = super().mimeData(items)
        entry_id = _entry_id(items[0]) if items else None
        if entry_id is not None:
            mime.setData(CONTACT_MIME, str(entry_id).encode("ascii"))
        return mime


def _entry_id(item: QListWidgetItem) -> int | None:
    data = item.data(Qt.ItemDataRole.UserRole)
    return data if isinstance(data, int) else getattr(data, "id", None)


class LibraryTab(QWidget):
    """Search, list and buttons for one kind of library entry.

    With a ``search`` worker (contacts: tens of thousands), typing sends the query to it and
    the list is filled when its page arrives; the GUI thread never scans the library.
    """

    page_shown = Signal(object)  # SearchPage, after the list shows it

    def __init__(self, kind: _Kind, library: LibraryService, search: ContactSearch | None = None):
        super().__init__()
        self.kind = kind
        self._search = search
        self._wanted: int | None = None  # the id to select when the next page arrives
        self._shown = -1  # the generation of the page on show
        self._insert_when_shown = False  # Enter came before the page of what was typed
        self.search = QLineEdit()
        self.search.setPlaceholderText(f"Search {kind.name}s…")
        self.search.setAccessibleName(f"Search {kind.name}s")
        self.search.setClearButtonEnabled(True)
        self.list = _EntryList(draggable=kind.name == "contact")
        self.list.setAccessibleName(f"Library {kind.name}s")
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for label, handler in (
            ("Insert", self.insert), ("New…", self.new), ("Edit…", self.edit),
            ("Duplicate", self.duplicate), ("Delete…", self.delete),
        ):  # fmt: skip
            button = QPushButton(label)
            button.setAccessibleName(f"{label.rstrip('…')} {kind.name}")
            button.clicked.connect(handler)
            row.addWidget(button)
            self.buttons[label.rstrip("…")] = button
        self.more = QLabel()
        self.more.setAccessibleName(f"More {kind.name}s")
        self.more.hide()
        self.button_row = row
        self.list.setMinimumHeight(48)  # the panel may be short: it shares its dock with Checks
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.more)
        layout.addLayout(row)
        if search is not None:
            search.found.connect(self._show_page)
            search.failed.connect(library.failed)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._insert_from_search)
        self.list.itemDoubleClicked.connect(lambda _item: self.insert())
        library.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        if self._search is not None:  # the page arrives in _show_page
            self._search.request(self.search.text())
            return
        selected = self.current()
        self.list.clear()
        for entry in self.kind.listing(self.search.text()):
            item = QListWidgetItem(self.kind.describe(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.list.addItem(item)
            if selected is not None and entry.id == selected.id:
                self.list.setCurrentItem(item)

    def _show_page(self, generation: int) -> None:
        page = self._search.page(generation) if self._search is not None else None
        if page is None or generation != self._search.generation:
            return  # a newer keystroke's page is on its way
        item = self.list.currentItem()
        selected = self._wanted or (_entry_id(item) if item is not None else None)
        self._wanted = None
        self.list.setUpdatesEnabled(False)
        self.list.clear()
        for entry_id, label in zip(page.ids, page.labels, strict=True):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, entry_id)
            self.list.addItem(item)
            if entry_id == selected:
                self.list.setCurrentItem(item)
        self.list.setUpdatesEnabled(True)
        hidden = page.total - len(page.ids)
        if hidden > 0 or not page.complete:
            shown = (
                f"{len(page.ids)} of {page.total:,}" if page.complete else f"First {len(page.ids)}"
            )
            self.more.setText(f"{shown} shown; type more to narrow")
        self.more.setVisible(hidden > 0 or not page.complete)
        self._shown = generation
        self.page_shown.emit(page)
        if self._insert_when_shown:
            self._insert_when_shown = False
            self._insert_from_search()

    def current(self) -> Any | None:
        item = self.list.currentItem()
        if item is None:
            return None
        data = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(data, int) and self.kind.fetch is not None:
            return self.kind.fetch(data)
        return data

    def insert(self) -> None:
        entry = self.current()
        if entry is not None:
            self.kind.insert(entry)

    def _insert_from_search(self) -> None:
        """Enter in the search box inserts the selected entry, or the first one found (once
        the list shows what was typed: never an entry of the list before)."""
        if self._search is not None and self._shown != self._search.generation:
            self._insert_when_shown = True
            return
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.insert()

    def new(self) -> None:
        entry = self.kind.edit(self.kind.blank())
        if entry is not None:
            self._select(self.kind.save_new(entry))

    def edit(self) -> None:
        entry = self.current()
        if entry is not None and (edited := self.kind.edit(copy.deepcopy(entry))) is not None:
            self._select(self.kind.save(edited))

    def duplicate(self) -> None:
        entry = self.current()
        if entry is not None:
            twin = copy.deepcopy(entry)
            twin.id = None
            self._select(self.kind.save_new(twin))

    def delete(self) -> None:
        entry = self.current()
        if entry is None or entry.id is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Delete from the library")
        box.setText(f"Delete “{self.kind.describe(entry)}” from the library?")
        box.setInformativeText("Releases that already hold a copy keep it.")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.kind.delete(entry.id)

    def _select(self, entry: Any | None) -> None:
        if entry is None:
            return
        self._wanted = entry.id if self._search is not None else None
        for row in range(self.list.count()):
            if _entry_id(self.list.item(row)) == entry.id:
                self.list.setCurrentRow(row)


class LibraryPanel(QTabWidget):
    """Contacts, boilerplates and organizations, inserted into ``doc``."""

    message = Signal(str)

    def __init__(self, doc: DocumentController, library: LibraryService):
        super().__init__()
        self._doc = doc
        self._library = library
        self.setAccessibleName("Contact and boilerplate library")
        self.search_worker = ContactSearch(library.path, parent=self)
        self.contacts = LibraryTab(self._contact_kind(), library, self.search_worker)
        self.boilerplates = LibraryTab(self._boilerplate_kind(), library)
        self.organizations = LibraryTab(self._organization_kind(), library)
        self.addTab(self.contacts, "Contacts")
        self.addTab(self.boilerplates, "Boilerplates")
        self.addTab(self.organizations, "Organizations")
        for label, handler in (("Import…", self.import_files), ("Export…", self.export_vcard)):
            button = QPushButton(label)
            button.setAccessibleName(f"{label.rstrip('…')} contacts")
            button.clicked.connect(handler)
            self.contacts.button_row.addWidget(button)

    # -- kinds ------------------------------------------------------------------------------
    def _contact_kind(self) -> _Kind:
        lib = self._library

        def edit(contact: LibraryContact) -> LibraryContact | None:
            region = region_from_language(self._doc.model.language)
            dialog = ContactDialog(contact, region, self)
            return dialog.result_contact() if dialog.exec() else None

        def describe(c: LibraryContact) -> str:
            return contact_label(c.name, c.organization, c.emails)

        return _Kind(
            "contact", lib.contacts, describe, edit, lib.add_contact, lib.update_contact,
            lib.delete_contact, self.insert_contact, LibraryContact, lib.contact,
        )  # fmt: skip

    def _boilerplate_kind(self) -> _Kind:
        lib = self._library

        def edit(boilerplate: Boilerplate) -> Boilerplate | None:
            dialog = BoilerplateDialog(boilerplate, self)
            return dialog.result_boilerplate() if dialog.exec() else None

        def describe(b: Boilerplate) -> str:
            first = " ".join(b.text.split())[:60]
            return f"{b.organization or 'Untitled'} ({b.language}) · {first}"

        def blank() -> Boilerplate:
            model = self._doc.model
            return Boilerplate(organization=model.organization.name, language=model.language)

        return _Kind(
            "boilerplate", lib.boilerplates, describe, edit, lib.add_boilerplate,
            lib.update_boilerplate, lib.delete_boilerplate, self.insert_boilerplate, blank,
        )  # fmt: skip

    def _organization_kind(self) -> _Kind:
        lib = self._library

        def edit(profile: OrganizationProfile) -> OrganizationProfile | None:
            dialog = OrganizationDialog(profile, self)
            return dialog.result_profile() if dialog.exec() else None

        def describe(o: OrganizationProfile) -> str:
            return " · ".join(p for p in (o.name, o.website) if p)

        return _Kind(
            "organization", lib.organizations, describe, edit, lib.add_organization,
            lib.update_organization, lib.delete_organization, self.insert_organization,
            OrganizationProfile,
        )  # fmt: skip

    # -- putting entries into the release ---------------------------------------------------
    def insert_contact(self, contact: LibraryContact) -> None:
        self._doc.insert_item(("contacts",), to_release_contact(contact))
        self.message.emit(f"Added {contact.name} to the press contacts")

    def insert_contact_id(self, contact_id: int) -> None:
        contact = self._library.contact(contact_id)
        if contact is not None:
            self.insert_contact(contact)

    def insert_boilerplate(self, boilerplate: Boilerplate) -> None:
        self._doc.set_fields(
            "Insert boilerplate",
            [
                (("boilerplate",), boilerplate.text),
                (("boilerplate_library",), library_link(boilerplate)),
            ],
        )
        self.message.emit("Inserted the boilerplate")

    def insert_organization(self, profile: OrganizationProfile) -> None:
        current = self._doc.model.organization
        organization = to_release_organization(profile)
        organization.accent = current.accent  # a house colour set in the release stays
        organization.extra = copy.deepcopy(current.extra)
        self._doc.set_field(("organization",), organization)
        self.message.emit(f"Inserted {profile.name}")

    # -- files ------------------------------------------------------------------------------
    def import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, "Import contacts", str(Path.home()),
            "Address books (*.vcf *.vcard *.csv);;All files (*)",
        )  # fmt: skip
        if names:
            self.import_paths([Path(name) for name in names])

    def import_paths(self, paths: list[Path]) -> int:
        """Import contacts from vCard/CSV files in a worker, with progress and Cancel.

        The window stays responsive; the count of contacts added is returned when done (0
        when cancelled: a cancelled import leaves the library unchanged).
        """
        worker = ContactImportWorker(self._library.path, paths, parent=self)
        dialog = QProgressDialog("Reading contacts…", "Cancel", 0, 0, self)
        dialog.setWindowTitle("Import contacts")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(worker.cancel)
        worker.progress.connect(lambda done, total: _progress(dialog, done, total))
        worker.failed.connect(self._library.failed)
        loop = QEventLoop()
        worker.finished.connect(loop.quit)
        worker.start()
        loop.exec()
        worker.wait()
        dialog.close()
        report = worker.report
        if report is None:
            return 0
        if report.added:
            self._library.changed.emit()
        self._tell(report)
        return report.added

    def _tell(self, report: ImportReport) -> None:
        if report.cancelled:
            text = f"Import cancelled after {counted(report.read, 'contact')}; nothing was added"
        else:
            text = f"Imported {counted(report.added, 'contact')}"
            if report.skipped:
                text += f" ({report.skipped} already in the library)"
        problems = [str(p) for p in report.problems]
        if problems or report.cancelled:
            box = QMessageBox(QMessageBox.Icon.Information, "Import", text + ".", parent=self)
            if problems:
                box.setDetailedText("\n".join(problems))
                box.setInformativeText(f"{len(problems)} notes about the files (see Details).")
            else:
                box.setInformativeText("The library is as it was before the import.")
            box.exec()
        self.message.emit(text)

    def shutdown(self) -> None:
        """Stop the search worker (the window is closing)."""
        self.search_worker.shutdown()

    def export_vcard(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export contacts", str(Path.home() / "contacts.vcf"), "vCard (*.vcf)"
        )
        if name:
            contacts = self._library.contacts()
            try:
                write_vcards(contacts, Path(name))
            except OSError as exc:
                QMessageBox.warning(self, "Export", f"{name} could not be written: {exc}")
                return
            self.message.emit(f"Exported {len(contacts)} contacts to {name}")


def _progress(dialog: QProgressDialog, done: int, total: int) -> None:
    if dialog.wasCanceled():
        return
    dialog.setMaximum(total)
    dialog.setValue(done)
    dialog.setLabelText(f"Read {done:,} of {total:,} contacts…")
