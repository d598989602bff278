"""Start the editor: the application object, the window, the first document.

``presskit`` opens the last file (or the example on first run); ``presskit FILE`` opens that
file; ``--screenshot OUT.png`` waits until the preview has painted, saves a picture of the
whole window and exits, which works without a display too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
SCREENSHOT_TIMEOUT_MS = 60_000


def run(
    file: Path | None = None,
    screenshot: Path | None = None,
    window_size: tuple[int, int] | None = None,
    library: Path | None = None,
) -> int:
    """Run the editor until its window closes; returns the exit status."""
    if screenshot is not None and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from presskit.app.qt_workarounds import protect_singletons  # noqa: PLC0415

    protect_singletons()  # before Qt runs: PySide6 6.12 leaks references to None and True
    from PySide6.QtCore import QTimer  # noqa: PLC0415 - Qt loads only for the editor
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from presskit import __version__  # noqa: PLC0415
    from presskit.app.settings import Preferences  # noqa: PLC0415
    from presskit.ui.main_window import MainWindow  # noqa: PLC0415

    app = QApplication.instance() or QApplication([sys.argv[0], *_qt_args()])
    app.setApplicationName("Presskit")
    app.setApplicationDisplayName("Presskit")
    app.setOrganizationName("Presskit")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.presskit.Presskit")  # matches the menu entry (packaging/linux)
    from presskit.ui.icons import app_icon  # noqa: PLC0415

    app.setWindowIcon(app_icon())
    from presskit.app.library_service import LibraryService  # noqa: PLC0415

    window = MainWindow(Preferences(), library=LibraryService(library))
    if window_size is not None:
        window.resize(*window_size)
    window.show()
    _report_timing(window)
    if screenshot is None and window.files.offer_recovery(window.store):
        pass
    elif not open_first_document(window, file):
        return EXIT_BAD_INPUT
    if screenshot is None and file is None:
        from presskit.ui.templates_ui import welcome  # noqa: PLC0415

        QTimer.singleShot(0, lambda: welcome(window))  # once, on the first start
    if screenshot is not None:
        status = {"code": EXIT_FAILED}

        def capture(_pages: int) -> None:
            def save() -> None:
                ok = window.grab().save(str(screenshot))
                status["code"] = EXIT_OK if ok else EXIT_FAILED
                print(f"wrote {screenshot}" if ok else f"could not write {screenshot}")
                window.close()

            QTimer.singleShot(200, save)  # let the pixmaps paint

        window.preview.pagesShown.connect(capture)
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, window.close)
        app.exec()
        return status["code"]
    return app.exec()


def open_first_document(window, file: Path | None) -> bool:
    """Open ``file``, else the last release, else the example. False if ``file`` cannot open.

    A press kit as ``file`` opens in the kit editor, and the main window the last release.
    """
    if file is not None:
        if not window.files.open_path(file, confirmed=True):
            print(f"presskit: {file} could not be opened", file=sys.stderr)
            return False
        if window.files.route(file) is None:
            return True  # else a press kit, in its own window: the main window needs a release
    # The last release (a press kit in the recent files opens in its own window, not here).
    releases = (p for p in window.prefs.recent_files() if window.files.route(p) is None)
    last = next(releases, None)
    if last is not None and last.is_file() and window.files.open_path(last, confirmed=True):
        return True
    window.doc.new_from_example()
    return True


def _report_timing(window) -> None:
    """With PRESSKIT_TIMING=1, print when the window appears and the first preview paints.

    The benchmarks read these lines (wall-clock seconds) to measure cold start-up.
    """
    if not os.environ.get("PRESSKIT_TIMING"):
        return
    import time  # noqa: PLC0415

    from PySide6.QtCore import QTimer  # noqa: PLC0415

    def say(event: str) -> None:
        print(f"presskit-timing {event} {time.time():.4f} worker={window.service.worker_pid()}",
              file=sys.stderr, flush=True)  # fmt: skip

    QTimer.singleShot(0, lambda: say("window-visible"))  # after the first paint is queued
    window.preview.pagesShown.connect(lambda _n: say("first-preview"))


def _qt_args() -> list[str]:
    """Qt's own options from the environment, e.g. PRESSKIT_QT_ARGS="-style fusion"."""
    return os.environ.get("PRESSKIT_QT_ARGS", "").split()
