"""A real editor process for end-to-end tests: open a release, type, wait for the autosave.

    python tests/ui/editor_driver.py RELEASE.md "Headline to type" "Body text to append"

Prints ``AUTOSAVED`` once the recovery file holds the typed text, then keeps running until
it is killed (the test SIGKILLs it, as a crash would).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from presskit.app.qt_workarounds import protect_singletons

protect_singletons()

from PySide6.QtCore import QEvent, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from presskit.app.settings import Preferences  # noqa: E402
from presskit.ui.main_window import MainWindow  # noqa: E402


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, non-ASCII included (QTest.keyClicks handles ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def main() -> None:
    release, headline, body_text = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = QApplication([])
    prefs = Preferences()
    prefs.set_autosave_seconds(5)  # the shortest interval: the test waits for one tick
    window = MainWindow(prefs)
    window.show()
    window.files.open_path(release, confirmed=True)
    edit = window.header.headline.edit
    edit.setFocus()
    edit.selectAll()
    type_text(edit, headline)  # typed into the real field, as a person types
    editor = window.body.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, body_text)

    def report() -> None:
        recovery = window.store.folder / f"{window.autosaver.key}.md"
        if recovery.exists() and headline in recovery.read_text(encoding="utf-8"):
            print("AUTOSAVED", flush=True)
        else:
            QTimer.singleShot(200, report)

    QTimer.singleShot(200, report)
    app.exec()


if __name__ == "__main__":
    main()
