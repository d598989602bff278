"""File > Publish to Newsroom Folder…: the folders of releases, the site folder, and the
site's address, title and theme; filled in with what was used last time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from presskit.app.settings import NewsroomSettings
from presskit.newsroom.options import OptionsError, normalized_base_url
from presskit.render.themes import usable_themes

OWN_THEME = "Each release's own theme"


class NewsroomDialog(QDialog):
    """Asks what to publish where; ``settings()`` is the answer once accepted."""

    def __init__(self, settings: NewsroomSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Publish to Newsroom Folder")
        self.setMinimumWidth(560)
        self.sources = QListWidget()
        self.sources.setAccessibleName("Folders of releases")
        self.sources.addItems([str(p) for p in settings.sources])
        self.add_source = QPushButton("&Add Folder…")
        self.sources.setMaximumHeight(120)
        self.remove_source = QPushButton("Re&move")
        self.site = QLineEdit(str(settings.site) if settings.site else "")
        self.site.setPlaceholderText("A folder of its own, such as …/newsroom-site")
        self.browse_site = QPushButton("&Browse…")
        self.base_url = QLineEdit(settings.base_url)
        self.base_url.setPlaceholderText("https://example.org/news/ (for the feeds; optional)")
        self.title = QLineEdit(settings.title)
        self.title.setPlaceholderText("From the releases' organization")
        self.theme = QComboBox()
        self.theme.addItem(OWN_THEME, "")
        for theme in usable_themes():
            self.theme.addItem(theme.title, theme.name)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self._layout()
        self.add_source.clicked.connect(self._add_source)
        self.remove_source.clicked.connect(self._remove_source)
        self.browse_site.clicked.connect(self._browse_site)
        self.sources.currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    def _layout(self) -> None:
        source_buttons = QVBoxLayout()
        source_buttons.addWidget(self.add_source)
        source_buttons.addWidget(self.remove_source)
        source_buttons.addStretch()
        source_row = QHBoxLayout()
        source_row.addWidget(self.sources, 1)
        source_row.addLayout(source_buttons)
        site_row = QHBoxLayout()
        site_row.addWidget(self.site, 1)
        site_row.addWidget(self.browse_site)
        form = QFormLayout()
        sources_label = QLabel("&Releases from:")
        sources_label.setBuddy(self.sources)
        site_label = QLabel("&Site folder:")
        site_label.setBuddy(self.site)
        form.addRow(sources_label, source_row)
        form.addRow(site_label, site_row)
        form.addRow("&Web address:", self.base_url)
        form.addRow("&Title:", self.title)
        form.addRow("T&heme:", self.theme)
        note = QLabel(
            "Releases still under embargo are left out, and taken out of the site if it "
            "already holds them. Publishing again updates only what changed."
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish = buttons.addButton("&Publish", QDialogButtonBox.ButtonRole.AcceptRole)
        self.publish.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _update_buttons(self) -> None:
        self.remove_source.setEnabled(self.sources.currentRow() >= 0)

    def _add_source(self) -> None:
        start = self.sources.item(self.sources.count() - 1).text() if self.sources.count() else ""
        folder = QFileDialog.getExistingDirectory(self, "Add a Folder of Releases", start)
        if folder and folder not in self._source_texts():
            self.sources.addItem(folder)
            self.sources.setCurrentRow(self.sources.count() - 1)

    def _remove_source(self) -> None:
        self.sources.takeItem(self.sources.currentRow())
        self._update_buttons()

    def _browse_site(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose the Site Folder", self.site.text())
        if folder:
            self.site.setText(folder)

    def _source_texts(self) -> list[str]:
        return [self.sources.item(row).text() for row in range(self.sources.count())]

    def settings(self) -> NewsroomSettings:
        return NewsroomSettings(
            sources=[Path(text) for text in self._source_texts()],
            site=Path(self.site.text().strip()) if self.site.text().strip() else None,
            base_url=self.base_url.text().strip(),
            title=self.title.text().strip(),
            theme=str(self.theme.currentData() or ""),
        )

    def accept(self) -> None:
        problem = self._problem()
        if problem:
            QMessageBox.warning(self, "Publish to Newsroom Folder", problem)
            return
        super().accept()

    def _problem(self) -> str:
        settings = self.settings()
        if not settings.sources:
            return "Add at least one folder of releases."
        if settings.site is None:
            return "Choose the folder the site is written to."
        if any(source.resolve() == settings.site.resolve() for source in settings.sources):
            return "The site folder must not be a folder of releases: choose a folder of its own."
        try:
            normalized_base_url(settings.base_url)
        except OptionsError as exc:
            return str(exc).replace("--base-url", "The web address")
        return ""
