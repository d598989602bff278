"""A press kit as a person makes one: photos straight from a camera (one with its GPS
position, make, model and serial number in EXIF), headshots, two logos, the example release.

``build_kit(folder)`` writes it and returns the kit file; the tests, the screenshots
(docs/kit/) and the GUI test all start from it.
"""

from __future__ import annotations

import io
import shutil
import zlib
from pathlib import Path

from PIL import Image, ImageDraw

from presskit.bundled import example_release_path

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
MAKE, MODEL, ORIENTATION, SOFTWARE, ARTIST = 0x010F, 0x0110, 0x0112, 0x0131, 0x013B
BODY_SERIAL = 0xA431
FACTS = [
    ("Founded", "1992"),
    ("Headquarters", "Washington DC"),
    ("Member organizations", "400+"),
    ("Staff", "12"),
    ("Budget 2024", "US$ 1.4 million"),
]
PEOPLE = [("Mary Wareham", "Advocacy Director"), ("Mica Bevington", "Campaign Coordinator")]

KIT_TEXT = """\
---
presskit_kit: 1
language: en-US
theme: classic
organization:
  name: US Campaign to Ban Landmines
  website: https://www.banminesusa.org
  accent: '#1f5a3f'
history: |
  Founded in 1992 by six non-governmental organizations, the campaign grew into a coalition
  of more than 400 members. It is the US affiliate of the International Campaign to Ban
  Landmines, co-laureate of the **1997 Nobel Peace Prize**.
facts:
{facts}
people:
  - name: Mary Wareham
    role: Advocacy Director
    bio: Mary has worked on the landmine ban since 1996 and edits the *Landmine Monitor*.
    photo: people/mary.jpg
    photo_alt: Mary Wareham, smiling, in front of a bookshelf
  - name: Mica Bevington
    role: Campaign Coordinator
    bio: Mica coordinates the campaign's members across the United States.
    photo: people/mica.jpg
    photo_alt: Mica Bevington at a lectern
images:
  - file: photos/field-clearance.jpg
    caption: Deminers clear a field near Huambo, Angola.
    credit: 'Photo: Jane Doe / USCBL'
    license: CC BY 4.0
    alt: Two deminers in protective vests kneel in a green field marked with red stakes.
  - file: photos/rally.jpg
    caption: Campaigners at the White House, September 2014.
    credit: 'Photo: John Roe'
    license: CC BY 4.0
  - file: photos/stockpile.png
    caption: A stockpile awaiting destruction.
    credit: 'Photo: USCBL'
    license: All rights reserved; free for press use
    alt: Rows of grey antipersonnel mines on wooden shelves.
logos:
  - file: logos/logo.svg
    variant: colour
  - file: logos/logo-mono.png
    variant: mono
videos:
  - title: Twenty years of the Mine Ban Treaty
    url: https://www.youtube.com/watch?v=example
quotes:
  - text: The geographic exception must be overcome if the US is to ever join the treaty.
    source: Mary Wareham
awards:
  - title: Nobel Peace Prize 1997
    detail: With the International Campaign to Ban Landmines and Jody Williams.
releases:
  - releases/ban-landmines.md
contacts:
  - name: Mary Wareham
    organization: Human Rights Watch
    phones:
      - number: +1-646-203-8292
        label: mobile
    email: wareham@hrw.org
---
The US Campaign to Ban Landmines works for the United States to join the Mine Ban Treaty.
"""

LOGO_SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80" viewBox="0 0 240 80">
  <rect width="240" height="80" rx="8" fill="#1f5a3f"/>
  <circle cx="40" cy="40" r="22" fill="#ffffff"/>
  <text x="74" y="50" font-family="sans-serif" font-size="28" fill="#ffffff">USCBL</text>
</svg>
"""


def photo(size: tuple[int, int], hue: tuple[int, int, int], seed: int = 0) -> Image.Image:
    """A picture with some structure (a sky, a field, shapes), so JPEG sizes are realistic."""
    width, height = size
    image = Image.new("RGB", size, (200, 220, 240))
    draw = ImageDraw.Draw(image)
    for y in range(0, height, 8):
        shade = int(120 + 100 * y / height)
        draw.rectangle((0, y, width, y + 8), fill=(shade // 2, shade, min(255, shade + 40)))
    draw.rectangle((0, height * 2 // 3, width, height), fill=hue)
    for i in range(12):
        x = (seed * 97 + i * 211) % width
        y = height // 2 + (i * 53) % (height // 3)
        r = 20 + (i * 37) % 60
        draw.ellipse((x - r, y - r, x + r, y + r), fill=((hue[0] + i * 20) % 255, 60, 90))
    return image


def camera_exif(*, gps: bool, orientation: int = 1) -> Image.Exif:
    """EXIF as a phone writes it: make, model, serial, owner and, if ``gps``, the position."""
    exif = Image.Exif()
    exif[MAKE] = "Canon"
    exif[MODEL] = "Canon EOS R5"
    exif[SOFTWARE] = "Firmware 1.8.1"
    exif[ARTIST] = "Jane Doe"
    exif[ORIENTATION] = orientation
    exif.get_ifd(EXIF_IFD)[BODY_SERIAL] = "082021001234"
    if gps:
        exif.get_ifd(GPS_IFD).update(
            {1: "S", 2: (12.0, 46.0, 30.0), 3: "E", 4: (15.0, 44.0, 10.0), 5: 0, 6: 1701.0}
        )
    return exif


def jpeg_bytes(image: Image.Image, exif: Image.Exif | None = None) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, exif=exif if exif is not None else b"")
    return buffer.getvalue()


def build_kit(folder: Path) -> Path:
    """Write the kit's folder; returns the kit file."""
    for sub in ("photos", "people", "logos", "releases"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    # Taken with the camera held upright (orientation 6: the pixels lie on their side).
    field = photo((2400, 1600), (70, 140, 60), seed=1).transpose(Image.Transpose.ROTATE_90)
    (folder / "photos" / "field-clearance.jpg").write_bytes(
        jpeg_bytes(field, camera_exif(gps=True, orientation=6))
    )
    (folder / "photos" / "rally.jpg").write_bytes(
        jpeg_bytes(photo((2000, 1333), (180, 120, 60), seed=2), camera_exif(gps=False))
    )
    stockpile = photo((1800, 1200), (110, 110, 120), seed=3)
    stockpile.save(folder / "photos" / "stockpile.png")
    for name, hue in (("mary", (150, 90, 60)), ("mica", (60, 90, 150))):
        head = photo((800, 1000), hue, seed=len(name))
        (folder / "people" / f"{name}.jpg").write_bytes(jpeg_bytes(head, camera_exif(gps=True)))
    (folder / "logos" / "logo.svg").write_text(LOGO_SVG, encoding="utf-8")
    mono = Image.new("LA", (480, 160), (0, 0))  # black on transparent, as a mono logo is
    pen = ImageDraw.Draw(mono)
    pen.ellipse((16, 16, 144, 144), outline=(20, 255), width=14)
    for i, width in enumerate((300, 240, 270)):
        pen.rounded_rectangle((170, 34 + i * 36, 170 + width, 58 + i * 36), 10, fill=(20, 255))
    mono.save(folder / "logos" / "logo-mono.png")
    shutil.copy(example_release_path(), folder / "releases" / "ban-landmines.md")
    facts = "\n".join(f"  - label: {label}\n    value: '{value}'" for label, value in FACTS)
    kit = folder / "kit.md"
    kit.write_text(KIT_TEXT.format(facts=facts), encoding="utf-8")
    return kit


def bomb_png(width: int = 30_000, height: int = 30_000) -> bytes:
    """A valid PNG of ``width`` × ``height`` black pixels: ~100 kB on disk, 900 MB decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes((1, 0, 0, 0, 0))
    packer = zlib.compressobj(9)
    row = bytes(1 + (width + 7) // 8)
    parts = [packer.compress(row) for _ in range(height)]
    data = b"".join(parts) + packer.flush()
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )
