"""File > Publish to Newsroom Folder…, driven as a person does: the dialog, its folder
pickers, the progress dialog's Cancel, and the settings remembered for next time."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from presskit.ui.newsroom_dialog import NewsroomDialog
from presskit.ui.newsroom_publish import MENU_TEXT
from tests.newsroom.conftest import CORPUS
from tests.ui.conftest import answer_dialog


def _menu_action(window, text: str):
    return next(a for a in window.menus["file"].actions() if a.text() == text)


def _choose_folder(folder: Path) -> Callable[[QDialog], None]:
    def respond(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.setDirectory(str(folder))
        dialog.accept()

    return respond


def _fill_in(qtbot, sources: Path, site: Path) -> Callable[[NewsroomDialog], None]:
    """What a person does in the dialog: swap the suggested folder for the releases folder,
    type the site folder and the address, and press Publish."""

    def respond(dialog: NewsroomDialog) -> None:
        first = dialog.sources.visualItemRect(dialog.sources.item(0)).center()
        qtbot.mouseClick(dialog.sources.viewport(), Qt.MouseButton.LeftButton, pos=first)
        qtbot.mouseClick(dialog.remove_source, Qt.MouseButton.LeftButton)
        answer_dialog(_choose_folder(sources))
        qtbot.mouseClick(dialog.add_source, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.site, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.site, str(site))
        qtbot.mouseClick(dialog.base_url, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.base_url, "https://press.example.org/news")
        qtbot.keyClicks(dialog.title, "Coastal Press Room")
        qtbot.mouseClick(dialog.publish, Qt.MouseButton.LeftButton)

    return respond


def _summary(qtbot, window) -> QMessageBox:
    qtbot.waitUntil(lambda: window.newsroom.summary is not None, timeout=180_000)
    return window.newsroom.summary


def test_publish_to_a_newsroom_folder_and_the_settings_are_remembered(
    qtbot, window, tmp_path
) -> None:
    sources = tmp_path / "releases"
    for name in ("puffin-chicks", "future-orchard"):
        shutil.copytree(CORPUS / name, sources / name)
    site = tmp_path / "site"
    answer_dialog(_fill_in(qtbot, sources, site))
    _menu_action(window, MENU_TEXT).trigger()
    box = _summary(qtbot, window)
    assert box.text().startswith(f"Published 1 release to {site}.")
    assert (
        f"Held back: {sources}/future-orchard/release.md: held back until 2099-01-01 09:00 UTC"
        in box.informativeText()
    )
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "Record Year for Puffin Chicks" in index and "<title>Coastal Press Room</title>" in index
    assert "zyxwarbleton" not in index.casefold()
    assert (site / "feed.xml").is_file()
    box.button(QMessageBox.StandardButton.Close).click()

    seen: dict[str, object] = {}

    def look(dialog: NewsroomDialog) -> None:
        seen["settings"] = dialog.settings()
        dialog.reject()

    answer_dialog(look)
    _menu_action(window, MENU_TEXT).trigger()
    qtbot.waitUntil(lambda: "settings" in seen)
    remembered = seen["settings"]
    assert remembered.sources == [sources] and remembered.site == site  # type: ignore[attr-defined]
    assert remembered.base_url == "https://press.example.org/news"  # type: ignore[attr-defined]
    assert remembered.title == "Coastal Press Room"  # type: ignore[attr-defined]
    assert window.prefs.newsroom().sources == [sources]


def test_cancel_stops_the_build_and_leaves_a_consistent_site(qtbot, window, tmp_path) -> None:
    sources = tmp_path / "releases"
    for name in ("puffin-chicks", "library-hotspots", "agua-escuelas", "seniors-video"):
        shutil.copytree(CORPUS / name, sources / name)
    site = tmp_path / "site"

    answer_dialog(_fill_in(qtbot, sources, site))
    _menu_action(window, MENU_TEXT).trigger()
    # The progress dialog does not block the editor (it is not modal): find it on the window.
    qtbot.waitUntil(lambda: window.newsroom.progress is not None, timeout=20_000)
    progress: QProgressDialog = window.newsroom.progress
    assert progress.isVisible() and not progress.isModal()
    qtbot.waitUntil(lambda: progress.maximum() > 0, timeout=120_000)  # the first render is in
    button = next(b for b in progress.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    box = _summary(qtbot, window)
    assert box.text().startswith("Cancelled. The site lists")
    listed = (site / "index.html").read_text(encoding="utf-8").count('class="card"')
    pages = list((site / "releases").glob("*.html"))
    assert 0 < listed == len(pages) < 4
    box.button(QMessageBox.StandardButton.Close).click()
