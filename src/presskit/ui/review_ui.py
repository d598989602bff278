"""The review loop in the editor: File > Send for Review…, File > Compare with Reviewed
Document…, the Review panel, and the History panel (View > History).

Installed by :mod:`presskit.ui.features`: nothing here is in the main window's own code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMessageBox

from presskit.app.history_service import HistoryService
from presskit.app.review_service import ReviewService
from presskit.review.review import ReviewResult
from presskit.ui.history_panel import HistoryPanel
from presskit.ui.review_panel import ReviewPanel

WORD_FILTER = "Word documents (*.docx)"


class ReviewFeature:
    """Owns the review and history services, panels and actions of one window."""

    def __init__(self, window: Any):
        self.window = window
        self.history = HistoryService(window.doc)
        self.service = ReviewService(window)
        self.review_panel = ReviewPanel(window.doc)
        self.history_panel = HistoryPanel(window.doc, self.history)
        self.review_dock = self._dock("Review", "review-dock", self.review_panel)
        self.history_dock = self._dock("History", "history-dock", self.history_panel)
        self.service.finished.connect(self._on_compared)
        self.service.failed.connect(self._on_failed)
        self.history.failed.connect(lambda text: window.status.show_message(f"History: {text}"))
        self._actions()

    def _dock(self, title: str, name: str, widget: Any) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        # A tab beside Checks and Library (hiding a tabbed dock would take it out of the
        # tabs); Checks stays the tab in front.
        self.window.tabifyDockWidget(self.window.library_dock, dock)
        self.window.checks_dock.raise_()
        dock.visibilityChanged.connect(
            lambda visible: (
                visible and self.window.resizeDocks([dock], [300], Qt.Orientation.Vertical)
            )
        )
        return dock

    def _actions(self) -> None:
        window = self.window
        anchor = window.anchors["file.after_export"]
        self.send_action = QAction("Send for &Review…", window)
        self.send_action.triggered.connect(self.send_for_review)
        self.compare_action = QAction("Compare with Reviewed &Document…", window)
        self.compare_action.triggered.connect(self.compare_dialog)
        window.menus["file"].insertActions(anchor, [self.send_action, self.compare_action])
        for dock, text, key in (
            (self.review_dock, "Re&view", "Ctrl+Alt+R"),
            (self.history_dock, "&History", "Ctrl+Alt+H"),
        ):
            # Brings the panel to the front (a toggle would close a tab that is open behind
            # another); its tab's close button closes it.
            action = QAction(text, window)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _=False, d=dock: (d.show(), d.raise_()))
            window.menus["view"].addAction(action)

    # -- actions ------------------------------------------------------------------------------
    def send_for_review(self) -> None:
        """Export the Word document reviewers edit (with Track Changes, in Word)."""
        self.window.exports.choose_and_export("docx", title="Send for Review")

    def compare_dialog(self) -> None:
        folder = self.window.prefs.last_folder("export")
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Compare with Reviewed Document", str(folder), WORD_FILTER
        )
        if name:
            self.compare(Path(name))

    def compare(self, path: Path) -> None:
        """Compare the reviewed document at ``path`` with the open release (in the background)."""
        self.window.status.show_message(f"Comparing {path.name}…")
        self.service.compare(path, self.window.doc.model)

    def _on_compared(self, path: Path, result: ReviewResult) -> None:
        self.review_panel.show_result(path.name, result)
        self.review_dock.show()
        self.review_dock.raise_()
        count = len(result.changes)
        self.window.status.show_message(f"{path.name}: {count} changes to review")

    def _on_failed(self, path: Path, why: str) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Cannot compare")
        box.setText(f"{path.name} could not be compared with the release.")
        box.setInformativeText(why)
        box.open()


def install(window: Any) -> None:
    """Add the review loop to ``window`` (a MainWindow)."""
    window.review = ReviewFeature(window)
