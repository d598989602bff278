"""Import a media list from a CSV or vCard file, with a column-mapping preview.

The file is read by the library's importer (the same as ``presskit contacts import --list``).
When a CSV has columns the importer does not know (or no column of addresses), the
:class:`ColumnMapDialog` shows each column with an example and lets the user say what it
holds, pre-set with the importer's guesses; the file is then read with that mapping.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from presskit.library.contacts_csv import csv_preview
from presskit.library.contacts_file import read_contacts_file
from presskit.library.database import Library, LibraryError
from presskit.library.media_columns import ALIASES, column_map
from presskit.library.media_lists import import_list

IGNORE = "(not imported)"


class ColumnMapDialog(QDialog):
    """Each column of the file, an example value, and the field it is read as."""

    def __init__(self, header: list[str], rows: list[list[str]], parent: Any = None):
        super().__init__(parent)
        self.setWindowTitle("Which Column Is What?")
        self.header = header
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Say what each column holds. One column must be the email."))
        self.table = QTableWidget(len(header), 3)
        self.table.setHorizontalHeaderLabels(["Column", "Example", "Read as"])
        guessed, _ = column_map(header)
        by_index = {index: name for name, index in guessed.items()}
        self.choices: list[QComboBox] = []
        for row, name in enumerate(header):
            example = next((r[row] for r in rows if row < len(r) and r[row].strip()), "")
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(example))
            choice = QComboBox()
            choice.addItems([IGNORE, *ALIASES])
            choice.setCurrentText(by_index.get(row, IGNORE))
            self.table.setCellWidget(row, 2, choice)
            self.choices.append(choice)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 360)

    def columns(self) -> dict[str, str]:
        """header -> field, for the columns given a field."""
        return {
            name: choice.currentText()
            for name, choice in zip(self.header, self.choices, strict=True)
            if choice.currentText() != IGNORE
        }


def _needs_mapping(result: Any) -> bool:
    return any(
        "no column of email addresses" in p.message or "columns not imported" in p.message
        for p in result.problems
    )


def import_media_list(parent: Any, library_path: Path) -> str | None:
    """Ask for a file and a list name, read it (mapping columns if needed), import it.

    Returns the list's name, or None when the user cancelled or nothing could be read."""
    name, _ = QFileDialog.getOpenFileName(
        parent, "Import Media List", "", "Contacts (*.csv *.vcf *.vcard);;All files (*)"
    )
    if not name:
        return None
    path = Path(name)
    list_name, ok = QInputDialog.getText(parent, "Import Media List", "Name of the list:",
                                         text=path.stem)  # fmt: skip
    if not ok or not list_name.strip():
        return None
    result = read_contacts_file(path)
    if path.suffix.lower() != ".vcf" and _needs_mapping(result):
        header, rows = csv_preview(path.read_bytes())
        dialog = ColumnMapDialog(header, rows, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        result = read_contacts_file(path, dialog.columns())
    if not result.contacts:
        problems = "\n".join(str(p) for p in result.problems[:10])
        QMessageBox.warning(parent, "Nothing imported", problems or "The file has no contacts.")
        return None
    try:
        with Library(library_path) as library:
            report = import_list(library, list_name.strip(), result.contacts)
    except LibraryError as exc:
        QMessageBox.warning(parent, "Nothing imported", str(exc))
        return None
    lines = report.lines() + [str(p) for p in result.problems[:20]]
    QMessageBox.information(parent, "Media list imported", "\n".join(lines))
    return report.list_name
