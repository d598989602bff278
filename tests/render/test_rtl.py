"""Arabic renders right to left, in bundled Arabic fonts, with Arabic labels and digits."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from presskit.model.release import Release
from presskit.render.conventions import LABELS, long_date, native_digits, text_direction
from presskit.render.html import render_html
from presskit.render.pdf import PdfRenderer
from presskit.storage import load_release
from tests.conftest import REPO, pdf_text

ARABIC = REPO / "tests" / "data" / "arabic" / "release.md"


@pytest.fixture(scope="module")
def arabic() -> Release:
    return load_release(ARABIC).release


@pytest.fixture(scope="module")
def arabic_pdf(arabic: Release) -> bytes:
    return PdfRenderer().render(arabic, ARABIC.parent).pdf


def _fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def _word_boxes(pdf: bytes, tmp_path: Path) -> list[tuple[float, float, str]]:
    """(xMin, xMax, word) of every word on page 1, from poppler's pdftotext."""
    path = tmp_path / "a.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    boxes = re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</word>', html
    )
    return [(float(a), float(b), w) for a, b, w in boxes]


def test_languages_with_labels() -> None:
    assert {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ar"} <= set(LABELS)
    assert all(set(labels) == set(LABELS["en"]) for labels in LABELS.values())
    assert text_direction("ar-EG") == "rtl" and text_direction("de-DE") == "ltr"


def test_numerals_as_the_locale_writes_them() -> None:
    import datetime as dt

    assert long_date(dt.date(2014, 9, 23), "ar-EG") == "٢٣ سبتمبر ٢٠١٤"
    assert native_digits("2014", "ar-MA") == "2014"  # the Maghreb writes Western digits
    assert long_date(dt.date(2014, 9, 23), "pl-PL") == "23 września 2014"


def test_arabic_pdf_is_right_to_left_in_bundled_fonts(arabic_pdf: bytes, tmp_path: Path) -> None:
    text = pdf_text(arabic_pdf)
    for label in ("للنشر الفوري", "لمزيد من المعلومات", "جهات الاتصال الإعلامية"):
        assert label in text
    # Arabic-Indic digits and the Arabic comma (pypdf reads digit runs in visual order).
    assert re.search("واشنطن، [٠-٩]{2} سبتمبر [٠-٩]{4}", text)
    assert {"Presskit-Naskh", "Presskit-Sans-Arabic-Bold"} <= _fonts(arabic_pdf)  # bundled
    width = float(PdfReader(io.BytesIO(arabic_pdf)).pages[0].mediabox.width)
    boxes = _word_boxes(arabic_pdf, tmp_path)
    body_right = max(right for _, right, _ in boxes)
    body_left = min(left for left, _, _ in boxes)

    # pdftotext gives Arabic words in visual order (reversed letters).
    def box(word: str) -> tuple[float, float, str]:
        return next(b for b in boxes if b[2] in (word, word[::-1]))

    # The release line, the headline's first word and the list items start at the right.
    for word in ("للنشر", "الولايات", "تدمير", "الانضمام"):
        assert box(word)[1] > body_right - 25, (word, box(word), body_right)
    # A short line ends on the right: its last word is far from the left margin.
    assert box("كلها")[0] > body_left + 150
    assert width > body_right
    # The phone number keeps its order (+ first), isolated from the Arabic around it.
    assert "+1-646-203-8292" in text


def test_arabic_web_page_says_rtl_and_mirrors_the_theme(arabic: Release) -> None:
    html = render_html(arabic, ARABIC.parent, purpose="web").html
    assert '<html lang="ar-EG" dir="rtl">' in html
    assert 'html[dir="rtl"] .body ul' in html
    english = render_html(Release(headline="Hi"), purpose="web").html
    assert '<html lang="en-US" dir="ltr">' in english and 'html[dir="rtl"]' not in english
