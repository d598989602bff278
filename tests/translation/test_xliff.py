"""XLIFF out to a CAT tool and back: the seed becomes a linked German release."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from presskit.model.segments import release_segments
from presskit.render.pdf import PdfRenderer
from presskit.storage import load_release
from presskit.translation.inline import PK_NS, XLIFF_NS, parse_inline
from presskit.translation.xliff import XliffError, _schema, import_xliff
from tests.cli_process import presskit_process as presskit
from tests.conftest import pdf_text

NS = {"x": XLIFF_NS}
GERMAN = {
    "headline": 'USA: Landminen überall verbieten, "auch in Korea"',
    "subheadline": "20. Jahrestag von Präsident Clintons Aufruf",
    "links[1].title": "Brief der US-Kampagne an Präsident Obama, 12. September 2014",
}


def _translate_text(text: str) -> str:
    return f"«DE» {text}" if text.strip() else text


def _fill_like_a_cat_tool(xlf: Path, *, segmented: str = "body[2]") -> None:
    """Every target filled as memoQ or OmegaT do: the source's codes copied (without the
    tool-private attributes), the words between them translated, state="translated"; one
    unit wrapped in a Trados-style <mrk mtype="seg">."""
    tree = etree.parse(str(xlf))
    for unit in tree.iterfind(".//x:trans-unit", NS):
        source = unit.find("x:source", NS)
        target = etree.Element(f"{{{XLIFF_NS}}}target", state="translated")
        unit.insert(list(unit).index(source) + 1, target)
        holder = target
        if unit.get("id") == segmented:
            holder = etree.SubElement(target, f"{{{XLIFF_NS}}}mrk", mtype="seg", mid="1")
        if unit.get("id") in GERMAN:
            holder.text = GERMAN[unit.get("id")]
            continue
        holder.text = _translate_text(source.text or "")
        for code in source:
            twin = copy.deepcopy(code)
            for name in list(twin.attrib):
                if name.startswith(f"{{{PK_NS}}}"):
                    del twin.attrib[name]
            if twin.text and etree.QName(twin).localname == "g":
                twin.text = _translate_text(twin.text)
            holder.append(twin)
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")


def test_the_seed_goes_out_as_valid_xliff_with_notes_and_codes(example_copy: Path) -> None:
    done = presskit("xliff", "export", example_copy, "--to", "de-DE")
    assert done.returncode == 0, done.stderr
    xlf = example_copy.with_name("release.de-DE.xlf")
    root = etree.parse(str(xlf)).getroot()
    assert _schema().validate(root)
    units = root.findall(".//x:trans-unit", NS)
    segments = release_segments(load_release(example_copy).release)
    assert [u.get("id") for u in units] == [s.id for s in segments]
    assert len(units) == 14
    file = root.find("x:file", NS)
    assert (file.get("source-language"), file.get("target-language")) == ("en-US", "de-DE")
    assert file.get("original") == "release.md"
    headline = units[0]
    assert headline.get("maxwidth") == "80" and headline.get("size-unit") == "char"
    assert "At most 80 characters" in headline.find("x:note", NS).text
    body1 = root.find(".//x:trans-unit[@id='body[1]']", NS)
    link = body1.find("x:source/x:g", NS)
    assert (link.get("ctype"), link.text) == ("link", "announcement")
    assert link.get(f"{{{PK_NS}}}after") == "](#)"
    assert "line 1 of the body" in body1.find("x:note", NS).text


def test_a_filled_xliff_imports_as_a_linked_german_release(
    example_copy: Path, tmp_path: Path
) -> None:
    assert presskit("xliff", "export", example_copy, "--to", "de-DE").returncode == 0
    xlf = example_copy.with_name("release.de-DE.xlf")
    _fill_like_a_cat_tool(xlf)
    done = presskit("xliff", "import", xlf)
    assert done.returncode == 0, done.stderr
    out = example_copy.with_name("release.de-DE.md")
    german = load_release(out).release
    english = load_release(example_copy).release
    assert german.language == "de-DE"
    assert german.translation is not None and german.translation.source == "release.md"
    assert german.headline == GERMAN["headline"]
    assert german.links[0].title == GERMAN["links[1].title"]
    assert german.links[0].url == english.links[0].url
    assert german.body.startswith("«DE» Today's [«DE» announcement](#) by the United States")
    assert german.body.count("](#)") == english.body.count("](#)") == 5
    assert german.boilerplate.startswith("«DE» The United States Campaign")
    assert german.contacts == english.contacts
    # Linked and current: no outdated segment.
    rows = json.loads(presskit("check", "--format", "json", out).stdout)
    assert [r for r in rows if r["id"].startswith("translation")] == []
    # It exports with German labels and the translated texts, „…“ from straight quotes.
    text = pdf_text(PdfRenderer().render(german, out.parent).pdf)
    for label in ("PRESSEKONTAKT", "WEITERE INFORMATIONEN", "ÜBER US CAMPAIGN"):
        assert label in text  # the classic theme sets these in capitals
    flat = " ".join(text.split())
    assert "„auch in Korea“" in flat and "Brief der US-Kampagne" in flat
    assert "«DE» Today" in flat
    assert '"' not in text  # the running head on page 2 too


def test_reimport_updates_the_translation_and_keeps_its_own_contacts(example_copy: Path) -> None:
    assert presskit("xliff", "export", example_copy, "--to", "de-DE").returncode == 0
    xlf = example_copy.with_name("release.de-DE.xlf")
    _fill_like_a_cat_tool(xlf)
    assert presskit("xliff", "import", xlf).returncode == 0
    out = example_copy.with_name("release.de-DE.md")
    text = out.read_text(encoding="utf-8").replace("Mary Wareham", "Maria Wareham")
    out.write_text(text, encoding="utf-8")
    assert presskit("xliff", "import", xlf).returncode == 0
    german = load_release(out).release
    assert german.contacts[0].name == "Maria Wareham"
    assert german.headline == GERMAN["headline"]


def _problems(xlf: Path) -> list[str]:
    with pytest.raises(XliffError) as caught:
        import_xliff(xlf.read_bytes(), xlf)
    return caught.value.problems


def _edit(xlf: Path, change: Callable[[etree._Element], None]) -> None:
    tree = etree.parse(str(xlf))
    change(tree.getroot())
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")


def test_missing_extra_and_broken_units_are_named(example_copy: Path) -> None:
    assert presskit("xliff", "export", example_copy, "--to", "fr-FR").returncode == 0
    xlf = example_copy.with_name("release.fr-FR.xlf")
    _fill_like_a_cat_tool(xlf)

    def damage(root: etree._Element) -> None:
        body = root.find(".//x:body", NS)
        gone = root.find(".//x:trans-unit[@id='body[3]']", NS)
        body.remove(gone)
        extra = copy.deepcopy(root.find(".//x:trans-unit[@id='body[4]']", NS))
        extra.set("id", "body[99]")
        body.append(extra)
        root.find(".//x:trans-unit[@id='body[1]']/x:target/x:g", NS).set("id", "7")
        target = root.find(".//x:trans-unit[@id='body[5]']/x:target", NS)
        target.remove(target.find("x:g", NS))

    _edit(xlf, damage)
    problems = _problems(xlf)
    assert any("unit body[99]: the release has no such segment" in p for p in problems)
    assert any("unit body[1]: the target has a code 7 the source lacks" in p for p in problems)
    assert any("unit body[5]: the code 1 (link) of the source is missing" in p for p in problems)
    assert any(
        p.endswith("unit body[3] is missing (the release has this segment)") for p in problems
    )
    assert all(str(xlf) in p for p in problems)
    done = presskit("xliff", "import", xlf)
    assert done.returncode == 2 and "unit body[99]" in done.stderr
    assert "Traceback" not in done.stderr
    assert not example_copy.with_name("release.fr-FR.md").exists()


def test_not_xliff_and_hostile_xml_are_refused(example_copy: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    bad = tmp_path / "bad.xlf"
    bad.write_text(
        f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY s SYSTEM "file://{secret}">]>'
        f'<xliff version="1.2" xmlns="{XLIFF_NS}"><file original="en/release.md" '
        'source-language="en-US" target-language="de-DE" datatype="x"><body>'
        '<trans-unit id="headline"><source>a</source><target>&s;</target></trans-unit>'
        "</body></file></xliff>"
    )
    problems = _problems(bad)
    assert problems == [f"{bad}:1: has a DOCTYPE; an XLIFF file has none (refused)"]
    bad.write_text("<xliff version='1.2'><file/></xliff>")
    assert "not XLIFF 1.2" in _problems(bad)[0]
    bad.write_text("<xliff")
    assert "not well-formed XML" in _problems(bad)[0]


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "a **b *c* d** e",
        "x `a*b` y <b>z</b> <https://x.org>",
        '[a **b**](http://x "t") and [r][1]',
        "snake_case_word and 2*3*4",
        "unbalanced **bold and [link",
    ],
)
def test_inline_markdown_round_trips(text: str) -> None:
    from presskit.translation.inline import markdown

    assert markdown(parse_inline(text)) == text


def test_xliff_is_an_export_format_and_import_takes_the_language(example_copy: Path) -> None:
    """``export --xliff`` (the registry entry the editor's Export menu shows too) leaves the
    target language to the CAT tool; ``xliff import --to`` names it when the tool did not."""
    done = presskit("export", example_copy, "--xliff")
    assert done.returncode == 0, done.stderr
    xlf = example_copy.with_suffix(".xlf")
    file = etree.parse(str(xlf)).getroot().find("x:file", NS)
    assert file.get("target-language") is None and file.get("original") == "release.md"
    _fill_like_a_cat_tool(xlf)
    refused = presskit("xliff", "import", xlf)
    assert refused.returncode == 2 and "no target-language; name it with --to" in refused.stderr
    done = presskit("xliff", "import", xlf, "--to", "nl-NL")
    assert done.returncode == 0, done.stderr
    dutch = load_release(example_copy.with_name("release.nl-NL.md")).release
    assert dutch.language == "nl-NL" and dutch.headline == GERMAN["headline"]


_PIECES = [*"ab *_`[]()<>#\\\"'!:/.-\n", "ü", "„", "**", "](", "http://x", "\x01"]
_MARKDOWNISH = (
    st.lists(st.sampled_from(_PIECES), max_size=40)
    .map("".join)
    .map(lambda t: t.replace("\n\n", "\n"))
)


@settings(max_examples=300, deadline=None)
@given(_MARKDOWNISH)
def test_any_segment_text_survives_the_round_trip(text: str) -> None:
    """Whatever Markdown a segment holds, the XLIFF gives it back exactly: through the
    source's codes, and through a target that copies them as a CAT tool does."""
    from presskit.translation.inline import (
        XLF,
        codes_by_id,
        markdown,
        read_source_codes,
        target_markdown,
        write_inline,
    )

    nodes = parse_inline(text)
    assert markdown(nodes) == text
    text = text.replace("\x01", "\ufffd")  # XML cannot hold it: U+FFFD in its place
    source = etree.Element(XLF + "source")
    write_inline(source, nodes, source=True)
    source = etree.fromstring(etree.tostring(source))  # through the file's bytes
    again = read_source_codes(source)
    assert markdown(again) == text
    target = etree.Element(XLF + "target")
    write_inline(target, nodes, source=False)
    assert target_markdown(target, codes_by_id(again)) == text
