"""The library at a press office's scale, driven through the real window: search as you type
over thousands of contacts runs in a worker (the list fills when its page arrives), and an
import shows its progress and can be cancelled, leaving the library unchanged."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QProgressDialog, QPushButton

from presskit.app.library_search import PAGE_SIZE
from presskit.library.contact_index import ContactIndex
from presskit.library.database import Library
from presskit.ui.main_window import MainWindow
from tests.ui.conftest import answer_dialog, choose_file

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
from library_corpus import contacts, vcards


def test_typing_searches_thousands_of_contacts_off_the_gui_thread(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    searched_in: set[int] = set()
    search = ContactIndex.search

    def spy(self: ContactIndex, text: str, limit: int = 200):
        searched_in.add(threading.get_ident())
        return search(self, text, limit)

    monkeypatch.setattr(ContactIndex, "search", spy)
    with Library(window.library.path) as other:  # another Presskit or the CLI, meanwhile
        other.add_contacts(contacts(3000))
    window.library_dock.show()
    tab = window.library_panel.contacts
    tab.search.setFocus()
    qtbot.keyClicks(tab.search, "x")  # nothing has an x
    qtbot.waitUntil(lambda: tab.list.count() == 0, timeout=10_000)
    qtbot.keyClick(tab.search, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: tab.list.count() == PAGE_SIZE, timeout=10_000)
    assert tab.more.isVisible() and tab.more.text() == "200 of 3,000 shown; type more to narrow"
    pages = []
    tab.page_shown.connect(pages.append)
    qtbot.keyClicks(tab.search, "weiß MÜ nhk")
    qtbot.waitUntil(lambda: bool(pages) and pages[-1].query == "weiß MÜ nhk", timeout=10_000)
    shown = [tab.list.item(row).text() for row in range(tab.list.count())]
    assert shown and all("Weißmüller · NHK" in text for text in shown)
    assert len(shown) == pages[-1].total and not tab.more.isVisible()
    assert searched_in and threading.get_ident() not in searched_in  # never the GUI thread
    tab.list.setCurrentRow(0)
    qtbot.mouseClick(tab.buttons["Insert"], Qt.MouseButton.LeftButton)
    assert window.doc.model.contacts[-1].name == shown[0].split(" · ")[0]
    window.doc.undo_stack.setClean()
    window.close()  # the worker stops with the window (a running QThread aborts the app)
    assert not window.library_panel.search_worker.isRunning()


def test_import_shows_progress_and_cancel_leaves_the_library_unchanged(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "press-list.vcf"
    path.write_bytes(vcards(20_000))
    before = len(window.library.contacts())
    progress_seen: list[str] = []
    told: list[list[str]] = []

    def cancel_when_under_way(dialog: QDialog) -> None:
        assert isinstance(dialog, QProgressDialog), type(dialog)
        qtbot.waitUntil(lambda: dialog.value() >= 500, timeout=120_000)
        progress_seen.append(dialog.labelText())
        cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
        told.append(answer_dialog(lambda box: box.accept(), timeout_ms=120_000))
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    def pick_file(dialog: QDialog) -> None:
        answer_dialog(cancel_when_under_way, timeout_ms=120_000)
        choose_file(path)(dialog)

    answer_dialog(pick_file)
    import_button = next(
        b for b in window.library_panel.findChildren(QPushButton) if b.text() == "Import…"
    )
    qtbot.mouseClick(import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(told and told[0]), timeout=120_000)
    assert progress_seen[0].startswith("Read ") and progress_seen[0].endswith("of 20,000 contacts…")
    assert told[0][0].startswith("Import cancelled after ")
    assert "The library is as it was before the import." in told[0][0]
    assert len(window.library.contacts()) == before
