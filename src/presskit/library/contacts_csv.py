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

from presskit.library.contact_import import ContactImport, read_input
from presskit.library.vcard_labels import types_for_label
from presskit.model.library import LibraryContact
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


def parse_contacts_csv(data: bytes, source: str = "<CSV>") -> ContactImport:
    """The contacts of a Google or Outlook CSV export's bytes, with every problem."""
    result = ContactImport(source)
    text = _decode(data)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = [name.strip() for name in next(rows, [])]
    except csv.Error as exc:
        result.error(f"cannot be read as CSV: {exc}")
        return result
    to_contact = _format(header)
    if to_contact is None:
        result.error(
            "not a Google Contacts or Outlook export: no column such as 'E-mail 1 - Value' "
            "(Google) or 'E-mail Address' (Outlook)"
        )
        return result
    for line, values in _numbered(rows, result):
        row = {name: value.strip() for name, value in zip(header, values, strict=False)}
        if not any(row.values()):
            continue
        _add(result, to_contact(row), line)
    return result


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


def _format(header: list[str]) -> Callable[[Row], LibraryContact] | None:
    names = set(header)
    if names & GOOGLE_COLUMNS:
        return _google_contact
    if names & OUTLOOK_COLUMNS:
        return _outlook_contact
    return None


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
