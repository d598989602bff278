"""Runs the preflight checks after each pause in editing, and keeps their latest findings.

Checking the example takes about two milliseconds, so it runs on the GUI thread after a
short pause; the first run loads the email and phone libraries (tens of milliseconds), which
:meth:`PreflightRunner.warm_up` does once the window is idle.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from presskit.app.document import DocumentController
from presskit.checks.findings import Finding, Severity
from presskit.checks.runner import run_checks
from presskit.translation.linking import SourceReader

PAUSE_MS = 350


class PreflightRunner(QObject):
    """Findings for the open release, refreshed as it changes."""

    findingsChanged = Signal(list)  # list[Finding]

    def __init__(self, doc: DocumentController):
        super().__init__(doc)
        self._doc = doc
        self.findings: list[Finding] = []
        self.page_count: int | None = None
        self.sources = SourceReader()  # the release a translation translates
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.run_now)
        doc.changed.connect(self._timer.start)

    def set_page_count(self, pages: int) -> None:
        """The page count of the last render (for the "more than two pages" rule)."""
        if pages != self.page_count:
            self.page_count = pages
            self._timer.start()

    def warm_up(self) -> None:
        QTimer.singleShot(0, self.run_now)

    def run_now(self) -> None:
        self._timer.stop()
        folder = self._doc.base_dir
        exists = (lambda path: (folder / path).is_file()) if folder is not None else None
        source = self.sources.lookup(folder) if folder is not None else None
        self.findings = run_checks(
            self._doc.model, page_count=self.page_count, exists=exists, source=source
        )
        self.findingsChanged.emit(self.findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    def count_errors(self) -> int:
        return self.count(Severity.ERROR)

    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]
