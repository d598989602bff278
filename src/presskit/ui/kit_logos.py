"""The kit editor's logos: a row per logo file (its thumbnail, name and size, the variant
typed or picked: colour, mono, reverse…), Add Logo… (or logo files dropped on the panel,
copied into the kit's ``logos/`` folder as photos are into ``photos/``) and Remove.

Thumbnails are read only for files :func:`presskit.kit.assets.resolve_asset` accepts; an SVG
logo is checked for scripts and external references when the kit is exported, not here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCompleter,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from presskit.app.kit_document import LOGO_SUFFIXES, KitDocument
from presskit.ui.kit_people import dropped_files
from presskit.ui.kit_photos import THUMBNAIL, rebuild_rows, show_asset

VARIANTS = ("colour", "mono", "reverse", "horizontal", "stacked", "icon")
"""Suggested variant names; any other may be typed."""


class LogoRow(QFrame):
    """One logo: thumbnail, file, variant, Remove."""

    def __init__(self, doc: KitDocument, index: int):
        super().__init__()
        self.doc, self.index = doc, index
        logo = doc.kit.logos[index]
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.thumb = QLabel("—")
        self.thumb.setFixedSize(THUMBNAIL.height(), THUMBNAIL.height())
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.info = QLabel(logo.file)
        self.info.setWordWrap(True)
        show_asset(self.thumb, self.info, doc.folder, logo.file)
        self.variant = QLineEdit(logo.variant)
        self.variant.setPlaceholderText(", ".join(VARIANTS[:3]) + "…")
        self.variant.setCompleter(QCompleter(list(VARIANTS), self.variant))
        self.variant.setAccessibleName(f"Logo {index + 1} variant")
        self.variant.textEdited.connect(self._edit)
        self.remove = QPushButton("Remove")
        self.remove.setAccessibleName(f"Remove logo {index + 1}")
        self.remove.clicked.connect(self._remove)
        form = QFormLayout()
        form.addRow("File", self.info)
        form.addRow("Variant", self.variant)
        form.addRow("", self.remove)
        layout = QHBoxLayout(self)
        layout.addWidget(self.thumb)
        layout.addLayout(form, 1)

    def _edit(self, text: str) -> None:
        index = self.index
        self.doc.edit("Edit Logo Variant", lambda kit: setattr(kit.logos[index], "variant", text),
                      merge_key=f"logos[{index}].variant")  # fmt: skip

    def _remove(self) -> None:
        index = self.index
        self.doc.edit("Remove Logo", lambda kit: kit.logos.pop(index))
        self.doc.replaced.emit()


class LogosPanel(QGroupBox):
    """The logo in its variants: a row each, Add Logo…, logo files dropped on the panel."""

    def __init__(self, doc: KitDocument):
        super().__init__("Logos")
        self.doc = doc
        self.rows: list[LogoRow] = []
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        self._rows_box = QVBoxLayout()
        layout.addLayout(self._rows_box)
        self.add_button = QPushButton("Add Logo…")
        self.add_button.clicked.connect(self.choose)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        doc.replaced.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self.rows = rebuild_rows(self._rows_box, self.rows, LogoRow, self.doc, self.doc.kit.logos)

    def choose(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in LOGO_SUFFIXES)
        names, _ = QFileDialog.getOpenFileNames(
            self, "Add Logo", str(self.doc.folder), f"Logos ({patterns})"
        )
        self.add([Path(name) for name in names])

    def add(self, paths: list[Path]) -> None:
        if not paths:
            return
        try:
            self.doc.add_logos(paths)
        except OSError as exc:
            QMessageBox.warning(self, "Add Logo", f"The logo could not be copied: {exc}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event, LOGO_SUFFIXES):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        logos = dropped_files(event, LOGO_SUFFIXES)
        if logos:
            event.acceptProposedAction()
            self.add(logos)
