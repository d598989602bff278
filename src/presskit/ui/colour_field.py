"""The organization's house colour: a hex value field with a swatch that opens a picker."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QHBoxLayout, QPushButton, QWidget

from presskit.app.document import DocumentController
from presskit.model.paths import FieldPath
from presskit.ui.fields import FieldLineEdit, affects

PATH: FieldPath = ("organization", "accent")


class ColourField(QWidget):
    def __init__(self, doc: DocumentController, parent: QWidget | None = None):
        super().__init__(parent)
        self._doc = doc
        self.edit = FieldLineEdit(doc, PATH, "House colour (hex)")
        self.edit.setPlaceholderText("the theme's own, or #1f3a5f")
        self.swatch = QPushButton()
        self.swatch.setAccessibleName("Choose the house colour")
        self.swatch.setToolTip("Choose the house colour")
        self.swatch.setFixedWidth(self.swatch.sizeHint().height() * 2)
        self.swatch.clicked.connect(self.pick)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.swatch)
        doc.fieldChanged.connect(self._refresh)
        doc.documentReplaced.connect(self._refresh)
        self._refresh()

    def pick(self) -> None:
        current = QColor(self._doc.model.organization.accent or "#1f3a5f")
        colour = QColorDialog.getColor(current, self, "House colour")
        if colour.isValid():
            self._doc.set_field(PATH, colour.name())

    def _refresh(self, path: FieldPath | None = None) -> None:
        if not affects(path, PATH):
            return
        value = self._doc.model.organization.accent
        colour = QColor(value) if value else None
        shown = colour.name() if colour is not None and colour.isValid() else "transparent"
        self.swatch.setStyleSheet(f"QPushButton {{ background: {shown}; }}")
