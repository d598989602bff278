"""A screenshot of the Translation panel for docs/translation.md, headless: the example, its
German version made with ``presskit translate``, the English headline changed since, and the
German version open with its outdated headline marked.

    PYTHONPATH=. .venv/bin/python tests/ui/translation_screenshots.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    work = Path(tempfile.mkdtemp())
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    from presskit.app.qt_workarounds import protect_singletons

    protect_singletons()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from presskit.app.recovery import RecoveryStore
    from presskit.app.settings import Preferences
    from presskit.bundled import example_release_path
    from presskit.storage import load_release, save_release
    from presskit.translation.linking import default_output, make_translation
    from presskit.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    shutil.copytree(example_release_path().parent, work / "release")
    path = work / "release" / "release.md"
    english = load_release(path).release
    german_path = default_output(path, "de-DE")
    german = make_translation(english, path, german_path, "de-DE")
    german.headline = "USA: Landminen überall verbieten, auch in Korea"
    german.subheadline = "20. Jahrestag von Präsident Clintons Aufruf zur „endgültigen Beseitigung“"
    save_release(german, german_path)
    english.headline = "US: Ban Landmine Use Everywhere, Korea Included, Now"
    save_release(english, path)

    window = MainWindow(Preferences(work / "settings.ini"), RecoveryStore(work / "rec"))
    window.resize(1280, 900)
    window.show()
    window.files.open_path(german_path, confirmed=True)

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    window.translation.show()
    while window.preview.page_count == 0:
        wait(100)
    wait(800)
    OUT.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(OUT / "translation-panel-1280x900.png"))
    window.doc.undo_stack.setClean()
    window.close()
    app.quit()


if __name__ == "__main__":
    main()
