"""File > Resolve Contact Conflicts…: each contact edited here and on the server, the two
versions side by side, and "Keep Mine" / "Keep Server's" / "Keep Both".

Resolving is a local change (:mod:`presskit.library.conflict_resolution`); the window's
contact-sync feature then starts a sync on its worker thread to send it to the server.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from presskit.app.library_service import LibraryService
from presskit.library.conflict_resolution import Choice, Conflict, original_name, side_by_side

DIFFERS = QColor(255, 243, 205)  # a soft yellow behind the fields that differ


class ConflictsDialog(QDialog):
    """The open conflicts; ``resolved(choice, remaining)`` is called after each resolution."""

    def __init__(
        self,
        library: LibraryService,
        resolved: Callable[[Choice, int], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Contact Conflicts")
        self.library = library
        self._resolved = resolved
        self.conflicts: list[Conflict] = []
        intro = QLabel(
            "These contacts were changed on this computer and on the server since the last "
            "sync. Choose the version to keep; the next sync, started at once, sends your "
            "choice to the server."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Contacts in conflict")
        self.list.currentRowChanged.connect(self._show)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["", "Mine (this computer)", "Server's"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.table)
        splitter.setSizes([200, 560])
        self.note = QLabel()
        self.keep_mine = QPushButton("Keep &Mine")
        self.keep_mine.setToolTip("Your version replaces the server's; the copy goes")
        self.keep_servers = QPushButton("Keep &Server's")
        self.keep_servers.setToolTip("The server's version stays; your copy goes")
        self.keep_both = QPushButton("Keep &Both")
        self.keep_both.setToolTip("Your copy becomes a contact of its own, shared at the next sync")
        for button, choice in (
            (self.keep_mine, Choice.MINE),
            (self.keep_servers, Choice.SERVERS),
            (self.keep_both, Choice.BOTH),
        ):
            button.clicked.connect(lambda _checked=False, c=choice: self.resolve(c))
        closer = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        closer.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.keep_mine, self.keep_servers, self.keep_both):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(closer)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.resize(820, 440)
        self.reload()

    def reload(self) -> None:
        """Read the open conflicts again (after a sync or a resolution)."""
        row = max(self.list.currentRow(), 0)
        self.conflicts = self.library.conflicts()
        self.list.blockSignals(True)
        self.list.clear()
        for conflict in self.conflicts:
            item = QListWidgetItem(original_name(conflict.mine))
            item.setToolTip(f"found in the sync of {conflict.record.detected}")
            self.list.addItem(item)
        self.list.blockSignals(False)
        for button in (self.keep_mine, self.keep_servers, self.keep_both):
            button.setEnabled(bool(self.conflicts))
        self.note.setText("" if self.conflicts else "No conflicts to resolve.")
        if self.conflicts:
            self.list.setCurrentRow(min(row, len(self.conflicts) - 1))
            self._show(self.list.currentRow())
        else:
            self.table.setRowCount(0)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.conflicts):
            return
        rows = side_by_side(self.conflicts[row])
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for number, (label, mine, theirs, differ) in enumerate(rows):
            for column, text in enumerate((label, mine, theirs)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if differ:
                    item.setBackground(QBrush(DIFFERS))
                    item.setFont(bold)
                self.table.setItem(number, column, item)
        self.table.resizeRowsToContents()
        if self.conflicts[row].servers is None:
            self.note.setText("The server's version was deleted on this computer since.")
        else:
            self.note.setText("Fields that differ are highlighted.")

    def current(self) -> Conflict | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def resolve(self, choice: Choice) -> None:
        """Resolve the selected conflict with ``choice``, then show the next one."""
        conflict = self.current()
        if conflict is None:
            return
        if self.library.resolve_conflict(conflict.record.copy_uid, choice):
            self.reload()
            self._resolved(choice, len(self.conflicts))
        else:
            self.reload()  # resolved meanwhile (another window, a sync): show what is left
