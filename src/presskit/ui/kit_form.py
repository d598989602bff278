"""The kit editor's form: the organization, language, theme, description, history and facts.

Facts are typed one a line, ``Founded: 1992``, which is quicker than a table and reads the
same. Each field edits the model through :meth:`KitDocument.edit` (typing in one field is one
undo step); after an undo the form reloads the model with its signals blocked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from presskit.app.kit_document import KitDocument
from presskit.kit.model import Fact, Kit
from presskit.render.themes import usable_themes


def facts_text(facts: list[Fact]) -> str:
    """``Founded: 1992`` lines."""
    return "\n".join(f"{f.label}: {f.value}" if f.value else f.label for f in facts)


def parse_facts(text: str, old: list[Fact]) -> list[Fact]:
    """Facts from ``Label: value`` lines, keeping each line's unknown keys where it stays."""
    facts = []
    for i, line in enumerate(line for line in text.splitlines() if line.strip()):
        label, _, value = line.partition(":")
        extra = dict(old[i].extra) if i < len(old) else {}
        facts.append(Fact(label.strip(), value.strip(), extra))
    return facts


def _set_facts(kit: Kit, text: str) -> None:
    kit.facts = parse_facts(text, kit.facts)


class KitForm(QWidget):
    """The kit's own fields."""

    def __init__(self, doc: KitDocument):
        super().__init__()
        self.doc = doc
        layout = QFormLayout(self)
        self.name = self._line(
            layout,
            "Organization",
            "organization.name",
            lambda kit, text: setattr(kit.organization, "name", text),
        )
        self.website = self._line(
            layout,
            "Website",
            "organization.website",
            lambda kit, text: setattr(kit.organization, "website", text),
        )
        self.language = self._line(layout, "Language", "language",
                                   lambda kit, text: setattr(kit, "language", text))  # fmt: skip
        self.theme = QComboBox()
        for theme in usable_themes():
            self.theme.addItem(theme.title, theme.name)
        self.theme.activated.connect(self._theme_chosen)
        layout.addRow("Theme", self.theme)
        self.description = self._text(
            layout,
            "Description",
            "description",
            lambda kit, text: setattr(kit, "description", text),
        )
        self.history = self._text(
            layout, "History", "history", lambda kit, text: setattr(kit, "history", text)
        )
        self.facts = self._text(layout, "Facts", "facts", _set_facts)
        self.facts.setPlaceholderText("Founded: 1992\nHeadquarters: Washington DC\nStaff: 12")
        doc.replaced.connect(self.reload)
        self.reload()

    def _line(self, layout: QFormLayout, label: str, key: str,
              apply: Callable[[Kit, str], None]) -> QLineEdit:  # fmt: skip
        edit = QLineEdit()
        edit.setAccessibleName(label)
        edit.textEdited.connect(
            lambda text: self.doc.edit(f"Edit {label}", lambda kit: apply(kit, text), key)
        )
        layout.addRow(label, edit)
        return edit

    def _text(self, layout: QFormLayout, label: str, key: str,
              apply: Callable[[Kit, str], None]) -> QPlainTextEdit:  # fmt: skip
        edit = QPlainTextEdit()
        edit.setAccessibleName(label)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(90)

        def changed() -> None:
            if not edit.signalsBlocked():
                text = edit.toPlainText()
                self.doc.edit(f"Edit {label}", lambda kit: apply(kit, text), key)

        edit.textChanged.connect(changed)
        layout.addRow(label, edit)
        return edit

    def _theme_chosen(self, index: int) -> None:
        name = self.theme.itemData(index)
        self.doc.edit("Change Theme", lambda kit: setattr(kit, "theme", name))

    def reload(self) -> None:
        kit = self.doc.kit
        values = {
            self.name: kit.organization.name, self.website: kit.organization.website,
            self.language: kit.language, self.description: kit.description,
            self.history: kit.history, self.facts: facts_text(kit.facts),
        }  # fmt: skip
        for widget, value in values.items():
            current = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
            if current == value:
                continue
            widget.blockSignals(True)
            if isinstance(widget, QLineEdit):
                widget.setText(value)
            else:
                widget.setPlainText(value)
            widget.blockSignals(False)
        self.theme.setCurrentIndex(max(0, self.theme.findData(kit.theme)))
