"""Colours that follow the palette: the red mark on a field that holds text Presskit cannot
read, readable on a light and on a dark palette alike, and a dark palette (Fusion style)
for checking the window in one (tests, screenshots, ``PRESSKIT_QT_ARGS="-style fusion"``
with a dark desktop).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QComboBox, QWidget

LIGHT_INVALID = QColor("#c62828")  # deep red on white: 5.6:1
DARK_INVALID = QColor("#ff6e6e")  # light red on #2a2a2a: 5.4:1


def is_dark(palette: QPalette) -> bool:
    """Whether fields are drawn light on dark."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def invalid_colour(palette: QPalette) -> QColor:
    """The red of a field's "not understood" mark, readable on the field's background."""
    return DARK_INVALID if is_dark(palette) else LIGHT_INVALID


def mark_invalid(widget: QWidget, message: str) -> None:
    """Mark ``widget`` (a line or a list field) red with ``message`` as its tooltip, or clear
    the mark when ``message`` is empty."""
    kind = "QComboBox" if isinstance(widget, QComboBox) else "QLineEdit"
    colour = invalid_colour(widget.palette()).name()
    widget.setStyleSheet(f"{kind} {{ border: 2px solid {colour}; }}" if message else "")
    widget.setToolTip(message)


def dark_palette() -> QPalette:
    """A dark palette of the kind desktops use (KDE Breeze Dark, GNOME's dark style)."""
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#353535", role.WindowText: "#eeeeee", role.Base: "#2a2a2a",
        role.AlternateBase: "#323232", role.ToolTipBase: "#202020", role.ToolTipText: "#eeeeee",
        role.PlaceholderText: "#8c8c8c", role.Text: "#eeeeee", role.Button: "#3c3c3c",
        role.ButtonText: "#eeeeee", role.BrightText: "#ff6e6e", role.Link: "#6cb4ff",
        role.LinkVisited: "#b48cff", role.Highlight: "#2a82da", role.HighlightedText: "#ffffff",
        role.Light: "#505050", role.Midlight: "#434343", role.Mid: "#242424",
        role.Dark: "#1e1e1e", role.Shadow: "#141414",
    }  # fmt: skip
    for which, colour in colours.items():
        palette.setColor(which, QColor(colour))
    for which in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, which, QColor("#7a7a7a"))
    palette.setColor(group.Disabled, role.Base, QColor("#303030"))
    return palette
