"""Help > Getting Started (F1): a short guide to the first hour, bundled with the app."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from presskit.bundled import resource_path


def guide_text() -> str:
    return resource_path("help", "getting-started.md").read_text(encoding="utf-8")


class GettingStarted(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Getting Started with Presskit")
        self.resize(620, 560)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Getting started guide")
        self.browser.setMarkdown(guide_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def install(window: Any) -> None:
    """Help > Getting Started, first in the Help menu."""
    action = QAction("&Getting Started", window)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    action.triggered.connect(lambda: GettingStarted(window).exec())
    menu = window.menus["help"]
    menu.insertAction(menu.actions()[0] if menu.actions() else None, action)
    window.getting_started_action = action
