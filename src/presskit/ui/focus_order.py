"""Tab follows the screen: the writing column from the headline down, then the form column
top to bottom, then the preview and the panel in front.

Qt's own focus chain follows the order widgets were made in, so rows added to a list later
(a new contact) and panels made by features land in odd places. The window asks
:func:`next_in_screen_order` instead: the focusable widgets of each area, sorted by where they
are on screen (rows top to bottom, left to right within a row). A list row's move and remove
buttons (marked with the ``ROW_BUTTON`` property) sit beside its first field on screen, but
Tab reaches them after all of that row's fields.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QComboBox, QWidget

ROW_TOLERANCE = 8  # widgets whose centres are this close vertically share a row
ROW_BUTTON = "presskit_row_button"


def takes_tab(widget: QWidget, root: QWidget) -> bool:
    """Whether Tab may stop at ``widget`` now."""
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and not isinstance(widget.parentWidget(), QComboBox)  # an editable combo's line
    )


def screen_order(area: QWidget, root: QWidget) -> list[QWidget]:
    """The focusable widgets of ``area``, in reading order on screen."""
    widgets = [w for w in area.findChildren(QWidget) if takes_tab(w, root)]
    if takes_tab(area, root) and not isinstance(area, QAbstractScrollArea):
        widgets.insert(0, area)

    def centre(widget: QWidget) -> QPoint:
        return widget.mapTo(area, QPoint(0, widget.height() // 2))

    widgets.sort(key=lambda w: (centre(w).y(), centre(w).x()))
    rows: list[list[QWidget]] = []
    for widget in widgets:
        if rows and centre(widget).y() - centre(rows[-1][0]).y() <= ROW_TOLERANCE:
            rows[-1].append(widget)
        else:
            rows.append([widget])
    return _buttons_after_fields(
        [w for row in rows for w in sorted(row, key=lambda w: centre(w).x())]
    )


def _depth(widget: QWidget) -> int:
    depth = 0
    while (widget := widget.parentWidget()) is not None:
        depth += 1
    return depth


def _buttons_after_fields(order: list[QWidget]) -> list[QWidget]:
    """Move each list row's buttons to just after the last other widget of that row (inner
    rows first, so a phone's remove button stays inside its contact)."""
    rows: dict[QWidget, list[QWidget]] = {}
    for widget in order:
        if widget.property(ROW_BUTTON) and widget.parentWidget() is not None:
            rows.setdefault(widget.parentWidget(), []).append(widget)
    result = [w for w in order if not (w.property(ROW_BUTTON) and w.parentWidget() in rows)]
    for row in sorted(rows, key=_depth, reverse=True):
        inside = [i for i, w in enumerate(result) if row.isAncestorOf(w)]
        at = inside[-1] + 1 if inside else _natural_place(order, result, rows[row][0])
        result[at:at] = rows[row]
    return result


def _natural_place(order: list[QWidget], result: list[QWidget], first: QWidget) -> int:
    """Where ``first`` goes in ``result`` by its place on screen (a row with no fields)."""
    before = set(order[: order.index(first)])
    return sum(1 for w in result if w in before)


def next_in_screen_order(
    areas: list[QWidget], root: QWidget, current: QWidget | None, forward: bool
) -> QWidget | None:
    """The widget Tab (or Shift+Tab) moves to from ``current``; None when ``current`` is in
    none of ``areas`` (a dialog, a menu: Qt's own order applies)."""
    chain = [w for area in areas if area.isVisible() for w in screen_order(area, root)]
    if current is None or current not in chain:
        return None
    index = chain.index(current) + (1 if forward else -1)
    return chain[index % len(chain)]
