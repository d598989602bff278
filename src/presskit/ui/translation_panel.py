"""The Translation panel: language tabs for a release's versions, and a translation beside
its source, segment by segment, with the segments whose source changed marked.

The tabs name every language version (``translation/versions.py``); clicking one opens that
version (asking first about unsaved changes). When the open release is a translation, the
table shows each source segment next to its translation; a segment whose source changed
since it was translated is marked ⚠ and tinted. "Mark as Up to Date" records the source's
current text for the selected segments (all outdated ones when none is selected) as one undo
step; saving writes it into the file, and ``translation-outdated`` goes away.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from presskit.app.document import DocumentController
from presskit.model.release import Release
from presskit.model.segments import outdated_segments, release_segments
from presskit.translation.linking import SourceReader, mark_up_to_date, source_path_of
from presskit.translation.versions import Version, language_versions

OUTDATED_TINT = QColor("#fff3cd")
REFRESH_MS = 300


def _own_texts(release: Release) -> dict[str, str]:
    """Each segment's text in ``release`` itself, by id (the translation's side)."""
    return {segment.id: segment.text for segment in release_segments(release)}


class TranslationPanel(QWidget):
    """Language tabs and the side-by-side view of the open release."""

    openRequested = Signal(object)  # Path of the version to open

    def __init__(self, doc: DocumentController, parent: QWidget | None = None):
        super().__init__(parent)
        self._doc = doc
        self.sources = SourceReader()
        self.versions: list[Version] = []
        self.outdated: list[str] = []
        self.tabs = QTabBar()
        self.tabs.setAccessibleName("Language versions")
        self.tabs.setExpanding(False)
        self.tabs.tabBarClicked.connect(self._tab_clicked)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName("Source and translation")
        self.table.setHorizontalHeaderLabels(["Segment", "Source", "Translation"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mark_button = QPushButton("&Mark as Up to Date")
        self.mark_button.setToolTip(
            "Record that the selected segments (all outdated ones when none is selected) "
            "are translated from the source as it reads now"
        )
        self.mark_button.clicked.connect(self.mark_up_to_date)
        row = QHBoxLayout()
        row.addWidget(self.tabs, 1)
        row.addWidget(self.mark_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh_table)
        doc.changed.connect(self._timer.start)
        doc.documentReplaced.connect(self.refresh)
        doc.pathChanged.connect(lambda _path: self.refresh())
        doc.saved.connect(lambda _path: self.refresh())
        self.refresh()

    # -- tabs ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Find the versions again (a new document, a save) and redraw everything."""
        path = self._doc.path
        self.versions = language_versions(path, self._doc.model) if path else []
        while self.tabs.count():
            self.tabs.removeTab(0)
        here = path.resolve() if path else None
        for index, version in enumerate(self.versions):
            self.tabs.addTab(version.language)
            self.tabs.setTabToolTip(index, str(version.path))
            if version.path == here:
                self.tabs.setCurrentIndex(index)
        self.tabs.setVisible(bool(self.versions))
        self.refresh_table()

    def _tab_clicked(self, index: int) -> None:
        if 0 <= index < len(self.versions):
            target = self.versions[index].path
            if self._doc.path is None or target != self._doc.path.resolve():
                self.openRequested.emit(target)

    # -- the side-by-side table ---------------------------------------------------------------
    def source(self) -> Release | None:
        """The release the open one translates, as it is on disk now."""
        path = self._doc.path
        source = source_path_of(self._doc.model, path) if path else None
        return self.sources.read(source) if source is not None else None

    def refresh_table(self) -> None:
        self._timer.stop()
        release = self._doc.model
        source = self.source() if release.translation is not None else None
        self.table.setRowCount(0)
        self.outdated = []
        if source is None or release.translation is None:
            self.note.setText(self._explain(release))
            self.mark_button.setEnabled(False)
            return
        self.outdated = [s.id for s in outdated_segments(release.translation.segments, source)]
        own = _own_texts(release)
        segments = release_segments(source)
        self.table.setRowCount(len(segments))
        for row, segment in enumerate(segments):
            stale = segment.id in self.outdated
            label = f"⚠ {segment.id}" if stale else segment.id
            cells = (label, segment.text, own.get(segment.id, ""))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, segment.id)
                if stale:
                    item.setBackground(QBrush(OUTDATED_TINT))
                    item.setToolTip("The source changed since this was translated")
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        count = len(self.outdated)
        self.note.setText(
            f"{count} segment{'s' if count != 1 else ''} changed in the source since translated"
            if count
            else "The translation is up to date with its source."
        )
        self.mark_button.setEnabled(bool(count))

    def _explain(self, release: Release) -> str:
        if release.translation is not None:
            return f"The source ({release.translation.source}) cannot be read."
        if self.versions:
            return "Open a translation (a tab above) to see it beside this release."
        return "This release has no other language versions (presskit translate makes one)."

    def selected_ids(self) -> list[str]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in sorted(rows)]

    def mark_up_to_date(self) -> None:
        """Record the source's current text for the selected (or all outdated) segments."""
        release = self._doc.model
        source = self.source()
        if source is None or release.translation is None:
            return
        ids = [i for i in self.selected_ids() if i in self.outdated] or list(self.outdated)
        if not ids:
            return
        changed = copy.deepcopy(release)
        mark_up_to_date(changed, source, ids)
        label = "Mark as Up to Date" if len(ids) > 1 else f"Mark {ids[0]} as Up to Date"
        self._doc.set_fields(label, [(("translation",), changed.translation)])
        self.refresh_table()
