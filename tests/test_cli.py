"""The presskit command, run as a user runs it: a separate process, real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.storage import load_release
from tests.cli_process import presskit_process as presskit
from tests.conftest import pdf_text, squash
from tests.render.test_hostile import assert_no_executable_script


def test_version_and_help() -> None:
    assert presskit("--version").stdout.startswith("presskit ")
    help_text = presskit("export", "--help").stdout
    assert "--pdf" in help_text and "--theme" in help_text


def test_export_defaults_to_pdf_next_to_the_source(example_copy: Path) -> None:
    done = presskit("export", str(example_copy))
    assert done.returncode == 0, done.stderr
    pdf = example_copy.with_suffix(".pdf")
    assert done.stdout.strip() == f"wrote {pdf}"
    assert "banlandmineuseeverywhere" in squash(pdf_text(pdf.read_bytes()))


def test_export_every_format_to_named_files(example_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    done = presskit(
        "export", str(example_copy), "--pdf", str(out / "a.pdf"), "--html", str(out / "a.html"),
        "--text", str(out / "a.txt"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.html", "a.pdf", "a.txt"]
    html = (out / "a.html").read_text()
    assert html.count("<style>") >= 2
    assert_no_executable_script(html)
    assert "<link" not in html and 'src="http' not in html
    assert (out / "a.txt").read_text().startswith("FOR IMMEDIATE RELEASE\n\n")


def test_export_email_draft_and_press_kit(example_copy: Path, tmp_path: Path) -> None:
    done = presskit("export", str(example_copy), "--eml", "--kit", str(tmp_path / "kit.zip"))
    assert done.returncode == 0, done.stderr
    draft = example_copy.with_suffix(".eml").read_bytes()
    assert b"Subject: US: Ban Landmine Use Everywhere, Korea Included" in draft
    assert b"multipart/alternative" in draft
    assert (tmp_path / "kit.zip").stat().st_size > 10_000


def test_extract_gives_back_an_equal_release(example_copy: Path, tmp_path: Path) -> None:
    assert presskit("export", str(example_copy)).returncode == 0
    out = tmp_path / "back.md"
    done = presskit("extract", str(example_copy.with_suffix(".pdf")), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == example_copy.read_bytes()
    assert load_release(out).release == load_release(example_copy).release
    again = presskit("extract", str(example_copy.with_suffix(".pdf")), "-o", str(out))
    assert again.returncode == 2 and "already exists" in again.stderr


def test_extract_refuses_a_pdf_not_made_by_presskit(tmp_path: Path) -> None:
    from weasyprint import HTML

    foreign = tmp_path / "foreign.pdf"
    HTML(string="<p>hello</p>").write_pdf(foreign)
    done = presskit("extract", str(foreign))
    assert done.returncode == 2
    assert "no release attached" in done.stderr and "Traceback" not in done.stderr


def test_several_files_export_in_parallel(example_copy: Path, tmp_path: Path) -> None:
    sources = []
    for i in range(3):
        copy = example_copy.with_name(f"copy{i}.md")
        copy.write_bytes(example_copy.read_bytes())
        sources.append(str(copy))
    out = tmp_path / "batch"
    done = presskit("export", *sources, "--pdf", str(out), "--text", "--jobs", "2")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["copy0.pdf", "copy1.pdf", "copy2.pdf"]
    assert all(Path(s).with_suffix(".txt").is_file() for s in sources)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "---\nheadline: x\nstatus: embargoed\n---\n",
            "bad.md:2: embargo: an embargoed release needs an embargo date and time",
        ),
        ("---\nheadline: [1, 2]\n---\n", "bad.md:2: headline: expected text, found a list"),
        ("---\nsubheadline: no headline\n---\n", "bad.md:2: headline: a release needs a headline"),
        ("---\nheadline: x\ntheme: nosuch\n---\n", "there is no theme called 'nosuch'"),
        ("\x00\x01binary", "not a text file"),
    ],
)
def test_bad_input_exits_2_with_file_line_and_field(
    tmp_path: Path, content: str, expected: str
) -> None:
    (tmp_path / "bad.md").write_text(content)
    done = presskit("export", "bad.md", cwd=tmp_path)
    assert done.returncode == 2
    assert expected in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "bad.pdf").exists()


def test_missing_file_and_unwritable_output(tmp_path: Path, example_copy: Path) -> None:
    done = presskit("export", str(tmp_path / "nope.md"))
    assert done.returncode == 2 and "nope.md: no such file" in done.stderr
    done = presskit("export", str(example_copy), "--pdf", str(tmp_path / "no" / "dir" / "x.pdf"))
    assert done.returncode == 1 and "cannot write" in done.stderr
    assert "Traceback" not in done.stderr
