"""A translation is its own release file, linked to its source; check finds what changed."""

from __future__ import annotations

import json
from pathlib import Path

from presskit.model.release import Link, Release
from presskit.model.segments import (
    apply_segments,
    markdown_layout,
    release_segments,
    segment_fingerprints,
)
from presskit.storage import dumps_release, load_release, loads_release, save_release
from presskit.translation.linking import load_source, make_translation, mark_up_to_date
from tests.cli_process import presskit_process as presskit

BODY = """## A heading

First paragraph with **bold** and a [link](https://example.org)
that runs over two lines.

- one item
- two item
  continued

1. first
2. second

> a quote

```
code stays
```

[ref]: https://example.org
"""


def test_markdown_segments_keep_the_structure() -> None:
    layout = markdown_layout(BODY, "body")
    texts = [s.text for s in layout.segments]
    assert texts == [
        "A heading",
        "First paragraph with **bold** and a [link](https://example.org)\n"
        "that runs over two lines.",
        "one item",
        "two item\n  continued",
        "first",
        "second",
        "a quote",
    ]
    assert [s.line for s in layout.segments] == [1, 3, 6, 7, 10, 11, 13]
    assert layout.render({}) == BODY
    upper = layout.render({s.id: s.text.upper() for s in layout.segments})
    assert upper.startswith("## A HEADING\n\nFIRST PARAGRAPH")
    assert "- TWO ITEM\n  CONTINUED" in upper and "code stays" in upper and "[ref]:" in upper


def test_segments_of_a_release() -> None:
    release = Release(headline="H", subheadline="S", body="P1\n\nP2", boilerplate="About us.")
    release.links = [Link("Letter", "https://example.org/l")]
    ids = [s.id for s in release_segments(release)]
    assert ids == [
        "headline",
        "subheadline",
        "boilerplate[1]",
        "links[1].title",
        "body[1]",
        "body[2]",
    ]
    apply_segments(release, {"headline": "Ü", "body[2]": "Zwei", "links[1].title": "Brief"})
    assert (release.headline, release.body, release.links[0].title) == ("Ü", "P1\n\nZwei", "Brief")


def test_translation_round_trips_through_the_file(tmp_path: Path, example_path: Path) -> None:
    source = load_release(example_path).release
    german = make_translation(source, example_path, tmp_path / "de.md", "de-DE")
    text = dumps_release(german)
    assert "translation:\n  source: " in text and "segments:\n" in text
    again = loads_release(text).release
    assert again == german
    assert again.translation is not None
    assert again.translation.segments == segment_fingerprints(source)
    assert again.translation.language == "en-US" and again.language == "de-DE"


def test_translate_verb_writes_a_linked_copy(example_copy: Path) -> None:
    done = presskit("translate", example_copy, "--to", "de-DE")
    assert done.returncode == 0, done.stderr
    out = example_copy.with_name("release.de-DE.md")
    german = load_release(out).release
    assert german.language == "de-DE" and german.translation is not None
    assert german.translation.source == "release.md"
    assert load_source(german, out) == load_release(example_copy).release
    again = presskit("translate", example_copy, "--to", "de-DE")
    assert again.returncode == 2 and "exists already" in again.stderr
    assert presskit("translate", example_copy, "--to", "not a tag").returncode == 2


def test_check_reports_the_changed_headline_only(example_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "de" / "release.md"
    out.parent.mkdir()
    assert presskit("translate", example_copy, "--to", "de-DE", "-o", out).returncode == 0

    def outdated() -> list[dict[str, object]]:
        done = presskit("check", "--format", "json", out)
        return [row for row in json.loads(done.stdout) if row["id"].startswith("translation")]

    assert outdated() == []
    source = load_release(example_copy).release
    source.headline = "US: Ban Landmine Use Everywhere, Korea Included, Now"
    save_release(source, example_copy)
    rows = outdated()
    assert [(r["id"], r["field"], r["severity"]) for r in rows] == [
        ("translation-outdated", "headline", "warning")
    ]
    assert "Korea Included, Now" in str(rows[0]["message"])

    german = load_release(out).release
    mark_up_to_date(german, source, ["headline"])
    save_release(german, out)
    assert outdated() == []


def test_a_changed_paragraph_names_its_line_and_a_missing_source_is_reported(
    example_copy: Path,
) -> None:
    assert presskit("translate", example_copy, "--to", "fr-FR").returncode == 0
    out = example_copy.with_name("release.fr-FR.md")
    source = load_release(example_copy).release
    paragraphs = source.body.split("\n\n")
    paragraphs[2] = "A new third paragraph."
    source.body = "\n\n".join(paragraphs)
    save_release(source, example_copy)
    rows = json.loads(presskit("check", "--format", "json", out).stdout)
    found = [r for r in rows if r["id"] == "translation-outdated"]
    assert [r["field"] for r in found] == ["body"]
    line = out.read_text().splitlines()[found[0]["line"] - 1]
    assert line.startswith("During the 1997 negotiation")  # the translation's 3rd paragraph
    assert "A new third paragraph." in found[0]["message"]
    example_copy.unlink()
    rows = json.loads(presskit("check", "--format", "json", out).stdout)
    assert [r["id"] for r in rows if r["id"].startswith("translation")] == [
        "translation-source-missing"
    ]
