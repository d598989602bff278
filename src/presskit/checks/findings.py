"""What a preflight check reports: a :class:`Finding` with a :class:`Severity`.

A finding names the field it concerns with the same path people read in every other message
(``links[1].url``, lists counted from 1) and, for the Markdown fields (the body and the
boilerplate), the line within that field, so the editor can jump to the spot.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How much a finding matters.

    ERROR: the release is wrong (export refuses it, or readers get something broken).
    WARNING: very likely a mistake, worth fixing before sending.
    INFO: worth knowing; often deliberate.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """One thing a preflight check noticed.

    ``id`` is a stable kebab-case name (``placeholder-link``) that never changes between
    versions, so tools and the editor can rely on it; ``message`` and ``hint`` are plain
    English for the person writing the release and may be reworded.
    """

    id: str
    severity: Severity
    message: str
    field: str  # a field path such as "links[1].url", "body" or "boilerplate"
    body_line: int | None = None  # line within the body or boilerplate Markdown, from 1
    hint: str = ""

    def __str__(self) -> str:
        where = self.field if self.body_line is None else f"{self.field}:{self.body_line}"
        return f"{where}: {self.severity}: {self.message}"


def error(rule: str, field: str, message: str, hint: str, line: int | None = None) -> Finding:
    """An error finding (a shorthand that keeps rule modules readable)."""
    return Finding(rule, Severity.ERROR, message, field, line, hint)


def warning(rule: str, field: str, message: str, hint: str, line: int | None = None) -> Finding:
    """A warning finding."""
    return Finding(rule, Severity.WARNING, message, field, line, hint)


def info(rule: str, field: str, message: str, hint: str, line: int | None = None) -> Finding:
    """An info finding."""
    return Finding(rule, Severity.INFO, message, field, line, hint)


def sentence(message: str) -> str:
    """A message starting with a capital: validation messages start in lower case."""
    return message[:1].upper() + message[1:]
