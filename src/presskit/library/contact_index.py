"""Search-as-you-type over the library's contacts: an in-memory folded index, kept fresh.

    index = ContactIndex(library)
    page = index.search("weiss mü", limit=200)   # page.ids, page.labels, page.total

The index (:class:`~presskit.model.library_search.SearchIndex`, where folding lives) is built
from the few columns a search reads and rebuilt when the library file changed, whichever
program or connection changed it (``PRAGMA data_version``). One keystroke at 50,000 contacts
costs a few milliseconds instead of reading every contact again. Like the Library it reads,
an index belongs to one thread: the editor keeps one in its search worker.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from presskit.library.database import Library
from presskit.model.library_search import (
    IndexEntry,
    SearchIndex,
    contact_fields,
    contact_label,
    fold,
    haystack,
)


@dataclass
class SearchPage:
    """The first ``limit`` matches of a search, in list order, and how many there are."""

    query: str
    ids: list[int] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    total: int = 0  # every match when ``complete``, else at least this many
    complete: bool = True


class ContactIndex:
    """The contacts of ``library`` as a :class:`SearchIndex`, rebuilt when they changed."""

    def __init__(self, library: Library):
        self._library = library
        self._index: SearchIndex | None = None
        self._stamp: tuple[int, int] | None = None

    def current(self) -> SearchIndex:
        """The index, rebuilt first if the library changed since it was built."""
        stamp = self._library.change_stamp()
        if self._index is None or stamp != self._stamp:
            self._index = build_index(self._library)
            self._stamp = stamp
        return self._index

    def search(self, text: str, limit: int = 200) -> SearchPage:
        """The contacts with every word of ``text``, by name, as ids and list labels."""
        index = self.current()
        found = index.search(text, limit)
        return SearchPage(
            text,
            [index.ids[i] for i in found.positions],
            [index.labels[i] for i in found.positions],
            found.total,
            found.complete,
        )


def build_index(library: Library) -> SearchIndex:
    """A search index of every contact in ``library``."""
    entries = []
    for row in library.contact_index_rows():
        emails = _strings(row["emails"])
        fields = contact_fields(
            row["name"], row["organization"], row["title"], emails, _strings(row["tags"])
        )
        label = contact_label(row["name"], row["organization"], emails)
        entries.append(IndexEntry(row["id"], fold(row["name"]), haystack(fields), label))
    return SearchIndex(entries)


def _strings(text: str) -> list[str]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []
