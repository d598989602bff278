"""Problems found in a release file, each naming the file, the line and the field.

They print like compiler messages, which editors and CI logs know how to link:
``release.md:14: contacts[1].email: 'wareham@' is not an email address``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class FileProblem:
    """One problem in a file. ``line`` counts from 1; ``field`` is a path like ``links[2].url``."""

    source: str
    line: int | None
    field: str | None
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return self.located(prefix)

    def located(self, prefix: str = "") -> str:
        """``file:line: <prefix>field: message``, for callers that say the severity first."""
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {prefix}{what}"


class ReleaseFileError(Exception):
    """A release file that cannot be read. Holds every problem found, not only the first."""

    def __init__(self, problems: Iterable[FileProblem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, source: str, message: str, line: int | None = None) -> ReleaseFileError:
        return cls([FileProblem(source, line, None, message)])
