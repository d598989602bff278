"""The kit editor's photos: one row per gallery photo, a thumbnail beside its caption,
credit, licence and alt text, with its size in pixels and on disk.

Thumbnails are read only for files :func:`presskit.kit.assets.resolve_asset` accepts (inside
the kit's folder, no links), scaled while decoding, with the EXIF orientation applied.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImageIOHandler, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from presskit.app.kit_document import KitDocument
from presskit.kit.assets import AssetRefused, resolve_asset
from presskit.model.wording import file_size

THUMBNAIL = QSize(120, 90)
FIELDS = (("caption", "Caption"), ("credit", "Credit"), ("license", "Licence"), ("alt", "Alt text"))
PLACEHOLDERS = {
    "caption": "What happens in the photo, where and when",
    "credit": "Photo: Jane Doe / Example",
    "license": "CC BY 4.0",
    "alt": "What the photo shows, for blind readers",
}


def thumbnail(path: Path) -> tuple[QPixmap | None, str]:
    """A thumbnail of ``path`` and "2400 × 1600 px · 46 kB" (or why there is none)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid():
        return None, "not an image Presskit can read"
    # Scaling applies to the stored pixels, before the EXIF orientation turns them.
    turned = bool(reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90)
    if turned:
        size.transpose()  # a camera held upright: the size the photo is seen at
    scaled = size.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio)
    reader.setScaledSize(scaled.transposed() if turned else scaled)
    image = reader.read()
    info = f"{size.width()} × {size.height()} px · {file_size(path.stat().st_size)}"
    return (QPixmap.fromImage(image) if not image.isNull() else None), info


def show_asset(thumb: QLabel, info: QLabel, folder: Path, relative: str) -> None:
    """A kit file's thumbnail in ``thumb`` (fitted to it) and its name and size in ``info``;
    the reason instead when the file is refused (outside the kit's folder, missing, …)."""
    try:
        path = resolve_asset(folder, relative)
    except AssetRefused as exc:
        thumb.setText("—")
        info.setText(f"{relative}: {exc}")
        return
    pixmap, size = thumbnail(path)
    if pixmap is not None:
        if pixmap.width() > thumb.width() or pixmap.height() > thumb.height():
            pixmap = pixmap.scaled(thumb.size(), Qt.AspectRatioMode.KeepAspectRatio)
        thumb.setPixmap(pixmap)
    info.setText(f"{relative}\n{size}")


class PhotoRow(QFrame):
    """One photo: thumbnail, its fields, a Remove button."""

    def __init__(self, doc: KitDocument, index: int):
        super().__init__()
        self.doc, self.index = doc, index
        image = doc.kit.images[index]
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"photo-{index + 1}")
        self.thumb = QLabel()
        self.thumb.setFixedSize(THUMBNAIL)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self._load_thumbnail(image.file)
        self.info.setFixedWidth(THUMBNAIL.width() + 30)
        left = QVBoxLayout()
        left.addWidget(self.thumb)
        left.addWidget(self.info)
        left.addStretch()
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for key, label in FIELDS:
            edit = QLineEdit(getattr(image, key))
            edit.setPlaceholderText(PLACEHOLDERS[key])
            edit.setAccessibleName(f"Photo {index + 1} {label.lower()}")
            edit.textEdited.connect(lambda text, k=key: self._edit(k, text))
            form.addRow(label, edit)
            self.fields[key] = edit
        self.remove = QPushButton("Remove")
        self.remove.setAccessibleName(f"Remove photo {index + 1}")
        self.remove.clicked.connect(self._remove)
        form.addRow("", self.remove)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(form, 1)

    def _load_thumbnail(self, relative: str) -> None:
        show_asset(self.thumb, self.info, self.doc.folder, relative)

    def _edit(self, key: str, text: str) -> None:
        index, label = self.index, dict(FIELDS)[key]
        self.doc.edit(
            f"Edit Photo {label}",
            lambda kit: setattr(kit.images[index], key, text),
            merge_key=f"images[{index}].{key}",
        )

    def _remove(self) -> None:
        index = self.index
        self.doc.edit("Remove Photo", lambda kit: kit.images.pop(index))
        self.doc.replaced.emit()


R = TypeVar("R", bound=QWidget)


def rebuild_rows(
    box: QBoxLayout,
    old: list[R],
    make: Callable[[KitDocument, int], R],
    doc: KitDocument,
    items: Sequence[object],
) -> list[R]:
    """A kit list's rows made again after the list changed (undo, remove, drop): the old rows
    go, one new row per item is added to ``box``; photos, people and logos share this."""
    for row in old:
        row.setParent(None)
        row.deleteLater()
    rows = [make(doc, index) for index in range(len(items))]
    for row in rows:
        box.addWidget(row)
    return rows


class PhotosPanel(QGroupBox):
    """The gallery: a row per photo; photos are added by dropping them on the window."""

    def __init__(self, doc: KitDocument):
        super().__init__("Photos")
        self.doc = doc
        self.rows: list[PhotoRow] = []
        self._layout = QVBoxLayout(self)
        self.hint = QLabel("Drop photos here (JPEG, PNG, WebP). They are copied into the "
                           "kit's photos folder; GPS and camera data never leave it.")  # fmt: skip
        self.hint.setWordWrap(True)
        self._layout.addWidget(self.hint)
        self._rows_box = QVBoxLayout()
        self._layout.addLayout(self._rows_box)
        doc.replaced.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self.rows = rebuild_rows(self._rows_box, self.rows, PhotoRow, self.doc, self.doc.kit.images)
