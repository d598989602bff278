"""The status bar: words, reading time and pages, plus messages with an "Open folder" link."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar

from presskit.app.document import DocumentController
from presskit.ui.export_flow import open_folder

WORDS_PER_MINUTE = 200
_WORD = re.compile(r"[\w’'-]+")
_MARKDOWN_LINK_TARGET = re.compile(r"\]\([^)]*\)")


def count_words(markdown: str) -> int:
    """Words a reader reads: link targets and Markdown punctuation do not count."""
    return len(_WORD.findall(_MARKDOWN_LINK_TARGET.sub("]", markdown)))


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
        self.pages = QLabel()
        self.pages.setAccessibleName("Pages")
        self.open_folder = QPushButton("Open folder")
        self.open_folder.setFlat(True)
        self.open_folder.setAccessibleName("Open the folder of the last export")
        self.open_folder.hide()
        self._folder: Path | None = None
        self.open_folder.clicked.connect(lambda: self._folder and open_folder(self._folder))
        bar.addPermanentWidget(self.open_folder)
        for label in (self.words, self.reading, self.pages):
            bar.addPermanentWidget(label)
        self._timer = QTimer(bar)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)  # counting a long body on every keystroke is wasted work
        self._timer.timeout.connect(self.update_counts)
        doc.changed.connect(self._timer.start)
        self.update_counts()

    def update_counts(self) -> None:
        words = count_words(self._doc.model.body)
        self.words.setText(f"{words} word" + ("" if words == 1 else "s"))
        self.reading.setText(reading_time(words))

    def set_pages(self, count: int) -> None:
        self.pages.setText(f"{count} page" + ("" if count == 1 else "s"))

    def show_message(self, text: str, folder: Path | None = None) -> None:
        self._bar.showMessage(text, 8000)
        self._folder = folder
        self.open_folder.setVisible(folder is not None)
