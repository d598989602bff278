"""Import contacts files into the library: streamed, in one transaction, with progress and stop.

    report = import_contact_files(library, paths, progress=show, stop=lambda: cancelled)

Each vCard file is read one card at a time (see :func:`~presskit.library.vcard.stream_vcards`)
and its contacts are written as they come, all files in one transaction: either every contact
read is stored, or, when ``stop`` says so or anything fails, none is. So a cancelled import
leaves the library exactly as it was, and says so (``report.cancelled``). Contacts equal to
one already in the library, or earlier in the files, are skipped (importing a file twice adds
nothing). No Qt here: :mod:`presskit.app.library_import` runs this in a worker thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from presskit.library.contacts_file import OpenedContacts, open_contacts_file
from presskit.library.database import Library
from presskit.model.library import LibraryContact
from presskit.storage.problems import FileProblem

Progress = Callable[[int, int], None]
"""Called with (contacts read so far, contacts expected in all files)."""

PROGRESS_EVERY = 250


class ImportStopped(Exception):
    """Raised inside the transaction when the caller asked to stop: it rolls back."""


@dataclass
class ImportReport:
    """What an import did: contacts read, added and skipped, problems, and whether it stopped."""

    read: int = 0
    added: int = 0
    cancelled: bool = False
    problems: list[FileProblem] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        """Contacts read but not added: equal to one already there (none when cancelled)."""
        return 0 if self.cancelled else self.read - self.added


def import_contact_files(
    library: Library,
    paths: Sequence[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
    stop: Callable[[], bool] | None = None,
) -> ImportReport:
    """Store the contacts of ``paths`` in ``library``; see the module's docstring."""
    report = ImportReport()
    opened = [open_contacts_file(path) for path in paths]
    expected = sum(o.expected for o in opened)

    def contacts() -> Iterator[LibraryContact]:
        for one in opened:
            for contact in one.contacts:
                if stop is not None and stop():
                    raise ImportStopped
                report.read += 1
                if progress is not None and report.read % PROGRESS_EVERY == 0:
                    progress(report.read, max(expected, report.read))
                yield contact

    try:
        report.added = len(library.add_contacts(contacts(), skip_duplicates=True))
    except ImportStopped:
        report.cancelled = True
        report.added = 0
    finally:
        report.problems = [p for o in opened for p in _problems(o)]
    if progress is not None and not report.cancelled:
        progress(report.read, max(expected, report.read))
    return report


def _problems(opened: OpenedContacts) -> list[FileProblem]:
    return list(opened.result.problems)
