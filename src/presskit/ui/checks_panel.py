"""The checks panel: the preflight findings as you type; click one to go to its field.

Errors, warnings and notes are listed in the order of the form; the hint says how to fix
each. Activating a finding (click, Enter) puts the cursor in the field it concerns, on the
right line of the body for body findings.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from presskit.checks.findings import Finding, Severity
from presskit.model.paths import field_words, parse_path_text
from presskit.ui.fields import field_object_name

_ICONS = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}
_TEXT_FIELDS = {"body", "boilerplate"}
# Fields that are groups in the file: the widget that stands for them in the form.
_GROUP_TARGETS = {"dateline": "dateline.city", "organization": "organization.name"}


class ChecksPanel(QTreeWidget):
    """The list of findings. ``activated_finding`` fires when the user picks one."""

    activatedFinding = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels(["", "Finding", "Field"])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName("Preflight checks")
        self.setColumnWidth(0, 28)
        self.setColumnWidth(1, 520)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)
        self._findings: list[Finding] = []

    def show_findings(self, findings: list[Finding]) -> None:
        self._findings = list(findings)
        self.clear()
        for finding in findings:
            item = QTreeWidgetItem(["", finding.message, _where(finding)])
            item.setIcon(0, self.style().standardIcon(_ICONS[finding.severity]))
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, finding.severity.value)
            tip = f"{finding.severity.value.title()}: {finding.message}"
            if finding.hint:
                tip += f"\n\nHow to fix it: {finding.hint}"
            for column in range(3):
                item.setToolTip(column, tip)
            self.addTopLevelItem(item)
        if not findings:
            self.addTopLevelItem(QTreeWidgetItem(["", "No problems found.", ""]))

    def finding_at(self, row: int) -> Finding:
        return self._findings[row]

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        row = self.indexOfTopLevelItem(item)
        if 0 <= row < len(self._findings):
            self.activatedFinding.emit(self._findings[row])


def _where(finding: Finding) -> str:
    """Where the finding is, in words: "The title of link 3", "The body, line 12"."""
    if not finding.field:
        return ""
    words = field_words(finding.field)
    words = words[:1].upper() + words[1:]
    return f"{words}, line {finding.body_line}" if finding.body_line else words


def go_to_finding(root: QWidget, scroll: QScrollArea, finding: Finding) -> QWidget | None:
    """Put the cursor in the widget of ``finding``'s field; returns that widget."""
    widget = _field_widget(root, finding.field)
    if widget is None:
        return None
    if scroll.widget() is not None and scroll.widget().isAncestorOf(widget):
        scroll.ensureWidgetVisible(widget, 16, 48)
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(widget, QPlainTextEdit) and finding.body_line:
        block = widget.document().findBlockByNumber(finding.body_line - 1)
        if block.isValid():
            cursor = QTextCursor(block)
            widget.setTextCursor(cursor)
            widget.centerCursor()
    elif isinstance(widget, QLineEdit):
        widget.selectAll()
    return widget


def _field_widget(root: QWidget, field: str) -> QWidget | None:
    """The form widget for a field path such as ``contacts[2].email`` or ``links[1]``."""
    name = _GROUP_TARGETS.get(field, field)
    path = parse_path_text(name) if name not in _TEXT_FIELDS else (name,)
    dotted = field_object_name(path)
    exact = root.findChild(QWidget, dotted)
    if exact is not None:
        return exact
    for child in root.findChildren(QWidget):  # a group or a list item: its first field
        if child.objectName().startswith(dotted + ".") and child.isVisibleTo(root):
            return child
    return root.findChild(QWidget, f"add:{path[0]}") if path else None
