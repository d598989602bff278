"""Hostile sources: each is a clear ImportFailed or a safe result, in bounded time and
memory, never a traceback. Every guard named here was seen failing once with the guard
removed (docs/fuzzing.md, "Import").

Each case runs in a child process with its address space capped (RLIMIT_AS) and a wall
clock limit, so a guard that stops working fails the test instead of taking the machine.
"""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

MEMORY_LIMIT = 1536 * 1024 * 1024  # the child's whole address space
SECONDS = 60
DOCX = (
    Path(__file__).parents[1]
    / "data"
    / "import"
    / "variants"
    / "nasa-2007-depthx.docx-title-top.docx"
)

_CHILD = textwrap.dedent(
    """
    import resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
    from presskit.importers import ImportFailed, import_file
    started = time.process_time()
    try:
        result = import_file(sys.argv[1])
    except ImportFailed as exc:
        print("FAILED:", exc)
    else:
        print("IMPORTED:", repr(result.release.headline), len(result.release.body))
        print("BODY:", result.release.body[:20000])
        print("LINES:", chr(10).join(result.document.lines)[:200000])
        print("WARNINGS:", result.warnings)
    print("CPU:", round(time.process_time() - started, 2))
    """
)


def run_child(path: Path) -> str:
    code = _CHILD.format(limit=MEMORY_LIMIT)
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=SECONDS
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    return done.stdout


def _docx_with(part: str, xml: bytes) -> bytes:
    """The corpus's Word file with one XML part replaced."""
    source = zipfile.ZipFile(DOCX)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, xml if item.filename == part else source.read(item))
    return out.getvalue()


def test_zip_bomb_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        # 1 GB of zeros compresses to about 1 MB: inflating it is the attack.
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (16 * 1024 * 1024)
            for _ in range(64):
                member.write(chunk)
    path.write_bytes(out.getvalue())
    result = run_child(path)
    assert "FAILED: bomb.docx: refused" in result and "zip bomb" in result


def test_xxe_in_docx_is_refused(tmp_path: Path) -> None:
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    path = tmp_path / "xxe.docx"
    path.write_bytes(_docx_with("word/document.xml", xml))
    result = run_child(path)
    assert "FAILED: xxe.docx: refused" in result and "DTD" in result
    assert "root:" not in result


def test_billion_laughs_in_docx_is_refused(tmp_path: Path) -> None:
    entities = "".join(f'<!ENTITY l{n} "{("&l" + str(n - 1) + ";") * 10}">' for n in range(1, 10))
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "lol">{entities}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    path = tmp_path / "laughs.docx"
    path.write_bytes(_docx_with("word/document.xml", xml))
    assert "FAILED: laughs.docx: refused" in run_child(path)


def test_binary_junk_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "junk.docx"
    path.write_bytes(bytes(range(256)) * 400)
    assert "FAILED: junk.docx: not a Word document" in run_child(path)


def test_html_full_of_scripts_and_iframes(tmp_path: Path) -> None:
    nasty = "".join(
        f'<script>alert({n})</script><iframe src="https://evil.example/{n}"></iframe>'
        f'<img src=x onerror="alert({n})"><object data="x.swf"></object>'
        for n in range(2000)
    )
    page = (
        "<html><head><title>Real News</title></head><body>" + nasty
        + "<main><h1>Real News</h1><p>WASHINGTON, May 1, 2024 - The agency said today that "
        "the release is the only text on this page worth reading at all.</p></main>"
        + nasty + "<div>" * 5000 + "deep" + "</div>" * 5000 + "</body></html>"
    )  # fmt: skip
    path = tmp_path / "nasty.html"
    path.write_text(page, encoding="utf-8")
    result = run_child(path)
    assert "IMPORTED: 'Real News'" in result
    # Not in the release, and not even among the source lines the review shows.
    assert "alert" not in result and "evil.example" not in result and "swf" not in result


def test_500_page_pdf_reads_only_the_first_pages(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter
    from weasyprint import HTML

    one = tmp_path / "one.pdf"
    HTML(
        string="<h1>Long Report</h1><p>WASHINGTON, May 1, 2024 - " + "Words. " * 400 + "</p>"
    ).write_pdf(one)
    page = PdfReader(one).pages[0]
    writer = PdfWriter()
    for _ in range(500):
        writer.add_page(page)
    path = tmp_path / "long.pdf"
    with path.open("wb") as out:
        writer.write(out)
    result = run_child(path)
    assert "IMPORTED:" in result
    assert "only the first 30 of the PDF's 500 pages were read" in result
    cpu = float(result.rsplit("CPU:", 1)[1])
    assert cpu < 20, result[-200:]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\x01\x02 not headers at all",
        b"From: =?utf-8?q?broken\nSubject: =?x-unknown?b?!!!?=\nContent-Type: multipart/mixed; "
        b'boundary="b"\n\n--b\nContent-Type: text/plain; charset=no-such-charset\n'
        b"Content-Transfer-Encoding: base64\n\n!!!not base64!!!\n--b",
        b"Subject: x\nContent-Type: text/html\n\n" + b"<div>" * 20000,
    ],
    ids=["empty", "junk", "broken-multipart", "deep-html"],
)
def test_malformed_email(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.eml"
    path.write_bytes(content)
    result = run_child(path)
    assert result.startswith(("FAILED: bad.eml", "IMPORTED:")), result


@pytest.mark.parametrize(
    "line",
    [
        "a." * 100_000,
        "Acme Launches Drone Fleet" + ", " * 60_000 + "\n\nSEATTLE -- Acme said today it "
        "would fly drones over the harbour for the first time this spring.",
        "WASHINGTON -- " * 14_000,
    ],
    ids=["dots without an ending", "a headline trailing commas", "datelines"],
)
def test_a_pasted_200_kb_line_imports(tmp_path: Path, line: str) -> None:
    """One huge line (a page saved without line breaks, or junk): the host pattern once
    backtracked on "a.a.a.…" (over a minute at 200 KB) and the headline clean-up on a
    headline trailing ", , …" (9 s at 30 KB). Both are bounded now, and each case was seen
    failing on the child's wall clock with the old pattern; the datelines case never was."""
    path = tmp_path / "pasted.txt"
    path.write_text(line, encoding="utf-8")
    assert "IMPORTED:" in run_child(path)
