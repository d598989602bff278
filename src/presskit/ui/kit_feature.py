"""File > New Press Kit… and Open Press Kit…: the press-kit editor, installed on the main
window like every feature (``presskit.ui.features``).

A new kit starts from the open release: its organization, contacts, language and theme, so
what the library filled into the release fills the kit too. A kit file opened any way on the
main window (File > Open, Open Recent, a drop, ``presskit kit.md``) opens in the kit editor:
the main window's :class:`~presskit.ui.document_flow.DocumentFlow` routes it here. Unsaved
work is autosaved by the release editor's :class:`~presskit.app.recovery.Autosaver` into a
recovery folder of the kits' own (so the release editor never offers a kit as a release);
opening the kit again offers it back.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from presskit.app.kit_document import KitDocument
from presskit.app.recovery import Autosaver, RecoveryStore
from presskit.kit.file import is_kit_file, save_kit
from presskit.kit.model import Kit
from presskit.storage.problems import ReleaseFileError
from presskit.ui.kit_window import KitWindow

NEW_TEXT = "New Press &Kit…"
OPEN_TEXT = "Open Press Kit…"


class KitFeature:
    """The menu actions and the kit windows of one main window."""

    def __init__(self, window: Any):
        self.window = window
        self.windows: list[KitWindow] = []
        self.store = RecoveryStore(window.store.folder.parent / "kit-recovery")
        menu, anchor = window.menus["file"], window.anchors["file.after_open"]
        self.new_action = QAction(NEW_TEXT, window)
        self.new_action.triggered.connect(self.new_kit)
        self.open_action = QAction(OPEN_TEXT, window)
        self.open_action.triggered.connect(self.open_dialog)
        menu.insertActions(anchor, [self.new_action, self.open_action])
        window.files.routes.append((is_kit_file, self.open_path))  # Open, Recent, drops
        window.close_checks.append(self.close_all)

    def _start_folder(self) -> Path:
        path = self.window.doc.path
        return Path(path).parent if path else Path.home()

    def new_kit(self) -> KitWindow | None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, "New Press Kit", str(self._start_folder() / "kit.md"),
            "Press kit (*.md)",
        )  # fmt: skip
        if not name:
            return None
        release = self.window.doc.model
        kit = Kit(
            language=release.language, theme=release.theme,
            organization=copy.deepcopy(release.organization),
            contacts=copy.deepcopy(release.contacts),
        )  # fmt: skip
        path = Path(name)
        try:
            save_kit(kit, path)
        except OSError as exc:
            QMessageBox.warning(self.window, "New Press Kit", f"{path}: {exc}")
            return None
        return self._show(KitDocument(path, kit))

    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Open Press Kit", str(self._start_folder()), "Press kit (*.md)"
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> KitWindow | None:
        try:
            doc = KitDocument.open(path)
        except ReleaseFileError as exc:
            QMessageBox.warning(self.window, "Open Press Kit", str(exc))
            return None
        kit_window = self._show(doc)
        self._offer_recovery(kit_window)
        return kit_window

    def _offer_recovery(self, kit_window: KitWindow) -> None:
        doc = kit_window.doc
        for entry in self.store.orphaned():
            if entry.original is None or entry.original.resolve() != doc.path.resolve():
                continue
            answer = QMessageBox.question(
                kit_window, "Recover unsaved work?",
                f"Presskit closed without saving {doc.display_name}. Restore the unsaved work?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )  # fmt: skip
            if answer == QMessageBox.StandardButton.Yes:
                try:
                    doc.restore_text(entry.text())
                except (ReleaseFileError, OSError) as exc:
                    QMessageBox.warning(kit_window, "Recover unsaved work", str(exc))
            self.store.remove(entry.key)

    def _show(self, doc: KitDocument) -> KitWindow:
        kit_window = KitWindow(doc, library=self.window.library)
        kit_window.autosaver = Autosaver(doc, self.store, self.window.prefs)  # type: ignore[arg-type]
        self.windows.append(kit_window)
        kit_window.closed.connect(lambda: self._forget(kit_window))
        kit_window.show()
        return kit_window

    def _forget(self, kit_window: KitWindow) -> None:
        if kit_window in self.windows:
            self.windows.remove(kit_window)

    def close_all(self) -> bool:
        """Close every kit window (each asks about its unsaved changes); False when the user
        cancelled one: the main window then stays open, and so does that kit."""
        return all(kit_window.close() for kit_window in list(self.windows))


def install(window: Any) -> None:
    """Add the press-kit actions to ``window`` (a MainWindow)."""
    window.kits = KitFeature(window)
