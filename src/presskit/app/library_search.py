"""Library search off the GUI thread: one worker thread, the latest query wins.

    search = ContactSearch(library_path)
    search.found.connect(show)            # show(generation) on the GUI thread, which then
    generation = search.request("weiss")  # reads search.page(generation)

The worker keeps its own connection and a :class:`~presskit.library.contact_index.ContactIndex`
(an in-memory folded index, rebuilt when the library file changed). While it searches, newer
requests replace each other and only the newest is searched next; a page is announced only if
no newer request came meanwhile, with the generation it answers, so the receiver can drop a
page that crossed a newer keystroke. The signal carries only that number; the page waits in
:meth:`ContactSearch.page`, so pages overtaken by newer ones are never queued to the GUI.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from presskit.app.threads import end_with_parent
from presskit.library.contact_index import ContactIndex, SearchPage
from presskit.library.database import Library, LibraryError

PAGE_SIZE = 200
"""How many matches a list shows; typing more narrows the rest."""


class ContactSearch(QThread):
    """Searches the library's contacts in a worker thread; see the module's docstring."""

    found = Signal(int)  # the generation whose page is ready: see page()
    failed = Signal(str)

    def __init__(self, path: Path, limit: int = PAGE_SIZE, parent: QObject | None = None):
        super().__init__(parent)
        self.path = path
        self.limit = limit
        self.generation = 0
        self._wake = threading.Condition()
        self._pending: tuple[int, str] | None = None
        self._stopping = False
        self._page: tuple[int, SearchPage] | None = None
        end_with_parent(self, self.shutdown)  # a window deleted without closeEvent

    def page(self, generation: int) -> SearchPage | None:
        """The page answering ``generation``, or None when a newer one replaced it."""
        with self._wake:
            if self._page is not None and self._page[0] == generation:
                return self._page[1]
        return None

    def request(self, text: str) -> int:
        """Search for ``text`` soon; returns the generation its page will carry."""
        with self._wake:
            self.generation += 1
            self._pending = (self.generation, text)
            self._wake.notify()
        if not self.isRunning() and not self._stopping:
            self.start()
        return self.generation

    def shutdown(self) -> None:
        """Stop the worker (a search under way finishes first)."""
        with self._wake:
            self._stopping = True
            self._wake.notify()
        self.wait()

    def run(self) -> None:
        library: Library | None = None
        try:
            library = Library(self.path)
            index = ContactIndex(library)
            while (job := self._next()) is not None:
                generation, text = job
                page = index.search(text, self.limit)
                with self._wake:
                    if generation != self.generation:
                        continue  # a newer query is already waiting
                    self._page = (generation, page)
                self.found.emit(generation)
        except LibraryError as exc:
            self.failed.emit(str(exc))
        finally:
            if library is not None:
                library.close()

    def _next(self) -> tuple[int, str] | None:
        with self._wake:
            while self._pending is None and not self._stopping:
                self._wake.wait()
            if self._stopping:
                return None
            job, self._pending = self._pending, None
            return job


__all__ = ["PAGE_SIZE", "ContactSearch", "SearchPage"]
