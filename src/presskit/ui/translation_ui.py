"""Language versions in the editor: the Translation panel (a tab beside Checks and Library)
and View > Translation to bring it to the front. See :mod:`presskit.ui.translation_panel`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QInputDialog, QMessageBox

from presskit.model.validation import parse_language_tag
from presskit.storage import save_release
from presskit.translation.linking import default_output, make_translation, source_path_of
from presskit.ui.translation_panel import TranslationPanel


class TranslationFeature:
    """Owns the Translation panel, its dock and its action in one window."""

    def __init__(self, window: Any):
        self.window = window
        self.panel = TranslationPanel(window.doc)
        self.panel.openRequested.connect(self.open_version)
        self.dock = QDockWidget("Translation", window)
        self.dock.setObjectName("translation-dock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.library_dock, self.dock)
        window.checks_dock.raise_()
        self.action = QAction("&Translation", window)
        self.action.setShortcut(QKeySequence("Ctrl+Alt+T"))
        self.action.triggered.connect(self.show)
        window.menus["view"].addAction(self.action)
        self.new_action = QAction("New &Translation…", window)
        self.new_action.triggered.connect(self.new_translation)
        window.menus["file"].insertAction(window.anchors["file.after_open"], self.new_action)

    def show(self) -> None:
        """Bring the panel to the front (a toggle would close a tab open behind another)."""
        self.dock.show()
        self.dock.raise_()
        self.window.resizeDocks([self.dock], [320], Qt.Orientation.Vertical)

    def open_version(self, path: Path) -> None:
        """Open another language version, asking about unsaved changes first."""
        if self.window.files.open_path(path):
            self.show()

    def new_translation(self) -> None:
        """File > New Translation…: a linked copy of the saved release in another language,
        written beside it (``release.de-DE.md``) and opened, ready to translate. From a
        translation, it translates that translation's source."""
        doc, window = self.window.doc, self.window
        if doc.path is None or doc.is_dirty:
            QMessageBox.information(
                window, "New Translation", "Save the release first: a translation is linked "
                "to the release file as it is saved."
            )  # fmt: skip
            return
        text, ok = QInputDialog.getText(
            window, "New Translation", "Language of the translation (a tag such as de-DE):"
        )
        tag, not_a_tag = parse_language_tag(text)
        if not ok or not tag:
            return
        source, source_path = doc.model, doc.path
        if (original := self.panel.source()) is not None:  # a translation: translate its source
            source, source_path = original, source_path_of(doc.model, doc.path) or doc.path
        target = default_output(source_path, tag)
        if not_a_tag or target.exists():
            why = f"{target.name} exists already" if target.exists() else not_a_tag
            QMessageBox.warning(window, "New Translation", f"No translation made: {why}.")
            return
        try:
            save_release(make_translation(source, source_path, target, tag), target)
        except OSError as exc:
            QMessageBox.warning(window, "New Translation", f"{target} cannot be written: {exc}")
            return
        if window.files.open_path(target, confirmed=True):
            self.show()


def install(window: Any) -> None:
    """Add the Translation panel to ``window`` (a MainWindow)."""
    window.translation = TranslationFeature(window)
