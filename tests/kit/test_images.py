"""Images made fit to publish: metadata gone, upright, sRGB, two sizes (presskit.kit.images)."""

from __future__ import annotations

import io
from pathlib import Path

import weasyprint
from PIL import Image

from presskit.kit.images import WEB_LONG_SIDE, inspect_image, publish_image
from tests.kit.builder import GPS_IFD, camera_exif, jpeg_bytes, photo

SRGB_ICC = Path(weasyprint.__file__).parent / "pdf" / "sRGB2014.icc"


def _open(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_gps_and_camera_data_are_gone_from_both_sizes() -> None:
    source = jpeg_bytes(photo((2000, 1500), (80, 120, 60)), camera_exif(gps=True))
    with _open(source) as original:
        assert original.getexif().get_ifd(GPS_IFD)  # the fixture does carry a position
    published = publish_image(source, "photo.jpg")
    for data in (published.full, published.web):
        with _open(data) as image:
            assert dict(image.getexif()) == {}
            assert image.info.keys() <= {"jfif", "jfif_version", "jfif_unit", "jfif_density",
                                         "dpi", "progressive", "progression"}  # fmt: skip
        assert b"Exif" not in data and b"Canon" not in data
    assert published.extension == ".jpg" and published.mime == "image/jpeg"
    assert (published.width, published.height) == (2000, 1500)
    assert (published.web_width, published.web_height) == (WEB_LONG_SIDE, 1200)


def test_xmp_comments_and_png_text_are_gone() -> None:
    buffer = io.BytesIO()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>52,31N</exif:GPSLatitude>'
    photo((800, 600), (10, 20, 30)).save(buffer, "JPEG", xmp=xmp + b"</x:xmpmeta>",
                                         comment=b"shot at home")  # fmt: skip
    published = publish_image(buffer.getvalue(), "x.jpg")
    assert b"GPSLatitude" not in published.full and b"shot at home" not in published.full
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Location", "52.5 N, 13.4 E")
    buffer = io.BytesIO()
    Image.new("RGBA", (50, 40), (255, 0, 0, 128)).save(
        buffer, "PNG", pnginfo=info, exif=camera_exif(gps=True)
    )
    published = publish_image(buffer.getvalue(), "x.png")
    assert published.extension == ".png"  # transparency is kept, so PNG stays PNG
    assert b"52.5 N" not in published.full and b"eXIf" not in published.full
    with _open(published.full) as image:
        assert image.mode == "RGBA" and image.getpixel((0, 0)) == (255, 0, 0, 128)


def test_colour_profiles_and_cmyk_become_plain_srgb() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (200, 40, 40)).save(
        buffer, "JPEG", icc_profile=SRGB_ICC.read_bytes()
    )
    published = publish_image(buffer.getvalue(), "tagged.jpg")
    with _open(published.full) as image:
        assert "icc_profile" not in image.info and image.mode == "RGB"
        red = image.getpixel((150, 190))
        assert red[0] > 150 and red[1] < 90  # the colours survive the conversion
    buffer = io.BytesIO()
    Image.new("CMYK", (120, 80), (0, 255, 255, 0)).save(buffer, "JPEG")  # print red
    with _open(publish_image(buffer.getvalue(), "cmyk.jpg").full) as image:
        assert image.mode == "RGB"
        r, g, b = image.getpixel((60, 40))
        assert r > 200 and g < 60 and b < 60


def test_the_header_gives_size_without_decoding() -> None:
    data = jpeg_bytes(photo((1200, 900), (1, 2, 3)))
    info = inspect_image(data, "p.jpg")
    assert (info.width, info.height, info.format, info.long_side) == (1200, 900, "JPEG", 1200)
