"""Press kit benchmarks: image publishing against Pillow's own decode + encode, the fact sheet
cold and warm against the release's PDF, a whole export.

    .venv/bin/python benchmarks/bench_kit.py [--runs N]

  1. publish_image on a 4000 × 3000 camera JPEG with GPS EXIF (orientation, sRGB, full and
     1600 px web size) / Pillow decoding and re-encoding the same file once (the least any
     cleaning must cost): the ratio is about two encodes plus a resize
  2. the fact sheet of the test kit, the first render in the process (fonts, stylesheets)
     and warm ones (the editor's live preview) / the example release's PDF, warm
  3. presskit kit export of the test kit to page, fact sheet and zip (two people, three
     photos, two logos, one release as PDF and HTML) / the same release's PDF, warm
Machines here are shared and noisy: ratios of medians from the same run are what to quote.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the test kit's builder

from tests.kit.builder import build_kit, camera_exif, jpeg_bytes, photo

from bench_checks import median_ms
from presskit.bundled import example_release_path
from presskit.kit.export import export_kit
from presskit.kit.factsheet import render_fact_sheet
from presskit.kit.file import load_kit
from presskit.kit.images import publish_image
from presskit.kit.publish import publish_kit
from presskit.render.pdf import render_pdf
from presskit.storage import load_release


def _reencode(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        out = io.BytesIO()
        image.convert("RGB").save(out, "JPEG", quality=92)
        return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    camera = jpeg_bytes(photo((4000, 3000), (70, 140, 60)), camera_exif(gps=True, orientation=6))
    base = median_ms(runs, lambda: _reencode(camera))
    cleaned = median_ms(runs, lambda: publish_image(camera, "camera.jpg"))
    print(f"1. publish_image 4000x3000: {cleaned:.0f} ms; Pillow re-encode {base:.0f} ms; "
          f"ratio {cleaned / base:.2f}")  # fmt: skip

    release = load_release(example_release_path()).release
    folder = example_release_path().parent
    render_pdf(release, folder)  # warm the release renderer
    release_ms = median_ms(runs, lambda: render_pdf(release, folder))
    with tempfile.TemporaryDirectory() as work:
        kit_file = build_kit(Path(work) / "kit")
        kit = load_kit(kit_file).kit
        bundle = publish_kit(kit, kit_file.parent, releases=False)
        start = time.perf_counter()
        render_fact_sheet(bundle)
        cold = (time.perf_counter() - start) * 1000
        warm = median_ms(runs, lambda: render_fact_sheet(bundle))
        print(f"2. fact sheet: cold {cold:.0f} ms, warm {warm:.0f} ms; release PDF warm "
              f"{release_ms:.0f} ms; warm ratio {warm / release_ms:.2f}")  # fmt: skip
        out = Path(work) / "out"
        out.mkdir()
        export = median_ms(max(1, runs // 2), lambda: export_kit(
            kit_file, html_dir=out / "site", pdf=out / "sheet.pdf", zip_path=out / "kit.zip"
        ))  # fmt: skip
        print(f"3. kit export (page, sheet, zip): {export:.0f} ms; ratio to the release PDF "
              f"{export / release_ms:.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
