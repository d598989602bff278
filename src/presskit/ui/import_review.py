"""The Import Review: the source on the left, each block coloured by the field it went to;
the fields on the right; reassign a block before accepting.

Select a block (or several: Shift or Ctrl), choose what it is ("Headline", "About
(boilerplate)", "Not placed", ...) and press Reassign, or use the block's context menu
(right-click, the Menu key or Shift+F10, then the role's underlined letter): the fields are
assembled again at once. Ctrl+Z steps back. A release has one headline, subheadline,
dateline and end mark: the block that held one before is listed as not placed, never moved
into the body. Import takes the release into the editor as one undo step; Cancel leaves the
open document as it was.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
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
from presskit.ui.import_blocks import (
    COLOURS,
    LABEL_ROLE,
    WHERE_ROLE,
    BlockDelegate,
    BlockList,
    role_menu_names,
)
from presskit.ui.import_fields import fields_html, notes_html
from presskit.ui.palette import invalid_colour

_CHROME = "#f2f2f2"


class ImportReviewDialog(QDialog):
    """Shows one import for checking; ``result`` is the accepted import after exec()."""

    def __init__(self, result: ImportResult, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Import Review — {result.document.name}")
        self.setObjectName("import-review")
        self.result = result
        self._history: list[ImportResult] = []
        self.blocks = self._block_list()
        self.role = QComboBox()
        self.role.setObjectName("import-role")
        self.role.setAccessibleName("Make the selected blocks")
        for role in Role:
            self.role.addItem(ROLE_NAMES[role], role)
        for key in ("Return", "Enter"):  # Enter in the role box reassigns; it does not import
            enter = QShortcut(QKeySequence(key), self.role, self._reassign_selected)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.reassign_button = QPushButton("&Reassign")
        self.reassign_button.setObjectName("import-reassign")
        self.reassign_button.clicked.connect(self._reassign_selected)
        self.undo_button = QPushButton("&Undo reassign")
        self.undo_button.setObjectName("import-undo")
        self.undo_button.setToolTip("Undo the last reassignment (Ctrl+Z)")
        self.undo_button.clicked.connect(self._undo)
        QShortcut(QKeySequence.StandardKey.Undo, self, self._undo)
        self.fields = QTextBrowser()
        self.fields.setObjectName("import-fields")
        self.fields.setAccessibleName("Imported fields")
        self.notes = QLabel()
        self.notes.setObjectName("import-notes")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.setStyleSheet(
            "#import-notes { background: #fff4ce; color: #000000; border: 1px solid #e3c565;"
            " border-radius: 3px; padding: 6px; }"
        )
        self._layout()
        self._fill()
        self._show()
        self.blocks.setFocus()

    def _block_list(self) -> QListWidget:
        blocks = BlockList()
        blocks.menu_requested.connect(self._context_menu)
        blocks.itemSelectionChanged.connect(self._follow_selection)
        blocks.setObjectName("import-source")
        blocks.setAccessibleName("Source blocks")
        blocks.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        blocks.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        blocks.setResizeMode(QListWidget.ResizeMode.Adjust)
        blocks.setWordWrap(True)  # and a new width lays the blocks out again (their heights)
        blocks.setLayoutMode(QListWidget.LayoutMode.Batched)  # a long source: no freeze
        blocks.setBatchSize(200)
        blocks.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        blocks.setItemDelegate(BlockDelegate(blocks))
        blocks.setSpacing(1)
        return blocks

    def _layout(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel("<b>Source</b> — each block coloured by the field it went to"))
        column.addWidget(self.blocks, 1)
        row = QHBoxLayout()
        label = QLabel("Selected blocks &are:")
        label.setBuddy(self.role)
        row.addWidget(label)
        row.addWidget(self.role, 1)
        row.addWidget(self.reassign_button)
        row.addWidget(self.undo_button)
        column.addLayout(row)
        column.addWidget(_legend())
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel("<b>Fields</b> — what the release will hold"))
        side.addWidget(self.fields, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 440])
        splitter.setChildrenCollapsible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        accept = buttons.button(QDialogButtonBox.StandardButton.Ok)
        accept.setText("&Import")
        accept.setObjectName("import-accept")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notes)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1040, 700)

    # -- showing ----------------------------------------------------------------------------
    def _fill(self) -> None:
        """One item per source block (their text never changes; their roles do)."""
        for block in self.result.document.blocks:
            first, last = block.lines
            item = QListWidgetItem(block.text)
            item.setData(WHERE_ROLE, f"{first}" if first == last else f"{first}–{last}")
            self.blocks.addItem(item)
        if self.blocks.count():
            self.blocks.setCurrentRow(0, self.blocks.selectionModel().SelectionFlag.NoUpdate)

    def _show(self) -> None:
        """Colour and label each block by its role; the fields, notes and Undo to match."""
        result = self.result
        for row, (block, role, sure) in enumerate(
            zip(result.document.blocks, result.roles, result.confidence, strict=True)
        ):
            item = self.blocks.item(row)
            chrome = block.chrome and role is Role.NOT_PLACED
            what = "page chrome, left out" if chrome else ROLE_NAMES[role]
            item.setBackground(QColor(_CHROME if chrome else COLOURS[role]))
            item.setForeground(QColor("#666666" if chrome else "#000000"))
            item.setData(LABEL_ROLE, what)
            where = item.data(WHERE_ROLE)
            sure_text = "your choice" if row in result.chosen else f"{sure:.0%} sure"
            item.setToolTip(f"{what} (line {where}; {sure_text})")
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, what)
        palette = self.fields.palette()
        muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
        self.fields.setHtml(fields_html(result, muted, invalid_colour(palette).name()))
        notes = notes_html(result)
        self.notes.setText(notes)
        self.notes.setVisible(bool(notes))
        self.undo_button.setEnabled(bool(self._history))

    # -- reassigning ------------------------------------------------------------------------
    def reassign_rows(self, rows: list[int], role: Role) -> None:
        """Give the blocks at ``rows`` ``role`` and assemble the fields again."""
        if not rows:
            return
        self._history.append(self.result)
        self.result = reassign(self.result, rows, Role(role))
        self._show()

    def selected_rows(self) -> list[int]:
        return sorted(self.blocks.row(item) for item in self.blocks.selectedItems())

    def _follow_selection(self) -> None:
        """The role box shows what the selected blocks are, when they are all one thing."""
        roles = {self.result.roles[row] for row in self.selected_rows()}
        if len(roles) == 1:
            self.role.setCurrentIndex(self.role.findData(roles.pop()))

    def _reassign_selected(self) -> None:
        self.reassign_rows(self.selected_rows(), Role(self.role.currentData()))

    def _undo(self) -> None:
        if self._history:
            self.result = self._history.pop()
            self._show()

    def _context_menu(self, position: QPoint | None) -> None:
        """The roles for the selected blocks; from the keyboard, at the current block."""
        rows = self.selected_rows()
        if not rows:
            return
        if position is None:
            current = self.blocks.currentItem() or self.blocks.item(rows[0])
            position = self.blocks.visualItemRect(current).center()
        menu = QMenu(self)
        menu.setObjectName("import-role-menu")
        menu.addSection(
            "The selected block is:" if len(rows) == 1 else f"The {len(rows)} blocks are:"
        )
        for role, name in role_menu_names().items():
            action = menu.addAction(name)
            action.setData(role)
            action.triggered.connect(lambda _=False, r=role: self.reassign_rows(rows, r))
        menu.exec(self.blocks.viewport().mapToGlobal(position))
        menu.deleteLater()


def _legend() -> QLabel:
    swatches = " ".join(
        f'<span style="background:{COLOURS[role]}; color:#000000">&nbsp;'
        f"{html.escape(ROLE_NAMES[role]).replace(' ', '&nbsp;')}&nbsp;</span>"
        for role in Role
    )
    label = QLabel(swatches)
    label.setWordWrap(True)
    label.setAccessibleName("Colours of the fields")
    return label
