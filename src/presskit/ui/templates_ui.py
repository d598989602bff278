"""Templates for new releases, and the first-run welcome.

File > Save as Template… keeps the open release (its organization, boilerplate, contacts with
their library links, links, theme, language, body outline) as a template in the user's data
folder, without its date, embargo and approvals. File > New from Template… starts an untitled
release from one, dated today. On the first start, a welcome offers the example, a template,
an import or a blank release.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMessageBox

from presskit.app.settings import data_dir
from presskit.model.release import Release, Status
from presskit.storage.problems import ReleaseFileError
from presskit.storage.release_file import load_release, save_release


def templates_folder() -> Path:
    return data_dir() / "templates"


def template_paths() -> dict[str, Path]:
    """Template name -> file, by name."""
    folder = templates_folder()
    files = sorted(folder.glob("*.md")) if folder.is_dir() else []
    return {path.stem.replace("-", " "): path for path in files}


def as_template(release: Release) -> Release:
    """The release without what belongs to one day: date, embargo, approvals."""
    template = copy.deepcopy(release)
    template.dateline.date = None
    template.status, template.embargo = Status.IMMEDIATE, None
    template.approvals = []
    return template


def save_as_template(window: Any) -> Path | None:
    name, ok = QInputDialog.getText(
        window, "Save as Template", "Name of the template (for example “Event announcement”):"
    )
    slug = re.sub(r"[^\w]+", "-", name.strip()).strip("-")[:60]
    if not ok or not slug:
        return None
    path = templates_folder() / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    save_release(as_template(window.doc.model), path)
    window.status.show_message(f"Saved the template “{name.strip()}”")
    return path


def new_from_template(window: Any) -> bool:
    """Ask which template, then start an untitled release from it, dated today."""
    templates = template_paths()
    if not templates:
        QMessageBox.information(
            window, "New from Template",
            "There are no templates yet. Open a release your organization wrote and use "
            "File > Save as Template… to keep it as one.",
        )  # fmt: skip
        return False
    if not window.files.confirm_discard():
        return False
    name, ok = QInputDialog.getItem(
        window, "New from Template", "Start the new release from:", list(templates), 0, False
    )
    if not ok:
        return False
    try:
        release = load_release(templates[name]).release
    except ReleaseFileError as exc:
        QMessageBox.warning(window, "New from Template", f"“{name}” cannot be read: {exc}")
        return False
    release.dateline.date = dt.date.today()
    window.doc.new_blank(release)
    return True


def welcome(window: Any) -> None:
    """The first start: offer the example, a template, an import or a blank release."""
    if window.prefs.welcomed():
        return
    window.prefs.set_welcomed()
    box = QMessageBox(window)
    box.setWindowTitle("Welcome to Presskit")
    box.setText("Welcome to Presskit. How would you like to start?")
    box.setInformativeText(
        "The example is a real release with every part filled in. Help > Getting Started "
        "(F1) walks through the first hour."
    )
    example = box.addButton("Open the Example", QMessageBox.ButtonRole.AcceptRole)
    template = box.addButton("New from Template…", QMessageBox.ButtonRole.ActionRole)
    imported = box.addButton("Import a Document…", QMessageBox.ButtonRole.ActionRole)
    blank = box.addButton("Blank Release", QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(example)
    box.exec()
    clicked = box.clickedButton()
    if clicked is example:
        window.doc.new_from_example()
    elif clicked is template:
        new_from_template(window)
    elif clicked is imported and hasattr(window, "import_flow"):
        window.import_flow.import_dialog()
    elif clicked is blank:
        window.doc.new_blank(window.prefs.new_release())


def install(window: Any) -> None:
    """File > New from Template… (after New from Example) and Save as Template…"""
    menu = window.menus["file"]
    new = QAction("New from &Template…", window)
    new.triggered.connect(lambda: new_from_template(window))
    save = QAction("Save as Te&mplate…", window)
    save.triggered.connect(lambda: save_as_template(window))
    actions = menu.actions()
    after_example = next(
        (a for i, a in enumerate(actions) if i and actions[i - 1].text() == "New from &Example"),
        window.anchors["file.after_open"],
    )
    menu.insertAction(after_example, new)
    menu.insertAction(window.anchors["file.after_export"], save)
