"""What the docs' screenshot scripts share: a headless Qt application in a throw-away user
folder, a copy of the example release, the editor window on it, and waiting for the preview.

    with screenshot_session() as session:
        window = session.window(path)           # MainWindow, 1280x900, the file open
        session.wait_for_preview(window)
        session.save(window, "panel-1280x900.png")
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"


class ScreenshotSession:
    """The work folder (``work/release/release.md`` is a copy of the example) and the app."""

    def __init__(self, work: Path) -> None:
        from presskit.bundled import example_release_path

        self.work = work
        shutil.copytree(example_release_path().parent, work / "release")
        self.release = work / "release" / "release.md"
        self.windows: list[Any] = []

    def window(self, path: Path) -> Any:
        """The editor window, 1280x900, shown, with ``path`` open."""
        from presskit.app.recovery import RecoveryStore
        from presskit.app.settings import Preferences
        from presskit.ui.main_window import MainWindow

        preferences = Preferences(self.work / "settings.ini")
        window = MainWindow(preferences, RecoveryStore(self.work / "rec"))
        window.resize(1280, 900)
        window.show()
        window.files.open_path(path, confirmed=True)
        self.windows.append(window)
        return window

    @staticmethod
    def wait(ms: int) -> None:
        """Let the event loop run for ``ms`` milliseconds."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_until(self, done: Callable[[], object], settle_ms: int = 500) -> None:
        """Wait until ``done()`` is true, then ``settle_ms`` more for the paint."""
        while not done():
            self.wait(100)
        self.wait(settle_ms)

    def wait_for_preview(self, window: Any) -> None:
        """Wait until the preview shows pages."""
        self.wait_until(lambda: window.preview.page_count > 0, settle_ms=800)

    @staticmethod
    def save(window: Any, name: str) -> Path:
        """``window`` grabbed to docs/screenshots/NAME."""
        OUT.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(OUT / name))
        return OUT / name


@contextmanager
def screenshot_session() -> Iterator[ScreenshotSession]:
    """A headless app with its own settings and data folders; closes and cleans up after."""
    work = Path(tempfile.mkdtemp())
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    from presskit.app.qt_workarounds import protect_singletons

    protect_singletons()
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    session = ScreenshotSession(work)
    try:
        yield session
    finally:
        for window in session.windows:
            window.doc.undo_stack.setClean()
            window.close()
        app.quit()
        shutil.rmtree(work, ignore_errors=True)
