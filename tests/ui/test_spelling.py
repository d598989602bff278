"""Spelling in the editor: misspelt words are marked, suggested, and can be added."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from presskit.ui.main_window import MainWindow
from tests.ui.test_main_window import field, replace_text

SQUIGGLE = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def _marked_words(window: MainWindow, block_number: int) -> list[str]:
    block = window.body.editor.document().findBlockByNumber(block_number)
    text = block.text()
    return sorted(
        {
            text[r.start : r.start + r.length]
            for r in block.layout().formats()
            if r.format.underlineStyle() == SQUIGGLE
        }
    )


def _right_click_and_choose(
    widget, position: QPoint, choose: Callable[[QAction], bool]
) -> list[str]:
    """Open the real context menu at ``position``, trigger the first action ``choose`` picks,
    and return the texts of every action the menu held."""
    seen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(50, pick)
            return
        seen.extend(a.text() for a in menu.actions())
        next(a for a in menu.actions() if choose(a)).trigger()
        menu.close()

    QTimer.singleShot(50, pick)
    global_position = widget.mapToGlobal(position)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, position, global_position)
    QApplication.sendEvent(widget, event)
    return seen


def test_misspelt_word_is_marked_then_added_to_the_dictionary(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.spelling.ready, timeout=30_000)
    editor = window.body.editor
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Mary Wareham said the campain continues.")
    last = editor.document().blockCount() - 1
    qtbot.waitUntil(lambda: _marked_words(window, last) == ["campain"], timeout=5_000)
    assert "Wareham" not in _marked_words(window, last)  # contact names are never marked

    block = editor.document().findBlockByNumber(last)
    word_cursor = QTextCursor(block)
    word_cursor.setPosition(block.position() + block.text().index("campain") + 2)
    position = editor.cursorRect(word_cursor).center()
    menu = _right_click_and_choose(
        editor.viewport(), position, lambda a: a.objectName() == "spelling-add"
    )
    assert "campaign" in menu  # suggested
    assert "Add “campain” to Dictionary" in menu
    qtbot.waitUntil(lambda: _marked_words(window, last) == [], timeout=5_000)


def test_headline_suggestion_replaces_the_word(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.spelling.ready, timeout=30_000)
    headline = field(window, "headline")
    replace_text(qtbot, headline, "Landmine ban gets new suport")
    qtbot.waitUntil(lambda: [w for _s, _e, w in window._spell_lines[0].spans] == ["suport"])
    headline.setCursorPosition(len(headline.text()) - 2)  # inside "suport"
    position = headline.cursorRect().center()
    menu = _right_click_and_choose(headline, position, lambda a: a.text() == "support")
    assert "Add “suport” to Dictionary" in menu
    assert headline.text() == "Landmine ban gets new support"
    assert window.doc.model.headline == "Landmine ban gets new support"
    window.undo_action.trigger()
    assert window.doc.model.headline == "Landmine ban gets new suport"
