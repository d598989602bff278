"""The release line: immediate or embargoed, with the embargo's date, time and time zone.

The time is edited as local time in a named zone (America/New_York), and stored as ISO 8601
with the offset that zone has on that day, plus the zone's name, so the release can say
"9 a.m. EDT". A new embargo starts tomorrow at 9:00 in the computer's own zone.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QComboBox, QCompleter, QDateTimeEdit, QFormLayout, QWidget

from presskit.app.document import DocumentController
from presskit.model.paths import FieldPath
from presskit.model.release import Status
from presskit.ui.fields import FieldComboBox


@cache
def zone_names() -> list[str]:
    return sorted(z for z in available_timezones() if "/" in z or z == "UTC")


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


class EmbargoEditor(QWidget):
    """Status, embargo date-time and zone, laid out as rows of ``form``."""

    def __init__(self, doc: DocumentController, form: QFormLayout, parent: QWidget | None = None):
        super().__init__(parent)
        self._doc = doc
        choices = [
            (Status.IMMEDIATE.value, "For immediate release"),
            (Status.EMBARGOED.value, "Embargoed"),
        ]
        self.status = FieldComboBox(doc, ("status",), "Release status", choices, commit=False)
        self.status.activated.connect(self._status_chosen)
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("d MMM yyyy  HH:mm")
        self.when.setMinimumDateTime(QDateTime(QDate(1970, 1, 1), QTime(0, 0)))
        self.when.setSpecialValueText("—")  # shown while there is no embargo
        self.when.setAccessibleName("Embargo date and time")
        self.when.setObjectName("field:embargo")
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(zone_names())
        self.zone.setAccessibleName("Embargo time zone")
        self.zone.setObjectName("field:timezone")
        completer = QCompleter(zone_names(), self.zone)
        completer.setFilterMode(completer.filterMode().MatchContains)
        self.zone.setCompleter(completer)
        form.addRow("&Release", self.status)
        form.addRow("Embargo &until", self.when)
        form.addRow("Time &zone", self.zone)
        self.when.editingFinished.connect(self._commit)
        self.zone.activated.connect(self._commit)
        self.zone.lineEdit().editingFinished.connect(self._commit)
        doc.fieldChanged.connect(self._refresh)
        doc.documentReplaced.connect(self._refresh)
        self._refresh()

    def _zone_name(self) -> str:
        name = self.zone.currentText().strip()
        return name if name in zone_names() else ""

    def _status_chosen(self) -> None:
        """Set the status; a first embargo gets a default time, in the same undo step."""
        status = Status(self.status.current_value())
        changes: list[tuple[FieldPath, object]] = [(("status",), status)]
        if status is Status.EMBARGOED and self._doc.model.embargo is None:
            zone = self._doc.model.timezone or system_zone_name()
            changes += [(("embargo",), default_embargo(zone)), (("timezone",), zone)]
        self._doc.set_fields("Release status", changes)

    def _commit(self) -> None:
        if self._doc.model.status is not Status.EMBARGOED:
            return
        zone_name = self._zone_name()
        embargo = self._doc.model.embargo
        if zone_name:
            zone: dt.tzinfo = ZoneInfo(zone_name)
        elif embargo is not None and embargo.tzinfo is not None:
            zone = embargo.tzinfo  # no zone name: keep the offset the file gave
        else:
            zone_name = system_zone_name()
            zone = ZoneInfo(zone_name)
        local = self.when.dateTime()
        naive = dt.datetime(
            local.date().year(), local.date().month(), local.date().day(),
            local.time().hour(), local.time().minute(),
        )  # fmt: skip
        self._doc.set_fields(
            "Embargo",
            [(("embargo",), fixed_offset(naive.replace(tzinfo=zone))), (("timezone",), zone_name)],
        )

    def _refresh(self, path: FieldPath | None = None) -> None:
        if path is not None and path not in (("embargo",), ("timezone",), ("status",)):
            return
        release = self._doc.model
        embargoed = release.status is Status.EMBARGOED
        self.when.setEnabled(embargoed)
        self.zone.setEnabled(embargoed)
        local = release.embargo_local()
        self.when.blockSignals(True)
        if local is None:
            self.when.setDateTime(self.when.minimumDateTime())
        else:
            day, time = QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
            self.when.setDateTime(QDateTime(day, time))
        self.when.blockSignals(False)

        self.zone.blockSignals(True)
        self.zone.setCurrentText(release.timezone)
        offset = local.strftime("UTC%z") if local is not None else ""
        self.zone.lineEdit().setPlaceholderText(f"{offset} (no zone name)" if offset else "")
        self.zone.blockSignals(False)
