"""The History panel: the saved versions of the open release, compared and restored.

Versions are listed newest first with their time and what changed. Selecting one compares it
with the document as it is now; selecting two compares them with each other: field by field,
side by side, the removed words marked on the left and the added words on the right.
Restoring a version sets every field that differs as one undoable change; nothing is lost,
since the document as it was is the version before (or still in the undo history).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from presskit.app.document import DocumentController
from presskit.app.history_service import HistoryService
from presskit.model.release import Release
from presskit.review.compare import compare_releases, field_changes
from presskit.review.history import Version
from presskit.storage.problems import ReleaseFileError
from presskit.storage.release_file import loads_release
from presskit.ui.diff_view import side_by_side_html


class HistoryPanel(QWidget):
    """Versions on the left, the comparison on the right, Restore below."""

    def __init__(self, doc: DocumentController, history: HistoryService, parent=None):
        super().__init__(parent)
        self._doc = doc
        self._history = history
        self.versions = QListWidget()
        self.versions.setAccessibleName("Saved versions")
        self.versions.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.versions.itemSelectionChanged.connect(self.compare_selected)
        self.comparison = QTextBrowser()
        self.comparison.setAccessibleName("Differences between the versions")
        self.comparison.setOpenLinks(False)
        self.restore_button = QPushButton("Restore This Version")
        self.restore_button.setToolTip(
            "Make the document this version again (Edit > Undo takes it back)"
        )
        self.restore_button.clicked.connect(self.restore_selected)
        self.note = QLabel()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.versions, 1)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        column.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.comparison)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)
        history.versionsChanged.connect(self.reload)
        history.failed.connect(self.note.setText)
        self.reload()

    def reload(self) -> None:
        self.versions.blockSignals(True)
        self.versions.clear()
        versions = self._history.versions()
        for version in reversed(versions):
            stamp = version.when.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(f"{version.number}. {stamp}\n{version.summary}")
            item.setToolTip(version.summary)
            item.setData(Qt.ItemDataRole.UserRole, version)
            self.versions.addItem(item)
        self.versions.blockSignals(False)
        if self._doc.path is None:
            self.note.setText("Save the release to keep its versions.")
        elif not versions:
            self.note.setText("No saved versions yet: each save keeps one.")
        else:
            self.note.setText("Select a version to compare it with the document; "
                              "select two to compare them.")  # fmt: skip
        self.compare_selected()

    def selected(self) -> list[Version]:
        """The selected versions, oldest first."""
        chosen = [item.data(Qt.ItemDataRole.UserRole) for item in self.versions.selectedItems()]
        return sorted(chosen, key=lambda v: v.number)

    def _release(self, version: Version) -> Release | None:
        try:
            return loads_release(self._history.text(version), f"version {version.number}").release
        except (OSError, ReleaseFileError) as exc:
            self.note.setText(f"Version {version.number} cannot be read: {exc}")
            return None

    def compare_selected(self) -> None:
        chosen = self.selected()
        self.restore_button.setEnabled(len(chosen) == 1)
        if not chosen or len(chosen) > 2:
            self.comparison.setHtml("")
            return
        old = self._release(chosen[0])
        if len(chosen) == 2:
            new, titles = (
                self._release(chosen[1]),
                (f"Version {chosen[0].number}", f"Version {chosen[1].number}"),
            )
        else:
            new, titles = self._doc.model, (f"Version {chosen[0].number}", "Now")
        if old is not None and new is not None:
            self.comparison.setHtml(_comparison_html(old, new, titles))

    def restore_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        version = chosen[0]
        release = self._release(version)
        if release is None:
            return
        stamp = version.when.astimezone().strftime("%Y-%m-%d %H:%M")
        self._doc.set_fields(
            f"Restore version {version.number} ({stamp})", field_changes(self._doc.model, release)
        )
        self.compare_selected()


def _comparison_html(old: Release, new: Release, titles: tuple[str, str]) -> str:
    diffs = compare_releases(old, new)
    if not diffs:
        return f"<p>{escape(titles[0])} and {escape(titles[1]).lower()} are the same.</p>"
    rows = [
        f"<tr><th align='left'>Field</th><th align='left'>{escape(titles[0])}</th>"
        f"<th align='left'>{escape(titles[1])}</th></tr>"
    ]
    for diff in diffs:
        left, right = side_by_side_html(diff.old, diff.new)
        rows.append(
            f"<tr><td valign='top'><b>{escape(diff.field)}</b></td>"
            f"<td valign='top' width='45%'>{left}</td>"
            f"<td valign='top' width='45%'>{right}</td></tr>"
        )
    return (
        "<table cellpadding='4' cellspacing='0' border='1' width='100%'>"
        + "".join(rows)
        + "</table>"
    )
