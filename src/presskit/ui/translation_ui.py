"""Language versions in the editor: the Translation panel (a tab beside Checks and Library)
and View > Translation to bring it to the front. See :mod:`presskit.ui.translation_panel`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

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

    def show(self) -> None:
        """Bring the panel to the front (a toggle would close a tab open behind another)."""
        self.dock.show()
        self.dock.raise_()
        self.window.resizeDocks([self.dock], [320], Qt.Orientation.Vertical)

    def open_version(self, path: Path) -> None:
        """Open another language version, asking about unsaved changes first."""
        if self.window.files.open_path(path):
            self.show()


def install(window: Any) -> None:
    """Add the Translation panel to ``window`` (a MainWindow)."""
    window.translation = TranslationFeature(window)
