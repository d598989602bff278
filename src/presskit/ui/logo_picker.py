"""The organization's logo: a path relative to the release, a picker and a thumbnail.

A logo chosen from elsewhere is copied into the release's ``assets/`` folder (after asking),
because the renderer reads images only from the release's own folder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from presskit.app.document import DocumentController
from presskit.bundled import resources_root
from presskit.model.paths import FieldPath
from presskit.render.sandbox import FetchRefused, open_regular_file
from presskit.ui.fields import FieldLineEdit, affects

THUMBNAIL = 48
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.gif *.webp *.svg)"
PATH = ("organization", "logo")


class LogoPicker(QWidget):
    def __init__(self, doc: DocumentController, parent: QWidget | None = None):
        super().__init__(parent)
        self._doc = doc
        self.edit = FieldLineEdit(doc, PATH, "Logo file")
        self.edit.setPlaceholderText("assets/logo.png")
        self.choose = QPushButton("Choose…")
        self.choose.setAccessibleName("Choose logo file")
        self.choose.clicked.connect(self.pick)
        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(QSize(THUMBNAIL, THUMBNAIL))
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setAccessibleName("Logo preview")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumbnail)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.choose)
        doc.fieldChanged.connect(self._refresh)
        doc.documentReplaced.connect(self._refresh)
        doc.pathChanged.connect(lambda _: self._refresh())
        self._refresh()

    def _folder(self) -> Path | None:
        """Where the logo must live: the release's folder, if it is one the user owns."""
        folder = self._doc.base_dir
        if folder is None or folder.resolve().is_relative_to(resources_root()):
            return None
        return folder

    def pick(self) -> None:
        folder = self._folder()
        if folder is None:
            QMessageBox.information(
                self, "Save first",
                "Save the release first: its logo is kept next to it, in its folder.",
            )  # fmt: skip
            return
        name, _ = QFileDialog.getOpenFileName(self, "Choose a logo", str(folder), IMAGE_FILTER)
        if name:
            self.use_file(Path(name))

    def use_file(self, chosen: Path) -> None:
        """Use ``chosen`` as the logo, copying it into assets/ if it is outside the folder."""
        folder = self._folder()
        if folder is None:
            return
        chosen = chosen.resolve()
        if problem := unreadable_reason(chosen):
            self._cannot_use(chosen, problem)
            return
        if not chosen.is_relative_to(folder.resolve()):
            answer = QMessageBox.question(
                self, "Copy the logo?",
                f"{chosen.name} is outside the release's folder. Copy it to assets/ next to the "
                "release? (Presskit only uses images from the release's folder.)",
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
            try:
                chosen = _copy_into(chosen, folder / "assets")
            except OSError as exc:
                self._cannot_use(
                    chosen,
                    f"it could not be copied to assets/ ({exc.strerror}): choose another image",
                )
                return
        relative = chosen.relative_to(folder.resolve()).as_posix()
        self._doc.set_field(PATH, relative)

    def _cannot_use(self, chosen: Path, problem: str) -> None:
        QMessageBox.warning(
            self, "Cannot use this logo",
            f"Presskit cannot use {chosen}: {problem}.\n\nThe release is unchanged.",
        )  # fmt: skip

    def _refresh(self, path: FieldPath | None = None) -> None:
        if not affects(path, PATH):
            return
        logo = self._doc.model.organization.logo
        folder = self._doc.base_dir
        pixmap = QPixmap()
        # Asked first: QImageReader would block for ever opening a FIFO named like a logo.
        problem = unreadable_reason(folder / logo) if logo and folder is not None else None
        if logo and folder is not None and problem is None:
            reader = QImageReader(str(folder / logo))
            size = reader.size()
            if size.isValid():
                reader.setScaledSize(
                    size.scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio)
                )
            image = reader.read()
            if not image.isNull():
                pixmap = QPixmap.fromImage(image)
        if pixmap.isNull():
            self.thumbnail.setPixmap(QPixmap())
            missing = problem is not None and problem.startswith("not found")
            self.thumbnail.setText(("not found" if missing else "unreadable") if logo else "")
            self.thumbnail.setToolTip(
                f"Cannot show {logo}: {problem or 'not an image Presskit can read'}"
                if logo
                else "No logo"
            )
        else:
            self.thumbnail.setText("")
            self.thumbnail.setPixmap(pixmap)
            self.thumbnail.setToolTip(logo)


def unreadable_reason(path: Path) -> str | None:
    """Why the renderer could not read the image at ``path``, or None when it can."""
    try:
        fd = open_regular_file(path)
    except FetchRefused as refused:
        return str(refused)
    os.close(fd)
    return None


def _copy_into(source: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    counter = 2
    while target.exists():
        target = folder / f"{source.stem}-{counter}{source.suffix}"
        counter += 1
    shutil.copy2(source, target)
    return target
