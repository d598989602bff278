"""A kit's files made ready to publish: every image cleaned and sized, logos checked, the
releases rendered through the output registry, the contacts as vCard.

:func:`publish_kit` reads only through :mod:`presskit.kit.assets` (inside the kit's folder,
no links) and returns a :class:`KitBundle`: the files by their safe ASCII names plus what the
page and the fact sheet need to show them. A file that cannot be used is left out with a
warning naming the field and the reason; nothing a kit names stops the export.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from presskit.kit.assets import AssetRefused, read_asset
from presskit.kit.images import ImageRefused, PublishedImage, check_svg, publish_image
from presskit.kit.model import Kit
from presskit.library.vcard import dumps_vcards
from presskit.model.library import from_release_contact
from presskit.model.validation import item_path
from presskit.outputs.registry import output_format
from presskit.outputs.release_kit import safe_file_name
from presskit.outputs.session import RenderSession
from presskit.render.sandbox import data_url

VCARD_NAME = "press-contacts.vcf"
FACT_SHEET_NAME = "fact-sheet.pdf"


@dataclass(frozen=True)
class ImageFile:
    """A published image: its names in the bundle, its sizes, and the web size as bytes."""

    full: str
    web: str
    original: str  # the untouched file, when the author asked for it (else "")
    width: int
    height: int
    web_width: int
    web_height: int
    full_bytes: int
    web_data_url: str  # for the fact sheet, which embeds what it shows


@dataclass(frozen=True)
class LogoFile:
    name: str
    variant: str
    data_url: str
    size_bytes: int


@dataclass(frozen=True)
class ReleaseFile:
    headline: str
    date: str
    pdf: str
    html: str


@dataclass
class KitBundle:
    """Everything an export writes, by name, and what the page shows for each kit entry.

    ``people``, ``images`` and ``logos`` are index-aligned with the kit's lists (None where the
    file was left out).
    """

    kit: Kit
    files: dict[str, bytes] = field(default_factory=dict)
    people: list[ImageFile | None] = field(default_factory=list)
    images: list[ImageFile | None] = field(default_factory=list)
    logos: list[LogoFile | None] = field(default_factory=list)
    releases: list[ReleaseFile] = field(default_factory=list)
    vcard: str = ""
    warnings: list[str] = field(default_factory=list)

    def add(self, folder: str, stem: str, extension: str, data: bytes) -> str:
        """Store ``data`` under a safe, unused name; returns the name."""
        base = f"{folder}/{safe_file_name(stem, 'file')}"
        name, n = f"{base}{extension}", 2
        while name in self.files:
            name, n = f"{base}-{n}{extension}", n + 1
        self.files[name] = data
        return name


def _image(
    bundle: KitBundle, kit_dir: Path, path: str, folder: str, where: str, *, original: bool = False
) -> ImageFile | None:
    try:
        data = read_asset(kit_dir, path)
        published: PublishedImage = publish_image(data, path)
    except (AssetRefused, ImageRefused) as exc:
        bundle.warnings.append(f"{where}: left out: {exc}")
        return None
    bundle.warnings += [f"{where}: {path}: {note}" for note in published.notes]
    stem = PurePosixPath(path.replace("\\", "/")).stem
    full = bundle.add(folder, stem, published.extension, published.full)
    web = bundle.add(folder, f"{stem}-web", published.extension, published.web)
    kept = ""
    if original:  # the author asked: the file as it is, camera and location data included
        suffix = PurePosixPath(path.replace("\\", "/")).suffix.lower()
        kept = bundle.add(f"{folder}/originals", stem, suffix, data)
    return ImageFile(
        full, web, kept, published.width, published.height, published.web_width,
        published.web_height, len(published.full),
        data_url(published.web, published.mime),
    )  # fmt: skip


def _logo(bundle: KitBundle, kit_dir: Path, index: int) -> LogoFile | None:
    logo = bundle.kit.logos[index]
    where = item_path("logos", index, "file")
    stem = PurePosixPath(logo.file.replace("\\", "/")).stem
    if logo.variant.strip() and logo.variant.strip().lower() not in stem.lower():
        stem = f"{stem}-{logo.variant.strip()}"
    try:
        data = read_asset(kit_dir, logo.file)
        if logo.file.strip().lower().endswith(".svg"):
            check_svg(data, logo.file)
            name = bundle.add("logos", stem, ".svg", data)
            return LogoFile(name, logo.variant, data_url(data, "image/svg+xml"), len(data))
        published = publish_image(data, logo.file)
    except (AssetRefused, ImageRefused) as exc:
        bundle.warnings.append(f"{where}: left out: {exc}")
        return None
    name = bundle.add("logos", stem, published.extension, published.full)
    url = data_url(published.web, published.mime)
    return LogoFile(name, logo.variant, url, len(published.full))


def _release(bundle: KitBundle, kit_dir: Path, index: int) -> None:
    from presskit.storage import ReleaseFileError, loads_release  # noqa: PLC0415

    path = bundle.kit.releases[index]
    where = item_path("releases", index)
    try:
        loaded = loads_release(read_asset(kit_dir, path), path)
    except (AssetRefused, ReleaseFileError) as exc:
        bundle.warnings.append(f"{where}: left out: {exc}")
        return
    release_dir = (kit_dir / path).parent
    session = RenderSession(loaded.release, release_dir)
    stem = safe_file_name(loaded.release.headline)
    names = {}
    for kind in ("pdf", "html"):
        output = output_format(kind).write(session)
        bundle.warnings += [f"{where}: {w}" for w in output.warnings]
        names[kind] = bundle.add("releases", stem, f".{kind}", output.data)
    day = loaded.release.dateline.date
    bundle.releases.append(
        ReleaseFile(loaded.release.headline, day.isoformat() if day else "", **names)
    )


def publish_kit(kit: Kit, kit_dir: Path, *, releases: bool = True) -> KitBundle:
    """Every file of ``kit`` (in ``kit_dir``) ready to publish. ``releases=False`` skips
    rendering the releases (the editor's preview of the fact sheet does not need them)."""
    bundle = KitBundle(kit)
    for i, person in enumerate(kit.people):
        where = item_path("people", i, "photo")
        found = _image(bundle, kit_dir, person.photo, "people", where) if person.photo else None
        bundle.people.append(found)
    for i, image in enumerate(kit.images):
        where = item_path("images", i, "file")
        found = _image(
            bundle, kit_dir, image.file, "photos", where, original=image.publishes_original
        )
        bundle.images.append(found)
    bundle.logos = [_logo(bundle, kit_dir, i) for i in range(len(kit.logos))]
    if releases:
        for i in range(len(kit.releases)):
            _release(bundle, kit_dir, i)
    contacts = [from_release_contact(c) for c in kit.contacts if c.name.strip()]
    if contacts:
        bundle.files[VCARD_NAME] = dumps_vcards(contacts, "4.0").encode("utf-8")
        bundle.vcard = VCARD_NAME
    return bundle
