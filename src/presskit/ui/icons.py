"""The app's own icon, in every size it is drawn in (resources/icons/).

    window.setWindowIcon(app_icon())

The PNGs are rendered from resources/icons/presskit.svg by packaging/make_icons.py; the
16 and 24 pixel ones have their own drawings so they stay sharp. Loading PNGs needs no SVG
support from Qt. The Linux desktop files name the icon by APP_ID (packaging/linux/).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from presskit.bundled import resource_path

APP_ID = "io.presskit.Presskit"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """Presskit's icon, with a hand-made picture for each standard size."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"presskit-{size}.png")), QSize(size, size))
    return icon
