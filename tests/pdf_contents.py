"""What a PDF really holds, read with pikepdf: every stream decompressed, every attachment,
every link target.

``b"root:x:0" not in pdf`` cannot fail: WeasyPrint compresses page content, images, fonts
and embedded files, so a secret that got into any of them never shows in the raw bytes.
These helpers look where a reader's software looks.
"""

from __future__ import annotations

import io

import pikepdf


def _open(pdf: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(pdf))


def pdf_attachments(pdf: bytes) -> dict[str, bytes]:
    """Every embedded file (the document's attachments), by name, decompressed."""
    with _open(pdf) as doc:
        return {name: spec.get_file().read_bytes() for name, spec in doc.attachments.items()}


def pdf_streams(pdf: bytes) -> list[bytes]:
    """Every stream of the file decompressed: page content, images, fonts, embedded files."""
    streams = []
    with _open(pdf) as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    streams.append(obj.read_bytes())
                except pikepdf.PdfError:  # a filter pikepdf cannot undo (DCT is kept raw)
                    streams.append(obj.read_raw_bytes())
    return streams


def pdf_page_content(pdf: bytes) -> list[str]:
    """Each page's content stream, decompressed, as text (operators such as ``1 0 0 rg``)."""
    with _open(pdf) as doc:
        return [
            b"\n".join(c.read_bytes() for c in _contents(page.obj.get("/Contents"))).decode(
                "latin-1"
            )
            for page in doc.pages
        ]


def _contents(contents: object) -> list[pikepdf.Stream]:
    if isinstance(contents, pikepdf.Array):
        return list(contents)
    return [contents] if isinstance(contents, pikepdf.Stream) else []


def pdf_holds(pdf: bytes, needle: bytes) -> bool:
    """Whether ``needle`` is anywhere in the PDF: its bytes, or any stream decompressed."""
    return needle in pdf or any(needle in stream for stream in pdf_streams(pdf))


def pdf_link_targets(pdf: bytes) -> list[str]:
    """The target of every link-like annotation: URI actions, and the files of Launch,
    GoToR and embedded GoTo actions (a ``file:`` target of any kind counts)."""
    targets = []
    with _open(pdf) as doc:
        for page in doc.pages:
            for annot in page.obj.get("/Annots") or []:
                action = annot.get("/A")
                if action is None:
                    continue
                if "/URI" in action:
                    targets.append(str(action.URI))
                if "/F" in action:
                    spec = action.F
                    name = (
                        spec.get("/F", spec.get("/UF", ""))
                        if isinstance(spec, pikepdf.Dictionary)
                        else spec
                    )
                    targets.append(f"file:{name}")
    return targets
