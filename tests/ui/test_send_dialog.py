"""File > Send to Journalists…, driven as a person does, against a real SMTP server (aiosmtpd,
STARTTLS with a self-signed certificate, AUTH): choose the list, look at the message as one
recipient gets it, send a test to oneself, send, pause, cancel, and the history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from presskit.library.database import Library
from presskit.library.media_lists import import_list
from presskit.model.library import LibraryContact
from presskit.ui.list_import import IGNORE, ColumnMapDialog
from presskit.ui.send_ui import MENU_TEXT
from tests.sending.smtp_server import PASSWORD, USER, SmtpServer
from tests.ui.conftest import answer_dialog, choose_file, click


def _journalists(path: Path, name: str, count: int) -> None:
    people = [
        LibraryContact(name=f"Reporter{i} Family", emails=[f"r{i:03d}@news.example"])
        for i in range(count)
    ]
    people.insert(1, LibraryContact(name="Broken Row", emails=["broken@"]))
    no = LibraryContact(name="No Thanks", emails=["no@news.example"], do_not_contact=True)
    people.insert(2, no)
    with Library(path) as library:
        import_list(library, name, people)


def _open(qtbot, window):
    next(a for a in window.menus["file"].actions() if a.text() == MENU_TEXT).trigger()
    dialog = window.sending.dialog
    qtbot.waitUntil(lambda: dialog.mail is not None, timeout=60_000)
    return dialog


def _type(qtbot, field, text: str) -> None:
    field.clear()
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field, text)


def _fill_in(qtbot, dialog, server: SmtpServer) -> None:
    _type(qtbot, dialog.sender, "Press Office <press@hrw.example>")
    dialog.sender.editingFinished.emit()
    _type(qtbot, dialog.server, server.address)
    _type(qtbot, dialog.user, USER)
    _type(qtbot, dialog.password, PASSWORD)
    _type(qtbot, dialog.tls_ca, str(server.cert))


def test_send_dialog_previews_tests_and_sends(qtbot, window, tmp_path: Path) -> None:
    _journalists(window.library.path, "Arms control desk", 2)
    with SmtpServer(tmp_path, tls=True, auth=True) as server:
        dialog = _open(qtbot, window)
        assert dialog.list_combo.currentText() == "Arms control desk"
        assert dialog.left_out.text() == "2 recipients; 2 left out (see the tooltip)"
        assert "broken@: not a valid email address" in dialog.left_out.toolTip()
        assert "no@news.example: do not contact" in dialog.left_out.toolTip()
        _fill_in(qtbot, dialog, server)
        # The message as the second journalist gets it.
        dialog.preview_as.setFocus()
        qtbot.keyClick(dialog.preview_as, Qt.Key.Key_Down)
        assert "To: Reporter1 Family <r001@news.example>" in dialog.headers.text()
        assert dialog.preview_text.toPlainText().startswith("Dear Reporter1,")
        assert "Dear Reporter1," in dialog.preview_html.toPlainText()
        assert "Subject: US: Ban Landmine Use Everywhere" in dialog.headers.text()

        _type(qtbot, dialog.test_to, "me@hrw.example")
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.status.text().startswith("Test sent"), timeout=30_000)
        (test,) = server.received
        assert test.rcpt_tos == ["me@hrw.example"]
        assert test.message["Subject"].startswith("[Test] ")

        asked = answer_dialog(click(QMessageBox.StandardButton.Yes))
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.status.text().startswith("Sent 2"), timeout=60_000)
        assert "to 2 recipients of “Arms control desk”" in asked[0]
        received = server.received[1:]
    assert sorted(r.rcpt_tos[0] for r in received) == ["r000@news.example", "r001@news.example"]
    assert dialog.progress.value() == 2
    history = dialog.history.topLevelItem(0)
    assert [history.text(i) for i in range(1, 5)] == ["Arms control desk", "2", "0", "0"]
    dialog.grab().save(str(tmp_path / "send-dialog.png"))  # docs/screenshots/send-dialog.png
    # Settings are remembered for next time; the password is not.
    remembered = window.prefs.send_settings()
    assert remembered["server"] == server.address and remembered["user"] == USER
    assert PASSWORD not in Path(window.prefs.path).read_text()


def test_pause_and_cancel_then_send_the_rest(qtbot, window, tmp_path: Path) -> None:
    _journalists(window.library.path, "Everyone", 30)
    with SmtpServer(tmp_path, tls=True, auth=True) as server:
        dialog = _open(qtbot, window)
        _fill_in(qtbot, dialog, server)
        dialog.rate.setValue(600)  # ten a second: time to press Pause
        answer_dialog(click(QMessageBox.StandardButton.Yes))
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(server.received) >= 3, timeout=60_000)
        qtbot.mouseClick(dialog.pause_button, Qt.MouseButton.LeftButton)
        assert dialog.status.text() == "Paused"
        qtbot.wait(300)  # the message in hand may still finish
        paused_at = len(server.received)
        qtbot.wait(700)
        assert len(server.received) == paused_at < 30
        assert not dialog.close_button.isEnabled()  # a send keeps its dialog
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.status.text().startswith("Cancelled."), timeout=30_000)
        assert len(server.received) == paused_at
        dialog.rate.setValue(0)
        answer_dialog(click(QMessageBox.StandardButton.Yes))
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.status.text().startswith("Sent "), timeout=60_000)
        assert dialog.status.text().startswith(f"Sent {30 - paused_at}, {paused_at} had it before")
        addresses = [r.rcpt_tos[0] for r in server.received]
    assert sorted(addresses) == sorted(f"r{i:03d}@news.example" for i in range(30))
    assert dialog.history.topLevelItemCount() == 2


def test_import_a_list_with_unknown_columns_through_the_mapping_preview(
    qtbot, window, tmp_path: Path
) -> None:
    source = tmp_path / "presseverteiler.csv"
    source.write_text(
        "Wer;Adresse;Zeitung;Lieblingsfarbe\n"
        "Anna Schmidt;anna@zeit.example;Die Zeit;blau\n"
        "Jörg Müller;JOERG@taz.example;taz;grün\n"
        "Jörg M.;joerg@TAZ.example;;\n",
        encoding="utf-8",
    )
    seen: dict[str, object] = {}

    def report(dialog) -> None:
        assert isinstance(dialog, QMessageBox)
        seen["report"] = dialog.text()
        dialog.accept()

    def mapping(dialog) -> None:
        assert isinstance(dialog, ColumnMapDialog)
        seen["guessed"] = [c.currentText() for c in dialog.choices]
        for choice, field in zip(dialog.choices, ("name", "email", "outlet"), strict=False):
            choice.setFocus()
            choice.setCurrentText(field)
        answer_dialog(report)
        dialog.accept()

    def name(dialog) -> None:
        assert isinstance(dialog, QInputDialog)
        line = dialog.findChild(QLineEdit)
        line.selectAll()
        qtbot.keyClicks(line, "Berlin Presse")
        answer_dialog(mapping)
        dialog.accept()

    def file(dialog) -> None:
        answer_dialog(name)
        choose_file(source)(dialog)

    dialog = _open(qtbot, window)
    answer_dialog(file)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "report" in seen, timeout=30_000)
    assert seen["guessed"] == [IGNORE] * 4  # nothing known: nothing guessed
    assert "Berlin Presse: 2 new, 0 already in the library" in str(seen["report"])
    assert dialog.list_combo.currentText() == "Berlin Presse"
    assert [dialog.preview_as.itemText(i) for i in range(dialog.preview_as.count())] == [
        "Anna Schmidt <anna@zeit.example>",
        "Jörg Müller <JOERG@taz.example>",
    ]
    with Library(window.library.path) as library:
        (jorg,) = [c for c in library.list_contacts() if c.name == "Jörg Müller"]
    assert jorg.outlet == "taz"


def test_the_message_follows_attach_pdf_changed_while_it_renders(qtbot, window) -> None:
    dialog = _open(qtbot, window)
    assert dialog.mail.pdf is None
    dialog.attach_pdf.setFocus()
    # Checked: the PDF renders (a second or so). Unchecked again before it is done: the
    # message must end up without the PDF, as the box says.
    qtbot.keyClick(dialog.attach_pdf, Qt.Key.Key_Space)
    assert dialog.attach_pdf.isChecked() and dialog.service.running()
    qtbot.keyClick(dialog.attach_pdf, Qt.Key.Key_Space)
    assert not dialog.attach_pdf.isChecked()
    qtbot.waitUntil(
        lambda: dialog.mail is not None and not dialog.service.running(), timeout=60_000
    )
    qtbot.wait(500)  # a render started late would show here
    assert dialog.mail is not None
    assert dialog.mail.pdf is None, "the box is unchecked, yet the message attaches the PDF"
