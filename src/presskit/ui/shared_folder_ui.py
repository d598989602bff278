"""Releases on shared or synced folders: the lock while a release is open, shown to a second
person ("open by Jana on LAPTOP-3 since 10:42"), and sync tools' conflict copies, offered for
comparison. The rules are :mod:`presskit.storage.shared_folder`; the existing outside-change
detection (:mod:`presskit.app.disk_watcher`) covers the rest.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from presskit.review.compare import compare_releases
from presskit.storage import ReleaseFileError, load_release
from presskit.storage.shared_folder import REFRESH_EVERY, ReleaseLock, conflict_copies
from presskit.ui.diff_view import inline_diff_html


class ConflictCopiesDialog(QDialog):
    """What each conflict copy holds that the open release does not, field by field."""

    def __init__(self, current: Any, copies: list[Path], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Conflicting Copies")
        self.resize(760, 520)
        self.text = QTextBrowser()
        self.text.setHtml(_comparison_html(current, copies))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


def _comparison_html(current: Any, copies: list[Path]) -> str:
    parts = []
    for copy in copies:
        parts.append(f"<h3>{escape(copy.name)}</h3>")
        try:
            other = load_release(copy).release
        except (ReleaseFileError, OSError) as exc:
            parts.append(f"<p>cannot be read: {escape(str(exc))}</p>")
            continue
        diffs = compare_releases(current, other)
        if not diffs:
            parts.append("<p>Same content as the open release.</p>")
        for diff in diffs:
            change = inline_diff_html(diff.old, diff.new)
            parts.append(f"<p><b>{escape(diff.field)}</b>: {change}</p>")
    return "".join(parts)


class SharedFolderFeature:
    """Takes the lock of the open release, says who else has it open, finds conflict copies."""

    def __init__(self, window: Any):
        self.window = window
        self.lock: ReleaseLock | None = None
        self.other = ""  # who else has the release open, as shown
        self.copies: list[Path] = []
        self.button = QPushButton()
        self.button.setFlat(True)
        self.button.setAccessibleName("Shared folder: who else has the release open, copies")
        self.button.clicked.connect(self.compare_copies)
        self.button.hide()
        window.statusBar().addPermanentWidget(self.button)
        self._timer = QTimer(window)
        self._timer.setInterval(int(REFRESH_EVERY.total_seconds() * 1000))
        self._timer.timeout.connect(self._refresh)
        self._timer.start()
        window.doc.pathChanged.connect(self.opened)
        window.shutdown_hooks.append(self.close)
        if window.doc.path is not None:
            self.opened(window.doc.path)

    def opened(self, path: Path | None) -> None:
        self.close()
        if path is None:
            self._show()
            return
        self.lock = ReleaseLock(Path(path))
        holder = self.lock.acquire()
        self.other = holder.describe() if holder else ""
        self.copies = conflict_copies(Path(path))
        self._show()
        if holder is not None:
            QTimer.singleShot(0, self._warn)

    def _warn(self) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Release Open Elsewhere")
        box.setText(f"This release is {self.other}.")
        box.setInformativeText(
            "If you both change it, one of you will overwrite the other's work or the sync "
            "tool will make a conflicting copy. Agree who edits it first."
        )
        box.open()

    def _show(self) -> None:
        parts = [self.other] if self.other else []
        if self.copies:
            count = len(self.copies)
            parts.append(f"{count} conflicting cop{'y' if count == 1 else 'ies'}")
        self.button.setText(" · ".join(parts))
        self.button.setVisible(bool(parts))
        tip = "Click to compare the copies" if self.copies else "Someone else has it open"
        self.button.setToolTip(tip)

    def _refresh(self) -> None:
        if self.lock is None:
            return
        self.lock.refresh()
        holder = self.lock.holder()
        if self.lock.mine is None and holder is None:
            self.lock.acquire()  # the other person closed it: it is ours now
        self.other = holder.describe() if holder else ""
        self.copies = conflict_copies(self.lock.release)
        self._show()

    def compare_copies(self) -> None:
        if self.copies:
            ConflictCopiesDialog(self.window.doc.model, self.copies, self.window).open()

    def close(self) -> None:
        if self.lock is not None:
            self.lock.release_lock()
            self.lock = None
        self.other, self.copies = "", []


def install(window: Any) -> None:
    """Add release locks and conflict copies to ``window`` (a MainWindow)."""
    window.shared_folder = SharedFolderFeature(window)
