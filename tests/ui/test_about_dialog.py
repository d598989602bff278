"""Help > About: version, description, and the licences of the fonts and libraries."""

from __future__ import annotations

from importlib import metadata

import pytest
from PySide6.QtCore import QSize, QUrl

from presskit import __version__
from presskit.ui.about_dialog import AboutDialog, Library, app_icon, licence_of


@pytest.fixture
def dialog(qtbot) -> AboutDialog:
    about = AboutDialog()
    qtbot.addWidget(about)
    about.show()
    qtbot.waitExposed(about)
    return about


def _title(dialog: AboutDialog) -> str:
    from PySide6.QtWidgets import QLabel

    return dialog.findChild(QLabel, "about-title").text()


def test_shows_name_version_and_description(dialog: AboutDialog) -> None:
    assert "Presskit" in _title(dialog)
    assert f"Version {__version__}" in _title(dialog)
    assert "press releases" in _title(dialog)


def test_lists_the_font_licence_and_the_libraries(dialog: AboutDialog) -> None:
    text = dialog.details.toPlainText()
    assert "Noto Serif and Noto Sans" in text
    assert "SIL Open Font License" in text
    for name in ("WeasyPrint", "Qt for Python (PySide6)", "Pango", "HarfBuzz", "pypdf"):
        assert name in text
    assert metadata.version("weasyprint") in text  # versions come from the metadata
    assert "LGPL-3.0-only" in text


def test_the_font_licence_can_be_read_in_full_and_left(qtbot, dialog: AboutDialog) -> None:
    dialog.details.anchorClicked.emit(QUrl("presskit:fonts-licence"))
    assert "SIL OPEN FONT LICENSE Version 1.1" in dialog.details.toPlainText()
    dialog.details.anchorClicked.emit(QUrl("presskit:about"))
    assert "Native libraries" in dialog.details.toPlainText()


def test_licences_come_from_metadata_with_fallbacks() -> None:
    # Declared as License-Expression.
    assert licence_of(Library("pypdf", "pypdf", "whatever")) == "BSD-3-Clause"
    # Only a classifier ("BSD License"): the precise name of the same family wins.
    assert licence_of(Library("WeasyPrint", "weasyprint", "BSD-3-Clause")) == "BSD-3-Clause"
    # ...and of another family, the metadata's own answer stands (so it was read).
    assert licence_of(Library("WeasyPrint", "weasyprint", "GPL-3.0")) == "BSD License"
    # Not installed, or native: the name given.
    assert licence_of(Library("Nothing", "no-such-distribution-xyz", "MIT")) == "MIT"
    assert licence_of(Library("Pango", None, "LGPL-2.0-or-later")) == "LGPL-2.0-or-later"


def test_app_icon_has_every_size(qtbot) -> None:
    icon = app_icon()
    assert not icon.isNull()
    sizes = set(icon.availableSizes())
    assert {QSize(n, n) for n in (16, 24, 32, 48, 64, 128, 256, 512)} <= sizes
    assert icon.pixmap(16, 16).size() == QSize(16, 16)
