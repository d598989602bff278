"""Every theme: the example's parts, the accent colour and logo, user themes, their limits."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from presskit.bundled import example_release_path, resource_path
from presskit.model import Organization, Release
from presskit.render.html import render_html
from presskit.render.pdf import PdfRenderer
from presskit.render.themes import ThemeError, load_theme, theme_folders, user_themes_dir
from presskit.storage import load_release
from tests.conftest import pdf_text, squash
from tests.pdf_contents import pdf_attachments, pdf_holds
from tests.render.test_hostile import PNG_1PX
from tests.render.visual import bundled_themes


@pytest.fixture(scope="module")
def renderer() -> PdfRenderer:
    return PdfRenderer()


def test_three_bundled_themes() -> None:
    assert {"classic", "modern", "letterhead"} <= set(bundled_themes())


@pytest.mark.parametrize("theme", ["classic", "modern", "letterhead"])
def test_each_theme_holds_the_whole_example(theme: str, renderer: PdfRenderer) -> None:
    release = load_release(example_release_path()).release
    release.theme = theme
    result = renderer.render(release, example_release_path().parent)
    assert result.warnings == []
    text = squash(pdf_text(result.pdf))
    for part in (release.headline, release.subheadline, "Mary Wareham", "+1-240-450-3531",
                 "wareham@hrw.org", "banminesusa.org", "@BanMinesUSA", "Page 1 of 2", "###",
                 "is a coalition of more than 400 non-governmental organizations"):  # fmt: skip
        assert squash(part) in text, (theme, part)


@pytest.mark.parametrize("theme", ["classic", "modern", "letterhead"])
def test_accent_colour_and_logo_reach_every_theme(
    theme: str, renderer: PdfRenderer, tmp_path: Path
) -> None:
    (tmp_path / "logo.png").write_bytes(PNG_1PX)
    release = Release(
        headline="Accent", theme=theme, body="Body text.",
        organization=Organization(name="Org", logo="logo.png", accent="#ff0000"),
    )  # fmt: skip
    result = renderer.render(release, tmp_path)
    page = PdfReader(io.BytesIO(result.pdf)).pages[0]
    assert len(page["/Resources"]["/XObject"]) == 1  # the logo
    content = page.get_contents().get_data().decode("latin-1")
    assert re.search(r"\b1 0 0 (rg|RG)\b", content), "the accent colour is not used"
    html = render_html(release, tmp_path).html
    assert "--accent: #ff0000" in html


def _write_user_theme(base: Path, name: str, css: str) -> Path:
    folder = base / name
    shutil.copytree(resource_path("themes", "classic"), folder)
    (folder / "theme.toml").write_text(
        'title = "Mine"\ndescription = "A test theme"\nstylesheets = ["style.css"]\n'
    )
    (folder / "style.css").write_text(css)
    return folder


def test_a_user_theme_is_found_and_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, renderer: PdfRenderer
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    _write_user_theme(user_themes_dir(), "mine", "body { color: #00ff00; }")
    _write_user_theme(user_themes_dir(), "classic", "body { color: #00ff00; }")  # no shadowing
    folders = theme_folders()
    assert folders["mine"].parent == user_themes_dir()
    assert folders["classic"] == resource_path("themes", "classic")
    release = Release(headline="Mine", theme="mine", body="Green text.")
    result = renderer.render(release)
    content = PdfReader(io.BytesIO(result.pdf)).pages[0].get_contents().get_data()
    assert b"0 1 0 rg" in content


def test_a_user_theme_reads_nothing_outside_its_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, renderer: PdfRenderer
) -> None:
    """Its stylesheets and template ask for an image, a font and an attachment outside its
    folder: none of them reaches the PDF. (With the fetcher's sandbox taken out, the image was
    drawn and the secret file attached: docs/fuzzing.md.)"""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "photo.png").write_bytes(_png(7, 3))
    (outside / "secret.txt").write_text("SECRET-OUTSIDE-THE-THEME")
    css = (
        f"body {{ background: url({(outside / 'photo.png').as_uri()}); }}"
        f"h1 {{ background: url(http://example.com/x.png); }}"
        f"@font-face {{ font-family: x; src: url({outside / 'secret.txt'}); }}"
        "p { font-family: x; } .masthead { background: url(inside.png) no-repeat; }"
    )
    folder = _write_user_theme(user_themes_dir(), "nosy", css)
    (folder / "inside.png").write_bytes(_png(5, 2))  # its own files it may use
    template = folder / "template.html.j2"
    link = f'<link rel="attachment" href="{(outside / "secret.txt").as_uri()}">'
    template.write_text(template.read_text().replace("</head>", link + "</head>"))
    result = renderer.render(Release(headline="Nosy", theme="nosy", body="Text."))
    assert _image_sizes(result.pdf) == {(5, 2)}  # its own image, not the one outside
    assert list(pdf_attachments(result.pdf)) == ["presskit-release.md"]
    assert not pdf_holds(result.pdf, b"SECRET-OUTSIDE-THE-THEME")
    refused = " ".join(result.warnings)
    assert "photo.png" in refused and "secret.txt" in refused and "example.com" in refused
    escaping = _write_user_theme(user_themes_dir(), "escaping", "")
    (escaping / "theme.toml").write_text('stylesheets = ["../../../../etc/passwd"]\n')
    with pytest.raises(ThemeError, match="outside its folder"):
        load_theme("escaping")


def _image_sizes(pdf: bytes) -> set[tuple[int, int]]:
    """The sizes of the images anywhere in the PDF (a CSS background is drawn through a
    pattern, not from the page's own resources)."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return {
            (int(obj.Width), int(obj.Height))
            for obj in doc.objects
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"
        }


def _png(width: int, height: int) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def _theme_with_template(base: Path, name: str, template: str) -> Path:
    folder = _write_user_theme(base, name, "body { color: #000; }")
    (folder / "template.html.j2").write_text(template)
    return folder


ESCAPES = {
    "mro": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "globals": "{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}",
    "format": "{{ '{0.__class__.__init__.__globals__}'.format(release) }}",
    "mutate": "{{ release.contacts.append(1) }}{{ labels.update({'x': 1}) }}",
    "absolute": '{% include "{secret}" %}',
    "dots": '{% include "../../../outside/secret.txt" %}',  # from presskit/themes/NAME
    "link": '{% include "link.j2" %}',
    "memory": "{{ 'x' * 10**10 }}",
    "repeat": "{{ [1, 2] * 100000 }}",
}


@pytest.mark.parametrize("attack", list(ESCAPES))
def test_a_theme_template_runs_in_the_sandbox(
    attack: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Shell commands, Python internals, changing its data, files outside its folder: each
    is a clear ThemeError, and nothing happens. (Each passed, running the command or showing
    the file, with the plain Environment and loader: docs/fuzzing.md.)"""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    (tmp_path / "outside").mkdir()
    secret = tmp_path / "outside" / "secret.txt"
    secret.write_text("SECRET-OUTSIDE-THE-THEME")
    marker = tmp_path / "pwned"
    template = ESCAPES[attack].replace("{marker}", str(marker)).replace("{secret}", str(secret))
    name = f"sandboxed-{attack}"
    folder = _theme_with_template(user_themes_dir(), name, template)
    (folder / "link.j2").symlink_to(secret)
    release = Release(headline="Sandboxed", theme=name, body="Text.")
    with pytest.raises(ThemeError, match=f"theme '{name}' cannot be used: ") as exc:
        render_html(release, purpose="web")
    assert "SECRET" not in str(exc.value)
    assert not marker.exists()


def test_a_bundled_theme_renders_in_the_sandbox() -> None:
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from presskit.render.html import _environment

    html = render_html(Release(headline="Plain", body="Text."), purpose="web").html
    assert "Plain" in html
    assert isinstance(_environment(load_theme("classic").folder), ImmutableSandboxedEnvironment)


def test_labels_follow_the_language(renderer: PdfRenderer) -> None:
    path = resource_path("examples", "embargoed-de", "release.md")
    result = renderer.render(load_release(path).release, path.parent)
    text = pdf_text(result.pdf)
    labels = [
        "SPERRFRIST BIS 23. September 2014, 09:00 MESZ", "Seite 1 von 2", "-mehr-",
        "PRESSEKONTAKT", "WEITERE INFORMATIONEN", "BERLIN, 23. September 2014 –",
    ]  # fmt: skip
    for label in labels:
        assert label in text, label
    assert PdfReader(io.BytesIO(result.pdf)).pages[0].mediabox.width == pytest.approx(595.3, 0.1)


def test_a_user_themes_css_loads_nothing_from_the_web_in_the_web_page_and_email(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Inlined into the web page and the email, a theme's CSS is fetched by the reader's
    browser: its own files come along as data: URLs, nothing else is loaded. (With the CSS
    inlined as it was, the audit found the tracker URLs: docs/fuzzing.md.)"""
    from presskit.render.email import email_html
    from tests.fuzz.pipeline import assert_no_remote_loads

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    (tmp_path / "outside.png").write_bytes(_png(7, 3))
    css = (
        "@import url(https://tracker.example/i.css);\n"
        "body { background: url(http://tracker.example/b.png); }\n"
        "h1 { background-image: u\\72l(//tracker.example/escaped.png); }\n"
        f".x {{ background: url({(tmp_path / 'outside.png').as_uri()}); }}\n"
        ".masthead { background: url('inside.png') no-repeat; }\n"
        "@media screen { h2 { background: image-set('https://tracker.example/s.png' 1x); } }\n"
        "p { color: #123456; }\n"
    )
    folder = _write_user_theme(user_themes_dir(), "tracking", css)
    (folder / "inside.png").write_bytes(_png(5, 2))
    release = Release(headline="Tracked", theme="tracking", body="Text.")
    for rendered in (render_html(release, purpose="web"), email_html(release)):
        assert_no_remote_loads(rendered.html)
        assert "tracker.example" not in rendered.html and "outside.png" not in rendered.html
        assert "data:image/png;base64," in rendered.html  # its own image, embedded
        assert "#123456" in rendered.html  # the rest of its CSS is kept
        refused = " ".join(rendered.warnings)
        assert "@import" in refused and "tracker.example/b.png" in refused
        assert "outside.png" in refused
