"""How the Import Review draws the source: one block a row, its line numbers and the field
it went to written in a gutter on the left (the colour is never the only sign), its text
wrapped beside them; a selected block keeps its colour inside a frame.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import (
    QListWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from presskit.importers import ROLE_NAMES, Role

COLOURS: dict[Role, str] = {
    Role.RELEASE_LINE: "#e8d5f5",
    Role.HEADLINE: "#ffd6a5",
    Role.SUBHEADLINE: "#fdffb6",
    Role.DATELINE: "#ffe5ec",
    Role.BODY: "#ffffff",
    Role.LINKS: "#caffbf",
    Role.END_MARK: "#e0e0e0",
    Role.BOILERPLATE: "#9bf6ff",
    Role.CONTACT: "#a0c4ff",
    Role.SOCIAL: "#bdb2ff",
    Role.NOT_PLACED: "#ffadad",
}
"""Pale backgrounds that keep black text readable, one per role (the legend shows them)."""

WHERE_ROLE = Qt.ItemDataRole.UserRole + 1  # "11" or "13–14": the block's source lines
LABEL_ROLE = Qt.ItemDataRole.UserRole + 2  # "Headline", or "page chrome, left out"
_PAD = 5  # pixels around a block's text and gutter
_Index = QModelIndex | QPersistentModelIndex


def role_menu_names() -> dict[Role, str]:
    """Each role's name with a letter to press in a menu: "&Headline", "&Press contact"."""
    used: set[str] = set()
    names = {}
    for role in Role:
        name = ROLE_NAMES[role]
        at = next((i for i, ch in enumerate(name) if ch.isalpha() and ch.lower() not in used), -1)
        if at >= 0:
            used.add(name[at].lower())
            name = f"{name[:at]}&{name[at:]}"
        names[role] = name
    return names


class BlockList(QListWidget):
    """The source blocks. A context menu asked for (right-click, the Menu key, Shift+F10)
    emits ``menu_requested`` with the viewport position clicked, or None from the keyboard."""

    menu_requested = Signal(object)  # QPoint | None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
        self.menu_requested.emit(None if keyboard else self.viewport().mapFrom(self, event.pos()))
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        shift = event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        if event.key() == Qt.Key.Key_Menu or (event.key() == Qt.Key.Key_F10 and shift):
            self.menu_requested.emit(None)
            event.accept()
            return
        super().keyPressEvent(event)


class BlockDelegate(QStyledItemDelegate):
    """Paints a block: gutter (lines, field) | wrapped text, on the field's colour."""

    def __init__(self, view: QListWidget):
        super().__init__(view)
        self._looks: dict[str, tuple[QFont, QFont, int]] = {}  # per font: text, small, gutter
        self._heights: dict[tuple[int, int, str], int] = {}  # (row, width, font): height

    def _view(self) -> QListWidget:
        view = self.parent()
        assert isinstance(view, QListWidget)
        return view

    def _look(self) -> tuple[QFont, QFont, int]:
        """The text font, the gutter's small font and the gutter's width (the longest field
        name's), worked out once per font."""
        text = self._view().font()
        key = text.key()
        if key not in self._looks:
            small = QFont(text)
            small.setPointSizeF(max(7.0, text.pointSizeF() * 0.85))
            metrics = QFontMetrics(small)
            widest = max(metrics.horizontalAdvance(name) for name in ROLE_NAMES.values())
            chrome = metrics.horizontalAdvance("page chrome, left out") // 2
            self._looks[key] = (text, small, max(widest, chrome) + 2 * _PAD)
        return self._looks[key]

    def _text_rect(self, rect: QRect) -> QRect:
        return rect.adjusted(self._look()[2] + 2 * _PAD, _PAD, -_PAD - 2, -_PAD)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        """The block's wrapped text's height, kept per width (a block's text never changes:
        reassigning only recolours, so the list lays out again from the kept heights)."""
        view = self._view()
        width = view.viewport().width() - 2 * view.spacing()
        text, small, _ = self._look()
        key = (index.row(), width, text.key())
        if key not in self._heights:
            box = self._text_rect(QRect(0, 0, max(width, 200), 100_000))
            flags = Qt.TextFlag.TextWordWrap
            high = QFontMetrics(text).boundingRect(box, flags, str(index.data())).height()
            gutter = 2 * QFontMetrics(small).lineSpacing()
            self._heights[key] = max(high, gutter) + 2 * _PAD
        return QSize(width, self._heights[key])

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        text, small, width = self._look()
        small = QFont(small)
        rect = QRect(option.rect)  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        painter.save()
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        colour = background.color() if background is not None else QColor("#ffffff")
        painter.fillRect(rect, colour)
        gutter = QRect(rect.left(), rect.top(), width + _PAD, rect.height())
        painter.fillRect(gutter, colour.darker(108))
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        ink = foreground.color() if foreground is not None else QColor("#000000")
        painter.setPen(QColor("#444444"))
        painter.setFont(small)
        lines = QFontMetrics(small).lineSpacing()
        inner = gutter.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft, f"line {index.data(WHERE_ROLE)}")
        small.setBold(True)
        painter.setFont(small)
        label = str(index.data(LABEL_ROLE) or "")
        painter.drawText(inner.adjusted(0, lines, 0, 0), Qt.TextFlag.TextWordWrap, label)
        painter.setFont(text)
        painter.setPen(ink)
        painter.drawText(self._text_rect(rect), Qt.TextFlag.TextWordWrap, str(index.data()))
        if state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(option.palette.highlight().color(), 3))  # type: ignore[attr-defined]
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        elif state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(QColor("#555555"), 1, Qt.PenStyle.DotLine))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()
