"""The Import Review: the source on the left, each block coloured by the field it went to;
the fields on the right; reassign a block before accepting.

Select a block (or several), choose what it is ("Headline", "About (boilerplate)", "Not
placed", ...) and press Reassign, or use the block's context menu: the fields are assembled
again at once. Import takes the release into the editor as one undo step; Cancel leaves the
open document as it was.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from presskit.importers import ROLE_NAMES, ImportResult, Role, reassign
from presskit.importers.report import describe

COLOURS: dict[Role, str] = {
    Role.RELEASE_LINE: "#e8d5f5",
    Role.HEADLINE: "#ffd6a5",
    Role.SUBHEADLINE: "#fdffb6",
    Role.DATELINE: "#ffe5ec",
    Role.BODY: "#ffffff",
    Role.LINKS: "#caffbf",
    Role.END_MARK: "#e0e0e0",
    Role.BOILERPLATE: "#9bf6ff",
    Role.CONTACT: "#a0c4ff",
    Role.SOCIAL: "#bdb2ff",
    Role.NOT_PLACED: "#ffadad",
}
"""Pale backgrounds that keep black text readable, one per role (the legend shows them)."""
_CHROME = "#f2f2f2"


class ImportReviewDialog(QDialog):
    """Shows one import for checking; ``result`` is the accepted import after exec()."""

    def __init__(self, result: ImportResult, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Import Review — {result.document.name}")
        self.setObjectName("import-review")
        self.result = result
        self._history: list[ImportResult] = []
        self.blocks = QListWidget()
        self.blocks.setObjectName("import-source")
        self.blocks.setAccessibleName("Source blocks")
        self.blocks.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.blocks.setWordWrap(True)
        self.blocks.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.blocks.customContextMenuRequested.connect(self._context_menu)
        self.role = QComboBox()
        self.role.setObjectName("import-role")
        self.role.setAccessibleName("Make the selected blocks")
        for role in Role:
            self.role.addItem(ROLE_NAMES[role], role)
        self.reassign_button = QPushButton("&Reassign")
        self.reassign_button.setObjectName("import-reassign")
        self.reassign_button.clicked.connect(self._reassign_selected)
        self.undo_button = QPushButton("&Undo reassign")
        self.undo_button.clicked.connect(self._undo)
        self.undo_button.setEnabled(False)
        QShortcut(QKeySequence.StandardKey.Undo, self, self._undo)
        self.fields = QTextBrowser()
        self.fields.setObjectName("import-fields")
        self.fields.setAccessibleName("Imported fields")
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self._layout()
        self._show()

    def _layout(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel("<b>Source</b> — each block coloured by the field it went to"))
        column.addWidget(self.blocks, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel("Selected blocks are:"))
        row.addWidget(self.role, 1)
        row.addWidget(self.reassign_button)
        row.addWidget(self.undo_button)
        column.addLayout(row)
        column.addWidget(_legend())
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel("<b>Fields</b>"))
        side.addWidget(self.fields, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([520, 420])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Import")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("import-accept")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notes)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1000, 680)

    # -- showing ----------------------------------------------------------------------------
    def _show(self) -> None:
        selected = {self.blocks.row(item) for item in self.blocks.selectedItems()}
        self.blocks.clear()
        result = self.result
        for block, role, sure in zip(
            result.document.blocks, result.roles, result.confidence, strict=True
        ):
            first, last = block.lines
            where = f"{first}" if first == last else f"{first}–{last}"
            item = QListWidgetItem(f"{where}  {block.text}")
            chrome = block.chrome and role is Role.NOT_PLACED
            item.setBackground(QColor(_CHROME if chrome else COLOURS[role]))
            item.setForeground(QColor("#777777" if chrome else "#000000"))
            what = "page chrome, left out" if chrome else ROLE_NAMES[role]
            item.setToolTip(f"{what} (lines {where}; {sure:.0%} sure)")
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, what)
            self.blocks.addItem(item)
        for row in selected:
            if row < self.blocks.count():
                self.blocks.item(row).setSelected(True)
        self.fields.setHtml(_fields_html(result))
        warnings = list(result.warnings)
        chrome = len(result.chrome())
        if chrome:
            warnings.append(f"{chrome} blocks of page chrome (menus, footers) were left out")
        self.notes.setText("<br>".join(html.escape(w) for w in warnings) or "Nothing to check.")
        self.undo_button.setEnabled(bool(self._history))

    # -- reassigning ------------------------------------------------------------------------
    def reassign_rows(self, rows: list[int], role: Role) -> None:
        """Give the blocks at ``rows`` ``role`` and assemble the fields again."""
        if not rows:
            return
        self._history.append(self.result)
        result = self.result
        for row in sorted(rows):
            result = reassign(result, row, role)
        self.result = result
        self._show()

    def _reassign_selected(self) -> None:
        rows = [self.blocks.row(item) for item in self.blocks.selectedItems()]
        self.reassign_rows(rows, self.role.currentData())

    def _undo(self) -> None:
        if self._history:
            self.result = self._history.pop()
            self._show()

    def _context_menu(self, position: object) -> None:
        rows = [self.blocks.row(item) for item in self.blocks.selectedItems()]
        if not rows:
            return
        menu = QMenu(self)
        for role in Role:
            action = menu.addAction(f"This is: {ROLE_NAMES[role]}")
            action.triggered.connect(lambda _=False, r=role: self.reassign_rows(rows, r))
        menu.exec(self.blocks.viewport().mapToGlobal(position))  # type: ignore[arg-type]


def _legend() -> QLabel:
    swatches = " ".join(
        f'<span style="background:{COLOURS[role]}">&nbsp;{html.escape(ROLE_NAMES[role])}&nbsp;</span>'  # noqa: E501
        for role in Role
    )
    label = QLabel(swatches)
    label.setWordWrap(True)
    return label


def _fields_html(result: ImportResult) -> str:
    """The imported fields as readable HTML, each with its source lines."""
    report = describe(result)
    rows = []
    for name, entry in report["fields"].items():
        value = entry["value"]
        if isinstance(value, dict):
            if isinstance(value.get("phones"), list):
                value["phones"] = " / ".join(
                    " ".join(str(v) for v in (p.get("number"), p.get("label")) if v)
                    for p in value["phones"]
                )
            value = ", ".join(f"{k}: {v}" for k, v in value.items() if k != "extra")
        lines = ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in entry["lines"])
        text = html.escape(str(value))
        if len(text) > 600:
            text = text[:600] + "…"
        where = f' <span style="color:#666">(lines {lines})</span>' if lines else ""
        rows.append(f"<p><b>{html.escape(name)}</b>{where}<br>{text.replace(chr(10), '<br>')}</p>")
    unplaced = report["not_placed"]
    if unplaced:
        rows.append("<p><b>Not placed</b> (fits no field; assign it, or it is left out)</p><ul>")
        rows += [
            f"<li>{item['lines'][0]}: {html.escape(item['text'][:200])}</li>" for item in unplaced
        ]
        rows.append("</ul>")
    return "".join(rows)
