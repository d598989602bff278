"""Screenshots of the window for docs/screenshots/window-*.png, headless: the example at
1024x700, 1280x800 and 1920x1080 with the form scrolled to the press contacts (where the
form wraps in a narrow column), and at 1280x800 in a dark palette.

    PYTHONPATH=. .venv/bin/python tests/ui/window_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
SIZES = [(1024, 700), (1280, 800), (1920, 1080)]
EMBARGOED = "status: embargoed\nembargo: 2014-09-23T09:00:00-04:00\ntimezone: America/New_York\n"


def shoot(app: object, size: tuple[int, int], out: Path, dark: bool = False) -> None:
    from presskit.app.recovery import RecoveryStore
    from presskit.app.settings import Preferences
    from presskit.bundled import example_release_path
    from presskit.ui.main_window import MainWindow

    work = Path(tempfile.mkdtemp())
    window = MainWindow(Preferences(work / "settings.ini"), RecoveryStore(work / "recovery"))
    window.resize(*size)
    window.show()
    source = example_release_path()
    if dark:  # embargoed, to show the release line's fields and marks
        source = work / "release.md"
        text = example_release_path().read_text(encoding="utf-8")
        source.write_text(text.replace("status: immediate\n", EMBARGOED), encoding="utf-8")
        for asset in example_release_path().parent.iterdir():
            if asset.name != "release.md":
                (work / asset.name).symlink_to(asset)
    window.files.open_path(source, confirmed=True)
    deadline = time.monotonic() + 60
    while window.preview.pages_label.text() == "No pages yet" and time.monotonic() < deadline:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)
    if dark:  # show the marks too: a date that is not understood, a zone that is not one
        window.header.date.edit.setText("soon")
        window.header.date.edit.editingFinished.emit()
        window.form.release.embargo.zone.setCurrentText("Atlantis")
        window.form.release.embargo.zone.lineEdit().editingFinished.emit()
    else:
        window.form_scroll.verticalScrollBar().setValue(window.form.contacts.y() - 8)
    for _ in range(30):
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)
    window.grab().save(str(out))
    window.doc.undo_stack.setClean()
    window.close()
    print("wrote", out.relative_to(ROOT))


def main() -> None:
    work = Path(tempfile.mkdtemp())
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    from presskit.app.qt_workarounds import protect_singletons

    protect_singletons()
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    for width, height in SIZES:
        shoot(app, (width, height), OUT / f"window-{width}x{height}.png")
    from presskit.ui.palette import dark_palette

    app.setStyle("Fusion")
    app.setPalette(dark_palette())
    shoot(app, (1280, 800), OUT / "window-dark-1280x800.png", dark=True)


if __name__ == "__main__":
    main()
