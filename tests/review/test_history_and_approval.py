"""Version history (snapshots per save, renames, thinning), diffs, and sign-off."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from presskit.cli import main
from presskit.model.approvals import approval_state
from presskit.review.history import HistoryStore, Version, thin
from presskit.storage import dumps_release, load_release


def _json(capsys: pytest.CaptureFixture[str], argv: list[str], status: int = 0) -> object:
    capsys.readouterr()
    assert main(argv) == status
    return json.loads(capsys.readouterr().out)


def test_each_save_is_a_version_and_identical_saves_are_not(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history")
    path = tmp_path / "release.md"
    texts = [f"---\nheadline: Version {n}\n---\nBody {n}.\n" for n in range(10)]
    for text in texts:
        assert store.record(path, text) is not None
    assert store.record(path, texts[-1]) is None
    versions = store.versions(path)
    assert [v.number for v in versions] == list(range(1, 11))
    assert store.text(path, versions[3]) == texts[3]
    assert versions[0].summary == "first version"
    assert versions[1].summary == "headline and body changed (+2 −2 words)"


def test_a_renamed_file_keeps_its_history_and_a_copy_starts_its_own(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history")
    old, new, copy = tmp_path / "a.md", tmp_path / "b.md", tmp_path / "c.md"
    text = "---\nheadline: One\n---\n"
    old.write_text(text)
    store.record(old, text)
    old.rename(new)
    store.record(new, "---\nheadline: Two\n---\n", previous=text)
    assert [v.number for v in store.versions(new)] == [1, 2]
    new.write_text("---\nheadline: Two\n---\n")
    copy.write_text(new.read_text())
    store.record(copy, "---\nheadline: Three\n---\n", previous=new.read_text())
    assert [v.number for v in store.versions(copy)] == [1]  # b.md still exists: not a rename
    assert [v.number for v in store.versions(new)] == [1, 2]


def test_old_versions_are_thinned_and_the_size_is_bounded() -> None:
    now = dt.datetime(2026, 3, 31, 12, tzinfo=dt.UTC)

    def version(number: int, age: dt.timedelta, size: int = 100) -> Version:
        when = (now - age).isoformat()
        return Version(number, when, str(number), size, "", "r.md")

    minutes = [version(n, dt.timedelta(minutes=5 * (40 - n))) for n in range(40)]  # last 3 h
    hours = [version(100 + n, dt.timedelta(days=2, minutes=10 * n)) for n in range(12)]  # 2 h
    days = [version(200 + n, dt.timedelta(days=20, hours=3 * n)) for n in range(8)]  # 1 day
    kept = thin(sorted(days + hours + minutes, key=lambda v: v.when), now)
    assert len([v for v in kept if v.number < 100]) == 40  # the last day: every version
    assert len([v for v in kept if 100 <= v.number < 200]) <= 3
    assert len([v for v in kept if v.number >= 200]) <= 2
    huge = [version(n, dt.timedelta(minutes=n), size=3 * 1024 * 1024) for n in range(3)]
    assert [v.number for v in thin(sorted(huge, key=lambda v: v.when), now)] == [0]


def test_presskit_diff_shows_the_changed_words(
    tmp_path: Path, example_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    release = load_release(example_path).release
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(dumps_release(release))
    release.body = release.body.replace("positive step", "welcome step")
    release.contacts[1].email = "mica@example.org"
    b.write_text(dumps_release(release))
    rows = _json(capsys, ["diff", str(a), str(b), "--format", "json"], status=1)
    assert [r["field"] for r in rows] == ["contacts[2].email", "body"]
    body = rows[1]["pieces"]
    assert [(p["kind"], p["text"]) for p in body if p["kind"] != "same"] == [
        ("removed", "positive"),
        ("added", "welcome"),
    ]
    capsys.readouterr()
    assert main(["diff", str(a), str(b)]) == 1
    assert "[-positive-]{+welcome+} step" in capsys.readouterr().out
    assert main(["diff", str(a), str(a)]) == 0


def _check(capsys: pytest.CaptureFixture[str], path: Path) -> list[dict]:
    capsys.readouterr()
    main(["check", str(path), "--format", "json"])
    return [r for r in json.loads(capsys.readouterr().out) if r["id"] == "approval-outdated"]


def test_an_approval_goes_out_of_date_when_the_body_changes(
    seed_release: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = seed_release.read_text(encoding="utf-8")
    argv = ["approve", str(seed_release), "--by", "Jana Novak", "--role", "Director"]
    assert main(argv) == 0
    approved = seed_release.read_text(encoding="utf-8")
    assert approved.startswith(original.split("---\n", 2)[1].join(["---\n", ""]))
    assert approved.endswith(original.split("---\n", 2)[2])  # the body did not move
    assert "approvals:\n  - by: Jana Novak\n    role: Director\n" in approved
    assert approval_state(load_release(seed_release).release).approved
    assert _check(capsys, seed_release) == []  # unchanged: current
    seed_release.write_text(approved.replace("positive step", "welcome step"), encoding="utf-8")
    (finding,) = _check(capsys, seed_release)
    assert finding["severity"] == "warning"
    assert finding["field"] == "approvals"
    assert "Jana Novak (Director) approved this release on" in finding["message"]
    assert finding["message"].endswith("but the body changed since")


def test_the_theme_is_not_content(seed_release: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["approve", str(seed_release), "--by", "Legal"]) == 0
    text = seed_release.read_text(encoding="utf-8").replace("theme: classic", "theme: modern")
    seed_release.write_text(text, encoding="utf-8")
    assert _check(capsys, seed_release) == []


def test_approve_needs_a_name(seed_release: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["approve", str(seed_release), "--by", "  "]) == 2
    assert "needs the name" in capsys.readouterr().err
