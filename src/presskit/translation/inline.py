"""Inline Markdown in a segment <-> XLIFF 1.2 inline codes, so CAT tools protect it.

A translator sees ``**bold**`` as a paired code ``<g ctype="bold">`` around the words, a link
as ``<g ctype="link">`` around its text (the URL is not theirs to change), and code spans,
autolinks and raw HTML as placeholders ``<ph>``. The Markdown itself travels in Presskit's
own attributes on the *source* codes (``pk:before``, ``pk:after``; a ``<ph>``'s content), and
the target is read back by code id against the source: a CAT tool may move codes and change
the words inside them, but not invent, repeat or lose one (:class:`InlineError`).

    nodes = parse_inline("Read **the report** [here](https://x)")   # text and Code nodes
    markdown(nodes) == "Read **the report** [here](https://x)"      # always: else plain text
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
PK_NS = "urn:presskit:xliff:1"
XLF = f"{{{XLIFF_NS}}}"
PK = f"{{{PK_NS}}}"

_TOKEN = re.compile(
    r"(?P<code>(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))"
    r"|(?P<link>\[(?P<ltext>(?:[^\[\]\\]|\\.)+)\](?P<ltail>\((?:[^()\s\\]|\\.)*"
    r"(?:\s+\"[^\"]*\")?\)|\[[^\[\]]*\]))"
    r"|(?P<bold>(?P<bd>\*\*|__)(?=\S)(?P<btext>.+?)(?<=\S)(?P=bd))"
    r"|(?P<italic>(?P<id>\*|_)(?=[^\s*_])(?P<itext>.+?)(?<=[^\s\\])(?P=id)(?![*_]))"
    r"|(?P<auto><(?:https?|mailto):[^<>\s]+>)"
    r"|(?P<html></?[A-Za-z][^<>]*>)",
    re.DOTALL,
)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters XML 1.0 cannot hold: a release may (pasted control characters); XLIFF may not."""


def xml_text(text: str) -> str:
    """``text`` with the characters XML cannot hold as U+FFFD (they print as nothing anyway)."""
    return _NOT_XML.sub("\ufffd", text)


class InlineError(ValueError):
    """A target's inline codes do not match its source's (message names the code)."""


@dataclass
class Code:
    """One inline code: ``g`` (paired, words inside) or ``ph`` (a placeholder)."""

    kind: str  # "g" or "ph"
    id: str
    ctype: str
    before: str = ""  # for g: the Markdown before and after the words; for ph: all of it
    after: str = ""
    children: list[str | Code] = field(default_factory=list)


Nodes = list[str | Code]


def parse_inline(text: str) -> Nodes:
    """``text`` as text and codes; when the codes would not give ``text`` back exactly,
    the whole text as one piece (the translator then sees the Markdown itself)."""
    counter = [0]
    nodes = _parse(text, counter)
    return nodes if markdown(nodes) == text else [text]


def _parse(text: str, counter: list[int]) -> Nodes:
    nodes: Nodes = []
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            nodes.append(text[pos : match.start()])
        pos = match.end()
        if _intraword_underscore(text, match):
            nodes.append(match.group())  # snake_case_word: no emphasis in Markdown
            continue
        counter[0] += 1
        ident = str(counter[0])
        if match.group("code") or match.group("auto") or match.group("html"):
            ctype = "x-code" if match.group("code") else "x-html"
            if match.group("auto"):
                ctype = "link"
            nodes.append(Code("ph", ident, ctype, match.group()))
        elif match.group("link"):
            inner = _parse(match.group("ltext"), counter)
            nodes.append(Code("g", ident, "link", "[", "]" + match.group("ltail"), inner))
        elif match.group("bold"):
            delim = match.group("bd")
            inner = _parse(match.group("btext"), counter)
            nodes.append(Code("g", ident, "bold", delim, delim, inner))
        else:
            delim = match.group("id")
            inner = _parse(match.group("itext"), counter)
            nodes.append(Code("g", ident, "italic", delim, delim, inner))
    if pos < len(text):
        nodes.append(text[pos:])
    return nodes


def _intraword_underscore(text: str, match: re.Match[str]) -> bool:
    if not match.group().startswith("_"):
        return False
    before = text[match.start() - 1 : match.start()]
    after = text[match.end() : match.end() + 1]
    return bool(re.match(r"\w", before) or re.match(r"\w", after))


def markdown(nodes: Nodes) -> str:
    """The Markdown of ``nodes``."""
    out = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif node.kind == "ph":
            out.append(node.before)
        else:
            out.append(node.before + markdown(node.children) + node.after)
    return "".join(out)


def codes_by_id(nodes: Nodes) -> dict[str, Code]:
    """Every code of ``nodes``, nested ones too, by id."""
    found: dict[str, Code] = {}
    for node in nodes:
        if isinstance(node, Code):
            found[node.id] = node
            found.update(codes_by_id(node.children))
    return found


def write_inline(element: etree._Element, nodes: Nodes, *, source: bool) -> None:
    """Append ``nodes`` to an XLIFF ``<source>``/``<target>`` element (Markdown attributes
    on the source's codes only)."""
    last: etree._Element | None = None
    for node in nodes:
        if isinstance(node, str):
            if last is None:
                element.text = (element.text or "") + xml_text(node)
            else:
                last.tail = (last.tail or "") + xml_text(node)
            continue
        child = etree.SubElement(element, XLF + node.kind, id=node.id, ctype=node.ctype)
        if node.kind == "ph":
            child.text = xml_text(node.before)
        else:
            if source:
                child.set(PK + "before", xml_text(node.before))
                child.set(PK + "after", xml_text(node.after))
            write_inline(child, node.children, source=source)
        last = child


def read_source_codes(element: etree._Element) -> Nodes:
    """The nodes of a ``<source>`` that Presskit wrote (its codes carry the Markdown)."""
    nodes: Nodes = []
    if element.text:
        nodes.append(element.text)
    for child in element:
        tag = etree.QName(child).localname
        ident = child.get("id", "")
        if tag == "ph":
            nodes.append(Code("ph", ident, child.get("ctype", ""), child.text or ""))
        elif tag == "g":
            before, after = child.get(PK + "before"), child.get(PK + "after")
            if before is None or after is None:
                raise InlineError(f"the source's code {ident} has lost its Markdown")
            nodes.append(
                Code("g", ident, child.get("ctype", ""), before, after, read_source_codes(child))
            )
        elif tag == "mrk":
            nodes.extend(read_source_codes(child))
        else:
            raise InlineError(f"the source has a <{tag}> code Presskit did not write")
        if child.tail:
            nodes.append(child.tail)
    return nodes


def target_markdown(element: etree._Element, source: dict[str, Code]) -> str:
    """The Markdown of a ``<target>``: its words, with each code's Markdown taken from the
    source code of the same id. Raises InlineError for an unknown, repeated or missing code."""
    used: list[str] = []
    text = _target_text(element, source, used)
    repeated = sorted({ident for ident in used if used.count(ident) > 1}, key=_id_order)
    if repeated:
        raise InlineError(f"the code {', '.join(repeated)} appears more than once")
    missing = [ident for ident in source if ident not in used]
    if missing:
        names = ", ".join(f"{ident} ({source[ident].ctype})" for ident in missing)
        raise InlineError(f"the code {names} of the source is missing from the target")
    return text


def _target_text(element: etree._Element, source: dict[str, Code], used: list[str]) -> str:
    out = [element.text or ""]
    for child in element:
        tag = etree.QName(child).localname
        if tag == "mrk":  # segmentation marks (Trados, memoQ): their words count
            out.append(_target_text(child, source, used))
        elif tag in ("g", "ph", "x"):
            ident = child.get("id", "")
            code = source.get(ident)
            if code is None:
                raise InlineError(f"the target has a code {ident or '(no id)'} the source lacks")
            if (code.kind == "g") != (tag == "g"):
                raise InlineError(
                    f"the code {ident} is <{tag}> in the target, <{code.kind}> in the source"
                )
            used.append(ident)
            if code.kind == "ph":
                out.append(code.before)
            else:
                out.append(code.before + _target_text(child, source, used) + code.after)
        else:
            raise InlineError(f"the target has a <{tag}> code Presskit does not read")
        out.append(child.tail or "")
    return "".join(out)


def _id_order(ident: str) -> tuple[int, str]:
    return (int(ident), "") if ident.isdigit() else (0, ident)
