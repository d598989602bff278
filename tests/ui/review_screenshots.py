"""Screenshots of the review loop for docs/review.md, headless: the Review panel with a
reviewed copy of the example, the History panel after a few saves, and the Word document's
first page as LibreOffice renders it.

    PYTHONPATH=. .venv/bin/python tests/ui/review_screenshots.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
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
    from presskit.review.docx_writer import release_docx
    from presskit.storage import load_release
    from presskit.ui.main_window import MainWindow
    from tests.review.word_markup import reviewed_by_jana_and_legal

    app = QApplication(sys.argv[:1])
    shutil.copytree(example_release_path().parent, work / "release")
    path = work / "release" / "release.md"
    window = MainWindow(Preferences(work / "settings.ini"), RecoveryStore(work / "rec"))
    window.resize(1280, 900)
    window.show()
    window.files.open_path(path, confirmed=True)

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    for words in ("Ban Landmine Use Everywhere", "Ban Landmines Everywhere", "End Landmine Use"):
        window.doc.set_field(("headline",), f"US: {words}, Korea Included")
        window.doc.save()
    reviewed = work / "reviewed.docx"
    sent = release_docx(load_release(path).release)
    headline = "US Says It Will Not Use Landmines, Except in Korea"
    reviewed.write_bytes(reviewed_by_jana_and_legal(sent, headline))
    window.review.compare(reviewed)
    while not window.review.review_panel.rows:
        wait(100)
    wait(500)
    window.review.review_panel.accept(0)
    while window.preview.page_count == 0:
        wait(100)
    wait(800)
    OUT.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(OUT / "review-panel-1280x900.png"))
    window.review.history_dock.show()
    window.review.history_dock.raise_()
    panel = window.review.history_panel
    panel.versions.item(1).setSelected(True)
    panel.versions.item(2).setSelected(True)
    wait(500)
    window.grab().save(str(OUT / "history-panel-1280x900.png"))
    window.doc.undo_stack.setClean()
    window.close()
    docx = work / "release.docx"
    docx.write_bytes(release_docx(load_release(path).release))
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(work / 'lo').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(work), str(docx)],
        check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(work / "release.pdf"),
         str(OUT / "review-docx-page")],
        check=True,
    )  # fmt: skip
    app.quit()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
