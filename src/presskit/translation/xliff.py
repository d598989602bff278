"""XLIFF 1.2 for translators: a release's segments out to a CAT tool and the translation back.

Why 1.2 and not 2.x: every CAT tool a press office's translators use reads and writes XLIFF
1.2 (memoQ, Trados Studio, OmegaT, Weblate, Phrase, Crowdin, Okapi); 2.x support is still
partial or missing in several of them (OmegaT and Weblate read 1.2 best). One ``<file>`` per
release, one ``<trans-unit>`` per segment (:mod:`presskit.model.segments`) with the segment id
as ``id`` and ``resname``, a ``<note>`` naming the field and its length limit (and
``maxwidth`` where there is one), inline Markdown as inline codes (:mod:`.inline`).

Reading back validates the file against the bundled schema (``resources/xliff``), then
checks that each segment has exactly one unit and each target's codes match its source's.
Every problem is collected and reported together, each naming the unit and the line.

    data = export_xliff(source, Path("release.md"), Path("release.de-DE.xlf"), "de-DE")
    result = import_xliff(data, Path("release.de-DE.xlf"))  # .release, .output, .warnings
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lxml import etree

from presskit import __version__
from presskit.bundled import resource_path
from presskit.checks.headline import HEADLINE_MAX_CHARS, SUBHEADLINE_MAX_CHARS
from presskit.model.release import Release
from presskit.model.segments import Segment, apply_segments, release_segments, segment_fingerprint
from presskit.storage import ReleaseFileError, load_release
from presskit.translation.inline import (
    PK_NS,
    XLF,
    XLIFF_NS,
    InlineError,
    codes_by_id,
    markdown,
    parse_inline,
    read_source_codes,
    target_markdown,
    write_inline,
    xml_text,
)
from presskit.translation.linking import (
    acceptable_source,
    default_output,
    make_translation,
    read_source,
    source_reference,
)

DATATYPE = "x-presskit-markdown"
MAX_XLIFF_BYTES = 50 * 1024 * 1024
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_LIMITS = {"headline": HEADLINE_MAX_CHARS, "subheadline": SUBHEADLINE_MAX_CHARS}
_NOTES = {
    "headline": "the release's headline: one line, no full stop",
    "subheadline": "the line under the headline",
    "boilerplate": "the About text (who the organization is)",
    "body": "the body of the release",
}


class XliffError(Exception):
    """An XLIFF file that cannot be imported; ``problems`` are lines naming unit and line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class ImportResult:
    """The translation read from an XLIFF file, where it goes, and what to tell the user."""

    release: Release
    output: Path
    warnings: list[str] = field(default_factory=list)


def _note(segment: Segment) -> str:
    name = segment.field.split("[", 1)[0]
    what = _NOTES.get(name, "the title of a link in the 'For more information' list")
    where = f"line {segment.line} of the {name}, " if segment.line else ""
    note = f"Field {segment.id}: {where}{what}."
    if segment.id in _LIMITS:
        note += f" At most {_LIMITS[segment.id]} characters."
    return note + " Keep every inline code (bold, italic, links)."


def export_xliff(source: Release, source_path: Path, xlf_path: Path, language: str = "") -> bytes:
    """The XLIFF 1.2 file of ``source``'s segments, to be translated into ``language`` (none
    yet: the CAT tool's project sets it, or ``xliff import --to`` does)."""
    root = etree.Element(XLF + "xliff", version="1.2", nsmap={None: XLIFF_NS, "pk": PK_NS})
    file = etree.SubElement(
        root,
        XLF + "file",
        original=source_reference(source_path, xlf_path),
        datatype=DATATYPE,
        attrib={"source-language": source.language},
    )
    if language:
        file.set("target-language", language)
    header = etree.SubElement(file, XLF + "header")
    etree.SubElement(
        header,
        XLF + "tool",
        attrib={"tool-id": "presskit", "tool-name": "Presskit", "tool-version": __version__},
    )
    body = etree.SubElement(file, XLF + "body")
    for segment in release_segments(source):
        unit = etree.SubElement(body, XLF + "trans-unit", id=segment.id, resname=segment.id)
        if segment.id in _LIMITS:
            unit.set("maxwidth", str(_LIMITS[segment.id]))
            unit.set("size-unit", "char")
        text = etree.SubElement(unit, XLF + "source")
        text.set(_XML_SPACE, "preserve")
        write_inline(text, parse_inline(segment.text), source=True)
        note = etree.SubElement(unit, XLF + "note", attrib={"from": "presskit"})
        note.text = xml_text(_note(segment))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(resource_path("xliff", "presskit-xliff-1.2.xsd"))))


def _parse(data: bytes, name: str) -> etree._Element:
    if len(data) > MAX_XLIFF_BYTES:
        raise XliffError([f"{name}: larger than {MAX_XLIFF_BYTES // 2**20} MB; not an XLIFF file"])
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise XliffError([f"{name}:{exc.lineno}: not well-formed XML: {exc.msg}"]) from None
    if root.getroottree().docinfo.doctype:
        # XLIFF needs no DTD; entities are how XML files read other files (XXE) or explode.
        raise XliffError([f"{name}:1: has a DOCTYPE; an XLIFF file has none (refused)"])
    schema = _schema()
    try:
        valid = schema.validate(root)
    except etree.XMLSchemaValidateError as exc:
        raise XliffError([f"{name}: cannot be checked as XLIFF 1.2: {exc}"]) from None
    if not valid:
        raise XliffError(
            [f"{name}:{error.line}: not XLIFF 1.2: {error.message}" for error in schema.error_log]
        )
    return root


def import_xliff(
    data: bytes,
    xlf_path: Path,
    output: Path | None = None,
    *,
    language: str = "",
    source_path: Path | None = None,
) -> ImportResult:
    """The translation in an XLIFF file Presskit exported, applied to a linked release.

    ``output`` (default: ``release.LANG.md`` beside the source) is updated when it is a
    translation already (its own contacts and settings kept), else made from the source.
    ``language`` overrides the file's ``target-language``; ``source_path`` the source named
    by its ``original`` (relative to the .xlf).
    """
    name = str(xlf_path)
    root = _parse(data, name)
    files = root.findall(XLF + "file")
    if len(files) != 1:
        raise XliffError([f"{name}: holds {len(files)} <file> elements; Presskit writes one"])
    file = files[0]
    language = language or file.get("target-language") or ""
    if not language:
        raise XliffError(
            [f"{name}:{file.sourceline}: <file> has no target-language; name it with --to"]
        )
    if source_path is None:
        original = file.get("original", "")
        if not acceptable_source(original, xlf_path):
            raise XliffError(
                [
                    f"{name}:{file.sourceline}: its source '{original}' is not a release file "
                    "beside it (a .md in its folder or one beside); name it with --source"
                ]
            )
        source_path = xlf_path.parent / original
    source = read_source(source_path)
    if source is None:
        try:
            load_release(source_path)  # for the loader's own words about what is wrong
        except ReleaseFileError as exc:
            raise XliffError([f"{name}: its source {source_path}: {exc}"]) from None
        raise XliffError([f"{name}: its source {source_path} is not a release file"])
    output = output or default_output(source_path, language)
    base = _base(source, source_path, output, language)
    texts, fingerprints, warnings = _read_units(file, base, name)
    apply_segments(base, texts)
    assert base.translation is not None  # made by _base
    base.translation.segments.update(fingerprints)
    base.translation.source = source_reference(source_path, output)
    base.translation.language = file.get("source-language") or source.language
    base.language = language
    return ImportResult(base, output, warnings)


def _base(source: Release, source_path: Path, output: Path, language: str) -> Release:
    """The existing translation at ``output``, or a new one made from ``source``."""
    if output.is_file():
        try:
            existing = load_release(output).release
        except ReleaseFileError as exc:
            raise XliffError(
                [f"{output}: the translation to update cannot be read: {exc}"]
            ) from None
        if existing.translation is None:
            raise XliffError([f"{output}: is not a translation; name another file with -o"])
        return existing
    return make_translation(source, source_path, output, language)


def _read_units(
    file: etree._Element, base: Release, name: str
) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """The target text and source fingerprint of each unit; every problem at once."""
    expected = [segment.id for segment in release_segments(base)]
    problems: list[str] = []
    warnings: list[str] = []
    texts: dict[str, str] = {}
    fingerprints: dict[str, str] = {}
    seen: set[str] = set()
    for unit in file.iter(XLF + "trans-unit"):
        unit_id = unit.get("id", "")
        where = f"{name}:{unit.sourceline}: unit {unit_id}"
        if unit_id in seen:
            problems.append(f"{where}: appears twice")
            continue
        seen.add(unit_id)
        if unit_id not in expected:
            problems.append(f"{where}: the release has no such segment (an extra unit)")
            continue
        try:
            nodes = read_source_codes(unit.find(XLF + "source"))
            target = unit.find(XLF + "target")
            if target is None or not "".join(target.itertext()).strip():
                warnings.append(f"{where}: not translated; the text stays as it was")
                continue
            texts[unit_id] = target_markdown(target, codes_by_id(nodes))
        except InlineError as exc:
            problems.append(f"{where}: {exc}")
            continue
        fingerprints[unit_id] = segment_fingerprint(markdown(nodes))
    problems += [
        f"{name}: unit {segment_id} is missing (the release has this segment)"
        for segment_id in expected
        if segment_id not in seen
    ]
    if problems:
        raise XliffError(problems)
    return texts, fingerprints, warnings
