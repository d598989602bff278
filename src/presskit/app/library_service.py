"""The contact and boilerplate library as the editor uses it: one open library, and signals.

The library is a local SQLite file (see :mod:`presskit.library.database`), fast enough to use
from the GUI thread. Errors (a damaged file, a read-only shared drive) are reported through
``failed`` with a message naming the file, never raised into the window. The library also
keeps the words added to the spelling dictionary, so it is the spell service's word store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from presskit.library.conflict_resolution import Choice, Conflict, open_conflicts, resolve
from presskit.library.database import Library, LibraryError, library_path
from presskit.model.library import Boilerplate, LibraryContact, OrganizationProfile

T = TypeVar("T")


class LibraryService(QObject):
    """Opens the library on first use and tells listeners when its contents change."""

    changed = Signal()
    failed = Signal(str)

    def __init__(self, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.path = library_path(path)
        self._library: Library | None = None

    def _open(self) -> Library:
        if self._library is None:
            self._library = Library(self.path)
        return self._library

    def _run(self, action: Callable[[Library], T], default: T, *, writes: bool = False) -> T:
        try:
            result = action(self._open())
        except LibraryError as exc:
            self.failed.emit(str(exc))
            return default
        if writes:
            self.changed.emit()
        return result

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None

    # -- contacts ---------------------------------------------------------------------------
    def contacts(self, search: str = "") -> list[LibraryContact]:
        if search.strip():
            return self._run(lambda lib: lib.search_contacts(search), [])
        return self._run(lambda lib: lib.list_contacts(), [])

    def contact(self, contact_id: int) -> LibraryContact | None:
        return self._run(lambda lib: lib.get_contact(contact_id), None)

    def contact_by_uid(self, uid: str) -> LibraryContact | None:
        return self._run(lambda lib: lib.get_contact_by_uid(uid), None)

    def add_contact(self, contact: LibraryContact) -> LibraryContact | None:
        contact_id = self._run(lambda lib: lib.add_contact(contact), None, writes=True)
        return self.contact(contact_id) if contact_id is not None else None

    def add_contacts(self, contacts: Iterable[LibraryContact]) -> int:
        ids = self._run(
            lambda lib: lib.add_contacts(contacts, skip_duplicates=True), [], writes=True
        )
        return len(ids)

    def update_contact(self, contact: LibraryContact) -> LibraryContact | None:
        return self._run(lambda lib: lib.update_contact(contact), None, writes=True)

    def delete_contact(self, contact_id: int) -> bool:
        return self._run(lambda lib: lib.delete_contact(contact_id), False, writes=True)

    def conflicts(self) -> list[Conflict]:
        """The CardDAV conflicts not resolved yet, each with both versions."""
        return self._run(open_conflicts, [])

    def resolve_conflict(self, copy_uid: str, choice: Choice) -> bool:
        """Keep mine, the server's or both (a local change; the next sync sends it)."""
        return self._run(lambda lib: resolve(lib, copy_uid, choice) or True, False, writes=True)

    # -- boilerplates -----------------------------------------------------------------------
    def boilerplates(self, search: str = "") -> list[Boilerplate]:
        if search.strip():
            return self._run(lambda lib: lib.search_boilerplates(search), [])
        return self._run(lambda lib: lib.list_boilerplates(), [])

    def boilerplate(self, boilerplate_id: int) -> Boilerplate | None:
        return self._run(lambda lib: lib.get_boilerplate(boilerplate_id), None)

    def add_boilerplate(self, boilerplate: Boilerplate) -> Boilerplate | None:
        new_id = self._run(lambda lib: lib.add_boilerplate(boilerplate), None, writes=True)
        return self.boilerplate(new_id) if new_id is not None else None

    def update_boilerplate(self, boilerplate: Boilerplate) -> Boilerplate | None:
        return self._run(lambda lib: lib.update_boilerplate(boilerplate), None, writes=True)

    def delete_boilerplate(self, boilerplate_id: int) -> bool:
        return self._run(lambda lib: lib.delete_boilerplate(boilerplate_id), False, writes=True)

    # -- organization profiles --------------------------------------------------------------
    def organizations(self, search: str = "") -> list[OrganizationProfile]:
        return self._run(lambda lib: lib.search_organizations(search), [])

    def organization(self, profile_id: int) -> OrganizationProfile | None:
        return self._run(lambda lib: lib.get_organization(profile_id), None)

    def add_organization(self, profile: OrganizationProfile) -> OrganizationProfile | None:
        new_id = self._run(lambda lib: lib.add_organization(profile), None, writes=True)
        return self.organization(new_id) if new_id is not None else None

    def update_organization(self, profile: OrganizationProfile) -> OrganizationProfile | None:
        return self._run(lambda lib: lib.update_organization(profile), None, writes=True)

    def delete_organization(self, profile_id: int) -> bool:
        return self._run(lambda lib: lib.delete_organization(profile_id), False, writes=True)

    # -- the spelling dictionary (the spell service's word store) ----------------------------
    def words(self) -> Iterable[str]:
        return self._run(lambda lib: lib.dictionary_words(), [])

    def add(self, word: str) -> None:
        self._run(lambda lib: lib.add_dictionary_word(word), None)
