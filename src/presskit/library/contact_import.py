"""What reading a contacts file gives: the contacts, and every problem, each naming file and card.

Importers never stop at the first bad card or row: a broken card is skipped with an error, a
card read with a guess (no name, a charset, a missing END:VCARD) comes with a warning, and
everything else still imports. Problems print like ``contacts.vcf: card 3: has no name``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from presskit.model.library import LibraryContact
from presskit.storage.problems import FileProblem, Severity

MAX_FILE_BYTES = 50 * 1024 * 1024
"""A phone's full export with photos is a few MB; refuse what cannot be an address book."""


@dataclass
class ContactImport:
    """The contacts read from one file, in file order, and what was wrong with it."""

    source: str
    contacts: list[LibraryContact] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    # The line each contact starts on, beside ``contacts`` (CSV only; empty for vCards), so
    # a later step (sending) can name the row of an address it refuses.
    lines: list[int] = field(default_factory=list)

    def line_of(self, index: int) -> int | None:
        """The line contact ``index`` came from, when known."""
        return self.lines[index] if index < len(self.lines) else None

    @property
    def errors(self) -> list[FileProblem]:
        """Cards or rows that could not be imported, or the whole file."""
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[FileProblem]:
        """Cards or rows imported with a guess the user may want to check."""
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def error(self, message: str, where: str | None = None, line: int | None = None) -> None:
        self.problems.append(FileProblem(self.source, line, where, message))

    def warn(self, message: str, where: str | None = None, line: int | None = None) -> None:
        self.problems.append(FileProblem(self.source, line, where, message, Severity.WARNING))


def read_input(path: str | os.PathLike[str], result: ContactImport) -> bytes | None:
    """The bytes of ``path``, or None with the reason added to ``result``."""
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            result.error(f"the file is {size / 1e6:.0f} MB, too large for a contacts file")
            return None
        return Path(path).read_bytes()
    except FileNotFoundError:
        result.error("no such file")
    except IsADirectoryError:
        result.error("this is a folder, not a contacts file")
    except PermissionError:
        result.error("you do not have permission to read it")
    except OSError as exc:
        result.error(f"cannot be read: {exc.strerror or exc}")
    return None
