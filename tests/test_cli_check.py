"""``presskit check``: exit status, text and JSON output, through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presskit.storage import dumps_release
from tests.checks.conftest import make_clean_release
from tests.cli_process import presskit_status

KEYS = {"file", "id", "severity", "message", "field", "line", "hint"}


def check(*argv: str) -> int:
    """``presskit check ARGV``, run by the installed ``presskit`` command in its own process;
    its output reaches ``capsys``."""
    return presskit_status("check", *argv)


@pytest.fixture
def clean_file(tmp_path: Path) -> Path:
    path = tmp_path / "clean.md"
    path.write_text(dumps_release(make_clean_release()), encoding="utf-8")
    return path


def test_a_clean_release_exits_0(clean_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(str(clean_file)) == 0
    assert capsys.readouterr().out == "1 file checked: 0 errors, 0 warnings, 0 notes\n"


def test_warnings_exit_0_unless_strict(
    example_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(str(example_copy)) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 6
    assert out[0] == (
        f"{example_copy}:40: warning: body: The link \"announcement\" points to '#', a "
        "placeholder, not a real address (Replace it with the page's full address, starting "
        "with https://, or remove the link)"
    )
    assert [line.split(":")[1] for line in out[:5]] == ["40", "42", "48", "50", "52"]
    assert out[-1] == "1 file checked: 0 errors, 5 warnings, 0 notes"
    assert check(str(example_copy), "--strict") == 1


def test_errors_exit_1_with_the_line_of_the_field(
    clean_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = clean_file.read_text().replace("ana.souza@harborhousing.example.org", "ana@")
    clean_file.write_text(text)
    assert check(str(clean_file), "--format", "json") == 1
    (row,) = json.loads(capsys.readouterr().out)
    assert row["id"] == "malformed-email" and row["severity"] == "error"
    assert row["field"] == "contacts[1].email"
    assert text.splitlines()[row["line"] - 1].strip() == "email: ana@"


def test_json_rows_have_exactly_the_documented_keys(
    example_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(str(example_copy), "--format", "json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 5
    for row in rows:
        assert set(row) == KEYS
        assert row["file"] == str(example_copy)
        assert row["id"] == "placeholder-link" and row["severity"] == "warning"
        assert row["field"] == "body" and isinstance(row["line"], int)
    source = example_copy.read_text().splitlines()
    assert "[announcement](#)" in source[rows[0]["line"] - 1]
    assert "[September 12 letter](#)" in source[rows[4]["line"] - 1]


def test_boilerplate_and_front_matter_findings_point_at_their_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = make_clean_release()
    release.boilerplate = "About us.\n\nSee [our work](#)."
    release.organization.logo = "assets/logo.png"
    release.headline = "BIG NEWS TODAY"
    path = tmp_path / "r.md"
    path.write_text(dumps_release(release) + "\n![Photo](assets/photo.jpg)\n")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "logo.png").write_bytes(b"\x89PNG")  # exists: no finding
    assert check(str(path), "--format", "json") == 1
    rows = json.loads(capsys.readouterr().out)
    lines = path.read_text().splitlines()
    found = {(row["id"], lines[row["line"] - 1].split(":")[0].strip()) for row in rows}
    assert found == {
        ("headline-all-caps", "headline"),
        ("placeholder-link", "boilerplate"),
        ("asset-missing", "![Photo](assets/photo.jpg)"),
    }


def test_unknown_fields_are_reported_as_file_warnings(
    clean_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean_file.write_text(clean_file.read_text().replace("theme:", "subheadlne: x\ntheme:"))
    assert check(str(clean_file), "--format", "json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["id"], row["severity"], row["field"]) == ("file-warning", "warning", "subheadlne")
    assert check(str(clean_file), "--strict") == 1


def test_an_unreadable_file_exits_2_and_the_others_are_still_checked(
    tmp_path: Path, example_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.md"
    broken.write_text("---\nheadline: [unclosed\n---\nbody\n")
    missing = tmp_path / "missing.md"
    assert check(str(broken), str(missing), str(example_copy)) == 2
    captured = capsys.readouterr()
    assert f"{missing}: no such file" in captured.err
    assert f"{broken}:" in captured.err
    assert "1 file checked: 0 errors, 5 warnings, 0 notes" in captured.out


def test_json_stays_a_list_when_a_file_is_unreadable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(str(tmp_path / "missing.md"), "--format", "json") == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "no such file" in captured.err


def test_help_names_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert check("--help") == 0
    out = capsys.readouterr().out
    assert "--strict" in out and "--format" in out
