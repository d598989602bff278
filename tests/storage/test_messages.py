"""Messages a person can act on (issue 11, item 7): a UTF-16 file is named (and read, when
it has a byte-order mark), a YAML syntax error names the line to fix as editors count it,
and an image left out of a PDF always says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.model import Release
from presskit.render.pdf import PdfRenderer
from presskit.storage.problems import ReleaseFileError
from presskit.storage.release_file import load_release, loads_release

TEXT = "---\nheadline: Grüße aus Köln\n---\nDer Text ✓\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_release_with_a_utf16_or_utf32_byte_order_mark_loads(
    tmp_path: Path, encoding: str
) -> None:
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path = tmp_path / "release.md"
    path.write_bytes(bom + TEXT.replace("\n", "\r\n").encode(encoding))
    loaded = load_release(path)
    assert loaded.release.headline == "Grüße aus Köln"
    assert loaded.release.body == "Der Text ✓"


@pytest.mark.parametrize(("encoding", "order"), [("utf-16-le", "little"), ("utf-16-be", "big")])
def test_utf16_without_a_byte_order_mark_is_named(encoding: str, order: str) -> None:
    with pytest.raises(ReleaseFileError) as exc:
        loads_release(TEXT.encode(encoding), "notepad.md")
    message = str(exc.value)
    assert f"UTF-16 ({order}-endian) text without a byte-order mark" in message
    assert "binary" not in message


def test_real_binary_data_is_still_called_binary() -> None:
    with pytest.raises(ReleaseFileError, match="binary data"):
        loads_release(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)), "a.out")


@pytest.mark.parametrize(
    ("front_matter", "line"),
    [
        ("headline: ok\nthis line has no colon\nsubheadline: x\n", 3),
        ('headline: "never closed\nsubheadline: x\n', 2),
        ("headline: ok\nlinks: [a, b\nsubheadline: x\n", 3),
        ("headline: ok\nlinks: {a: b\nsubheadline: x\n", 3),
        ("headline: ok\nlanguage en\n", 3),
        ("headline: ok\n\tx: 1\n", 3),
        ("headline: ok\nsubheadline: x: y\n", 3),
    ],
)
def test_a_yaml_syntax_error_names_the_line_to_fix(front_matter: str, line: int) -> None:
    """Lines count from 1 as editors show them; the file's first line is '---'. PyYAML marks
    where it gave up (the next key, the end of the front matter): one or more lines late."""
    with pytest.raises(ReleaseFileError) as exc:
        loads_release(f"---\n{front_matter}---\nbody\n", "r.md")
    assert str(exc.value).startswith(f"r.md:{line}: YAML syntax error: ")


def test_an_image_left_out_always_says_why(tmp_path: Path) -> None:
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "text.png").write_bytes(b"not a picture at all")
    (tmp_path / "broken.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><g')
    release = Release(
        headline="Images", body="![a](empty.png) ![b](text.png) ![c](broken.svg) ![d](none.png)"
    )
    warnings = PdfRenderer().render(release, tmp_path).warnings
    named = {name: [w for w in warnings if name in w] for name in ("empty", "text", "broken")}
    assert all(named.values()), warnings
    for warning in warnings:
        reason = warning.rpartition(":")[2].strip(" ()") if "(" not in warning else warning
        assert reason and not warning.rstrip().endswith(":"), warning
        assert "file://" not in warning, warning
    assert any("damaged SVG" in w for w in named["broken"])
