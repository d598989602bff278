"""The status bar: words, reading time and pages, plus messages with an "Open folder" link."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar

from presskit.app.document import DocumentController
from presskit.checks.length import word_count
from presskit.model.wording import counted
from presskit.ui.export_flow import open_folder

WORDS_PER_MINUTE = 200


def reading_time(words: int) -> str:
    if words == 0:
        return "—"
    minutes = words / WORDS_PER_MINUTE
    return "under 1 min read" if minutes < 1 else f"{round(minutes)} min read"


class StatusPanel:
    """Owns the permanent widgets of the window's status bar."""

    def __init__(self, bar: QStatusBar, doc: DocumentController):
        self._bar = bar
        self._doc = doc
        self.words = QLabel()
        self.words.setAccessibleName("Word count")
        self.reading = QLabel()
        self.reading.setAccessibleName("Reading time")
        self.characters = QLabel()
        self.characters.setAccessibleName("Character count")
        self.pages = QLabel()
        self.pages.setAccessibleName("Pages")
        self.findings = QPushButton("")
        self.findings.setFlat(True)
        self.findings.setAccessibleName("Preflight check counts; click to show the checks")
        self.open_folder = QPushButton("Open folder")
        self.open_folder.setFlat(True)
        self.open_folder.setAccessibleName("Open the folder of the last export")
        self.open_folder.hide()
        self._folder: Path | None = None
        self.open_folder.clicked.connect(lambda: self._folder and open_folder(self._folder))
        bar.addPermanentWidget(self.open_folder)
        for label in (self.findings, self.words, self.characters, self.reading, self.pages):
            bar.addPermanentWidget(label)
        self._timer = QTimer(bar)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)  # counting a long body on every keystroke is wasted work
        self._timer.timeout.connect(self.update_counts)
        doc.changed.connect(self._timer.start)
        self.update_counts()

    def update_counts(self) -> None:
        body = self._doc.model.body
        words = word_count(body)  # the length check's own count
        self.words.setText(counted(words, "word"))
        self.characters.setText(f"{len(body):,} characters")
        self.reading.setText(reading_time(words))

    def set_findings(self, findings: list) -> None:
        errors = sum(1 for f in findings if f.severity.value == "error")
        warnings = sum(1 for f in findings if f.severity.value == "warning")
        parts = [counted(errors, "error")]
        parts.append(counted(warnings, "warning"))
        # "✓" only for a release with nothing left to look at: a placeholder link or a
        # release without a press contact is a warning, and shows "⚠".
        mark = "✖ " if errors else ("⚠ " if warnings else "✓ ")
        self.findings.setText(mark + " · ".join(parts))

    def set_pages(self, count: int) -> None:
        self.pages.setText(counted(count, "page"))

    def show_message(self, text: str, folder: Path | None = None) -> None:
        self._bar.showMessage(text, 8000)
        self._folder = folder
        self.open_folder.setVisible(folder is not None)
