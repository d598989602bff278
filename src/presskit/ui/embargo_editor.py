"""The release line: immediate or embargoed, with the embargo's date, time and time zone.

The time is edited as local time in a named zone (America/New_York), and stored as ISO 8601
with the offset that zone has on that day, plus the zone's name, so the release can say
"9 a.m. EDT". A new embargo starts tomorrow at 9:00 in the computer's own zone.

Date, time and zone are typed as people write them ("15 Dec 2026", "9am", "Berlin") and read
by :mod:`presskit.importers.dates`; a click in any of them never changes a value. Text that is
not understood is marked, said in a note under the fields, and never replaces the value in use.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, QTimeZone, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from presskit.app.document import DocumentController
from presskit.importers.dates import parse_typed_time, resolve_zone, zone_names
from presskit.model.paths import FieldPath
from presskit.model.release import Status
from presskit.render.conventions import zone_name as zone_abbreviation
from presskit.ui.date_field import DateField
from presskit.ui.fields import FieldComboBox, GlobalUndoMixin
from presskit.ui.palette import mark_invalid


def system_zone_name() -> str:
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    return name if name in zone_names() else "UTC"


def default_embargo(zone_name: str) -> dt.datetime:
    """Tomorrow at 9:00 in ``zone_name``, with that zone's offset."""
    zone = ZoneInfo(zone_name)
    tomorrow = dt.datetime.now(zone).date() + dt.timedelta(days=1)
    return fixed_offset(dt.datetime.combine(tomorrow, dt.time(9, 0), tzinfo=zone))


def fixed_offset(when: dt.datetime) -> dt.datetime:
    """The same instant with a plain UTC offset, as the file stores it."""
    offset = when.utcoffset() or dt.timedelta(0)
    return when.astimezone(dt.timezone(offset))


class TimeLineEdit(GlobalUndoMixin, QLineEdit):
    """The embargo's time of day, typed: "9:00", "9am", "17.30"."""


class EmbargoEditor(QWidget):
    """Status, embargo date, time and zone, laid out as rows of ``form``."""

    problem = Signal(str)  # a sentence for the status bar when typed text is not understood

    def __init__(self, doc: DocumentController, form: QFormLayout, parent: QWidget | None = None):
        super().__init__(parent)
        self._doc = doc
        choices = [
            (Status.IMMEDIATE.value, "For immediate release"),
            (Status.EMBARGOED.value, "Embargoed"),
        ]
        self.status = FieldComboBox(doc, ("status",), "Release status", choices, commit=False)
        self.status.activated.connect(self._status_chosen)
        self.date = DateField("Embargo date", lambda: doc.model.language)
        self.date.edit.setObjectName("field:embargo")
        self.time = TimeLineEdit()
        self.time.setAccessibleName("Embargo time")
        self.time.setObjectName("field:embargo.time")
        self.time.setPlaceholderText("09:00")
        self.time.setMaximumWidth(self.time.fontMetrics().horizontalAdvance("00:00 pm") + 20)
        self.when = QWidget()  # date and time on one row, enabled together
        row = QHBoxLayout(self.when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date, 1)
        row.addWidget(self.time)
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # As wide as a city, not as the longest zone name: the form column stays narrow.
        self.zone.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.zone.setMinimumContentsLength(16)
        self.zone.addItems(list(zone_names()))
        self.zone.setAccessibleName("Embargo time zone")
        self.zone.setObjectName("field:timezone")
        self.zone.lineEdit().setPlaceholderText("City or zone, e.g. London")
        completer = QCompleter(list(zone_names()), self.zone)
        completer.setFilterMode(completer.filterMode().MatchContains)
        completer.setCaseSensitivity(completer.caseSensitivity().CaseInsensitive)
        self.zone.setCompleter(completer)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName("Embargo time in use")
        form.addRow("&Release", self.status)
        form.addRow("Embargo &until", self.when)
        form.addRow("Time &zone", self.zone)
        form.addRow("", self.note)
        self.date.entered.connect(self._commit)
        self.date.problem.connect(self._say)
        self.time.editingFinished.connect(self._commit)
        self.zone.activated.connect(self._commit)
        self.zone.lineEdit().editingFinished.connect(self._commit)
        self.zone.lineEdit().returnPressed.connect(self._commit)
        self.zone.installEventFilter(self)  # Tab past an open completer: editingFinished
        doc.fieldChanged.connect(self._refresh)
        doc.documentReplaced.connect(self._refresh)
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.zone and event.type() == QEvent.Type.FocusOut:
            self._commit()  # is not always emitted when the completer's list was open
        return super().eventFilter(watched, event)

    def _status_chosen(self) -> None:
        """Set the status; a first embargo gets a default time, in the same undo step."""
        status = Status(self.status.current_value())
        changes: list[tuple[FieldPath, object]] = [(("status",), status)]
        if status is Status.EMBARGOED and self._doc.model.embargo is None:
            zone = self._doc.model.timezone or system_zone_name()
            changes += [(("embargo",), default_embargo(zone)), (("timezone",), zone)]
        self._doc.set_fields("Release status", changes)

    def _typed_zone(self) -> tuple[str, dt.tzinfo] | None:
        """The zone typed (resolved to its IANA name), the one in use if the field is
        empty, or None (and a message) when the text names no zone."""
        release, text = self._doc.model, self.zone.currentText().strip()
        if not text or text == release.timezone:
            local = release.embargo_local()
            if release.timezone:
                return release.timezone, ZoneInfo(release.timezone)
            if local is not None and local.tzinfo is not None:
                return "", local.tzinfo  # no zone name: keep the offset the file gave
            return system_zone_name(), ZoneInfo(system_zone_name())
        name = resolve_zone(text, release.language)
        if name is None:
            self._mark(self.zone, f"“{text}” is not a time zone Presskit knows: type a city "
                       f"such as London or Berlin, or pick a zone from the list.")  # fmt: skip
            return None
        return name, ZoneInfo(name)

    def _commit(self, *_: object) -> None:
        release = self._doc.model
        if release.status is not Status.EMBARGOED:
            return
        zone = self._typed_zone()
        time_text = self.time.text().strip()
        time = parse_typed_time(time_text) if time_text else dt.time(9, 0)
        if time is None:
            self._mark(self.time, f"“{time_text}” is not a time of day: type it as 9:00 or 9am.")
        day = self.date.date()
        if zone is None or time is None or day is None:
            return
        embargo = fixed_offset(dt.datetime.combine(day, time, tzinfo=zone[1]))
        changes = [(("embargo",), embargo), (("timezone",), zone[0])]
        if (release.embargo, release.timezone) != (embargo, zone[0]):
            self._doc.set_fields("Embargo", changes)
        else:
            self._refresh()  # "berlin" typed for Europe/Berlin: show the zone's own name

    def _mark(self, widget: QWidget, message: str) -> None:
        mark_invalid(widget, message)
        self._say(message)

    def _say(self, message: str) -> None:
        self.note.setText(f"{message}\n{self._in_use()}")
        self.problem.emit(message)

    def _in_use(self) -> str:
        local = self._doc.model.embargo_local()
        if local is None or not self._doc.model.is_embargoed:
            return ""
        zone = self._doc.model.timezone or "the file's offset"
        return f"In use: {local:%H:%M} {zone_abbreviation(local)} ({zone}), {local:%d %b %Y}."

    def _refresh(self, path: FieldPath | None = None) -> None:
        if path is not None and path not in (
            ("embargo",), ("timezone",), ("status",), ("language",)
        ):  # fmt: skip
            return
        release = self._doc.model
        embargoed = release.status is Status.EMBARGOED
        self.when.setEnabled(embargoed)
        self.zone.setEnabled(embargoed)
        local = release.embargo_local()
        self.date.set_date(None if local is None else local.date())
        self.time.setText("" if local is None else f"{local:%H:%M}")
        for widget in (self.time, self.zone):
            mark_invalid(widget, "")
        self.zone.blockSignals(True)
        self.zone.setCurrentText(release.timezone)
        offset = local.strftime("UTC%z") if local is not None else ""
        self.zone.lineEdit().setPlaceholderText(
            f"{offset} (no zone name)" if offset else "City or zone, e.g. London"
        )
        self.zone.blockSignals(False)
        self.note.setText(self._in_use())
