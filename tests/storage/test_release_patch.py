"""Writing changed fields into a release file's own text: nothing else moves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from presskit.model.approvals import new_approval
from presskit.storage import dumps_release, load_release, loads_release
from presskit.storage.release_patch import patch_release_text

HAND_WRITTEN = """---
# A hand-written release: comments, quoting and key order of its own
headline: "Old headline"   # keep this comment
subheadline: Sub
dateline: {city: Boston, date: 2026-03-02}
contacts:
- name: Ana
  email: ana@example.org   # the office
links:
    - title: Photos
      url: https://x.example/p
slug: shelter-opens
---
First paragraph.

Second paragraph.
"""


def test_a_canonical_file_gets_its_canonical_text(example_path: Path) -> None:
    original = example_path.read_text(encoding="utf-8")
    release = load_release(example_path).release
    release.headline = "A new headline"
    patched = patch_release_text(original, release)
    assert patched == dumps_release(release)
    changed = [
        (a, b) for a, b in zip(original.splitlines(), patched.splitlines(), strict=True) if a != b
    ]
    assert changed == [
        ("headline: 'US: Ban Landmine Use Everywhere, Korea Included'", "headline: A new headline")
    ]


def test_only_changed_keys_of_a_hand_written_file_are_rewritten() -> None:
    release = loads_release(HAND_WRITTEN).release
    release.headline = "New headline"
    release.contacts[0].email = "ana.souza@example.org"
    release.body = "First paragraph.\n\nSecond, changed."
    patched = patch_release_text(HAND_WRITTEN, release)
    assert patched == (
        HAND_WRITTEN.replace('"Old headline"', "New headline")
        .replace("ana@example.org", "ana.souza@example.org")
        .replace("Second paragraph.", "Second, changed.")
    )
    assert loads_release(patched).release == release


def test_a_new_key_is_added_and_a_flow_mapping_is_rewritten_alone() -> None:
    release = loads_release(HAND_WRITTEN).release
    release.approvals.append(new_approval(release, "Jana", "Director", dt.datetime(2026, 3, 1)))
    release.dateline.city = "Cambridge"
    patched = patch_release_text(HAND_WRITTEN, release)
    assert loads_release(patched).release == release
    assert "# keep this comment" in patched and "# the office" in patched
    assert "dateline:\n  city: Cambridge\n  date: 2026-03-02\n" in patched
    before, _, after = patched.partition("approvals:\n  - by: Jana\n")
    assert before.endswith("  email: ana@example.org   # the office\n")
    assert after.count("links:\n    - title: Photos") == 1


def test_an_emptied_key_is_removed_with_its_line() -> None:
    release = loads_release(HAND_WRITTEN).release
    release.subheadline = ""
    patched = patch_release_text(HAND_WRITTEN, release)
    assert patched == HAND_WRITTEN.replace("subheadline: Sub\n", "")
