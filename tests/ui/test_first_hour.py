"""The first hour in the window (issue 18), driven as a person drives it: clicks at widget
positions, typed text, Tab; then the model, the saved file and the exported PDF."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QColor, QFontInfo, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QWidget

from presskit.app.settings import Preferences
from presskit.checks.length import word_count
from presskit.model.library import LibraryContact
from presskit.model.release import DatelineStyle, Status
from presskit.ui.date_field import DateField, shown_date
from presskit.ui.main_window import MainWindow
from presskit.ui.palette import dark_palette
from presskit.ui.templates_ui import template_paths, welcome
from tests.conftest import pdf_text, squash
from tests.ui.conftest import answer_dialog, press

CTRL = Qt.KeyboardModifier.ControlModifier


def click_across(qtbot, widget: QWidget, clicks: int = 12) -> None:
    """Click at ``clicks`` points across ``widget``, left to right, as a person might."""
    width, middle = widget.width(), widget.height() // 2
    for step in range(clicks):
        qtbot.mouseClick(
            widget,
            Qt.MouseButton.LeftButton,
            pos=QPoint(2 + step * (width - 4) // (clicks - 1), middle),
        )


def key(
    qtbot, which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Press a key where the keyboard is: an open pop-up list, else the focused widget."""
    popup = QApplication.activePopupWidget()
    target = (popup.focusWidget() or popup) if popup is not None else QApplication.focusWidget()
    qtbot.keyClick(target, which, modifier)


def type_into(qtbot, widget: QWidget, text: str) -> None:
    """Click into the field, select what it holds, type."""
    widget.window().activateWindow()  # a click activates the window (offscreen has no manager)
    qtbot.waitUntil(widget.window().isActiveWindow)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(4, widget.height() // 2))
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(widget, text)


def embargo(qtbot, window: MainWindow) -> None:
    """Choose "Embargoed" with the keyboard in the release status."""
    status = window.form.release.embargo.status
    window.form_scroll.ensureWidgetVisible(status)
    qtbot.mouseClick(status, Qt.MouseButton.LeftButton)  # opens the list
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    assert window.doc.model.status is Status.EMBARGOED


def test_clicks_anywhere_in_the_date_fields_change_nothing(qtbot, window: MainWindow) -> None:
    embargo(qtbot, window)
    editor = window.form.release.embargo
    type_into(qtbot, editor.date.edit, "15 Dec 2026")
    type_into(qtbot, editor.time, "09:00")
    qtbot.keyClick(editor.time, Qt.Key.Key_Tab)
    before = (window.doc.model.embargo, window.doc.model.dateline.date)
    assert before[0] is not None and before[0].day == 15 and before[0].hour == 9
    window.form_scroll.ensureWidgetVisible(editor.when)
    for widget in (editor.date.edit, editor.time, window.header.date.edit):
        click_across(qtbot, widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)  # and leave: nothing may be committed
    assert (window.doc.model.embargo, window.doc.model.dateline.date) == before
    assert window.doc.model.dateline.date == dt.date(2014, 9, 23)


def test_calendar_opens_on_the_fields_date_and_picks_with_enter(qtbot, window: MainWindow) -> None:
    date = window.header.date
    qtbot.mouseClick(date.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(date.popup.isVisible)
    selected = date.popup.calendar.selectedDate()
    assert (selected.year(), selected.month(), selected.day()) == (2014, 9, 23)
    qtbot.keyClick(date.popup.calendar, Qt.Key.Key_Escape)
    assert window.doc.model.dateline.date == dt.date(2014, 9, 23)
    date.edit.setFocus()
    qtbot.keyClick(date.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(date.popup.isVisible)
    table = date.popup.calendar.focusWidget() or date.popup.calendar
    qtbot.keyClick(table, Qt.Key.Key_Right)  # the next day
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.doc.model.dateline.date == dt.date(2014, 9, 24)


def test_new_release_is_dated_today_and_takes_typed_dates(qtbot, window: MainWindow) -> None:
    window.doc.undo_stack.setClean()
    qtbot.keyClick(window.header.headline.edit, Qt.Key.Key_N, CTRL)  # File > New
    assert window.doc.model.dateline.date == dt.date.today()
    date = window.header.date
    assert date.edit.text()  # today, written out
    qtbot.mouseClick(date.button, Qt.MouseButton.LeftButton)
    selected = date.popup.calendar.selectedDate()
    assert (selected.year(), selected.month(), selected.day()) == dt.date.today().timetuple()[:3]
    date.popup.hide()
    for typed in ("1 Dec 2026", "2026-12-01", "Dec 1, 2026"):
        type_into(qtbot, date.edit, typed)
        qtbot.keyClick(date.edit, Qt.Key.Key_Tab)
        assert window.doc.model.dateline.date == dt.date(2026, 12, 1), typed
        assert QApplication.focusWidget() is window.header.style  # Tab left the field
        window.doc.set_field(("dateline", "date"), dt.date(2026, 1, 1))
    type_into(qtbot, date.edit, "1/12/2026")  # en-US: January 12
    qtbot.keyClick(date.edit, Qt.Key.Key_Tab)
    assert window.doc.model.dateline.date == dt.date(2026, 1, 12)
    window.doc.set_field(("language",), "en-GB")
    type_into(qtbot, date.edit, "1/12/2026")  # en-GB: 1 December
    qtbot.keyClick(date.edit, Qt.Key.Key_Tab)
    assert window.doc.model.dateline.date == dt.date(2026, 12, 1)
    assert date.edit.text() == "1 Dec 2026"
    type_into(qtbot, date.edit, "soon")
    qtbot.keyClick(date.edit, Qt.Key.Key_Tab)
    assert window.doc.model.dateline.date == dt.date(2026, 12, 1)  # kept, and said
    assert "not a date" in date.edit.toolTip()


def test_tab_leaves_the_date_from_city(qtbot, window: MainWindow) -> None:
    city = window.header.city
    qtbot.mouseClick(city, Qt.MouseButton.LeftButton)
    seen = []
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [window.header.date.edit, window.header.style, window.body.editor]


def test_typed_city_sets_the_time_zone_and_the_pdf_says_cet(qtbot, window: MainWindow) -> None:
    embargo(qtbot, window)
    editor = window.form.release.embargo
    type_into(qtbot, editor.date.edit, "15 Dec 2026")
    type_into(qtbot, editor.time, "9am")
    qtbot.keyClick(editor.time, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.zone.lineEdit() or editor.zone.hasFocus()
    type_into(qtbot, editor.zone.lineEdit(), "Berlin")
    key(qtbot, Qt.Key.Key_Tab)
    release = window.doc.model
    assert release.timezone == "Europe/Berlin"
    assert release.embargo_local() == dt.datetime(
        2026, 12, 15, 9, 0, tzinfo=release.embargo_local().tzinfo
    )
    assert release.embargo.utcoffset() == dt.timedelta(hours=1)
    assert editor.zone.currentText() == "Europe/Berlin"
    qtbot.waitUntil(
        lambda: (
            squash("EMBARGOED UNTIL 9 a.m. CET, Dec. 15, 2026")
            in squash(pdf_text(window.preview.pdf))
        ),
        timeout=60_000,
    )
    type_into(qtbot, editor.zone.lineEdit(), "Atlantis")
    key(qtbot, Qt.Key.Key_Tab)
    assert window.doc.model.timezone == "Europe/Berlin"  # unchanged, and said so
    assert "“Atlantis” is not a time zone" in editor.note.text()
    assert "Europe/Berlin" in editor.note.text()


def test_status_bar_counts_words_as_the_checks_do(window: MainWindow) -> None:
    window.status.update_counts()
    assert window.status.words.text() == f"{word_count(window.doc.model.body)} words"


def test_dateline_style_offers_every_style(qtbot, window: MainWindow) -> None:
    style = window.header.style
    assert [style.itemData(i) for i in range(style.count())] == [s.value for s in DatelineStyle]
    qtbot.mouseClick(style, Qt.MouseButton.LeftButton)
    for _ in range(style.count()):
        key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    assert window.doc.model.dateline.style is DatelineStyle.LOCALE


def test_date_field_alone_keeps_its_value_under_clicks(qtbot) -> None:
    field = DateField("Date", lambda: "en-GB")
    qtbot.addWidget(field)
    field.resize(220, 30)
    field.show()
    field.set_date(dt.date(2026, 12, 15))
    entered = []
    field.entered.connect(entered.append)
    click_across(qtbot, field.edit, 20)
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert entered == [] and field.date() == dt.date(2026, 12, 15)


def test_ctrl_l_puts_the_cursor_in_the_library_search_and_f8_in_the_checks(
    qtbot, window: MainWindow
) -> None:
    window.library.add_contact(LibraryContact(name="Mica Bevington", emails=["mb@hi.example"]))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.header.headline.edit.setFocus()
    search = window.library_panel.contacts.search
    for _ in range(2):  # twice: it never closes the panel
        key(qtbot, Qt.Key.Key_L, CTRL)
        assert window.library_panel.isVisible()  # in front of Checks
        qtbot.waitUntil(lambda: QApplication.focusWidget() is search, timeout=2_000)
    qtbot.keyClicks(search, "bev")
    key(qtbot, Qt.Key.Key_Return)  # Enter inserts the contact found
    assert window.doc.model.contacts[-1].name == "Mica Bevington"
    for _ in range(2):
        key(qtbot, Qt.Key.Key_F8)
        assert window.checks.isVisible()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.checks, timeout=2_000)
    assert window.checks.currentItem() is not None


@pytest.fixture
def british_computer() -> Iterator[None]:
    """A computer whose locale is en_GB (as LANG=en_GB.UTF-8 gives Qt)."""
    before = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(before)


def test_new_on_a_british_computer_is_british(
    qtbot, window: MainWindow, british_computer: None, tmp_path: Path
) -> None:
    window.doc.undo_stack.setClean()
    qtbot.keyClick(window.header.headline.edit, Qt.Key.Key_N, CTRL)  # File > New
    release = window.doc.model
    assert release.language == "en-GB"
    assert window.form.release.language.currentText() == "English (UK)"
    assert window.header.date.edit.text() == shown_date(dt.date.today(), "en-GB")
    qtbot.mouseClick(window.form.contacts.list.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(QApplication.focusWidget(), "Daniel Hughes")
    row = window.form.contacts.list.row(0)
    add_phone = next(b for b in row.findChildren(QPushButton) if b.text() == "Add phone")
    qtbot.mouseClick(add_phone, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(QApplication.focusWidget(), "020 7946 0958")
    assert release.contacts[0].phones[0].number == "020 7946 0958"
    with qtbot.waitSignal(window.preflight.findingsChanged, timeout=10_000):
        pass  # the checks run after a short pause in typing
    messages = [f.message for f in window.preflight.findings]
    assert not [m for m in messages if "phone" in m.lower()], messages
    embargo(qtbot, window)
    type_into(qtbot, window.form.release.embargo.zone.lineEdit(), "London")
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(
        lambda: "EMBARGOED UNTIL 09:00 G" in pdf_text(window.preview.pdf or b""), timeout=60_000
    )
    page = PdfReader(io.BytesIO(window.preview.pdf)).pages[0]
    assert round(float(page.mediabox.width)) == 595  # A4, not US Letter (612)


def test_preferences_fill_new_releases(qtbot, window: MainWindow) -> None:
    def fill(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.fields["organization"], "Harbor Housing Trust")
        qtbot.keyClicks(dialog.fields["city"], "Boston")
        dialog.boilerplate.setFocus()
        qtbot.keyClicks(dialog.boilerplate, "We shelter families.")
        language = dialog.language.lineEdit()
        language.selectAll()
        qtbot.keyClicks(language, "en-IE")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # OK

    answer_dialog(fill)
    next(a for a in window.menus["edit"].actions() if a.text() == "&Preferences…").trigger()
    window.doc.undo_stack.setClean()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    headline = window.header.headline.edit
    qtbot.mouseClick(headline, Qt.MouseButton.LeftButton)  # back in the window, as a person is
    qtbot.waitUntil(headline.hasFocus)  # a loaded machine gives the focus back a turn later
    old = window.doc.model
    qtbot.keyClick(headline, Qt.Key.Key_N, CTRL)  # File > New
    qtbot.waitUntil(lambda: window.doc.model is not old)
    release = window.doc.model
    assert (release.language, release.dateline.city) == ("en-IE", "Boston")
    assert release.organization.name == "Harbor Housing Trust"
    assert release.boilerplate == "We shelter families."


def test_enter_continues_lists_and_an_empty_item_ends_them(qtbot, window: MainWindow) -> None:
    editor = window.body.editor
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "- Shelter for 40 families")
    for item in ("Meals every day", "Legal advice"):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, item)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # on the empty item: the list ends
    qtbot.keyClicks(editor, "1. Apply online")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Visit us")
    body = window.doc.model.body
    assert body.endswith(
        "- Shelter for 40 families\n- Meals every day\n- Legal advice\n\n1. Apply online\n"
        "2. Visit us"
    )
    qtbot.waitUntil(lambda: "Visit us" in pdf_text(window.preview.pdf), timeout=60_000)
    lines = [line.strip() for line in pdf_text(window.preview.pdf).splitlines()]
    for item in ("Shelter for 40 families", "Meals every day", "Legal advice"):  # 3 bullets
        assert any(line.lstrip("•◦-– ") == item for line in lines), (item, lines[-12:])
    window.undo_action.trigger()  # typing and list items undo, the list stays consistent
    assert "- Legal advice" in window.doc.model.body


def _tab_walk(qtbot, count: int) -> list[str]:
    names = []
    for _ in range(count):
        key(qtbot, Qt.Key.Key_Tab)
        names.append(QApplication.focusWidget().objectName())
    return names


def test_tab_follows_the_screen_from_file_new(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.doc.undo_stack.setClean()
    qtbot.keyClick(window.body.editor, Qt.Key.Key_N, CTRL)  # File > New
    assert QApplication.focusWidget() is window.header.headline.edit
    assert _tab_walk(qtbot, 11) == [
        "field:subheadline", "field:dateline.city", "field:dateline.date",
        "field:dateline.style", "field:body", "field:status", "field:language",
        "add:contacts", "add:links", "field:boilerplate", "field:organization.name",
    ]  # fmt: skip
    key(qtbot, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget().objectName() == "field:boilerplate"


def test_tab_reaches_contacts_before_links_in_the_example(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.mouseClick(window.header.headline.edit, Qt.MouseButton.LeftButton)
    order = _tab_walk(qtbot, 70)
    assert order[:6] == [
        "field:subheadline", "field:dateline.city", "field:dateline.date",
        "field:dateline.style", "field:body", "field:status",
    ]  # fmt: skip
    first = order.index
    assert first("field:contacts.0.name") < first("field:contacts.1.name")
    assert first("field:contacts.1.name") < first("field:links.0.title")
    assert first("field:links.0.title") < first("field:boilerplate") < first("field:theme")


def test_alt_letters_of_the_menus_belong_to_the_menus(window: MainWindow) -> None:
    def letter(text: str) -> str:
        at = text.replace("&&", "").find("&")
        return text.replace("&&", "")[at + 1].lower() if at >= 0 else ""

    menus = {letter(action.text()) for action in window.menuBar().actions()} - {""}
    assert {"f", "e", "v", "h"} <= menus
    labels = {
        label.text(): letter(label.text())
        for label in window.findChildren(QLabel)
        if label.buddy() is not None and label.isVisibleTo(window)
    }
    assert labels and not {t: m for t, m in labels.items() if m in menus}


def test_new_library_contact_starts_in_its_name(qtbot, window: MainWindow) -> None:
    window.library_dock.show()
    window.library_dock.raise_()
    focused: list[str] = []

    def look(dialog: QDialog) -> None:
        widget = dialog.focusWidget()
        focused.append(widget.accessibleName() if widget is not None else "")
        dialog.reject()

    answer_dialog(look)
    qtbot.mouseClick(window.library_panel.contacts.buttons["New"], Qt.MouseButton.LeftButton)
    assert focused == ["Name"]


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800), (1920, 1080)])
def test_columns_never_overlap_and_labels_show_whole(
    qtbot, window: MainWindow, size: tuple[int, int]
) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    qtbot.wait(100)  # the splitter lays its columns out
    columns = [window.splitter.widget(i) for i in range(window.splitter.count())]
    for left, right in itertools.pairwise(columns):
        assert left.geometry().right() < right.geometry().left(), (size, left, right)
    assert columns[-1].geometry().right() <= window.splitter.width()
    cut = []
    for area in (window.header, window.form):
        for label in area.findChildren(QLabel):
            if not label.isVisible() or not label.text() or label.wordWrap():
                continue
            shown = label.visibleRegion().boundingRect()
            if shown.isEmpty():
                continue  # scrolled out of view, not cut
            needed = label.fontMetrics().horizontalAdvance(label.text().replace("&", ""))
            if shown.width() < label.width() or label.width() < needed:
                cut.append((label.text(), shown.width(), label.width(), needed))
    assert cut == [], size
    # The form wraps instead of sliding: it is as wide as its column, and a full
    # international phone number fits its field.
    viewport = window.form_scroll.viewport()
    assert window.form.width() <= viewport.width(), size
    assert window.form_scroll.horizontalScrollBar().maximum() == 0
    numbers = [
        e for e in window.form.findChildren(QLineEdit) if e.accessibleName().endswith("number")
    ]
    assert numbers
    for edit in numbers:
        needed = edit.fontMetrics().horizontalAdvance("+44 20 7946 0958")
        assert edit.width() - 8 >= needed, (size, edit.accessibleName(), edit.width(), needed)
    assert window.checks_dock.height() < size[1] * 0.34  # sized to a few findings


def test_find_and_replace_in_the_body(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.mouseClick(window.body.editor.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    key(qtbot, Qt.Key.Key_H, CTRL)  # Edit > Replace…
    bar = window.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.find
    qtbot.keyClicks(bar.find, "mine ban treaty")
    assert bar.count.text() == "6 found"
    key(qtbot, Qt.Key.Key_Tab)  # into "Replace with"
    assert QApplication.focusWidget() is bar.replace
    qtbot.keyClicks(bar.replace, "Ottawa Treaty")
    qtbot.mouseClick(bar.replace_all, Qt.MouseButton.LeftButton)
    body = window.doc.model.body
    assert "Mine Ban Treaty" not in body and body.count("Ottawa Treaty") == 6
    window.undo_action.trigger()  # one step
    assert window.doc.model.body.count("Mine Ban Treaty") == 6
    bar.find.setFocus()
    key(qtbot, Qt.Key.Key_Escape)
    assert not bar.isVisible() and QApplication.focusWidget() is window.body.editor


def test_help_getting_started_opens_the_guide(qtbot, window: MainWindow) -> None:
    seen: list[str] = []

    def read(dialog: QDialog) -> None:
        seen.append(dialog.browser.toPlainText())
        dialog.reject()

    answer_dialog(read)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    key(qtbot, Qt.Key.Key_F1)
    assert seen and "Your first release" in seen[0] and "Ctrl+L" in seen[0]


def test_print_sends_the_pdf_pages(qtbot, window: MainWindow, tmp_path: Path) -> None:
    """Print through the real QPrintDialog, to a PDF file (the printer offscreen Qt has)."""
    target = tmp_path / "printed.pdf"

    def to_file(dialog: QDialog) -> None:
        name = dialog.findChild(QLineEdit, "filename")  # "Print to File (PDF)": type its name
        name.selectAll()
        qtbot.keyClicks(name, str(target))
        dialog.accept()

    answer_dialog(to_file)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    key(qtbot, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(target.exists, timeout=20_000)
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert len(reader.pages) == window.preview.page_count == 2
    assert round(float(reader.pages[0].mediabox.width)) == 612  # en-US: US Letter


def test_templates_and_the_first_run_welcome(qtbot, window: MainWindow) -> None:
    def name_it(dialog: QDialog) -> None:
        qtbot.keyClicks(dialog.findChild(QLineEdit), "Landmine campaign")
        dialog.accept()

    answer_dialog(name_it)
    next(a for a in window.menus["file"].actions() if a.text() == "Save as Te&mplate…").trigger()
    assert "Landmine campaign" in template_paths()

    answer_dialog(press("New from Template…"))  # the welcome, on the first start only
    answer_dialog(lambda dialog: dialog.accept(), timeout_ms=20_000)  # the one template
    window.doc.undo_stack.setClean()
    welcome(window)
    release = window.doc.model
    assert window.doc.path is None and release.dateline.date == dt.date.today()
    assert [c.name for c in release.contacts] == ["Mary Wareham", "Mica Bevington"]
    assert release.boilerplate.startswith("The United States Campaign")
    assert window.prefs.welcomed()
    asked = answer_dialog(press("Blank Release"), timeout_ms=500)
    welcome(window)  # not again
    assert asked == []


def test_preview_opens_at_a_readable_zoom_and_remembers_the_choice(
    qtbot, window: MainWindow
) -> None:
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.size().toTuple() == (1280, 800))
    preview = window.preview
    assert preview.zoom.currentText() == "Readable"
    qtbot.waitUntil(lambda: preview.pages_label.text() != "No pages yet", timeout=30_000)
    page = next(
        label for label in preview.findChildren(QLabel) if label.accessibleName() == "Page 1"
    )
    points = float(PdfReader(io.BytesIO(preview.pdf)).pages[0].mediabox.width)
    body_px = 11 * page.width() / points  # the themes' body text is 11 pt
    form_px = QFontInfo(window.form.font()).pixelSize()
    assert abs(body_px - form_px) <= 0.15 * form_px, (body_px, form_px)
    assert body_px >= 10  # not the 6-7 px of "Fit width" in this column
    # A person picks another zoom from the list; the next window opens at it.
    qtbot.mouseClick(preview.zoom, Qt.MouseButton.LeftButton)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    assert preview.zoom.currentText() == "Fit width"
    qtbot.waitUntil(lambda: page.width() < points * form_px / 11 * 0.8)
    assert window.prefs.preview_zoom() == "fit-width"
    window.prefs.sync()
    assert Preferences(window.prefs.path).preview_zoom() == "fit-width"  # the next window's


def test_tab_goes_through_a_contacts_fields_before_its_buttons(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    name = window.form.findChild(QLineEdit, "field:contacts.0.name")
    window.form_scroll.ensureWidgetVisible(name)
    qtbot.mouseClick(name, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is name
    seen = []
    for _ in range(12):
        key(qtbot, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        seen.append(widget.objectName() or widget.accessibleName())
    assert seen == [
        "field:contacts.0.title", "field:contacts.0.organization", "field:contacts.0.city",
        "field:contacts.0.email", "field:contacts.0.phones.0.number",
        "field:contacts.0.phones.0.label", "Remove phone 1", "add:contacts.0.phones",
        "Save contact 1 to the library", "Move contact 1 down", "Remove contact 1",
        "field:contacts.1.name",
    ]  # fmt: skip
    key(qtbot, Qt.Key.Key_Backtab)  # and back, the same way
    assert QApplication.focusWidget().accessibleName() == "Remove contact 1"
    key(qtbot, Qt.Key.Key_Space)  # the button does its job from the keyboard
    assert [c.name for c in window.doc.model.contacts] == ["Mica Bevington"]


def test_typed_dates_times_and_zones_not_understood_are_said_in_the_status_bar(
    qtbot, window: MainWindow
) -> None:
    bar = window.statusBar()
    type_into(qtbot, window.header.date.edit, "next-ish")
    key(qtbot, Qt.Key.Key_Tab)
    assert "“next-ish” is not a date" in bar.currentMessage()
    assert window.doc.model.dateline.date == dt.date(2014, 9, 23)
    embargo(qtbot, window)
    editor = window.form.release.embargo
    before = window.doc.model.embargo
    for field, typed, said in (
        (editor.date.edit, "someday", "“someday” is not a date"),
        (editor.time, "25:99", "“25:99” is not a time of day"),
        (editor.zone.lineEdit(), "Atlantis", "“Atlantis” is not a time zone"),
    ):
        bar.clearMessage()
        was = field.text()
        type_into(qtbot, field, typed)
        key(qtbot, Qt.Key.Key_Tab)
        assert said in bar.currentMessage(), (typed, bar.currentMessage())
        assert said in (field if field is not editor.zone.lineEdit() else editor.zone).toolTip()
        assert window.doc.model.embargo == before  # nothing changed on a guess
        type_into(qtbot, field, was)  # put it right again before the next one
        key(qtbot, Qt.Key.Key_Tab)
        assert window.doc.model.embargo == before


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: QColor, two: QColor) -> float:
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture
def dark(qtbot) -> Iterator[QPalette]:
    """The desktop turns dark (Fusion style, a dark palette), and back after the test."""
    app = QApplication.instance()
    style, palette = app.style().name(), app.palette()
    app.setStyle("Fusion")
    app.setPalette(dark_palette())
    QApplication.processEvents()  # the new palette reaches the widgets through the event loop
    yield app.palette()
    app.setStyle(style)
    app.setPalette(palette)


@pytest.mark.parametrize("palette", ["light", "dark", "turns dark"])
def test_marks_and_highlighting_read_in_a_light_and_a_dark_palette(
    qtbot, request: pytest.FixtureRequest, palette: str
) -> None:
    """The window started in a light or a dark palette, or open when the desktop turns dark."""
    if palette == "dark":
        request.getfixturevalue("dark")
    window = request.getfixturevalue("window")
    if palette == "turns dark":
        request.getfixturevalue("dark")
    date = window.header.date.edit
    type_into(qtbot, date, "soon")
    key(qtbot, Qt.Key.Key_Tab)
    base = date.palette().color(QPalette.ColorRole.Base)
    assert (base.lightness() < 128) == (palette != "light")
    image = date.grab().toImage()
    border = image.pixelColor(1, image.height() // 2)  # the mark, as drawn
    assert border.red() > 150 and border.red() > 1.6 * border.green(), border.name()
    assert contrast(border, base) >= 3.0, (border.name(), base.name())  # WCAG, non-text
    # The body's Markdown links take the palette's link colour, readable on its background.
    body = window.body.editor
    link = body.palette().color(QPalette.ColorRole.Link)
    block = body.document().firstBlock()
    colours = {r.format.foreground().color().name() for r in block.layout().formats()}
    assert link.name() in colours
    assert contrast(link, body.palette().color(QPalette.ColorRole.Base)) >= 3.0
