"""Edit a .docx as a reviewer in Word does, writing the markup Word itself writes.

Tracked insertions are ``w:ins`` around runs, deletions ``w:del`` around runs whose text is in
``w:delText``, with ``w:id``, ``w:author`` and ``w:date`` (as in the documents Word 365 saves);
a comment is a ``w:comment`` in word/comments.xml (a part with its own relationship and content
type), anchored by ``w:commentRangeStart``/``w:commentRangeEnd`` and a run holding the
``w:commentReference``. Untracked edits simply change the runs' text.

    doc = WordEdit(docx_bytes)
    doc.retype("Presskit Headline", "A new headline")           # Track Changes off
    doc.insert("announcement", " (finally)", author="Legal")      # tracked, after the text
    doc.delete(" anywhere in the world", author="Legal")          # tracked
    doc.comment("Korean Peninsula", "Is this still true?", author="Legal")
    reviewed = doc.save()
"""

from __future__ import annotations

import copy
import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
DATE = "2026-03-02T10:15:00Z"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def _xml(element: etree._Element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def reviewed_by_jana_and_legal(sent: bytes, headline: str) -> bytes:
    """The seed's Word document as its reviewers send it back: Jana Novak typed over the
    headline with Track Changes off; Legal, with it on, inserted words after "is a positive
    step", deleted " de facto", and commented "Source?" on "further use of antipersonnel
    mines"."""
    doc = WordEdit(sent)
    doc.set_last_modified_by("Jana Novak")
    doc.retype("Presskit Headline", headline)
    doc.insert("is a positive step", " and a welcome one", author="Legal")
    doc.delete(" de facto", author="Legal", date="2026-03-02T11:30:00Z")
    doc.comment("further use of antipersonnel mines", "Source?", author="Legal")
    return doc.save()


class WordEdit:
    """A .docx opened for editing its document.xml (and comments.xml)."""

    def __init__(self, data: bytes):
        self._files = {}
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                self._files[name] = archive.read(name)
        self.root = etree.fromstring(self._files["word/document.xml"])
        self.styles = {
            s.find(w("name")).get(w("val")): s.get(w("styleId"))
            for s in etree.fromstring(self._files["word/styles.xml"]).iter(w("style"))
            if s.find(w("name")) is not None
        }
        self._next_id = 100
        self._comments: list[etree._Element] = []

    # -- finding ------------------------------------------------------------------------------
    def paragraphs(self, style: str | None = None) -> list[etree._Element]:
        found = list(self.root.iter(w("p")))
        if style is None:
            return found
        style_id = self.styles[style]
        return [p for p in found if p.find(f"{w('pPr')}/{w('pStyle')}") is not None
                and p.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) == style_id]  # fmt: skip

    def _run_at(self, text: str) -> tuple[etree._Element, int]:
        """The run whose text holds ``text``, and where in it."""
        for run in self.root.iter(w("r")):
            node = run.find(w("t"))
            if node is not None and node.text and text in node.text:
                return run, node.text.index(text)
        raise AssertionError(f"no run holds {text!r}")

    def _split(self, run: etree._Element, at: int) -> etree._Element:
        """Split ``run`` at character ``at``; returns the second half (a new run after it)."""
        node = run.find(w("t"))
        second = copy.deepcopy(run)
        second.find(w("t")).text = node.text[at:]
        second.find(w("t")).set(XML_SPACE, "preserve")
        node.text = node.text[:at]
        node.set(XML_SPACE, "preserve")
        run.addnext(second)
        return second

    def _revision(self, tag: str, author: str, date: str) -> etree._Element:
        element = etree.Element(w(tag))
        element.set(w("id"), str(self._next_id))
        self._next_id += 1
        element.set(w("author"), author)
        element.set(w("date"), date)
        return element

    # -- editing ------------------------------------------------------------------------------
    def retype(self, style: str, text: str) -> None:
        """Type over a paragraph with Track Changes off: one run with the new text."""
        (paragraph,) = self.paragraphs(style)
        self.retype_paragraph(paragraph, text)

    def retype_paragraph(self, paragraph: etree._Element, text: str) -> None:
        """Type over ``paragraph`` with Track Changes off."""
        runs = [child for child in paragraph if child.tag != w("pPr")]
        keep = copy.deepcopy(paragraph.find(f".//{w('r')}"))
        for child in runs:
            paragraph.remove(child)
        for child in list(keep):
            if child.tag != w("rPr"):
                keep.remove(child)
        node = etree.SubElement(keep, w("t"))
        node.text = text
        node.set(XML_SPACE, "preserve")
        paragraph.append(keep)

    def insert(self, after: str, text: str, author: str, date: str = DATE) -> None:
        """A tracked insertion of ``text`` right after ``after``."""
        run, at = self._run_at(after)
        second = self._split(run, at + len(after))
        inserted = copy.deepcopy(run)
        inserted.find(w("t")).text = text
        revision = self._revision("ins", author, date)
        revision.append(inserted)
        second.addprevious(revision)

    def delete(self, text: str, author: str, date: str = DATE) -> None:
        """A tracked deletion of ``text`` (within one run)."""
        run, at = self._run_at(text)
        middle = self._split(run, at)
        self._split(middle, len(text))
        node = middle.find(w("t"))
        node.tag = w("delText")
        revision = self._revision("del", author, date)
        middle.addprevious(revision)
        revision.append(middle)

    def comment(self, text: str, remark: str, author: str, date: str = DATE) -> None:
        """A comment anchored to ``text`` (within one run)."""
        run, at = self._run_at(text)
        middle = self._split(run, at)
        after = self._split(middle, len(text))
        comment_id = str(len(self._comments))
        start = etree.Element(w("commentRangeStart"))
        start.set(w("id"), comment_id)
        middle.addprevious(start)
        end = etree.Element(w("commentRangeEnd"))
        end.set(w("id"), comment_id)
        after.addprevious(end)
        reference = etree.Element(w("r"))
        etree.SubElement(reference, w("commentReference")).set(w("id"), comment_id)
        after.addprevious(reference)
        element = etree.Element(w("comment"))
        element.set(w("id"), comment_id)
        element.set(w("author"), author)
        element.set(w("date"), date)
        element.set(w("initials"), author[:1])
        paragraph = etree.SubElement(element, w("p"))
        etree.SubElement(etree.SubElement(paragraph, w("r")), w("annotationRef"))
        etree.SubElement(etree.SubElement(paragraph, w("r")), w("t")).text = remark
        self._comments.append(element)

    def set_last_modified_by(self, name: str) -> None:
        core = etree.fromstring(self._files["docProps/core.xml"])
        for child in core:
            if etree.QName(child).localname == "lastModifiedBy":
                child.text = name
        self._files["docProps/core.xml"] = _xml(core)

    def drop_source(self) -> None:
        """What a program that drops custom XML parts does to the release inside."""
        for name in [n for n in self._files if n.startswith("customXml/")]:
            if b"urn:presskit:release" in self._files[name]:
                del self._files[name]

    # -- saving -------------------------------------------------------------------------------
    def save(self) -> bytes:
        files = dict(self._files)
        files["word/document.xml"] = _xml(self.root)
        if self._comments:
            self._add_comments_part(files)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in files.items():
                archive.writestr(name, data)
        return buffer.getvalue()

    def _add_comments_part(self, files: dict[str, bytes]) -> None:
        comments = etree.Element(w("comments"), nsmap={"w": W})
        comments.extend(self._comments)
        files["word/comments.xml"] = _xml(comments)
        rels = etree.fromstring(files["word/_rels/document.xml.rels"])
        relationship = etree.SubElement(rels, f"{{{REL}}}Relationship")
        relationship.set("Id", "rIdComments1")
        relationship.set("Type", COMMENTS_TYPE)
        relationship.set("Target", "comments.xml")
        files["word/_rels/document.xml.rels"] = _xml(rels)
        types = etree.fromstring(files["[Content_Types].xml"])
        override = etree.SubElement(types, f"{{{CT}}}Override")
        override.set("PartName", "/word/comments.xml")
        override.set("ContentType", COMMENTS_CT)
        files["[Content_Types].xml"] = _xml(types)
