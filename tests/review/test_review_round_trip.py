"""The seed goes out as a Word document and comes back reviewed: changes by field, applied."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from presskit.cli import main
from presskit.review.review import read_review
from presskit.storage import dumps_release, load_release
from tests.review.conftest import LibreOffice
from tests.review.word_markup import WordEdit, reviewed_by_jana_and_legal

NEW_HEADLINE = "US Announces Landmine Ban Everywhere, Korea Still Excluded"
OLD_HEADLINE = "US: Ban Landmine Use Everywhere, Korea Included"


def _reviewed(seed_release: Path, tmp_path: Path) -> Path:
    """The seed exported, then edited as Jana (Track Changes off) and Legal (on) would."""
    assert main(["export", str(seed_release), "--docx", str(tmp_path / "sent.docx")]) == 0
    reviewed = tmp_path / "reviewed.docx"
    sent = (tmp_path / "sent.docx").read_bytes()
    reviewed.write_bytes(reviewed_by_jana_and_legal(sent, NEW_HEADLINE))
    return reviewed


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list[dict]:
    capsys.readouterr()
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_review_lists_each_change_by_field_with_its_author(
    seed_release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reviewed = _reviewed(seed_release, tmp_path)
    rows = _json(capsys, ["review", str(seed_release), str(reviewed), "--format", "json"])
    changes = [r for r in rows if r["kind"] == "change"]
    assert [(c["field"], c["author"], c["tracked"]) for c in changes] == [
        ("headline", "Jana Novak", False),
        ("body", "Legal", True),
        ("body", "Legal", True),
    ]
    headline, insertion, deletion = changes
    assert (headline["before"], headline["after"]) == (OLD_HEADLINE, NEW_HEADLINE)
    assert (insertion["removed"], insertion["inserted"]) == ("", " and a welcome one")
    assert "positive step and a welcome one, but" in insertion["after"]
    assert (deletion["removed"], deletion["inserted"]) == (" de facto", "")
    assert deletion["date"] == "2026-03-02T11:30:00Z"
    assert "affirms the US policy" in deletion["after"]
    (comment,) = [r for r in rows if r["kind"] == "comment"]
    assert comment["field"] == "body"
    assert (comment["before"], comment["text"], comment["author"]) == (
        "further use of antipersonnel mines", "Source?", "Legal"
    )  # fmt: skip


def test_accept_all_applies_exactly_the_changes(
    seed_release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reviewed = _reviewed(seed_release, tmp_path)
    original = seed_release.read_text(encoding="utf-8")
    out = tmp_path / "accepted.md"
    argv = ["review", str(seed_release), str(reviewed), "--accept-all", "-o", str(out)]
    assert main(argv) == 0
    assert "applied 3 changes" in capsys.readouterr().err
    expected = (
        original.replace(f"headline: '{OLD_HEADLINE}'", f"headline: {NEW_HEADLINE}")
        .replace("positive step, but", "positive step and a welcome one, but")
        .replace("affirms the de facto US policy", "affirms the US policy")
    )
    assert out.read_text(encoding="utf-8") == expected
    assert seed_release.read_text(encoding="utf-8") == original  # -o leaves the source alone


def test_accept_all_without_output_updates_the_release_and_keeps_the_old_one(
    seed_release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reviewed = _reviewed(seed_release, tmp_path)
    original = seed_release.read_text(encoding="utf-8")
    assert main(["review", str(seed_release), str(reviewed), "--accept-all"]) == 0
    assert load_release(seed_release).release.headline == NEW_HEADLINE
    versions = _json(capsys, ["history", str(seed_release), "--format", "json"])
    assert [v["version"] for v in versions] == [1, 2]
    capsys.readouterr()
    assert main(["history", str(seed_release), "--show", "1"]) == 0
    assert capsys.readouterr().out == original


def test_a_hand_written_release_keeps_every_untouched_byte(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    source = tmp_path / "hand.md"
    text = (
        '---\n# Written by hand\nheadline: "Shelter opens"  # short\n'
        "contacts:\n- name: Ana Souza\n  email: ana@example.org\n"
        "---\nThe shelter opens on Monday.\n\nIt has eighty beds.\n"
    )
    source.write_text(text, encoding="utf-8")
    assert main(["export", str(source), "--docx"]) == 0
    doc = WordEdit(source.with_suffix(".docx").read_bytes())
    doc.delete("eighty", author="Legal")
    doc.insert("It has ", "90", author="Legal")
    reviewed = tmp_path / "reviewed.docx"
    reviewed.write_bytes(doc.save())
    assert main(["review", str(source), str(reviewed), "--accept-all"]) == 0
    assert source.read_text(encoding="utf-8") == text.replace("eighty beds", "90 beds")


def test_styles_lost_to_pasted_text_fall_back_to_position(seed_release: Path) -> None:
    release = load_release(seed_release).release
    from presskit.review.docx_writer import release_docx

    doc = WordEdit(release_docx(release))
    for paragraph in doc.paragraphs("Presskit Headline") + doc.paragraphs("Presskit Body")[:2]:
        paragraph.remove(paragraph.find("{*}pPr"))  # pasted over: Normal style
    doc.retype_paragraph(doc.paragraphs()[1], "A headline typed over the old one")
    result = read_review(doc.save(), release)
    assert [(c.field, c.after) for c in result.changes] == [
        (("headline",), "A headline typed over the old one")
    ]


def test_a_contact_deleted_whole_is_removed_and_the_rest_stays(seed_release: Path) -> None:
    from presskit.review.apply import apply_changes
    from presskit.review.docx_writer import release_docx

    release = load_release(seed_release).release
    doc = WordEdit(release_docx(release))
    names = doc.paragraphs("Presskit Contact Name")
    (contact,) = [p for p in names if "Mica" in "".join(p.itertext())]
    for paragraph in doc.paragraphs()[doc.paragraphs().index(contact) :]:
        paragraph.getparent().remove(paragraph)
    result = read_review(doc.save(), release)
    assert [(c.field, c.tracked) for c in result.changes] == [(("contacts", 1), False)]
    changed, skipped = apply_changes(release, result.changes)
    assert skipped == []
    assert [c.name for c in changed.contacts] == ["Mary Wareham"]
    release.contacts.pop()
    assert dumps_release(changed) == dumps_release(release)


def test_a_document_saved_by_libreoffice_comes_back_unchanged(
    seed_release: Path, tmp_path: Path, libreoffice: LibreOffice
) -> None:
    """A reviewer who opens and saves in LibreOffice keeps the styles and the release inside."""
    assert main(["export", str(seed_release), "--docx", str(tmp_path / "sent.docx")]) == 0
    saved = libreoffice.convert(tmp_path / "sent.docx", "docx:MS Word 2007 XML", tmp_path / "lo")
    result = read_review(saved.read_bytes(), load_release(seed_release).release)
    assert (result.changes, result.comments, result.notes) == ([], [], [])


def test_changes_to_a_field_edited_since_sending_are_listed_not_applied(
    seed_release: Path, tmp_path: Path
) -> None:
    from presskit.review.apply import apply_changes

    reviewed = _reviewed(seed_release, tmp_path)
    release = load_release(seed_release).release
    release.headline = "A headline changed here after the document went out"
    result = read_review(reviewed.read_bytes(), release)
    assert result.notes == [
        "The release has changed since this document was made. Changes to fields that "
        "changed since are listed, but not applied."
    ]
    headline = next(c for c in result.changes if c.field == ("headline",))
    assert not headline.applicable
    assert headline.before == OLD_HEADLINE  # compared with what the reviewer was sent
    changed, skipped = apply_changes(release, result.changes)
    assert skipped == [headline]
    assert changed.headline == release.headline
    assert "positive step and a welcome one" in changed.body


def test_without_the_release_inside_it_compares_with_the_release_as_it_is(
    seed_release: Path, tmp_path: Path
) -> None:
    doc = WordEdit((_reviewed(seed_release, tmp_path)).read_bytes())
    doc.drop_source()
    result = read_review(doc.save(), load_release(seed_release).release)
    assert result.notes[0].startswith("The document no longer holds the release it was made")
    assert [c.field for c in result.changes] == [("headline",), ("body",), ("body",)]
    assert all(c.applicable for c in result.changes)


def test_the_text_report_reads_like_a_review(
    seed_release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reviewed = _reviewed(seed_release, tmp_path)
    capsys.readouterr()
    assert main(["review", str(seed_release), str(reviewed)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "reviewed.docx: 3 changes, 1 comment by Jana Novak, Legal"
    assert lines[1].startswith("headline (untracked, Jana Novak")
    assert lines[2] == (
        "  US[-: Ban-]{+ Announces+} Landmine [-Use-]{+Ban+} Everywhere, Korea "
        "[-Included-]{+Still Excluded+}"
    )
    assert lines[3] == "body (tracked, Legal, 2026-03-02T10:15:00Z)"
    assert "positive step{+ and a welcome one+}, but" in lines[4]
    assert lines[-1] == ('comment on body on "further use of antipersonnel mines" (Legal): Source?')


def test_a_note_above_a_headline_without_its_style_is_not_the_headline(
    seed_release: Path,
) -> None:
    """A note pasted above the headline, and every style lost: the headline is still found
    (by its text), and the note is a change of its own."""
    from presskit.review.docx_writer import release_docx

    release = load_release(seed_release).release
    doc = WordEdit(release_docx(release))
    for paragraph in doc.paragraphs():
        properties = paragraph.find("{*}pPr")
        if properties is not None:
            paragraph.remove(properties)
    headline = doc.paragraphs()[1]
    note = copy.deepcopy(headline)
    headline.addprevious(note)
    doc.retype_paragraph(note, "Draft for legal review, please reply by Friday.")
    result = read_review(doc.save(), release)
    assert ("headline",) not in [c.field for c in result.changes]
    (change,) = [c for c in result.changes if c.inserted.startswith("Draft for legal")]
    assert change.field == ("body",)


def test_a_headline_typed_over_without_its_style_is_found_by_the_role_scorer(
    seed_release: Path,
) -> None:
    """Every style lost, a stamp above and the headline rewritten: the importer's role scorer
    finds the headline (the first paragraph after the release line is the stamp)."""
    from presskit.review.docx_writer import release_docx

    release = load_release(seed_release).release
    doc = WordEdit(release_docx(release))
    for paragraph in doc.paragraphs():
        properties = paragraph.find("{*}pPr")
        if properties is not None:
            paragraph.remove(properties)
    headline = doc.paragraphs()[1]
    doc.retype_paragraph(headline, "US Pledges No New Landmines Outside Korea")
    note = copy.deepcopy(headline)  # a stamp pasted above it: not the first line's headline
    headline.addprevious(note)
    doc.retype_paragraph(note, "DRAFT")
    result = read_review(doc.save(), release)
    assert [(c.field, c.inserted) for c in result.changes] == [
        (("headline",), " Pledges No New Landmines Outside Korea"),  # "US" was there
        (("body",), "DRAFT\n"),  # the stamp, as a paragraph before the body's first
    ]
