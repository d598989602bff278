"""Screenshots of the review loop for docs/review.md, headless: the Review panel with a
reviewed copy of the example, the History panel after a few saves, and the Word document's
first page as LibreOffice renders it.

    PYTHONPATH=. .venv/bin/python tests/ui/review_screenshots.py
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.ui.screenshot_session import OUT, screenshot_session


def main() -> None:
    with screenshot_session() as session:
        from presskit.review.docx_writer import release_docx
        from presskit.storage import load_release
        from tests.review.word_markup import reviewed_by_jana_and_legal

        path, work = session.release, session.work
        window = session.window(path)
        saves = ("Ban Landmine Use Everywhere", "Ban Landmines Everywhere", "End Landmine Use")
        for words in saves:
            window.doc.set_field(("headline",), f"US: {words}, Korea Included")
            window.doc.save()
        reviewed = work / "reviewed.docx"
        sent = release_docx(load_release(path).release)
        headline = "US Says It Will Not Use Landmines, Except in Korea"
        reviewed.write_bytes(reviewed_by_jana_and_legal(sent, headline))
        window.review.compare(reviewed)
        session.wait_until(lambda: window.review.review_panel.rows)
        window.review.review_panel.accept(0)
        session.wait_for_preview(window)
        session.save(window, "review-panel-1280x900.png")
        window.review.history_dock.show()
        window.review.history_dock.raise_()
        panel = window.review.history_panel
        panel.versions.item(1).setSelected(True)
        panel.versions.item(2).setSelected(True)
        session.wait(500)
        session.save(window, "history-panel-1280x900.png")
        _docx_page(release_docx(load_release(path).release), work)


def _docx_page(docx_bytes: bytes, work: Path) -> None:
    """The Word file's first page as LibreOffice renders it, to docs/screenshots."""
    docx = work / "release.docx"
    docx.write_bytes(docx_bytes)
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


if __name__ == "__main__":
    main()
