"""Rows that wrap: fields side by side when the column is wide enough, one under the other
when it is not (a phone number and its label, a social account's network, handle and
address), and forms whose labels go above their fields in a narrow column (a press contact).

The form column never scrolls sideways, so its narrowest width is the widest of its rows'
narrowest widths. A :class:`WrapRow` asks only for its widest field's minimum, not the sum,
and gives each field its comfortable width once it stacks them.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFormLayout, QWidget


class WrapRow(QWidget):
    """``widgets`` with their stretch factors, on one line when they get ``comfortable``
    pixels each (their size hint when 0), else on lines of their own."""

    def __init__(self, *fields: tuple[QWidget, int, int], spacing: int = 6):
        super().__init__()
        self._fields = list(fields)
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(spacing)
        # The row's narrowest width is its widest field's (see minimumSizeHint), not the sum
        # the line would need: the layout must not pin the widget to the sum.
        self._box.setSizeConstraint(QBoxLayout.SizeConstraint.SetNoConstraint)
        for widget, stretch, _comfortable in fields:
            self._box.addWidget(widget, stretch)

    def one_line_width(self) -> int:
        """The width under which the fields go on lines of their own."""
        widths = [max(comfortable, widget.sizeHint().width()) if comfortable == 0 else comfortable
                  for widget, _stretch, comfortable in self._fields]  # fmt: skip
        return sum(widths) + self._box.spacing() * (len(widths) - 1)

    def stacked(self) -> bool:
        return self._box.direction() == QBoxLayout.Direction.TopToBottom

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        widest = max(widget.minimumSizeHint().width() for widget, *_ in self._fields)
        widest = max(widest, *(widget.minimumWidth() for widget, *_ in self._fields))
        return QSize(widest, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        stack = event.size().width() < self.one_line_width()
        if stack != self.stacked():
            self._box.setDirection(
                QBoxLayout.Direction.TopToBottom if stack else QBoxLayout.Direction.LeftToRight
            )
            for widget, stretch, _ in self._fields:
                # Stacked, a short field (a label list) keeps its own width at the left.
                small = stack and stretch == 0
                align = Qt.AlignmentFlag.AlignLeft if small else Qt.AlignmentFlag(0)
                self._box.setAlignment(widget, align)


class WrapForm(QWidget):
    """A form whose labels sit beside its fields, or above them all (never some) when the
    fields would get less than ``field_width`` pixels beside them."""

    def __init__(self, field_width: int):
        super().__init__()
        self.field_width = field_width
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setSizeConstraint(QFormLayout.SizeConstraint.SetNoConstraint)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)

    def _label_width(self) -> int:
        labels = [
            self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            for row in range(self.form.rowCount())
        ]
        return max((item.sizeHint().width() for item in labels if item is not None), default=0)

    def one_line_width(self) -> int:
        return self._label_width() + self.form.horizontalSpacing() + self.field_width

    def stacked(self) -> bool:
        return self.form.rowWrapPolicy() == QFormLayout.RowWrapPolicy.WrapAllRows

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(self._label_width(), self.field_width), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        stack = event.size().width() < self.one_line_width()
        if stack != self.stacked():
            policy = QFormLayout.RowWrapPolicy
            self.form.setRowWrapPolicy(policy.WrapAllRows if stack else policy.DontWrapRows)
            self.form.setLabelAlignment(
                Qt.AlignmentFlag.AlignLeft if stack else Qt.AlignmentFlag.AlignRight
            )
