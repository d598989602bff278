"""Loading and saving release files: round trips, every error with file, line and field."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from presskit.model import Contact, Phone, Release, Status, validate_release
from presskit.storage import (
    ReleaseFileError,
    dumps_release,
    load_release,
    loads_release,
    save_release,
)
from tests.conftest import REPO

FILE_FORMAT_DOC = REPO / "docs" / "file-format.md"


def _messages(exc: pytest.ExceptionInfo[ReleaseFileError]) -> list[str]:
    return [str(p) for p in exc.value.problems]


def test_example_saves_byte_identically(example_path: Path, tmp_path: Path) -> None:
    original = example_path.read_bytes()
    loaded = load_release(example_path)
    assert loaded.warnings == []
    assert validate_release(loaded.release) == []
    target = tmp_path / "release.md"
    save_release(loaded.release, target)
    assert target.read_bytes() == original


def test_example_holds_every_part_of_the_seed(example_path: Path) -> None:
    release = load_release(example_path).release
    assert release.status is Status.IMMEDIATE
    assert release.headline == "US: Ban Landmine Use Everywhere, Korea Included"
    assert release.subheadline.startswith("20th Anniversary of President Clinton")
    assert release.dateline.city == "Washington DC"
    assert release.dateline.date == dt.date(2014, 9, 23)
    assert [c.name for c in release.contacts] == ["Mary Wareham", "Mica Bevington"]
    assert release.contacts[0].phones == [Phone("+1-646-203-8292", "mobile")]
    assert release.contacts[1].email == "mbevington@handicap-international.us"
    assert release.organization.website == "https://www.banminesusa.org"
    assert {s.network for s in release.organization.social} == {"facebook", "twitter"}
    assert release.boilerplate.startswith("The United States Campaign to Ban Landmines is")
    assert release.links[0].url.endswith("USCBL_Letter_to_Obama_12_Sep2014.pdf")
    # The inline links of the original point at '#': real-world data, kept as they are.
    assert len(re.findall(r"\]\(#\)", release.body)) == 5


def _release_part() -> str:
    # The release's keys and examples: the kit file's come after them, in a section of its own.
    text = FILE_FORMAT_DOC.read_text()
    return re.sub(r"\n## The press kit file.*?(?=\n## )", "", text, flags=re.DOTALL)


def _documented_blocks() -> list[str]:
    return re.findall(r"```markdown\n(.*?)```", _release_part(), re.DOTALL)


def _documented_keys() -> list[str]:
    release_part = _release_part()
    rows = re.findall(r"^\| `([^`]+)` \|", release_part, re.MULTILINE)
    assert len(rows) > 30
    return rows


def test_every_documented_key_round_trips() -> None:
    full = _documented_blocks()[-1]
    loaded = loads_release(full, "file-format.md")
    assert loaded.warnings == []  # every key in the block is known
    assert validate_release(loaded.release) == []
    for key in _documented_keys():
        assert re.sub(r"\[\]", "[1]", key) in loaded.lines, f"{key} is not in the full example"
    assert dumps_release(loaded.release) == full
    again = loads_release(dumps_release(loaded.release)).release
    assert again == loaded.release


def test_saving_twice_gives_the_same_bytes_and_stable_key_order(tmp_path: Path) -> None:
    release = Release(headline="A", contacts=[Contact(name="B", phones=[Phone("1")])])
    save_release(release, tmp_path / "a.md")
    save_release(load_release(tmp_path / "a.md").release, tmp_path / "b.md")
    assert (tmp_path / "a.md").read_bytes() == (tmp_path / "b.md").read_bytes()
    keys = re.findall(r"^(\w+):", (tmp_path / "a.md").read_text(), re.MULTILINE)
    assert keys == ["presskit", "status", "headline", "language", "contacts", "theme", "end_mark"]


def test_bom_and_crlf_are_accepted(example_path: Path) -> None:
    text = example_path.read_text(encoding="utf-8")
    windows = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    assert loads_release(windows, "win.md").release == load_release(example_path).release


def test_unknown_keys_survive_a_save_with_a_warning() -> None:
    text = (
        "---\nheadline: Hi\nslug: my-release\norganization:\n  name: O\n  ticker: ABC\n"
        "contacts:\n  - name: N\n    pronouns: she/her\n---\nBody\n"
    )
    loaded = loads_release(text, "r.md")
    assert sorted(str(w) for w in loaded.warnings) == [
        "r.md:3: warning: slug: unknown field; Presskit keeps it as it is",
        "r.md:6: warning: organization.ticker: unknown field; Presskit keeps it as it is",
        "r.md:9: warning: contacts[1].pronouns: unknown field; Presskit keeps it as it is",
    ]
    saved = dumps_release(loaded.release)
    for fragment in ("slug: my-release", "ticker: ABC", "pronouns: she/her"):
        assert fragment in saved
    assert loads_release(saved).release == loaded.release


def test_newer_format_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ReleaseFileError) as exc:
        loads_release("---\npresskit: 2\nheadline: x\n---\n", "new.md")
    assert _messages(exc) == [
        "new.md:2: presskit: this release was made by a newer Presskit (file format 2); "
        "this Presskit reads format 1. Update Presskit to open it."
    ]


@pytest.mark.parametrize(
    ("embargo", "expected"),
    [
        ("2014-09-23T09:00:00", "has no UTC offset"),
        ("2014-09-23", "has no time"),
        ("next tuesday", "is not a date and time"),
    ],
)
def test_embargo_needs_a_time_and_an_offset(embargo: str, expected: str) -> None:
    text = f"---\nstatus: embargoed\nembargo: {embargo}\nheadline: x\n---\n"
    with pytest.raises(ReleaseFileError) as exc:
        loads_release(text, "e.md")
    (message,) = _messages(exc)
    assert message.startswith("e.md:3: embargo: ") and expected in message


def test_embargo_with_offset_loads_aware() -> None:
    text = "---\nstatus: embargoed\nembargo: 2014-09-23T09:00:00-04:00\nheadline: x\n---\n"
    release = loads_release(text).release
    assert release.embargo == dt.datetime(2014, 9, 23, 13, tzinfo=dt.UTC)
    assert release.embargo.utcoffset() == dt.timedelta(hours=-4)


def test_all_errors_are_reported_at_once_with_lines_and_fields() -> None:
    text = (
        "---\n"
        "status: later\n"  # 2
        "headline: [not, text]\n"  # 3
        "dateline:\n"
        "  date: 23/09/2014\n"  # 5
        "  style: fancy\n"  # 6
        "links: nope\n"  # 7
        "contacts:\n"
        "  - name: A\n"
        "    phones: {number: 1}\n"  # 10
        "---\n"
    )
    with pytest.raises(ReleaseFileError) as exc:
        loads_release(text, "bad.md")
    assert _messages(exc) == [
        "bad.md:2: status: 'later' is not a status; use immediate or embargoed",
        "bad.md:3: headline: expected text, found a list",
        "bad.md:5: dateline.date: '23/09/2014' is not a date written YYYY-MM-DD",
        "bad.md:6: dateline.style: 'fancy' is not a dateline style; "
        "use one of parenthetical, ap, locale",
        "bad.md:7: links: expected a list, found 'nope'",
        "bad.md:10: contacts[1].phones: expected a list, found a group of fields",
    ]


def test_validation_problems_carry_the_line_of_their_field() -> None:
    text = (
        "---\nheadline: ''\ncontacts:\n  - name: Mary Wareham\n    email: wareham@hrw.org\n"
        "  - name: Mica\n    email: 'wareham@'\n---\n"
    )
    loaded = loads_release(text, "release.md")
    assert [str(p) for p in loaded.problems_with_lines()] == [
        "release.md:2: headline: a release needs a headline",
        "release.md:7: warning: contacts[2].email: 'wareham@' is not an email address; "
        "it is printed as text, not as a link",
    ]


def test_a_missing_headline_points_at_the_front_matter() -> None:
    loaded = loads_release("---\nsubheadline: only this\n---\nbody\n", "r.md")
    assert [str(p) for p in loaded.problems_with_lines()] == [
        "r.md:2: headline: a release needs a headline"
    ]


def test_yaml_syntax_errors_name_the_line() -> None:
    with pytest.raises(ReleaseFileError) as exc:
        loads_release("---\nheadline: ok\ncontacts: [\n  name: x\n---\nbody", "syntax.md")
    (message,) = _messages(exc)
    assert re.match(r"syntax\.md:\d+: YAML syntax error: ", message)


def test_duplicate_keys_are_an_error() -> None:
    with pytest.raises(ReleaseFileError) as exc:
        loads_release("---\nheadline: a\nheadline: b\n---\n", "dup.md")
    assert _messages(exc) == ["dup.md:3: headline: appears twice (first on line 2)"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not a text file"),
        (b"%PDF-1.7 ...", "not a text file"),
        (b"---\nheadline: caf\xe9\n---\n", "is not UTF-8 text"),
        (b"# Just Markdown\n\nNo front matter.", "starts with a line '---'"),
        (b"---\nheadline: never closed\n", "never closed"),
        (b"---\n- a list\n---\n", "expected a group of fields"),
        (b"---\n---\nbody", "the front matter is empty"),
    ],
)
def test_bad_files_give_a_clear_error(data: bytes, expected: str) -> None:
    with pytest.raises(ReleaseFileError) as exc:
        loads_release(data, "x.md")
    assert expected in str(exc.value)
    assert str(exc.value).startswith("x.md")


def test_yaml_tags_cannot_build_python_objects() -> None:
    text = "---\nheadline: x\nevil: !!python/object/apply:os.system ['echo hacked']\n---\n"
    with pytest.raises(ReleaseFileError) as exc:
        loads_release(text, "tag.md")
    assert "evil" in str(exc.value)


def test_alias_bomb_in_unknown_key_is_refused_quickly() -> None:
    lines = ["---", "headline: x", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append("---")
    with pytest.raises(ReleaseFileError) as exc:
        loads_release("\n".join(lines) + "\n", "bomb.md")
    assert "bomb.md:8: f: " in str(exc.value) and "more than 100,000 values" in str(exc.value)


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    with pytest.raises(ReleaseFileError) as exc:
        loads_release("---\nheadline: x\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n", "deep.md")
    assert "deep.md" in str(exc.value)


def test_huge_file_is_refused_and_5mb_body_loads(tmp_path: Path) -> None:
    body = ("All work and no play makes a long release. " * 120_000)[:5_000_000]
    release = loads_release(f"---\nheadline: Long\n---\n{body}\n").release
    assert len(release.body) == len(body.rstrip())
    with pytest.raises(ReleaseFileError) as exc:
        loads_release(b"---\nheadline: x\n---\n" + b"a" * (21 * 1024 * 1024), "big.md")
    assert "at most 20 MB" in str(exc.value)


def test_load_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(ReleaseFileError, match=r"missing\.md: no such file"):
        load_release(tmp_path / "missing.md")
    with pytest.raises(ReleaseFileError, match="this is a folder"):
        load_release(tmp_path)


def test_text_fields_keep_what_was_typed() -> None:
    release = loads_release("---\nheadline: Yes\nsubheadline: 0123\nend_mark: -30-\n---\n").release
    assert (release.headline, release.subheadline, release.end_mark) == ("Yes", "0123", "-30-")
    again = loads_release(dumps_release(release)).release
    assert (again.headline, again.subheadline) == ("Yes", "0123")
