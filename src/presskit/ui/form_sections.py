"""The form: every field of a release, grouped the way a press officer thinks of them.

The writing column (headline, subheadline, dateline) sits above the body editor; the left
column holds the rest: release line and embargo, organization, "For more information" links,
press contacts, the About boilerplate and the output settings.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from presskit.app.document import DocumentController
from presskit.app.library_service import LibraryService
from presskit.model.paths import FieldPath
from presskit.model.release import Contact, DatelineStyle, Link, Phone, SocialHandle
from presskit.render.themes import usable_themes
from presskit.ui.colour_field import ColourField
from presskit.ui.contact_library_bar import ContactLibraryBar
from presskit.ui.date_field import FieldDateField
from presskit.ui.embargo_editor import EmbargoEditor
from presskit.ui.fields import FieldComboBox, FieldLineEdit, MarkdownTextEdit
from presskit.ui.library_panel import CONTACT_MIME
from presskit.ui.list_editor import ListEditor
from presskit.ui.logo_picker import LogoPicker
from presskit.ui.wrap_row import WrapForm, WrapRow

HEADLINE_LIMIT = 80
SUBHEADLINE_LIMIT = 150
LANGUAGES = [
    ("en-US", "English (US)"), ("en-GB", "English (UK)"), ("de-DE", "Deutsch"),
    ("fr-FR", "Français"), ("es-ES", "Español"), ("it-IT", "Italiano"),
    ("pt-BR", "Português (Brasil)"), ("nl-NL", "Nederlands"),
]  # fmt: skip
DATELINE_STYLES = {
    DatelineStyle.PARENTHETICAL: "(City, date)",
    DatelineStyle.AP: "CITY, date — (AP style)",
    DatelineStyle.LOCALE: "CITY, date in the release's language –",
}
"""A label for every style the file format knows (a new style without a label fails here)."""
LANGUAGE_GOVERNS = (
    "Sets the release line and date style, the paper size (A4 or US Letter), the phone "
    "number checks and the spelling dictionary."
)
END_MARKS = [("###", "###"), ("-30-", "-30-"), ("ENDS", "ENDS"), ("– end –", "– end –")]
PHONE_LABELS = [("", ""), ("mobile", "mobile"), ("office", "office"), ("work", "work"),
                ("home", "home"), ("fax", "fax")]  # fmt: skip
LONG_PHONE = "+44 20 7946 0958"  # a full international number shows whole
NETWORKS = [
    (name, name.title())
    for name in ("facebook", "twitter", "x", "linkedin", "instagram", "youtube", "mastodon")
]


class CountedLineEdit(QWidget):
    """A line field with a live character count that turns to a warning past ``limit``."""

    def __init__(self, doc: DocumentController, path: FieldPath, label: str, limit: int):
        super().__init__()
        self.edit = FieldLineEdit(doc, path, label)
        self.count = QLabel()
        self.count.setAccessibleName(f"{label} length")
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("000/000") + 6)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._limit = limit
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        self.edit.textChanged.connect(self._update)
        self._update(self.edit.text())

    def _update(self, text: str) -> None:
        length = len(text)
        over = length > self._limit
        self.count.setText(f"{length}/{self._limit}")
        self.count.setToolTip(
            f"Longer than {self._limit} characters: wire editors may cut it" if over else ""
        )
        font = self.count.font()
        font.setBold(over)
        self.count.setFont(font)


class WritingHeader(QWidget):
    """Headline, subheadline and dateline: the top of the writing column."""

    def __init__(self, doc: DocumentController):
        super().__init__()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.headline = CountedLineEdit(doc, ("headline",), "Headline", HEADLINE_LIMIT)
        self.headline.edit.setPlaceholderText("Required: what happened, in under 80 characters")
        font = self.headline.edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.headline.edit.setFont(font)
        self.subheadline = CountedLineEdit(doc, ("subheadline",), "Subheadline", SUBHEADLINE_LIMIT)
        self.city = FieldLineEdit(doc, ("dateline", "city"), "Dateline city")
        self.city.setPlaceholderText("City")
        self.city.setMinimumWidth(self.city.fontMetrics().horizontalAdvance("Washington DC") + 16)
        self.date = FieldDateField(doc, ("dateline", "date"), "Dateline date")
        self.style = FieldComboBox(
            doc, ("dateline", "style"), "Dateline style",
            [(style.value, DATELINE_STYLES[style]) for style in DatelineStyle],
        )  # fmt: skip
        dateline = QHBoxLayout()
        dateline.addWidget(self.city, 3)
        dateline.addWidget(self.date, 0)
        dateline.addWidget(self.style, 2)
        dateline_label = QLabel("&Dateline")
        dateline_label.setBuddy(self.city)
        form.addRow("Headl&ine", self.headline)  # Alt+H and Alt+E belong to the menus
        form.addRow("&Subheadline", self.subheadline)
        form.addRow(dateline_label, dateline)


class ReleaseSection(QGroupBox):
    """The release line, and the language and region that govern its words and more."""

    def __init__(self, doc: DocumentController):
        super().__init__("Release line")
        form = QFormLayout(self)
        self.embargo = EmbargoEditor(doc, form, self)
        self.language = FieldComboBox(
            doc, ("language",), "Language and region", LANGUAGES, editable=True
        )
        self.language.setToolTip(LANGUAGE_GOVERNS)
        governs = QLabel(LANGUAGE_GOVERNS)
        governs.setWordWrap(True)
        governs.setAccessibleName("What the language and region set")
        form.addRow("Lan&guage", self.language)
        form.addRow("", governs)


class OrganizationSection(QGroupBox):
    def __init__(self, doc: DocumentController):
        super().__init__("Organization")
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = FieldLineEdit(doc, ("organization", "name"), "Organization name")
        self.website = FieldLineEdit(doc, ("organization", "website"), "Website")
        self.website.setPlaceholderText("https://")
        self.logo = LogoPicker(doc)
        self.social = ListEditor(
            doc, ("organization", "social"), "social account",
            lambda i: _social_row(doc, i), SocialHandle,
        )  # fmt: skip
        form.addRow("&Name", self.name)
        form.addRow("&Website", self.website)
        form.addRow("&Logo", self.logo)
        self.accent = ColourField(doc)
        form.addRow("&Colour", self.accent)
        form.addRow("Social", self.social)


def _social_row(doc: DocumentController, index: int) -> QWidget:
    """Network, handle and address on one line, or network and handle above the address."""
    base = ("organization", "social", index)
    number = index + 1
    network = FieldComboBox(doc, (*base, "network"), f"Social account {number} network",
                            NETWORKS, editable=True)  # fmt: skip
    handle = FieldLineEdit(doc, (*base, "handle"), f"Social account {number} handle")
    handle.setPlaceholderText("@handle")
    url = FieldLineEdit(doc, (*base, "url"), f"Social account {number} URL")
    url.setPlaceholderText("https://")
    name = WrapRow((network, 1, 0), (handle, 1, 0))
    return WrapRow(
        (name, 1, 0), (url, 2, url.fontMetrics().horizontalAdvance("https://x.com/") + 24)
    )


class LinksSection(QGroupBox):
    def __init__(self, doc: DocumentController):
        super().__init__("For more information")
        layout = QVBoxLayout(self)
        self.list = ListEditor(doc, ("links",), "link", lambda i: _link_row(doc, i), Link)
        layout.addWidget(self.list)


def _link_row(doc: DocumentController, index: int) -> QWidget:
    row = QWidget()
    form = QFormLayout(row)
    form.setContentsMargins(0, 0, 0, 0)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    title = FieldLineEdit(doc, ("links", index, "title"), f"Link {index + 1} title")
    url = FieldLineEdit(doc, ("links", index, "url"), f"Link {index + 1} URL")
    url.setPlaceholderText("https://")
    form.addRow("Title", title)
    form.addRow("URL", url)
    return row


class ContactsSection(QGroupBox):
    """The press contacts; library contacts can be dropped here from the library panel."""

    def __init__(self, doc: DocumentController, library: LibraryService | None = None):
        super().__init__("Press contacts")
        layout = QVBoxLayout(self)
        self.list = ListEditor(
            doc, ("contacts",), "contact", lambda i: _contact_row(doc, i, library), Contact
        )
        layout.addWidget(self.list)
        self.setAcceptDrops(library is not None)
        self.contact_dropped: Callable[[int], None] | None = None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(CONTACT_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        data = bytes(event.mimeData().data(CONTACT_MIME).data()).decode("ascii", "replace")
        if data.isdigit() and self.contact_dropped is not None:
            event.acceptProposedAction()
            self.contact_dropped(int(data))


def _contact_row(doc: DocumentController, index: int, library: LibraryService | None) -> QWidget:
    """Labels beside the fields, or above them all when the column is too narrow for a full
    international phone number beside its label."""
    base = ("contacts", index)
    number = index + 1
    phones = ListEditor(
        doc, (*base, "phones"), "phone", lambda j: _phone_row(doc, index, j), Phone,
        reorderable=False, framed=False,
    )  # fmt: skip
    row = WrapForm(phones.minimumSizeHint().width())
    fields = [
        ("Name", "name"), ("Title", "title"), ("Organization", "organization"),
        ("City", "city"), ("Email", "email"),
    ]  # fmt: skip
    for label, key in fields:
        row.form.addRow(
            label, FieldLineEdit(doc, (*base, key), f"Contact {number} {label.lower()}")
        )
    row.form.addRow("Phones", phones)
    if library is not None:
        row.form.addRow(ContactLibraryBar(doc, library, index))
    return row


def _phone_row(doc: DocumentController, contact: int, index: int) -> QWidget:
    """The number, wide enough for a full international one, and its label beside it (or
    under it in a narrow column)."""
    base = ("contacts", contact, "phones", index)
    name = f"Contact {contact + 1} phone {index + 1}"
    number = FieldLineEdit(doc, (*base, "number"), f"{name} number")
    number.setPlaceholderText("+1 555 0100")
    number.setMinimumWidth(number.fontMetrics().horizontalAdvance(LONG_PHONE) + 16)
    label = FieldComboBox(doc, (*base, "label"), f"{name} label", PHONE_LABELS, editable=True)
    label.setMaximumWidth(label.fontMetrics().horizontalAdvance("mobile") + 48)
    return WrapRow((number, 1, number.minimumWidth() + 40), (label, 0, 0))


class AboutSection(QGroupBox):
    def __init__(self, doc: DocumentController):
        super().__init__("About (boilerplate)")
        layout = QVBoxLayout(self)
        self.editor = MarkdownTextEdit(doc, "boilerplate", "About boilerplate (Markdown)")
        self.editor.setPlaceholderText("Who you are, in one or two paragraphs.")
        self.editor.setMinimumHeight(110)
        self.editor.setMaximumHeight(220)
        layout.addWidget(self.editor)


class OutputSection(QGroupBox):
    def __init__(self, doc: DocumentController):
        super().__init__("Output")
        form = QFormLayout(self)
        themes = [(theme.name, theme.title) for theme in usable_themes()]
        self.theme = FieldComboBox(doc, ("theme",), "Theme", themes)
        self.end_mark = FieldComboBox(doc, ("end_mark",), "End mark", END_MARKS, editable=True)
        form.addRow("&Theme", self.theme)
        form.addRow("End &mark", self.end_mark)


class FormPanel(QWidget):
    """The left column: every section except the writing ones, in reading order."""

    def __init__(self, doc: DocumentController, library: LibraryService | None = None):
        super().__init__()
        self.release = ReleaseSection(doc)
        self.organization = OrganizationSection(doc)
        self.links = LinksSection(doc)
        self.contacts = ContactsSection(doc, library)
        self.about = AboutSection(doc)
        self.output = OutputSection(doc)
        layout = QVBoxLayout(self)
        for section in (self.release, self.contacts, self.links, self.about,
                        self.organization, self.output):  # fmt: skip
            layout.addWidget(section)
        layout.addStretch(1)
