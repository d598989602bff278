"""The window's layout: remembered between sessions, and sized to what it shows.

The window's size, its three columns and its panels (which are open, where they are docked)
are saved at close and restored at start. On a first start the columns share the width
(the form gets what its labels need), and the Checks panel is only as tall as its findings.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

CHECKS_MIN_HEIGHT = 96
CHECKS_MAX_SHARE = 0.3  # of the window's height


def restore_layout(window: Any) -> None:
    """Size, columns and panels as they were at the last close (a default size at first)."""
    prefs = window.prefs
    geometry = prefs.window_geometry()
    if geometry is None or not window.restoreGeometry(geometry):
        window.resize(1280, 800)
    state = prefs.window_state()
    window.panels_placed = state is not None and window.restoreState(state)
    splitter = prefs.splitter_state()
    window.splitter_placed = splitter is not None and window.splitter.restoreState(splitter)


def save_layout(window: Any) -> None:
    prefs = window.prefs
    prefs.set_window_geometry(window.saveGeometry())
    prefs.set_window_state(window.saveState())
    prefs.set_splitter_state(window.splitter.saveState())


def share_columns(window: Any) -> None:
    """First run: the form column gets what it needs (at least 28 %), the writing column a
    little more than the preview."""
    width = window.splitter.width()
    form = max(window.form_scroll.minimumWidth(), int(width * 0.28))
    writing = int((width - form) * 0.52)
    window.splitter.setSizes([form, writing, width - form - writing])


def fit_checks(window: Any, findings: list) -> None:
    """The Checks panel as tall as its findings (a few rows), never a third of the window."""
    if window.panels_placed or window.checks_dock.isFloating():
        return  # the person placed the panels: leave them
    tree = window.checks
    rows = max(2, min(len(findings), 8))
    row = tree.sizeHintForRow(0) if tree.topLevelItemCount() else tree.fontMetrics().height() + 6
    frame = tree.header().height() + 2 * tree.frameWidth() + 40  # title and tab bar
    wanted = max(CHECKS_MIN_HEIGHT, rows * row + frame)
    wanted = min(wanted, int(window.height() * CHECKS_MAX_SHARE))
    window.resizeDocks([window.checks_dock], [wanted], Qt.Orientation.Vertical)
