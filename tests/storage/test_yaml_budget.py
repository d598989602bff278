"""One budget for the whole front matter, aliases counted where they expand (issue 11, item 3).

Each bomb here took tens of seconds and gigabytes before the budget (the 24 KB one 36 s, then
MemoryError). The timeout turns that into a failure if the guard is ever lost; the real proof
that nothing is built first is the reader that must never run.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from presskit.storage import ReleaseFileError, loads_release
from presskit.storage.pdf_source import SOURCE_ATTACHMENT
from presskit.storage.yaml_budget import MAX_EXPANDED_NODES
from presskit.storage.yaml_reader import FrontMatterReader

pytestmark = pytest.mark.timeout(20)


def known_field_bomb(width: int = 3000) -> str:
    """``contacts: [*c x width]``, each contact with ``phones: [*q x width]``: 24 KB of text."""
    phones = ", ".join(["*q"] * width)
    contacts = "\n".join(["- *c"] * width)
    return (
        "---\npresskit: 1\nheadline: Bomb\ncontacts:\n"
        f"- &c\n  name: Mary\n  phones: [&q '+1 202 555 0100', {phones}]\n{contacts}\n---\nBody.\n"
    )


@pytest.fixture
def no_objects_built(monkeypatch: pytest.MonkeyPatch) -> None:
    """The release reader must never start on a refused front matter."""

    def refuse(*_args: object) -> None:
        raise AssertionError("Python objects were built before the budget was checked")

    monkeypatch.setattr(FrontMatterReader, "release", refuse)


def refusal(text: str) -> str:
    with pytest.raises(ReleaseFileError) as exc:
        loads_release(text, "bomb.md")
    return str(exc.value)


def test_the_nested_known_field_bomb_is_refused_naming_its_line(no_objects_built: None) -> None:
    text = known_field_bomb()
    assert len(text.encode()) < 30_000
    message = refusal(text)
    assert message.startswith("bomb.md:5: contacts: ")
    assert f"more than {MAX_EXPANDED_NODES:,} values" in message
    assert "anchored on line 5" in message


@pytest.mark.parametrize(
    ("front", "line", "field"),
    [
        # every known list and group, each a level of its own
        ("links: [&l {title: T, url: 'https://e.org'}, {l}]", 3, "links"),
        ("organization:\n  social: [&s {network: X, handle: '@x'}, {s}]", 4, "organization.social"),
        ("approvals:\n- &a\n  by: A\n  fields: &f {a: '1', b: '2', c: '3', d: '4'}\n{a}", 4,
         "approvals"),
        ("contacts:\n- name: A\n  phones: [&p {number: '1', label: w}, {p}]", 5,
         "contacts[1].phones"),
        ("dateline: {city: &t Berlin}\nx-tags: [*t, {t}]", 4, "x-tags"),
    ],
)  # fmt: skip
def test_bombs_in_every_known_field_are_refused(
    front: str, line: int, field: str, no_objects_built: None
) -> None:
    names = {"l": "*l", "s": "*s", "a": "- *a", "p": "*p", "t": "*t"}
    for key, alias in names.items():
        joiner = "\n" if alias.startswith("-") else ", "
        front = front.replace("{" + key + "}", joiner.join([alias] * 110_000))
    message = refusal(f"---\nheadline: x\n{front}\n---\n")
    assert message.startswith(f"bomb.md:{line}: {field}: "), message


def test_levels_of_aliases_are_refused_where_they_pass_the_budget(no_objects_built: None) -> None:
    lines = ["---", "headline: x", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{'abcdefghi'[i]}"] * 9) + "]")
    lines.append("headline_again: *i")
    message = refusal("\n".join(lines) + "\n---\n")
    assert message.startswith("bomb.md:8: f: "), message  # 9**6 > 100,000: the level of 'f'
    assert "anchored on line 7" in message  # the level below, 'e'


def test_the_budget_is_for_the_whole_document_not_each_field(no_objects_built: None) -> None:
    """Three keys, each well under the budget, together over it."""
    items = ", ".join(["x"] * 40_000)
    text = f"---\nheadline: x\na: &a [{items}]\nb: *a\nc: *a\n---\n"
    message = refusal(text)
    assert message.startswith("bomb.md:") and "more than 100,000 values" in message


@pytest.mark.parametrize(
    "front",
    ["contacts: &c [*c]", "x: &x {self: *x}", "organization: &o {social: [{network: *o}]}"],
)
def test_an_alias_inside_its_own_anchor_is_refused(front: str, no_objects_built: None) -> None:
    message = refusal(f"---\nheadline: x\n{front}\n---\n")
    assert "bomb.md:3:" in message and "never ends" in message


def test_aliases_in_a_real_release_still_load() -> None:
    text = (
        "---\nheadline: Shared\ncontacts:\n- &m {name: Mary, phones: [&p '+1 202 555 0100']}\n"
        "- {name: Steve, phones: [*p]}\norganization: {name: &n Org}\nx-owner: *n\n---\n"
    )
    loaded = loads_release(text, "ok.md")
    assert [c.phones[0].number for c in loaded.release.contacts] == ["+1 202 555 0100"] * 2
    assert loaded.release.extra["x-owner"] == "Org"


def test_a_release_just_under_the_budget_loads() -> None:
    count = (MAX_EXPANDED_NODES - 20) // 2
    text = "---\nheadline: x\nx-list: [&v '1', " + ", ".join(["*v"] * (count - 1)) + "]\n---\n"
    assert len(loads_release(text).release.extra["x-list"]) == count


def _presskit_pdf(path: Path, source: str) -> Path:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.attachments[SOURCE_ATTACHMENT] = pikepdf.AttachedFileSpec(pdf, source.encode())
    pdf.save(path)
    return path


def test_a_presskit_pdf_carrying_a_bomb_is_refused_by_the_editor(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from presskit.app.document import DocumentController

    doc = DocumentController()
    doc.restore("---\nheadline: Kept\n---\nKept body.\n", None, None, "kept")
    no_objects_built.__wrapped__(monkeypatch)  # type: ignore[attr-defined]
    path = _presskit_pdf(tmp_path / "hostile.pdf", known_field_bomb())
    with pytest.raises(ReleaseFileError, match=r"hostile\.pdf:5: contacts: .*more than"):
        doc.open(path)
    assert doc.model.headline == "Kept"  # the open document is untouched
