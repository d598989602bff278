"""Language versions in the real window: tabs, an outdated segment marked, marked up to date."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox

from presskit.storage import load_release
from presskit.ui.main_window import MainWindow
from presskit.ui.translation_panel import OUTDATED_TINT
from tests.ui.conftest import answer_dialog, click, press
from tests.ui.test_documents_and_export import export_through_dialog
from tests.ui.test_main_window import field, replace_text
from tests.ui.test_review_ui import _save

NEW_HEADLINE = "US: Ban Landmine Use Everywhere, Korea Included, Now"


def _outdated_rows(check_file: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "presskit", "check", "--format", "json", str(check_file)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return [r["field"] for r in json.loads(done.stdout) if r["id"] == "translation-outdated"]


def test_tabs_outdated_segment_and_mark_up_to_date(
    qtbot, window: MainWindow, example_copy: Path
) -> None:
    german = example_copy.with_name("release.de-DE.md")
    done = subprocess.run(
        [sys.executable, "-m", "presskit", "translate", str(example_copy), "--to", "de-DE"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    # The English headline changes in the editor, and is saved: the German one falls behind.
    replace_text(qtbot, field(window, "headline"), NEW_HEADLINE)
    _save(qtbot, window)
    panel = window.translation.panel
    qtbot.keySequence(window, QKeySequence("Ctrl+Alt+T"))  # View > Translation
    assert not panel.visibleRegion().isEmpty()
    tabs = panel.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["de-DE", "en-US"]
    assert tabs.tabText(tabs.currentIndex()) == "en-US"
    assert panel.table.rowCount() == 0  # the source itself: nothing to compare

    # Switch to the German tab: the German file opens, its headline marked outdated.
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(0).center())
    qtbot.waitUntil(lambda: window.doc.path == german.resolve(), timeout=10_000)
    qtbot.waitUntil(lambda: panel.table.rowCount() > 0, timeout=10_000)
    assert tabs.tabText(tabs.currentIndex()) == "de-DE"
    table = panel.table
    first = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert first[0] == "⚠ headline" and not any(t.startswith("⚠") for t in first[1:])
    assert table.item(0, 1).text() == NEW_HEADLINE  # the source, beside the translation
    assert table.item(0, 2).text() == "US: Ban Landmine Use Everywhere, Korea Included"
    assert table.item(0, 2).background().color() == OUTDATED_TINT
    assert panel.mark_button.isEnabled()
    qtbot.waitUntil(
        lambda: any(f.id == "translation-outdated" for f in window.preflight.findings),
        timeout=10_000,
    )

    # The translator updates the headline, selects its row and marks it up to date.
    replace_text(qtbot, field(window, "headline"), "USA: Landminen weltweit verbieten, jetzt")
    rect = table.visualItemRect(table.item(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(panel.mark_button, Qt.MouseButton.LeftButton)
    assert panel.outdated == []
    assert not table.item(0, 0).text().startswith("⚠")
    assert not panel.mark_button.isEnabled()
    qtbot.waitUntil(
        lambda: not any(f.id == "translation-outdated" for f in window.preflight.findings),
        timeout=10_000,
    )
    # One undo step brings the mark back; redo, save, and the file is current on disk.
    qtbot.keySequence(window, QKeySequence.StandardKey.Undo)
    qtbot.waitUntil(lambda: panel.outdated == ["headline"], timeout=10_000)
    qtbot.keySequence(window, QKeySequence.StandardKey.Redo)
    qtbot.waitUntil(lambda: panel.outdated == [], timeout=10_000)
    _save(qtbot, window)
    saved = load_release(german).release
    assert saved.headline == "USA: Landminen weltweit verbieten, jetzt"
    assert _outdated_rows(german) == []
    window.grab().save(str(example_copy.parent / "translation-panel.png"))


def test_editor_exports_name_the_language_versions(
    qtbot, window: MainWindow, example_copy: Path, tmp_path: Path
) -> None:
    """The Export menu's web page and press kit know the versions, as the CLI's do."""
    done = subprocess.run(
        [sys.executable, "-m", "presskit", "translate", str(example_copy), "--to", "fr-FR"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    page = example_copy.with_suffix(".html")
    export_through_dialog(qtbot, window, "html", page)
    html = page.read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="fr-FR" href="release.fr-FR.html">' in html
    assert '<link rel="alternate" hreflang="en-US" href="release.html">' in html
    kit = tmp_path / "kit.zip"
    export_through_dialog(qtbot, window, "kit", kit)
    qtbot.waitUntil(lambda: zipfile.is_zipfile(kit), timeout=60_000)
    assert any("/fr-fr/" in name for name in zipfile.ZipFile(kit).namelist())


def test_file_new_translation_makes_and_opens_a_linked_copy(
    qtbot, window: MainWindow, example_copy: Path
) -> None:
    def type_language(dialog: QDialog) -> None:
        edit = dialog.findChild(QLineEdit)
        QTest.keyClicks(edit, "pl-PL")
        press("OK")(dialog)

    asked = answer_dialog(type_language)
    window.translation.new_action.trigger()
    polish = example_copy.with_name("release.pl-PL.md")
    qtbot.waitUntil(lambda: window.doc.path == polish.resolve(), timeout=10_000)
    assert asked == ["New Translation"]
    made = load_release(polish).release
    assert made.language == "pl-PL" and made.translation.source == "release.md"
    tabs = window.translation.panel.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["en-US", "pl-PL"]
    assert window.translation.panel.note.text() == "The translation is up to date with its source."
    # Asked again, from the translation, for the same language: it would translate the same
    # source into the same file, so it is refused and nothing is overwritten.
    refusal: dict[str, list[str]] = {}

    def type_again(dialog: QDialog) -> None:
        refusal["seen"] = answer_dialog(click(QMessageBox.StandardButton.Ok))
        type_language(dialog)

    answer_dialog(type_again)
    before = polish.read_bytes()
    window.translation.new_action.trigger()
    qtbot.waitUntil(lambda: bool(refusal.get("seen")), timeout=10_000)
    assert "release.pl-PL.md exists already" in refusal["seen"][0]
    assert polish.read_bytes() == before
    assert not list(example_copy.parent.glob("*.pl-PL.pl-PL.md"))


def test_new_translation_names_a_language_that_is_not_one_as_the_command_line_does(
    qtbot, window: MainWindow, example_copy: Path
) -> None:
    refusal: dict[str, list[str]] = {}

    def type_nonsense(dialog: QDialog) -> None:
        refusal["seen"] = answer_dialog(click(QMessageBox.StandardButton.Ok))
        QTest.keyClicks(dialog.findChild(QLineEdit), "German please")
        press("OK")(dialog)

    answer_dialog(type_nonsense)
    window.translation.new_action.trigger()
    qtbot.waitUntil(lambda: bool(refusal.get("seen")), timeout=10_000)
    assert "'German please' is not a language tag such as de-DE or fr" in refusal["seen"][0]
    assert sorted(p.name for p in example_copy.parent.glob("*.md")) == ["release.md"]
