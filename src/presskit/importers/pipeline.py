"""Import a file or a text: read it into blocks, give each block a role, assemble a release.

    result = import_file(Path("release.docx"))
    result.release            # a Release, ready to save or open
    result.fields["headline"] # FieldSource(lines=[(3, 3)], confidence=0.97)
    result.not_placed()       # the source's blocks that fit no field
    result.warnings           # what the person should check

``import_file`` raises :class:`ImportFailed` with a message naming the file when the source
cannot be read at all (not a Word file, a damaged PDF, too large); everything else that is
odd comes back as warnings. ``progress(fraction, message)`` is called between stages and may
raise :class:`ImportCancelled` to stop.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from presskit.importers.assemble import assemble
from presskit.importers.formats import reader_for
from presskit.importers.guards import read_limited
from presskit.importers.leftovers import note, unused
from presskit.importers.model import ImportResult, Progress, Role, SourceDocument
from presskit.importers.roles import assign_roles


def _quiet(_fraction: float, _message: str) -> None:
    return None


def import_file(path: Path, progress: Progress | None = None) -> ImportResult:
    """Import ``path`` (Word, email, web page, PDF or text). Raises ImportFailed."""
    progress = progress or _quiet
    path = Path(path)
    progress(0.0, f"Reading {path.name}")
    data = read_limited(path)
    reader = reader_for(path)
    outcome = reader(data, path.name, progress)
    if isinstance(outcome, ImportResult):  # a Presskit PDF: its own release, as it is
        return outcome
    return import_document(outcome, progress)


def import_text(text: str, name: str = "pasted text", html: str = "") -> ImportResult:
    """Import pasted text, or pasted HTML (from Word or a browser) when there is some."""
    if html.strip():
        from presskit.importers.html_reader import read_html  # noqa: PLC0415

        return import_document(read_html(html.encode("utf-8"), name, main_content=False))
    from presskit.importers.text_reader import read_text  # noqa: PLC0415

    return import_document(read_text(text, name))


def import_document(document: SourceDocument, progress: Progress | None = None) -> ImportResult:
    """Roles and a release for a document already read into blocks."""
    progress = progress or _quiet
    finding = "Finding the headline, body, contacts and boilerplate"
    progress(0.6, finding)
    roles, confidence = assign_roles(
        document, lambda done, total: progress(0.6 + 0.3 * done / max(total, 1), finding)
    )
    progress(0.9, "Assembling the release")
    return settle(document, roles, confidence)


SINGLE = (Role.HEADLINE, Role.SUBHEADLINE, Role.DATELINE, Role.END_MARK)
"""Roles a release has once: choosing new blocks for one replaces the blocks it had."""


def reassign(result: ImportResult, indices: int | Iterable[int], role: Role) -> ImportResult:
    """The same import with the blocks at ``indices`` given ``role`` by the person.

    A release has one headline, subheadline, dateline and end mark: the blocks that held
    that role before become not placed (listed, never dropped and never moved into the
    body unasked; the person can give them a role of their own). Several blocks chosen
    together for one of them form it together (a headline broken over two lines).
    """
    role = Role(role)  # a role that went through a Qt item's data comes back as str
    chosen = {indices} if isinstance(indices, int) else set(indices)
    roles = list(result.roles)
    confidence = list(result.confidence)
    if role in SINGLE:
        for i, other in enumerate(roles):
            if other is role and i not in chosen:
                roles[i] = Role.NOT_PLACED
    for index in chosen:
        roles[index], confidence[index] = role, 1.0
    return settle(result.document, roles, confidence, result.chosen | chosen)


def settle(
    document: SourceDocument,
    roles: list[Role],
    confidence: list[float],
    chosen: frozenset[int] = frozenset(),
) -> ImportResult:
    """Assemble the release; blocks their role could not use are listed as not placed."""
    result = assemble(document, roles, confidence, chosen)
    useless = unused(result)
    if not useless:
        return result
    notes = [note(result, index) for index in useless]
    roles = [Role.NOT_PLACED if i in useless else r for i, r in enumerate(roles)]
    result = assemble(document, roles, confidence, chosen)
    result.warnings[len(document.warnings) : len(document.warnings)] = notes
    return result
