"""The library panel, driven through the real window: search, insert, save, update, delete."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from presskit.app.library_service import LibraryService
from presskit.model.library import Boilerplate, LibraryContact
from presskit.model.release import LibraryLink, Phone
from presskit.ui.contact_library_bar import ContactLibraryBar
from presskit.ui.main_window import MainWindow
from tests.ui.conftest import answer_dialog, click, press
from tests.ui.test_main_window import field


def _fill(window: MainWindow) -> list[LibraryContact]:
    library = window.library
    added = [
        library.add_contact(LibraryContact(name=n, organization=o, emails=[e], phones=[Phone(p)]))
        for n, o, e, p in (
            ("Ana Souza", "Harbor Housing", "ana@harbor.example", "+1 617 555 0100"),
            ("Jana Weißmüller", "Stadtgrün", "presse@stadtgruen.example", "+49 30 555 0123"),
            ("Mica Bevington", "Handicap International", "mb@hi.example", "+1 240 450 3531"),
        )
    ]
    return [c for c in added if c is not None]


def _panel_button(window: MainWindow, tab, name: str) -> QPushButton:
    return tab.buttons[name]


def test_search_as_you_type_and_insert(qtbot, window: MainWindow) -> None:
    _fill(window)
    window.library_dock.show()
    tab = window.library_panel.contacts
    qtbot.waitUntil(lambda: tab.list.count() == 3, timeout=5_000)
    qtbot.keyClicks(tab.search, "WEISS")  # case and ß/ss folded
    qtbot.waitUntil(lambda: tab.list.count() == 1, timeout=5_000)
    assert tab.list.item(0).text().startswith("Jana Weißmüller")
    tab.search.clear()
    qtbot.keyClicks(tab.search, "bev")
    qtbot.waitUntil(
        lambda: (
            [tab.list.item(r).text()[:14] for r in range(tab.list.count())] == ["Mica Bevington"]
        ),
        timeout=5_000,
    )
    item = tab.list.item(0)
    tab.list.setCurrentItem(item)
    rect = tab.list.visualItemRect(item)
    # A real double-click: Qt acts on it only after the first press landed on the item.
    qtbot.mousePress(tab.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseRelease(tab.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    contacts = window.doc.model.contacts
    assert [c.name for c in contacts][-1] == "Mica Bevington"
    assert contacts[-1].library is not None
    assert field(window, "contacts.2.name").text() == "Mica Bevington"
    window.undo_action.trigger()
    assert len(window.doc.model.contacts) == 2


def test_save_a_release_contact_to_the_library(qtbot, window: MainWindow) -> None:
    row = window.form.contacts.list.row(0)
    save = next(b for b in row.findChildren(QPushButton) if b.text() == "Save to library")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    stored = window.library.contacts("Wareham")
    assert [c.name for c in stored] == ["Mary Wareham"]
    assert stored[0].phones == [Phone("+1-646-203-8292", "mobile")]
    assert window.doc.model.contacts[0].library.id == stored[0].id
    assert window.isWindowModified()  # the link is part of the release


def test_update_from_library_after_the_entry_changed(qtbot, window: MainWindow) -> None:
    ana = _fill(window)[0]
    window.library_panel.insert_contact(ana)
    index = len(window.doc.model.contacts) - 1
    ana.emails = ["ana.souza@harbor.example"]
    window.library.update_contact(ana)
    row = window.form.contacts.list.row(index)
    update = next(b for b in row.findChildren(QPushButton) if b.text() == "Update from library")
    qtbot.waitUntil(lambda: update.isVisibleTo(window), timeout=2_000)  # new rows show next tick
    assert field(window, f"contacts.{index}.email").text() == "ana@harbor.example"
    asked = answer_dialog(click(QMessageBox.StandardButton.Cancel))
    qtbot.mouseClick(update, Qt.MouseButton.LeftButton)
    assert "Email" in asked[0] and "ana@harbor.example" in asked[0]
    assert "ana.souza@harbor.example" in asked[0]  # what will change, before it does
    assert window.doc.model.contacts[index].email == "ana@harbor.example"  # cancelled
    answer_dialog(press("Update"))
    qtbot.mouseClick(update, Qt.MouseButton.LeftButton)
    assert field(window, f"contacts.{index}.email").text() == "ana.souza@harbor.example"
    window.undo_action.trigger()
    assert window.doc.model.contacts[index].email == "ana@harbor.example"


def test_boilerplate_insert_is_one_undo_step(qtbot, window: MainWindow) -> None:
    window.library.add_boilerplate(Boilerplate(organization="Org", text="We are **Org**."))
    tab = window.library_panel.boilerplates
    tab.list.setCurrentRow(0)
    qtbot.mouseClick(tab.buttons["Insert"], Qt.MouseButton.LeftButton)
    assert window.form.about.editor.toPlainText() == "We are **Org**."
    assert window.doc.model.boilerplate_library is not None
    window.undo_action.trigger()
    assert window.form.about.editor.toPlainText().startswith("The United States Campaign")
    assert window.doc.model.boilerplate_library is None


def test_delete_asks_first(qtbot, window: MainWindow) -> None:
    _fill(window)
    tab = window.library_panel.contacts
    qtbot.waitUntil(lambda: tab.list.count() == 3, timeout=5_000)
    tab.list.setCurrentRow(0)
    asked = answer_dialog(click(QMessageBox.StandardButton.Cancel))
    qtbot.mouseClick(tab.buttons["Delete"], Qt.MouseButton.LeftButton)
    assert asked and "from the library?" in asked[0]
    assert tab.list.count() == 3
    answer_dialog(click(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(tab.buttons["Delete"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.list.count() == 2, timeout=5_000)


def test_import_vcards_into_the_library(qtbot, window: MainWindow, shared_dir: Path) -> None:
    files = [
        shared_dir / "testdata" / "vcard" / "11_gmail-3.0-three-contacts.vcf",
        shared_dir / "testdata" / "vcard" / "04_nokia-2.1-qp-softbreak-umlaut.vcf",
    ]
    assert window.library_panel.import_paths(files) == 4
    names = {c.name for c in window.library.contacts()}
    assert {"Arnold Smith", "Chris Beatle", "Doug White", "Michael Brüning"} <= names
    assert window.library_panel.import_paths(files) == 0  # the same cards again: no duplicates


def test_added_words_are_kept_in_the_library(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.spelling.ready, timeout=30_000)
    assert window.spelling.is_misspelled("Presskitt")
    window.spelling.add_word("Presskitt")
    assert not window.spelling.is_misspelled("Presskitt")
    assert "Presskitt" in window.library.words()


def test_another_library_never_replaces_a_contact_with_a_stranger(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """A release made with one library, opened with another (a colleague's, a new laptop):
    the contact's entry is not there, and the same row number is somebody else."""
    ana = _fill(window)[0]
    window.library_panel.insert_contact(ana)
    index = len(window.doc.model.contacts) - 1
    link = window.doc.model.contacts[index].library
    assert link is not None and link.uid == ana.uid and link.uid.startswith("urn:uuid:")
    window.doc.save(tmp_path / "work" / "linked.md")
    assert f"uid: {link.uid}" in (tmp_path / "work" / "linked.md").read_text(encoding="utf-8")
    other = LibraryService(tmp_path / "colleague.sqlite3", parent=window)
    stranger = other.add_contact(LibraryContact(name="Daniel Hughes", emails=["dh@x.example"]))
    stranger.title = "Changed later"
    other.update_contact(stranger)  # newer than the release's copy, with the same row number
    assert stranger.id == link.id
    bar = ContactLibraryBar(window.doc, other, index)
    assert bar.state.text() == "Not in this library"
    assert bar.update_button.isHidden()
    asked = answer_dialog(press("Update"), timeout_ms=500)
    bar.update_from_library()  # even if asked: nothing changes, nothing is asked
    assert asked == []
    assert window.doc.model.contacts[index].name == "Ana Souza"
    # An old link without a uid is followed by its number only while the name still matches.
    window.doc.set_field(("contacts", index, "library"), LibraryLink(link.id, link.updated))
    assert ContactLibraryBar(window.doc, other, index).state.text() == "Not in this library"
    assert ContactLibraryBar(window.doc, window.library, index).state.text() == "From the library"
    other.close()
