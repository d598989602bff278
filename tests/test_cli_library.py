"""``presskit contacts`` and ``presskit boilerplates``, run the way a user runs them: the
``presskit`` command pip installed (its console script), in a process of its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presskit.library.database import Library
from presskit.library.vcard import read_vcards
from tests.cli_process import presskit_process
from tests.cli_process import presskit_status as presskit

VCARDS = ("11_gmail-3.0-three-contacts.vcf", "21_malformed-nested-vcards.vcf")
OUTLOOK_CSV = (
    "First Name,Last Name,Company,Job Title,E-mail Address,Business Phone,Mobile Phone,"
    "Business City\r\nMica,Bevington,Handicap International,Press Officer,"
    "mbevington@handicap-international.us,+1 301 891 2138,,Silver Spring\r\n"
)


@pytest.fixture
def library_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Never the real library: tests that forget --library still land in tmp_path.
    monkeypatch.setenv("PRESSKIT_LIBRARY", str(tmp_path / "env-library.sqlite"))
    return tmp_path / "library.sqlite"


@pytest.fixture
def sources(shared_dir: Path, tmp_path: Path) -> list[Path]:
    csv_file = tmp_path / "outlook.csv"
    csv_file.write_bytes(OUTLOOK_CSV.encode("windows-1252"))
    return [*(shared_dir / "testdata" / "vcard" / name for name in VCARDS), csv_file]


def test_import_prints_counts_and_every_problem(
    library_file: Path, sources: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert presskit("contacts", "import", *sources, "--library", library_file) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{sources[0]}: 3 contacts read",
        f"{sources[1]}: 3 contacts read",
        f"{sources[2]}: 1 contact read",
        f"imported 7 contacts into {library_file}",
    ]
    assert err.splitlines() == [
        f"{sources[1]}: warning: card 2: is nested inside card 1; imported on its own",
        f"{sources[1]}: warning: card 3: is nested inside card 1; imported on its own",
    ]
    # The same files again add nothing.
    assert presskit("contacts", "import", *sources, "--library", library_file) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"imported 0 contacts into {library_file} (7 already there, skipped)"
    )


def test_import_of_nothing_readable_exits_2(
    library_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_bytes(b"\x00\x01\x02")
    missing = tmp_path / "missing.vcf"
    assert presskit("contacts", "import", missing, junk, "--library", library_file) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"{missing}: no such file",
        f"{junk}: not a vCard (.vcf) or CSV (.csv) contacts file",
        "presskit: no contacts could be read; nothing was imported",
    ]


def test_list_as_text_and_json(
    library_file: Path, sources: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    presskit("contacts", "import", *sources, "--library", library_file)
    capsys.readouterr()
    assert presskit("contacts", "list", "--library", library_file) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 7
    assert any(
        line.endswith(
            "Mica Bevington  ·  Press Officer, Handicap International  ·  "
            "mbevington@handicap-international.us  ·  +1 301 891 2138 (work)"
        )
        for line in lines
    )
    assert presskit("contacts", "list", "--format", "json", "--library", library_file) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [c["name"] for c in listed] == [
        "Arnold Smith", "Chris Beatle", "Doug White", "Mica Bevington", "nest1", "nest2", "parent",
    ]  # fmt: skip
    mica = listed[3]
    assert set(mica) == {
        "id", "name", "title", "organization", "city", "phones", "emails", "website", "notes",
        "tags", "created", "updated", "first_name", "outlet", "topics", "language",
        "do_not_contact",
    }  # fmt: skip
    assert mica["phones"] == [{"number": "+1 301 891 2138", "label": "work"}]
    assert mica["emails"] == ["mbevington@handicap-international.us"]
    assert mica["created"].endswith("+00:00")
    presskit("contacts", "list", "--format", "json", "--search", "DOUG", "--library", library_file)
    assert [c["name"] for c in json.loads(capsys.readouterr().out)] == ["Doug White"]


def test_export_writes_vcards_that_read_back(
    library_file: Path, sources: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    presskit("contacts", "import", *sources, "--library", library_file)
    capsys.readouterr()
    with Library(library_file) as library:
        stored = library.list_contacts()
    for content in stored:
        content.id = content.created = content.updated = None
        content.uid = ""  # the library's identity for the contact; a vCard file gets its own
    for version in ("4.0", "3.0"):
        out = tmp_path / f"out-{version}.vcf"
        assert (
            presskit(
                "contacts", "export", out, "--vcard-version", version, "--library", library_file
            )
            == 0
        )
        assert capsys.readouterr().out == f"wrote 7 contacts to {out}\n"
        assert f"VERSION:{version}\r\n".encode() in out.read_bytes()
        assert read_vcards(out).contacts == stored


def test_export_to_an_unwritable_place_exits_1(
    library_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no" / "such" / "folder" / "out.vcf"
    assert presskit("contacts", "export", out, "--library", library_file) == 1
    assert capsys.readouterr().err == f"{out}: cannot write: No such file or directory\n"


def test_boilerplates_add_list_export(
    library_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    about = tmp_path / "about.md"
    text = "\ufeffThe **US Campaign to Ban Landmines** is a coalition of NGOs.\r\n\r\nMore…\r\n"
    about.write_bytes(text.encode())
    assert (
        presskit(
            "boilerplates",
            "add",
            "--organization",
            "USCBL",
            "--language",
            "en-US",
            "--reviewed",
            "2024-05-31",
            about,
            "--library",
            library_file,
        )
        == 0
    )
    assert capsys.readouterr().out == "added boilerplate 1 for USCBL [en-US]\n"
    presskit("boilerplates", "add", "--organization", "USCBL", "--language", "de", about,
             "--library", library_file)  # fmt: skip
    capsys.readouterr()
    assert presskit("boilerplates", "list", "--library", library_file) == 0
    assert capsys.readouterr().out.splitlines() == [
        "    2  USCBL [de]  The **US Campaign to Ban Landmines** is a coalition of NGOs.",
        "    1  USCBL [en-US]  reviewed 2024-05-31  The **US Campaign to Ban Landmines** is a "
        "coalition of NGOs.",
    ]
    presskit("boilerplates", "list", "--format", "json", "--library", library_file)
    listed = json.loads(capsys.readouterr().out)
    assert listed[1]["text"] == (
        "The **US Campaign to Ban Landmines** is a coalition of NGOs.\n\nMore…"
    )
    assert listed[1]["last_reviewed"] == "2024-05-31"
    out = tmp_path / "boilerplates.json"
    assert presskit("boilerplates", "export", out, "--library", library_file) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert [(b["organization"], b["language"]) for b in exported] == [
        ("USCBL", "de"),
        ("USCBL", "en-US"),
    ]
    assert "id" not in exported[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--language", "English"],
            "presskit: --language: 'English' is not a language tag such as en-US",
        ),
        (["--organization", " "], "presskit: --organization: give the organization's name"),
    ],
)
def test_bad_boilerplate_input_exits_2_with_one_line(
    library_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    about = tmp_path / "about.md"
    about.write_text("About us.")
    options = ["--organization", "USCBL", *args]
    assert presskit("boilerplates", "add", *options, about, "--library", library_file) == 2
    assert capsys.readouterr().err == message + "\n"


def test_bad_markdown_files_exit_2(
    library_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latin1 = tmp_path / "latin1.md"
    latin1.write_bytes("Société".encode("latin-1"))
    empty = tmp_path / "empty.md"
    empty.write_text(" \n")
    for path, why in [
        (tmp_path / "missing.md", "no such file"),
        (latin1, "is not UTF-8 text; save it as UTF-8 and try again"),
        (empty, "is empty; a boilerplate needs some text"),
    ]:
        status = presskit(
            "boilerplates", "add", "--organization", "X", path, "--library", library_file
        )
        assert status == 2
        assert capsys.readouterr().err == f"presskit: {path}: {why}\n"
    with Library(library_file) as library:
        assert library.list_boilerplates() == []


def test_as_a_process_environment_and_option_choose_the_library(tmp_path: Path) -> None:
    from_env = tmp_path / "from-env.sqlite"
    about = tmp_path / "about.md"
    about.write_text("About us.")
    env = {"PRESSKIT_LIBRARY": str(from_env)}
    done = presskit_process("boilerplates", "add", "--organization", "A", about, env=env)
    assert done.returncode == 0, done.stderr
    explicit = tmp_path / "explicit.sqlite"
    done = presskit_process(
        "boilerplates", "add", "--organization", "B", about, "--library", explicit, env=env
    )
    assert done.returncode == 0, done.stderr
    listed = presskit_process("boilerplates", "list", "--format", "json", env=env)
    assert [b["organization"] for b in json.loads(listed.stdout)] == ["A"]
    listed = presskit_process("boilerplates", "list", "--format", "json", "--library", explicit)
    assert [b["organization"] for b in json.loads(listed.stdout)] == ["B"]


def test_as_a_process_a_bad_library_is_one_line_and_no_traceback(tmp_path: Path) -> None:
    not_a_library = tmp_path / "contacts.sqlite"
    not_a_library.write_text("Name,Email\n" * 100)
    done = presskit_process("contacts", "list", "--library", not_a_library)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"presskit: {not_a_library}: not a Presskit library: it is not an SQLite database\n"
    )
    missing_verb = presskit_process("contacts", "--library", not_a_library)
    assert missing_verb.returncode == 2 and "Traceback" not in missing_verb.stderr
    bad_date = presskit_process(
        "boilerplates", "add", "--organization", "X", "--reviewed", "May 31", "x.md"
    )
    assert bad_date.returncode == 2
    assert "'May 31' is not a date like 2024-05-31" in bad_date.stderr


def test_every_verb_takes_library_and_shows_help() -> None:
    from presskit.cli import _parser

    parser = _parser()
    for command, verb, extra in [
        ("contacts", "import", ["a.vcf"]),
        ("contacts", "list", []),
        ("contacts", "export", ["out.vcf"]),
        ("boilerplates", "list", []),
        ("boilerplates", "add", ["--organization", "X", "a.md"]),
        ("boilerplates", "export", ["out.json"]),
    ]:
        args = parser.parse_args([command, verb, *extra, "--library", "x.sqlite"])
        assert (args.command, args.verb, args.library) == (command, verb, Path("x.sqlite"))
