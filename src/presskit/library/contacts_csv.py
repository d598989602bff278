"""Google Contacts and Outlook CSV exports to library contacts.

The format is recognised by its column names, whatever their order:

- Google, older export: ``Name``, ``Given Name``, ``Family Name``, ``Organization 1 - Name``,
  ``Organization 1 - Title``, ``E-mail 1 - Value``, ``Phone 1 - Type``/``Phone 1 - Value``,
  ``Group Membership``, ...; several values in one cell are joined by `` ::: ``.
- Google, current export: ``First Name``, ``Last Name``, ``Organization Name``,
  ``Organization Title``, ``E-mail 1 - Value``, ``Phone 1 - Label``/``Phone 1 - Value``,
  ``Labels``, ...
- Outlook: ``First Name``, ``Last Name``, ``Company``, ``Job Title``, ``E-mail Address``,
  ``Business Phone``, ``Mobile Phone``, ``Home Phone``, ``Business City``, ``Categories``, ...
  (``Title`` there is "Mr." or "Dr.", not a job title).
- Media lists (Cision, Muck Rack, Meltwater, a spreadsheet of one's own): any columns that
  :mod:`presskit.library.media_columns` knows, in English, German, French, Spanish, Italian or
  Dutch ("First Name"/"Vorname", "E-Mail", "Outlet", "Beats", "Do not contact", ...). Columns
  it does not know are reported; ``columns`` maps them by hand (header -> field).

Two rows with the same email address (any case) are one journalist: the later row is merged
into the first (empty fields filled in) and reported with both lines.

Text may be UTF-8 (with or without a byte-order mark), UTF-16 (older Google exports) or
windows-1252 (Outlook's "ANSI"); the separator may be a comma, a semicolon (Excel in much of
Europe) or a TAB. Problems name the file and the line: ``contacts.csv:7: has no name ...``.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from collections.abc import Callable, Iterator
from typing import Any

from presskit.library import media_columns
from presskit.library.contact_import import ContactImport, read_input
from presskit.library.vcard_labels import types_for_label
from presskit.model.library import LibraryContact, merge_into
from presskit.model.release import Phone

GOOGLE_COLUMNS = frozenset(
    {"Given Name", "Family Name", "Group Membership", "Organization 1 - Name"}
    | {"Organization Name", "Labels", "File As", "E-mail 1 - Value", "Phone 1 - Value"}
)
OUTLOOK_COLUMNS = frozenset(
    {"E-mail Address", "Company", "Job Title", "Business Phone", "Mobile Phone", "Home Phone"}
    | {"Business City"}
)
GOOGLE_SEPARATOR = " ::: "
MAX_NUMBERED = 20  # Google numbers columns: Phone 1 ... Phone N; nobody has 20 phones

OUTLOOK_PHONES = {
    "Business Phone": "work",
    "Business Phone 2": "work",
    "Mobile Phone": "mobile",
    "Home Phone": "home",
    "Home Phone 2": "home",
    "Company Main Phone": "main",
    "Primary Phone": "",
    "Other Phone": "other",
    "Business Fax": "work fax",
    "Home Fax": "home fax",
    "Other Fax": "fax",
    "Pager": "pager",
    "Car Phone": "car",
    "Assistant's Phone": "assistant",
    "Callback": "callback",
    "Radio Phone": "radio",
    "ISDN": "ISDN",
    "Telex": "telex",
    "TTY/TDD Phone": "textphone",
}

Row = dict[str, str]


def parse_contacts_csv(
    data: bytes, source: str = "<CSV>", columns: dict[str, str] | None = None
) -> ContactImport:
    """The contacts of a Google, Outlook or media-list CSV export's bytes, with every problem.

    ``columns`` (header -> field of :data:`~presskit.library.media_columns.ALIASES`) reads a
    file whose headers are not known, or overrides a guess.
    """
    result = ContactImport(source)
    text = _decode(data)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = [name.strip() for name in next(rows, [])]
    except csv.Error as exc:
        result.error(f"cannot be read as CSV: {exc}")
        return result
    to_contact = _format(header, columns, result)
    if to_contact is None:
        result.error(
            "no column of email addresses (such as 'E-mail Address', 'Email' or 'E-Mail'): "
            "not a Google Contacts, Outlook or media-list export; map its columns by hand"
        )
        return result
    for line, values in _numbered(rows, result):
        row = {name: value.strip() for name, value in zip(header, values, strict=False)}
        if not any(row.values()):
            continue
        _add(result, to_contact(row), line)
    _merge_duplicates(result)
    return result


def _merge_duplicates(result: ContactImport) -> None:
    first: dict[str, int] = {}
    keep: list[int] = []
    for index, contact in enumerate(result.contacts):
        key = contact.email.strip().casefold()
        if not key or key not in first:
            if key:
                first[key] = index
            keep.append(index)
            continue
        merge_into(result.contacts[first[key]], contact)
        earlier = result.line_of(first[key])
        result.warn(
            f"same email address as line {earlier} ({contact.email}): merged into it",
            None,
            result.line_of(index),
        )
    if len(keep) < len(result.contacts):
        lines = result.lines
        result.contacts = [result.contacts[i] for i in keep]
        result.lines = [lines[i] for i in keep if i < len(lines)]


def csv_preview(data: bytes, rows: int = 3) -> tuple[list[str], list[list[str]]]:
    """The header and the first ``rows`` rows, for a dialog that maps unknown columns."""
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = [name.strip() for name in next(reader, [])]
        return header, [row for _, row in zip(range(rows), reader, strict=False)]
    except csv.Error:
        return [], []


def read_contacts_csv(path: str | os.PathLike[str]) -> ContactImport:
    """The contacts of a .csv file. Never raises for bad input: see ``problems``."""
    result = ContactImport(os.fspath(path))
    data = read_input(path, result)
    return result if data is None else parse_contacts_csv(data, result.source)


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Outlook's "ANSI" export; windows-1252 decodes every byte but five, so replace those.
        return data.decode("windows-1252", "replace")


def _delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    return max([",", ";", "\t"], key=first_line.count)


def _numbered(rows: Any, result: ContactImport) -> Iterator[tuple[int, list[str]]]:
    """Rows of a csv.reader with the line each starts on (a quoted cell can hold breaks)."""
    line = 2
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            result.error(f"cannot be read as CSV: {exc}; the rest was skipped", None, line)
            return
        yield line, values
        line = rows.line_num + 1


def _add(result: ContactImport, contact: LibraryContact, line: int) -> None:
    if not contact.name:
        if not (contact.organization or contact.emails):
            result.error("has no name, organization or email address; skipped", None, line)
            return
        what = "organization" if contact.organization else "email address"
        contact.name = contact.organization or contact.emails[0]
        result.warn(f"has no name; named after its {what}", None, line)
    result.contacts.append(contact)
    result.lines.append(line)


def _format(
    header: list[str], columns: dict[str, str] | None, result: ContactImport
) -> Callable[[Row], LibraryContact] | None:
    names = set(header)
    found, unknown = media_columns.column_map(header)
    if not columns and names & GOOGLE_COLUMNS:
        return _google_contact
    # "Job Title" or "Company" alone may be a press database's; Outlook names its email so.
    outlook = "E-mail Address" in names and len(names & OUTLOOK_COLUMNS) >= 2
    if not columns and names & OUTLOOK_COLUMNS and (outlook or "email" not in found):
        return _outlook_contact
    for name, field in (columns or {}).items():
        if name not in header or field not in media_columns.ALIASES:
            result.error(f"cannot map column '{name}' to '{field}'")
            return None
        found[field] = header.index(name)
        unknown = [u for u in unknown if u != name]
    if "email" not in found:
        return None
    if unknown:
        result.warn(f"columns not imported (unknown): {', '.join(unknown)}", None, 1)
    by_field = {field: header[index] for field, index in found.items()}
    return lambda row: _media_contact(row, by_field)


def _media_contact(row: Row, by_field: dict[str, str]) -> LibraryContact:
    def g(field: str) -> str:
        return row.get(by_field[field], "") if field in by_field else ""

    first, last = g("first_name"), g("last_name")
    twitter = g("twitter")
    notes = "\n".join(p for p in (g("notes"), f"Twitter: {twitter}" if twitter else "") if p)
    return LibraryContact(
        name=g("name") or _joined(first, last),
        first_name=first,
        title=g("title"),
        outlet=g("outlet"),
        city=g("city"),
        phones=[Phone(g("phone"), "work")] if g("phone") else [],
        emails=media_columns.split_cell(g("email")),
        website=g("website"),
        notes=notes,
        topics=media_columns.split_cell(g("topics")),
        language=g("language"),
        tags=media_columns.split_cell(g("tags")),
        do_not_contact=media_columns.is_true(g("do_not_contact")),
    )


def _joined(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _split(cell: str) -> list[str]:
    return [value.strip() for value in cell.split(GOOGLE_SEPARATOR) if value.strip()]


def _label(text: str) -> str:
    """Google's "* Mobile" (the star marks the primary) -> "mobile"; own labels as typed."""
    text = text.removeprefix("*").strip()
    lowered = text.lower()
    return lowered if lowered == "other" or types_for_label(lowered) is not None else text


def _numbered_cells(row: Row, kind: str, field: str) -> Iterator[tuple[str, str]]:
    """(label, value) for ``Phone 1 - Value`` ... with ``Phone 1 - Type`` or ``- Label``."""
    for number in range(1, MAX_NUMBERED + 1):
        prefix = f"{kind} {number} - "
        label = row.get(prefix + "Type") or row.get(prefix + "Label") or ""
        for value in _split(row.get(prefix + field, "")):
            yield _label(label), value


def _google_contact(row: Row) -> LibraryContact:
    g = row.get
    name = g("Name") or _joined(
        g("Name Prefix", ""),
        g("Given Name") or g("First Name", ""),
        g("Additional Name") or g("Middle Name", ""),
        g("Family Name") or g("Last Name", ""),
        g("Name Suffix", ""),
    )
    cities = list(_numbered_cells(row, "Address", "City"))
    work_city = next((city for label, city in cities if label == "work"), "")
    tags = _split(g("Group Membership") or g("Labels", ""))
    return LibraryContact(
        name=name or g("File As", ""),
        title=g("Organization 1 - Title") or g("Organization Title", ""),
        organization=g("Organization 1 - Name") or g("Organization Name", ""),
        city=work_city or next((city for _, city in cities), ""),
        phones=[Phone(value, label) for label, value in _numbered_cells(row, "Phone", "Value")],
        emails=[value for _, value in _numbered_cells(row, "E-mail", "Value")],
        website=next((value for _, value in _numbered_cells(row, "Website", "Value")), ""),
        notes=g("Notes", ""),
        # "* myContacts" is Google's group of all contacts: it tells nothing.
        tags=[t.removeprefix("* ") for t in tags if t != "* myContacts"],
    )


def _outlook_contact(row: Row) -> LibraryContact:
    g = row.get
    name = _joined(
        g("Title", ""),
        g("First Name", ""),
        g("Middle Name", ""),
        g("Last Name", ""),
        g("Suffix", ""),
    )
    emails = [g(c, "") for c in ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address")]
    cities = [g(c, "") for c in ("Business City", "Home City", "Other City")]
    websites = [g(c, "") for c in ("Web Page", "Personal Web Page")]
    return LibraryContact(
        name=name,
        title=g("Job Title", ""),
        organization=g("Company", ""),
        city=next((c for c in cities if c), ""),
        phones=[Phone(g(c, ""), label) for c, label in OUTLOOK_PHONES.items() if g(c)],
        emails=[e for e in emails if e],
        website=next((w for w in websites if w), ""),
        notes=g("Notes", ""),
        tags=[t.strip() for t in g("Categories", "").split(";") if t.strip()],
    )
