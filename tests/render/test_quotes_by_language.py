"""Quotation marks follow the release's language, in the PDF, the web page, text and email."""

from __future__ import annotations

import email
import email.policy

import pytest

from presskit.model import Release
from presskit.render.conventions import place_quotes, quote_marks, typographic_quotes
from presskit.render.email import build_eml
from presskit.render.html import render_html
from presskit.render.markdown_body import markdown_to_html
from presskit.render.pdf import PdfRenderer
from presskit.render.text import render_text
from tests.conftest import pdf_text

BODY = "Die Ministerin sagte: \"Das geht's nicht an, 'so' nicht.\"\n\nZweiter Absatz."
NNBSP = "\u202f"


def _release(language: str) -> Release:
    return Release(
        headline='Ein "neuer" Anfang',
        language=language,
        body=BODY,
        boilerplate='Wir sind "die" Stimme.',
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en-US", "“Das geht’s nicht an, ‘so’ nicht.”"),
        ("de-DE", "„Das geht’s nicht an, ‚so‘ nicht.“"),
        ("fr-FR", f"«{NNBSP}Das geht’s nicht an, “so” nicht.{NNBSP}»"),
        ("es-ES", "«Das geht’s nicht an, “so” nicht.»"),
        ("it-IT", "«Das geht’s nicht an, “so” nicht.»"),
        ("pt-PT", "«Das geht’s nicht an, “so” nicht.»"),
        ("pt-BR", "“Das geht’s nicht an, ‘so’ nicht.”"),
        ("nl-NL", "“Das geht’s nicht an, ‘so’ nicht.”"),
        ("pl-PL", "„Das geht’s nicht an, «so» nicht.”"),
        ("de-CH", "«Das geht’s nicht an, ‹so› nicht.»"),
    ],
)
def test_body_quotes_by_language(language: str, expected: str) -> None:
    assert expected in markdown_to_html(BODY, language)


def test_headline_uses_the_same_marks() -> None:
    assert typographic_quotes('Ein "neuer" Anfang', "de-DE") == "Ein „neuer“ Anfang"
    assert typographic_quotes("'90s, l'an", "fr-FR") == "’90s, l’an"
    assert quote_marks("xx-YY") == quote_marks("en")


def test_marks_typed_by_the_author_are_kept() -> None:
    """A German author who types „…“ herself keeps them: only straight quotes are changed."""
    assert "„Hallo“" in markdown_to_html("Sie sagte „Hallo“.", "de-DE")
    assert place_quotes("„Hallo“", "fr-FR") == "„Hallo“"


def test_stand_in_characters_in_a_release_are_not_taken_for_marks() -> None:
    html = markdown_to_html("a \ue000 b \ue001", "de-DE")
    assert "„" not in html and "\ufffd" in html


@pytest.mark.parametrize(
    ("language", "opening", "closing"),
    [("de-DE", "„", "“"), ("fr-FR", "«", "»")],
)
def test_pdf_html_text_and_email_agree(language: str, opening: str, closing: str) -> None:
    release = _release(language)
    pdf = pdf_text(PdfRenderer().render(release).pdf)
    html = render_html(release).html
    text = render_text(release)
    message = email.message_from_bytes(build_eml(release), policy=email.policy.default)
    eml = message.get_body(("plain",)).get_content() + message.get_body(("html",)).get_content()
    for output in (pdf, html, text, eml):
        assert f"{opening}" in output and f"{closing}" in output, output
        assert "“Das" not in output and '"Das' not in output
    assert "neuer" in pdf and f"{opening}" in pdf.split("neuer")[0][-3:]
    assert "geht’s" in text
