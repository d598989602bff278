"""File > Publish to Newsroom Folder…: build the static newsroom from folders of releases.

The dialog remembers the last settings (Preferences); the build runs in its own process
(:class:`~presskit.app.newsroom_runner.NewsroomRunner`) with a progress dialog that can
cancel it; the end says what was published, what was held back by its embargo and until
when, and offers to open the site.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from presskit.app.newsroom_runner import NewsroomRunner
from presskit.app.settings import NewsroomSettings
from presskit.model.wording import counted
from presskit.ui.newsroom_dialog import NewsroomDialog

MENU_TEXT = "Publish to &Newsroom Folder…"


class NewsroomPublisher:
    """The menu action and everything it opens, for one main window."""

    def __init__(self, window: Any):
        self.window = window
        self.runner: NewsroomRunner | None = None
        self.progress: QProgressDialog | None = None
        self.summary: QMessageBox | None = None
        self.action = QAction(MENU_TEXT, window)
        self.action.triggered.connect(self.ask)
        window.menus["file"].insertAction(window.anchors["file.after_export"], self.action)

    def _defaults(self) -> NewsroomSettings:
        settings = self.window.prefs.newsroom()
        if not settings.sources and self.window.doc.path is not None:
            settings.sources = [Path(self.window.doc.path).parent]
        return settings

    def ask(self) -> None:
        if self.runner is not None and self.runner.running():
            return
        if not self._saved_first():
            return
        dialog = NewsroomDialog(self._defaults(), self.window)
        if dialog.exec() != NewsroomDialog.DialogCode.Accepted:
            return
        settings = dialog.settings()
        self.window.prefs.set_newsroom(settings)
        self.window.prefs.sync()
        self.start(settings)

    def _saved_first(self) -> bool:
        """The build reads the files on disk: offer to save the open release first."""
        if not self.window.doc.is_dirty:
            return True
        answer = QMessageBox.question(
            self.window,
            "Publish to Newsroom Folder",
            "The open release has unsaved changes. The newsroom publishes the saved files.",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Ignore
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return bool(self.window.files.save())
        return answer == QMessageBox.StandardButton.Ignore

    def start(self, settings: NewsroomSettings) -> None:
        self.settings = settings
        self.runner = NewsroomRunner(self.window)
        self.progress = QProgressDialog("Looking for releases…", "Cancel", 0, 0, self.window)
        self.progress.setWindowTitle("Publishing the Newsroom")
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self._cancel)
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.window.status.show_message("Publishing the newsroom…")
        self.runner.start(settings)
        self.progress.show()

    def _cancel(self) -> None:
        if self.runner is not None:
            self.runner.cancel()
        if self.progress is not None:
            self.progress.setLabelText("Cancelling after the release being rendered…")

    def _on_progress(self, done: int, total: int, headline: str) -> None:
        if self.progress is None:
            return
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setLabelText(f"Rendered {done} of {total}: {headline}")

    def _on_finished(self, report: dict[str, Any] | None, error: str) -> None:
        if self.progress is not None:
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None
        if report is None:
            if error:
                QMessageBox.warning(self.window, "The newsroom was not published", error)
            self.window.status.show_message("The newsroom was not published")
            return
        self._show_summary(report)

    def _show_summary(self, report: dict[str, Any]) -> None:
        site = Path(report["site_dir"])
        first = f"Published {counted(report['published'], 'release')} to {site}."
        if report.get("cancelled"):
            first = f"Cancelled. The site lists {counted(report['published'], 'release')}."
        lines = [first, f"{len(report['rendered'])} rendered, {report['unchanged']} unchanged."]
        lines += [f"Held back: {line}" for line in report["held"]]
        lines += [f"Not published: {line}" for line in report["failed"]]
        box = QMessageBox(self.window)
        box.setWindowTitle("Newsroom published" if not report.get("cancelled") else "Newsroom")
        box.setIcon(QMessageBox.Icon.Information)
        box.setText("\n".join(lines[:2]))
        details = lines[2:] + [f"Skipped: {line}" for line in report["skipped"]]
        details += [f"Note: {line}" for line in report["notes"]]
        box.setInformativeText("\n".join(details[:12]))
        open_site = box.addButton("Open Site", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        index = QUrl.fromLocalFile(str(site / "index.html"))
        open_site.clicked.connect(lambda: QDesktopServices.openUrl(index))
        self.summary = box
        box.open()
        self.window.status.show_message(first, site)


def install(window: Any) -> None:
    """Add File > Publish to Newsroom Folder… to ``window``."""
    window.newsroom = NewsroomPublisher(window)
