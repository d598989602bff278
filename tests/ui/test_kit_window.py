"""The press-kit editor, driven as a person does: File > New Press Kit…, a photo dragged in
from the desktop, its caption and alt text typed beside its thumbnail, undo, the live fact
sheet, the checks, and Export Zip…; then the zip is read back."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from presskit.kit.file import load_kit
from presskit.ui.kit_window import KitWindow
from presskit.ui.main_window import MainWindow
from tests.conftest import pdf_text
from tests.kit.builder import GPS_IFD, camera_exif, jpeg_bytes, photo
from tests.ui.conftest import answer_dialog, choose_file


def _drop(target: KitWindow, paths: list[Path]) -> None:
    """Drag files from the desktop onto the window and let go, as Qt delivers it."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPointF(200, 200)
    actions = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, actions, mime, buttons, modifiers)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDropEvent(point, actions, mime, buttons, modifiers))


def test_a_small_kit_is_built_in_the_real_window(qtbot, window: MainWindow, tmp_path: Path) -> None:
    kit_file = tmp_path / "kit" / "kit.md"
    kit_file.parent.mkdir()
    answer_dialog(choose_file(kit_file))
    kit_window = window.kits.new_kit()
    assert isinstance(kit_window, KitWindow)
    qtbot.addWidget(kit_window, before_close_func=lambda w: w.doc.undo_stack.setClean())
    # The kit starts from the open release: its organization and contacts.
    assert kit_window.form.name.text() == "US Campaign to Ban Landmines"
    assert load_kit(kit_file).kit.contacts[0].name == "Mary Wareham"

    desktop = tmp_path / "Desktop"
    desktop.mkdir()
    camera_file = desktop / "IMG_0042.JPG"
    camera_file.write_bytes(jpeg_bytes(photo((2000, 1500), (60, 130, 60)), camera_exif(gps=True)))
    _drop(kit_window, [camera_file])
    (row,) = kit_window.photos.rows
    assert kit_window.doc.kit.images[0].file == "photos/img-0042.jpg"
    assert (kit_file.parent / "photos" / "img-0042.jpg").read_bytes() == camera_file.read_bytes()
    assert row.thumb.pixmap() is not None and not row.thumb.pixmap().isNull()
    assert "2000 × 1500 px" in row.info.text()

    qtbot.keyClicks(row.fields["caption"], "Deminers at work near Huambo")
    qtbot.keyClicks(row.fields["alt"], "Two deminers kneel in a green field")
    qtbot.keyClicks(row.fields["credit"], "Photo: Jane Doe")
    image = kit_window.doc.kit.images[0]
    assert (image.caption, image.alt, image.credit) == (
        "Deminers at work near Huambo", "Two deminers kneel in a green field", "Photo: Jane Doe"
    )  # fmt: skip
    kit_window.undo_action.trigger()  # typing the credit was one step
    assert kit_window.doc.kit.images[0].credit == ""
    assert kit_window.photos.rows[0].fields["credit"].text() == ""
    assert kit_window.photos.rows[0].fields["alt"].text() == "Two deminers kneel in a green field"
    kit_window.form.facts.setFocus()
    qtbot.keyClicks(kit_window.form.facts, "Founded: 1992")
    assert [(f.label, f.value) for f in kit_window.doc.kit.facts] == [("Founded", "1992")]

    # The live fact sheet and the checks follow (rendered off the GUI thread).
    qtbot.waitUntil(lambda: kit_window.preview.pixmap() is not None
                    and not kit_window.preview.pixmap().isNull(), timeout=60_000)  # fmt: skip
    qtbot.waitUntil(
        lambda: any("image-credit" in f.id for f in kit_window.findings), timeout=60_000
    )
    assert not any(f.id == "image-alt-missing" for f in kit_window.findings)

    target = tmp_path / "out" / "kit.zip"
    target.parent.mkdir()
    answer_dialog(choose_file(target))
    with qtbot.waitSignal(kit_window.exported, timeout=120_000) as done:
        kit_window.export_actions["zip"].trigger()
    assert not isinstance(done.args[0], Exception), done.args[0]
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        (full,) = [n for n in names if n.endswith("photos/img-0042.jpg")]
        with Image.open(io.BytesIO(archive.read(full))) as published:
            assert published.getexif().get_ifd(GPS_IFD) == {}
            assert published.size == (2000, 1500)
        html = archive.read(next(n for n in names if n.endswith("index.html"))).decode()
        assert re.search(r'<img src="photos/img-0042-web.jpg" alt="Two deminers kneel', html)
        sheet = archive.read(next(n for n in names if n.endswith("fact-sheet.pdf")))
        assert "Founded" in pdf_text(sheet) and "1992" in pdf_text(sheet)

    kit_window.save()
    saved = load_kit(kit_file).kit
    assert saved.images[0].alt == "Two deminers kneel in a green field"
    assert not kit_window.isWindowModified()


def test_unsaved_kit_work_survives_a_crash(qtbot, window: MainWindow, tmp_path: Path) -> None:
    """Typing is autosaved; after the editor died, opening the kit offers the work back."""
    import json
    import subprocess

    from PySide6.QtWidgets import QMessageBox

    from tests.kit.builder import build_kit
    from tests.ui.conftest import click

    kit_file = build_kit(tmp_path / "kit")
    kit_window = window.kits.open_path(kit_file)
    assert isinstance(kit_window, KitWindow)
    row = kit_window.photos.rows[1]  # the photo without alt text
    qtbot.keyClicks(row.fields["alt"], "Campaigners hold a banner")
    kit_window.autosaver.autosave_now()
    (meta,) = window.kits.store.folder.glob("*.json")
    assert "Campaigners hold a banner" in meta.with_suffix(".md").read_text(encoding="utf-8")

    # The editor is killed: its process is gone, the kit file was never saved.
    gone = subprocess.Popen(["true"])
    gone.wait()
    info = json.loads(meta.read_text(encoding="utf-8"))
    info["pid"] = gone.pid  # the recovery file's writer is no longer running
    meta.write_text(json.dumps(info), encoding="utf-8")
    window.kits.windows.remove(kit_window)
    kit_window.hide()
    assert load_kit(kit_file).kit.images[1].alt == ""

    seen = answer_dialog(click(QMessageBox.StandardButton.Yes))
    again = window.kits.open_path(kit_file)
    qtbot.addWidget(again, before_close_func=lambda w: w.doc.undo_stack.setClean())
    assert "closed without saving" in seen[0]
    assert again.doc.kit.images[1].alt == "Campaigners hold a banner"
    assert again.photos.rows[1].fields["alt"].text() == "Campaigners hold a banner"
    assert again.doc.is_dirty
    again.undo_action.trigger()  # the restore is one step: undo gives the saved file's text
    assert again.doc.kit.images[1].alt == ""
    kit_window.doc.undo_stack.setClean()
    kit_window.close()


def test_people_and_contacts_come_from_the_library(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from presskit.model.library import LibraryContact
    from presskit.model.release import Phone
    from tests.kit.builder import build_kit

    window.library.add_contact(
        LibraryContact(name="Jody Williams", title="Ambassador", organization="ICBL",
                       emails=["jody@icbl.example"], phones=[Phone("+41 22 920 03 20")])
    )  # fmt: skip
    kit_window = window.kits.open_path(build_kit(tmp_path / "kit"))
    qtbot.addWidget(kit_window, before_close_func=lambda w: w.doc.undo_stack.setClean())
    people = kit_window.people
    assert [r.fields["name"].text() for r in people.rows] == ["Mary Wareham", "Mica Bevington"]

    def pick(dialog) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Jody Williams — Ambassador — ICBL")
        dialog.accept()

    answer_dialog(pick)
    qtbot.mouseClick(people.insert_person, Qt.MouseButton.LeftButton)
    assert (kit_window.doc.kit.people[-1].name, kit_window.doc.kit.people[-1].role) == (
        "Jody Williams", "Ambassador"
    )  # fmt: skip
    qtbot.keyClicks(people.rows[-1].fields["role"], ", Nobel laureate")
    assert kit_window.doc.kit.people[-1].role == "Ambassador, Nobel laureate"

    answer_dialog(pick)
    qtbot.mouseClick(people.insert_contact, Qt.MouseButton.LeftButton)
    contact = kit_window.doc.kit.contacts[-1]
    assert contact.email == "jody@icbl.example" and contact.library is not None
    assert "Jody Williams" in people.contacts_label.text()
    kit_window.undo_action.trigger()
    assert [c.name for c in kit_window.doc.kit.contacts] == ["Mary Wareham"]
    kit_window.doc.undo_stack.setClean()  # the main window closes first: no question then


def test_a_persons_bio_and_headshot_and_the_logos(qtbot, window: MainWindow, tmp_path: Path):
    """Type a bio, drop a headshot on the person's row, add a logo, type its variant, remove
    another: the kit file has them all after Save, the headshot copied into people/."""
    from tests.kit.builder import build_kit

    kit_file = build_kit(tmp_path / "kit")
    kit_window = window.kits.open_path(kit_file)
    qtbot.addWidget(kit_window, before_close_func=lambda w: w.doc.undo_stack.setClean())
    try:
        _bio_headshot_logos(qtbot, kit_window, kit_file, tmp_path)
    finally:
        kit_window.doc.undo_stack.setClean()  # the main window closes first: no question then


def _bio_headshot_logos(qtbot, kit_window: KitWindow, kit_file: Path, tmp_path: Path) -> None:
    people = kit_window.people

    assert "Landmine Monitor" in people.rows[0].bio.toPlainText()  # the bio from the file
    people.rows[0].bio.setFocus()
    qtbot.keyClick(people.rows[0].bio, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(people.rows[0].bio, "Mary leads the campaign's advocacy.")
    assert kit_window.doc.kit.people[0].bio == "Mary leads the campaign's advocacy."

    desktop = tmp_path / "Desktop"
    desktop.mkdir()
    headshot = desktop / "Mica Bevington.JPG"
    headshot.write_bytes(jpeg_bytes(photo((600, 800), (150, 110, 90)), camera_exif(gps=True)))
    _drop(people.rows[1], [headshot])
    assert kit_window.doc.kit.people[1].photo == "people/mica-bevington.jpg"
    copied = kit_file.parent / "people" / "mica-bevington.jpg"
    assert copied.read_bytes() == headshot.read_bytes()  # the original stays where it was
    row = people.rows[1]
    assert row.photo_label.text() == "people/mica-bevington.jpg"
    assert row.thumb.pixmap() is not None and not row.thumb.pixmap().isNull()
    kit_window.undo_action.trigger()  # the headshot is one step
    assert kit_window.doc.kit.people[1].photo != "people/mica-bevington.jpg"
    kit_window.redo_action.trigger()

    logos = kit_window.logos
    before = [logo.file for logo in kit_window.doc.kit.logos]
    assert [r.info.text().split("\n")[0] for r in logos.rows] == before
    reverse = desktop / "logo-white.png"
    Image.new("RGBA", (400, 200), (255, 255, 255, 255)).save(reverse)
    answer_dialog(choose_file(reverse))
    qtbot.mouseClick(logos.add_button, Qt.MouseButton.LeftButton)
    assert kit_window.doc.kit.logos[-1].file == "logos/logo-white.png"
    assert (kit_file.parent / "logos" / "logo-white.png").is_file()
    qtbot.keyClicks(logos.rows[-1].variant, "reverse")
    assert kit_window.doc.kit.logos[-1].variant == "reverse"
    qtbot.mouseClick(logos.rows[0].remove, Qt.MouseButton.LeftButton)
    assert [logo.file for logo in kit_window.doc.kit.logos] == [*before[1:], "logos/logo-white.png"]
    assert len(logos.rows) == len(before)

    kit_window.save()
    saved = load_kit(kit_file).kit
    assert saved.people[0].bio == "Mary leads the campaign's advocacy."
    assert saved.people[1].photo == "people/mica-bevington.jpg"
    assert [(lg.file, lg.variant) for lg in saved.logos][-1] == ("logos/logo-white.png", "reverse")
    assert before[0] not in [lg.file for lg in saved.logos]
