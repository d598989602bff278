"""Images made fit to publish (Pillow): no location or device data, upright, sRGB, two sizes.

Every photo, headshot and raster logo a kit publishes goes through :func:`publish_image`:

- decoded only after its size is known to be sane (:data:`MAX_PIXELS`: a decompression bomb,
  a tiny file that claims 30,000 × 30,000 pixels, is refused before any memory is spent);
- turned upright by its EXIF orientation, then converted from its colour profile to sRGB;
- written anew from the pixels alone: no EXIF (GPS position, camera make, model and serial
  number, owner), no XMP, no IPTC, no comments, no profile (sRGB is what the web assumes);
- in two sizes: ``full`` (every pixel, for print) and ``web`` (at most
  :data:`WEB_LONG_SIDE` px on the long side). JPEG, or PNG where the image has transparency.

SVG logos are checked by :func:`check_svg`: one with a script, an event handler, an external
reference or an entity is refused, not cleaned, so nobody publishes a file they did not see.
"""

from __future__ import annotations

import io
import re
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

MAX_PIXELS = 120_000_000
"""Refuse images with more pixels than this (a 100-megapixel camera fits; a bomb does not)."""
WEB_LONG_SIDE = 1600
PRINT_LONG_SIDE = 1500
"""A print photo smaller than this on its long side is reported (``image-low-resolution``)."""
FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "TIFF")
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


class ImageRefused(ValueError):
    """An image Presskit will not publish; the message says why and what to do."""


@dataclass(frozen=True)
class ImageInfo:
    """What the header of an image says, read without decoding its pixels."""

    width: int
    height: int
    format: str
    size_bytes: int

    @property
    def long_side(self) -> int:
        return max(self.width, self.height)


@dataclass
class PublishedImage:
    """An image ready to publish: both sizes, their type, and what was changed on the way."""

    full: bytes
    web: bytes
    extension: str  # ".jpg" or ".png"
    width: int
    height: int
    web_width: int
    web_height: int
    notes: list[str] = field(default_factory=list)

    @property
    def mime(self) -> str:
        return "image/png" if self.extension == ".png" else "image/jpeg"


def _open(data: bytes, name: str) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=FORMATS)
    except Image.DecompressionBombError:
        raise _too_large(name, _header_size(data)) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise ImageRefused(
            f"{name} is not an image Presskit can read (use JPEG, PNG, WebP, GIF or TIFF)"
        ) from None
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise _too_large(name, (width, height))
    if width < 1 or height < 1:
        image.close()
        raise ImageRefused(f"{name} has no pixels")
    return image


def _header_size(data: bytes) -> tuple[int, int] | None:
    """The size a header claims, read by the format's plugin without Pillow's bomb check
    (which refuses before saying the size): for the message only."""
    for name in FORMATS:
        factory, accept = Image.OPEN.get(name, (None, None))
        if factory is None or (accept is not None and not accept(data[:16])):
            continue
        try:
            with factory(io.BytesIO(data), "") as image:
                return image.size
        except (OSError, ValueError, SyntaxError, TypeError):
            continue
    return None


def _too_large(name: str, size: tuple[int, int] | None) -> ImageRefused:
    what = f"{size[0]:,} × {size[1]:,} pixels" if size else "too many pixels"
    return ImageRefused(
        f"{name} claims {what}; Presskit opens images up to {MAX_PIXELS // 1_000_000} "
        "megapixels (a file this size can be a decompression bomb): export a smaller one"
    )


def inspect_image(data: bytes, name: str) -> ImageInfo:
    """The size and format from the image's header; ImageRefused for what cannot be used."""
    image = _open(data, name)
    with image:
        return ImageInfo(image.width, image.height, image.format or "", len(data))


_TRUNCATION_LOCK = threading.Lock()


@contextmanager
def _truncated_images_refused() -> Iterator[None]:
    """Pillow fills a cut-short image with grey when ``LOAD_TRUNCATED_IMAGES`` is set, and
    WeasyPrint sets it for the whole process on import. A press photo cut short must be
    refused, not published half grey: switch it off while we decode (a process-wide flag,
    so under a lock)."""
    with _TRUNCATION_LOCK:
        before = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = before


def _decode(image: Image.Image, name: str) -> Image.Image:
    try:
        with warnings.catch_warnings(), _truncated_images_refused():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image.load()
            if getattr(image, "n_frames", 1) > 1:
                image.seek(0)
            return ImageOps.exif_transpose(image) or image.copy()
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ImageRefused(
            f"{name} is damaged or cut short ({exc}); export it again from the photo software"
        ) from None


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info


def _to_srgb(image: Image.Image, icc: bytes | None, notes: list[str]) -> Image.Image:
    alpha = _has_alpha(image)
    mode = "RGBA" if alpha else "RGB"
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            base = image if image.mode in ("RGB", "RGBA", "CMYK", "L") else image.convert(mode)
            if base.mode == "L" and alpha:
                base = base.convert("RGBA")
            converted = ImageCms.profileToProfile(
                base, source, _SRGB, outputMode="RGBA" if base.mode == "RGBA" else "RGB"
            )
            if converted is not None:
                return converted if converted.mode == mode else converted.convert(mode)
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            notes.append("its colour profile could not be read; the colours were kept as they are")
    return image if image.mode == mode else image.convert(mode)


def _encode(clean: Image.Image, png: bool, quality: int) -> bytes:
    """``clean`` (pixels only: its ``info`` emptied) as JPEG or PNG bytes."""
    assert not clean.info, "metadata would ride along"
    buffer = io.BytesIO()
    if png:
        clean.save(buffer, "PNG", optimize=True)
    else:
        clean.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
    return buffer.getvalue()


def publish_image(data: bytes, name: str) -> PublishedImage:
    """``data`` as an image fit to publish (see the module docstring). Raises ImageRefused."""
    notes: list[str] = []
    with _open(data, name) as source:
        icc = source.info.get("icc_profile")
        upright = _decode(source, name)
        srgb = _to_srgb(upright, icc, notes)
    srgb.info = {}  # nothing of the source's metadata may ride along (a copy: ours to clear)
    png = srgb.mode == "RGBA"
    full = _encode(srgb, png, quality=92)
    web_image = srgb
    if max(srgb.size) > WEB_LONG_SIDE:
        factor = WEB_LONG_SIDE / max(srgb.size)
        size = (max(1, round(srgb.width * factor)), max(1, round(srgb.height * factor)))
        # Halve by averaging first, then Lanczos for the rest: 3x faster than Lanczos alone
        # on a 12-megapixel photo, and no aliasing (the box step averages every pixel).
        web_image = srgb.resize(size, Image.Resampling.LANCZOS, reducing_gap=1.0)
        web_image.info = {}
    web = _encode(web_image, png, quality=85)
    return PublishedImage(
        full, web, ".png" if png else ".jpg", srgb.width, srgb.height,
        web_image.width, web_image.height, notes,
    )  # fmt: skip


_SVG_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_SAFE_DATA_IMAGE = re.compile(r"data:image/(png|jpeg|gif|webp);", re.IGNORECASE)


def check_svg(data: bytes, name: str) -> None:
    """Refuse an SVG that could run code or load anything: ImageRefused saying what it holds."""
    from lxml import etree  # noqa: PLC0415 - only SVG logos need it

    if b"<!ENTITY" in data:
        raise ImageRefused(f"{name} declares XML entities; save the logo again without them")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ImageRefused(f"{name} is not a readable SVG file ({exc})") from None
    if etree.QName(root).localname != "svg":
        raise ImageRefused(f"{name} is not an SVG image")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        _check_svg_element(element, name)


def _check_svg_element(element: object, name: str) -> None:
    from lxml import etree  # noqa: PLC0415

    tag = etree.QName(element).localname
    if tag in ("script", "foreignObject", "iframe", "embed", "object"):
        raise ImageRefused(f"{name} holds a <{tag}> element; Presskit does not publish it")
    for key, value in element.attrib.items():
        attribute = etree.QName(key).localname.lower()
        if attribute.startswith("on"):
            raise ImageRefused(f"{name} holds a script (the '{attribute}' attribute)")
        if attribute == "href" and not _local_reference(value):
            raise ImageRefused(f"{name} refers to another file or address ('{value[:60]}')")
        if attribute == "style":
            _check_svg_css(value, name)
    if tag == "style":
        _check_svg_css(element.text or "", name)


def _local_reference(value: str) -> bool:
    value = value.strip()
    return value.startswith("#") or _SAFE_DATA_IMAGE.match(value) is not None


def _check_svg_css(css: str, name: str) -> None:
    if "@import" in css.lower():
        raise ImageRefused(f"{name} imports a stylesheet from elsewhere")
    for target in _SVG_URL.findall(css):
        if not _local_reference(target):
            raise ImageRefused(f"{name} refers to another file or address ('{target[:60]}')")
