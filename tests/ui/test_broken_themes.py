"""A broken user theme never stops the editor (issue 11: a user theme folder holding only a
``theme.toml`` raised ThemeError from the window's theme list at start-up)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox

from presskit.app.recovery import RecoveryStore
from presskit.app.settings import Preferences
from presskit.render.themes import user_themes_dir
from presskit.ui.main_window import MainWindow


def _broken_themes() -> None:
    themes = user_themes_dir()
    (themes / "bareissue11").mkdir(parents=True)
    (themes / "bareissue11" / "theme.toml").write_text('title = "Only a theme.toml"\n')
    (themes / "badtomlissue11").mkdir()
    (themes / "badtomlissue11" / "theme.toml").write_text("title = [unclosed\n")


def test_the_editor_starts_with_broken_user_themes(
    qtbot, isolated_dirs: Path, example_copy: Path
) -> None:
    _broken_themes()
    win = MainWindow(
        Preferences(isolated_dirs / "settings.ini"), RecoveryStore(isolated_dirs / "rec")
    )
    qtbot.addWidget(win, before_close_func=lambda w: w.doc.undo_stack.setClean())
    win.show()
    assert win.files.open_path(example_copy, confirmed=True)
    qtbot.waitUntil(lambda: win.preview.page_count > 0, timeout=60_000)
    combo = next(c for c in win.findChildren(QComboBox) if c.findData("classic") >= 0)
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert "classic" in offered
    assert "bareissue11" not in offered and "badtomlissue11" not in offered
