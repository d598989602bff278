"""A date field people can type into, as in a word processor, with a calendar button.

Qt's QDateEdit moves the date when a section is clicked (with its calendar pop-up, a click on
the day or the hour can step it back one), starts new values at 1 January 1900 and keeps Tab
inside its sections. A press office cannot afford an embargo moved by a click, so the date is
a plain line of text read by :func:`presskit.importers.dates.parse_typed_date` in the release's
language ("1 Dec 2026", "1/12/2026", "2026-12-01", "tomorrow"), plus a calendar that opens on
the field's date or today. A click only places the cursor; Tab always moves on; Up and Down
step a day; Alt+Down (or F4) opens the calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from presskit.app.document import DocumentController
from presskit.importers.dates import parse_typed_date
from presskit.model.paths import FieldPath
from presskit.render.conventions import babel_locale
from presskit.ui.fields import GlobalUndoMixin, affects, field_object_name
from presskit.ui.palette import mark_invalid


def shown_date(day: dt.date, language: str) -> str:
    """``1 Dec 2026`` in en-GB, ``Dec 1, 2026`` in en-US, ``01.12.2026`` in German."""
    from babel.dates import format_date  # noqa: PLC0415 - Babel loads slowly

    return format_date(day, "medium", locale=babel_locale(language))


class DateLineEdit(GlobalUndoMixin, QLineEdit):
    """The text part: Up/Down step a day, Alt+Down and F4 open the calendar."""

    step = Signal(int)
    calendarRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.calendarRequested.emit()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step.emit(1 if key == Qt.Key.Key_Up else -1)
        else:
            super().keyPressEvent(event)


class CalendarPopup(QWidget):
    """A month calendar in a pop-up window; Enter or a click picks, Escape closes."""

    picked = Signal(object)  # dt.date

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        self.calendar = QCalendarWidget(self)
        self.calendar.setAccessibleName("Calendar")
        self.calendar.setGridVisible(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)

    def open_at(self, anchor: QWidget, day: dt.date) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.move(anchor.mapToGlobal(anchor.rect().bottomLeft()))
        self.show()
        self.calendar.setFocus()

    def _pick(self, date: QDate) -> None:
        self.hide()
        self.picked.emit(dt.date(date.year(), date.month(), date.day()))


class DateField(QWidget):
    """A date or no date. ``entered`` fires with the new date (or None) when a person
    commits one; ``problem`` with a sentence when the typed text is not a date."""

    entered = Signal(object)
    problem = Signal(str)

    def __init__(self, label: str, language: Callable[[], str], parent: QWidget | None = None):
        super().__init__(parent)
        self._language = language
        self._date: dt.date | None = None
        self.edit = DateLineEdit()
        self.edit.setAccessibleName(label)
        self.edit.setPlaceholderText("Date")
        width = self.edit.fontMetrics().horizontalAdvance("30 Sept 2026") + 20
        self.edit.setMinimumWidth(width)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setAccessibleName(f"{label}: choose from a calendar")
        self.button.setToolTip("Choose from a calendar (Alt+Down)")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes on to the next field
        self.popup = CalendarPopup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.edit.editingFinished.connect(self._typed)
        self.edit.step.connect(self._step)
        self.edit.calendarRequested.connect(self.open_calendar)
        self.button.clicked.connect(self.open_calendar)
        self.popup.picked.connect(self._commit)

    def date(self) -> dt.date | None:
        return self._date

    def set_date(self, day: dt.date | None) -> None:
        """Show ``day`` (the model's value); clears any "not a date" mark."""
        self._date = day
        self.edit.setText("" if day is None else shown_date(day, self._language()))
        self._mark("")

    def open_calendar(self) -> None:
        self.popup.open_at(self.edit, self._date or dt.date.today())

    def _typed(self) -> None:
        text = self.edit.text().strip()
        if not text:
            self._commit(None)
            return
        day = parse_typed_date(text, self._language())
        if day is None:
            example = shown_date(dt.date.today(), self._language())
            message = f"“{text}” is not a date Presskit can read: type it as {example}"
            message += " or 2026-12-01."
            self._mark(message)
            self.problem.emit(message)
            return
        self._commit(day)

    def _step(self, days: int) -> None:
        self._commit((self._date or dt.date.today()) + dt.timedelta(days=days))

    def _commit(self, day: dt.date | None) -> None:
        changed = day != self._date
        self.set_date(day)
        if changed:
            self.entered.emit(day)

    def _mark(self, message: str) -> None:
        mark_invalid(self.edit, message)


class FieldDateField(DateField):
    """A :class:`DateField` bound to the release field at ``path`` (the dateline's date)."""

    def __init__(self, doc: DocumentController, path: FieldPath, label: str):
        super().__init__(label, lambda: doc.model.language)
        self._doc = doc
        self.path = path
        self.edit.setObjectName(field_object_name(path))
        self.entered.connect(lambda day: doc.set_field(self.path, day))
        doc.fieldChanged.connect(self.refresh)
        doc.documentReplaced.connect(self.refresh)
        self.refresh()

    def refresh(self, path: FieldPath | None = None) -> None:
        relevant = path == ("language",) or affects(path, self.path)
        if relevant and self._doc.exists(self.path):
            self.set_date(self._doc.value(self.path))
