"""Load and save release files: Markdown with YAML front matter (docs/file-format.md).

    loaded = load_release("release.md")      # raises ReleaseFileError naming file, line, field
    loaded.release.headline = "..."
    save_release(loaded.release, "release.md")  # atomic; same release -> same bytes

``LoadedRelease.problems_with_lines`` turns model validation problems into file problems that
carry the line of the field, for messages like ``release.md:14: contacts[1].email: ...``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from presskit.model.release import Release
from presskit.model.validation import Problem, validate_release
from presskit.storage.atomic import write_atomic
from presskit.storage.problems import FileProblem, ReleaseFileError, Severity
from presskit.storage.text_file import SplitText, decode_release_bytes, split_front_matter
from presskit.storage.yaml_reader import FrontMatterReader, Node, compose_front_matter
from presskit.storage.yaml_writer import dump_front_matter


def nearest_line(lines: dict[str, int], field_path: str) -> int | None:
    """The line of a field in ``lines``, or of its nearest enclosing field present there:
    releases and press kits name lines the same way."""
    path = field_path
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return lines.get("", 1)


@dataclass
class LoadedRelease:
    """A release read from text, with the warnings and the line of every field it had."""

    release: Release
    source: str
    warnings: list[FileProblem] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    body_first_line: int = 1

    def line_of(self, field_path: str) -> int | None:
        """The line of a field, or of its nearest enclosing field present in the file."""
        return nearest_line(self.lines, field_path)

    def problems_with_lines(self, problems: list[Problem] | None = None) -> list[FileProblem]:
        """Validation problems (default: all of the release's) as file problems with lines."""
        if problems is None:
            problems = validate_release(self.release)
        return [
            FileProblem(
                self.source,
                self.line_of(p.field),
                p.field,
                p.message,
                Severity.ERROR if p.refuses else Severity.WARNING,
            )
            for p in problems
        ]


def compose_document(text: str | bytes, source: str) -> tuple[SplitText, Node | None]:
    """The first steps of reading a release or a press kit: decode (or normalise line ends
    and drop a BOM), split off the front matter, compose its YAML under the document budget.
    Raises ReleaseFileError."""
    if isinstance(text, bytes):
        text = decode_release_bytes(text, source)
    else:
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    parts = split_front_matter(text, source)
    return parts, compose_front_matter(parts.front_matter, source, parts.yaml_first_line)


def raise_errors(problems: list[FileProblem]) -> list[FileProblem]:
    """Raise the errors among ``problems`` at once; return the warnings."""
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise ReleaseFileError(errors)
    return [p for p in problems if p.severity is Severity.WARNING]


def loads_release(text: str | bytes, source: str = "<text>") -> LoadedRelease:
    """Parse a release from its text (or raw bytes). Raises ReleaseFileError."""
    parts, root = compose_document(text, source)
    reader = FrontMatterReader(source, parts.yaml_first_line)
    release = reader.release(root)
    release.body = parts.body.rstrip()
    warnings = raise_errors(reader.problems)
    return LoadedRelease(release, source, warnings, reader.lines, parts.body_first_line)


def read_document_bytes(path: str | os.PathLike[str], what: str) -> bytes:
    """A release's or kit's bytes; every failure a ReleaseFileError naming the file.
    ``what`` says what the file should have been ("a release file")."""
    source = os.fspath(path)
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise ReleaseFileError.single(source, "no such file") from None
    except IsADirectoryError:
        raise ReleaseFileError.single(source, f"this is a folder, not {what}") from None
    except PermissionError:
        raise ReleaseFileError.single(source, "you do not have permission to read it") from None
    except OSError as exc:
        raise ReleaseFileError.single(source, f"cannot be read: {exc.strerror or exc}") from None


def load_release(path: str | os.PathLike[str]) -> LoadedRelease:
    """Read a release file. Every failure is a ReleaseFileError naming the file."""
    return loads_release(read_document_bytes(path, "a release file"), os.fspath(path))


def dumps_release(release: Release) -> str:
    """The text of a release file. The same release always gives the same text."""
    # LF only, as the format says and as loading reads it: a CR pasted into the body would
    # otherwise come back as a line break and make the next save differ from this one.
    body = release.body.replace("\r\n", "\n").replace("\r", "\n").rstrip()
    text = f"---\n{dump_front_matter(release)}---\n"
    return f"{text}{body}\n" if body else text


def save_release(release: Release, path: str | os.PathLike[str]) -> None:
    """Write ``release`` to ``path`` atomically: the old file stays whole until the new is."""
    write_atomic(path, dumps_release(release).encode("utf-8"))
