"""New, Open, Save, Save As, Revert, Recent files, and the questions they must ask first.

Every way of replacing the open document goes through :meth:`DocumentFlow.confirm_discard`,
so unsaved work is never lost without the user saying so. Every way of opening a file (File >
Open, Open Recent, a drop, ``presskit FILE``) goes through :meth:`DocumentFlow.open_path`, which
routes by content: a file a feature claims (``routes``, e.g. a press kit, first key
``presskit_kit``) opens in that feature's window, the rest as a release. Errors (a malformed file, a
read-only folder) are explained in a message naming the file, and the open document stays
as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from presskit.app.document import DocumentController
from presskit.app.recovery import Autosaver, RecoveryEntry, RecoveryStore
from presskit.app.settings import Preferences
from presskit.storage.file_types import (
    RELEASE_SUFFIX,
    is_pdf,
    is_release_file,
    open_filter,
    save_filter,
)
from presskit.storage.problems import ReleaseFileError


class DocumentFlow(QObject):
    """The file side of the editor, between the window's actions and the controller."""

    message = Signal(str)  # for the status bar

    def __init__(
        self,
        doc: DocumentController,
        prefs: Preferences,
        autosaver: Autosaver,
        window: QWidget,
    ):
        super().__init__(window)
        self._doc = doc
        self._prefs = prefs
        self._autosaver = autosaver
        self._window = window
        # Features claim files by content: (accepts(path), open(path) -> window or None).
        self.routes: list[tuple[Callable[[Path], bool], Callable[[Path], object]]] = []
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    # -- questions --------------------------------------------------------------------------
    def confirm_discard(self) -> bool:
        """True when it is fine to replace the document: saved, or the user said so."""
        if not self._doc.is_dirty:
            return True
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Unsaved changes")
        box.setText(f"Save the changes to {self._doc.display_name}?")
        box.setInformativeText("If you don't, your changes will be lost.")
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self._autosaver.discard()
            return True
        return False

    def _error(self, title: str, text: str, detail: str = "") -> None:
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(title)
        box.setText(text)
        if detail:
            box.setInformativeText(detail)
        box.exec()

    # -- actions ----------------------------------------------------------------------------
    def new_blank(self) -> None:
        if self.confirm_discard():
            self._doc.new_blank(self._prefs.new_release())

    def new_from_example(self) -> None:
        if self.confirm_discard():
            self._doc.new_from_example()

    def open_dialog(self) -> None:
        """File > Open: pick the file first, since a press kit opens beside the release."""
        name, _ = QFileDialog.getOpenFileName(
            self._window, "Open", str(self._prefs.last_folder("open")), open_filter()
        )
        if name:
            self.open_path(Path(name))  # asks about unsaved work when it replaces the release

    def route(self, path: Path) -> Callable[[Path], object] | None:
        """The feature's opener for ``path`` when one claims it (a press kit), else None."""
        return next((opener for accepts, opener in self.routes if accepts(path)), None)

    def open_path(self, path: Path, *, confirmed: bool = False) -> bool:
        """Open ``path``; on failure say why and keep the current document."""
        opener = self.route(path)
        if opener is not None:  # opens in a window of its own: the release stays open
            if opener(path) is None:
                return False
            self._prefs.set_last_folder("open", path.resolve().parent)
            self._prefs.add_recent_file(path.resolve())
            self.message.emit(f"Opened {path.name}")
            return True
        if not confirmed and not self.confirm_discard():
            return False
        try:
            self._doc.open(path)
        except ReleaseFileError as exc:
            lines = [str(p) for p in exc.problems]
            shown = "\n".join(lines[:12]) + ("\n…" if len(lines) > 12 else "")
            self._error(
                "Cannot open the release",
                f"{path.name} could not be opened. The document you had open is unchanged.",
                shown,
            )
            return False
        self._prefs.set_last_folder("open", path.resolve().parent)
        if not is_pdf(path):
            self._prefs.add_recent_file(path.resolve())
        warnings = self._doc.load_warnings
        self.message.emit(
            f"Opened {path.name}"
            + (f" ({len(warnings)} warnings: {warnings[0]})" if warnings else "")
        )
        return True

    def save(self) -> bool:
        if self._doc.path is None:
            return self.save_as()
        return self._save_to(self._doc.path)

    def save_as(self) -> bool:
        folder = self._doc.path.parent if self._doc.path else self._prefs.last_folder("open")
        suggested = folder / (self._doc.path.name if self._doc.path else "release.md")
        name, _ = QFileDialog.getSaveFileName(
            self._window, "Save the release", str(suggested), save_filter()
        )
        if not name:
            return False
        path = Path(name)
        if not is_release_file(path):
            path = path.with_suffix(RELEASE_SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            saved = self._doc.save(path)
        except OSError as exc:
            self._error(
                "Cannot save the release",
                f"{path} could not be written: {exc.strerror or exc}.",
                "Your work is still open and unsaved. Try Save As to put it somewhere else "
                "(a folder you can write to, with free space).",
            )
            return False
        self._prefs.add_recent_file(saved)
        self._prefs.set_last_folder("open", saved.parent)
        self.message.emit(f"Saved {saved.name}")
        return True

    def on_changed_on_disk(self, path: Path) -> None:
        """Another program rewrote the open file: reload it, or keep this version?"""
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Changed on disk")
        box.setText(f"{path.name} was changed by another program.")
        unsaved = " and lose your unsaved changes" if self._doc.is_dirty else ""
        box.setInformativeText(
            f"Reload it from disk{unsaved}, or keep your version? If you keep yours, the "
            "next Save writes it over the other program's changes."
        )
        reload = box.addButton("Reload", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("Keep My Version", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        if box.clickedButton() is reload:
            self.open_path(path, confirmed=True)
        else:
            self._doc.mark_unsaved()  # what is on disk is not this document any more
            self.message.emit(f"Kept your version of {path.name}; it is not saved yet")

    def on_removed_from_disk(self, path: Path) -> None:
        self._doc.mark_unsaved()
        self.message.emit(f"{path.name} was deleted or moved on disk; Save writes it again")

    def revert(self) -> None:
        if self._doc.path is None or not self._doc.is_dirty:
            return
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Revert")
        box.setText(f"Throw away your changes and reload {self._doc.display_name} from disk?")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.open_path(self._doc.path, confirmed=True)

    def offer_recovery(self, store: RecoveryStore) -> bool:
        """Offer work left behind by a crash; True when some was restored."""
        for entry in store.orphaned():
            if self._ask_restore(entry):
                self._doc.restore(entry.text(), entry.original, entry.base_dir, entry.name)
                store.remove(entry.key)
                self._autosaver.autosave_now()
                return True
            store.remove(entry.key)
        return False

    def _ask_restore(self, entry: RecoveryEntry) -> bool:
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Recover unsaved work?")
        where = f" (from {entry.original})" if entry.original else ""
        box.setText(f"Presskit closed without saving {entry.name}{where}.")
        box.setInformativeText("Restore the unsaved work? If you discard it, it is gone.")
        restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self._prefs.recent_files()
        for path in files:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self._open_recent(p))
        if not files:
            self.recent_menu.addAction("No recent files").setEnabled(False)

    def _open_recent(self, path: Path) -> None:
        if not path.exists():
            self._prefs.remove_recent_file(path)
            self._error("File not found", f"{path} no longer exists.")
            return
        self.open_path(path)
