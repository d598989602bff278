"""Emails (.eml) -> blocks: the release in the message, without the email around it.

The stdlib ``email`` package reads the message leniently (a malformed header is a defect,
not a failure). The HTML part is read for its structure when there is one, else the text
part; quotequail strips a forward or reply wrapper ("---------- Forwarded message ---------"
and its From/Date/Subject lines) so the forwarded release is what is imported. A message
that only says "attached" and carries one Word file, web page or PDF imports that file.
The Subject becomes the title the scorer compares headlines with; Content-Language the
language.
"""

from __future__ import annotations

import email
import email.policy
from email.message import Message
from pathlib import Path
from typing import Any

from presskit.importers.guards import decode_text
from presskit.importers.model import ImportFailed, ImportResult, SourceDocument

_ATTACHED = (".docx", ".pdf", ".html", ".htm")
_SHORT_NOTE = 400  # a body this short that comes with a release attached is a cover note


def read_email(data: bytes, name: str, progress: Any = None) -> SourceDocument | ImportResult:
    """The release in an email. Raises ImportFailed for what is not an email at all."""
    message = _parse(data, name)
    html, text = _bodies(message)
    attachment = _release_attachment(message)
    body_text = text or _html_text(html)
    if attachment is not None and len(body_text.strip()) < _SHORT_NOTE:
        from presskit.importers.formats import reader_for  # noqa: PLC0415

        filename, payload = attachment
        outcome = reader_for(Path(filename))(payload, f"{name}: {filename}", progress)
        if isinstance(outcome, SourceDocument):
            outcome.warnings.append(f"the email's attachment {filename} was imported")
        return outcome
    document = _document(html, text, name)
    document.format = "eml"
    document.title = document.title or _header(message, "subject")
    document.language = _header(message, "content-language")
    return document


def _parse(data: bytes, name: str) -> Message:
    if not data.strip():
        raise ImportFailed(f"{name}: the email is empty")
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        message.get_body  # noqa: B018 - an EmailMessage, as policy.default makes
    except Exception:
        message = email.message_from_bytes(data)
    if not message.keys() and not message.get_payload():
        raise ImportFailed(f"{name}: not an email (no headers, no body)")
    if not message.keys():
        raise ImportFailed(f"{name}: not an email (it has no headers)")
    return message


def _header(message: Message, key: str) -> str:
    try:
        return " ".join(str(message.get(key, "") or "").split())
    except Exception:
        return ""


def _bodies(message: Message) -> tuple[str, str]:
    """The HTML and the plain text of the message's body (either may be "")."""
    html = text = ""
    parts = message.walk() if message.is_multipart() else [message]
    for part in parts:
        if part.is_multipart() or _is_attachment(part):
            continue
        kind = part.get_content_type()
        if kind == "text/html" and not html:
            html = _content(part)
        elif kind == "text/plain" and not text:
            text = _content(part)
    return html, text


def _content(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        payload = str(part.get_payload() or "").encode("utf-8", "replace")
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:
        return decode_text(payload, "email part")


def _is_attachment(part: Message) -> bool:
    disposition = str(part.get("Content-Disposition", "")).lower()
    return disposition.startswith("attachment") or bool(part.get_filename())


def _release_attachment(message: Message) -> tuple[str, bytes] | None:
    found = []
    for part in message.walk():
        filename = part.get_filename() or ""
        if filename.lower().endswith(_ATTACHED):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload:
                found.append((Path(filename).name, payload))
    return found[0] if len(found) == 1 else None


def _html_text(html: str) -> str:
    import lxml.html  # noqa: PLC0415

    if not html.strip():
        return ""
    try:
        return lxml.html.fromstring(html).text_content()
    except Exception:
        return html


def _document(html: str, text: str, name: str) -> SourceDocument:
    import quotequail  # noqa: PLC0415

    from presskit.importers.html_reader import read_html  # noqa: PLC0415
    from presskit.importers.text_reader import read_text  # noqa: PLC0415

    if html.strip():
        unwrapped = _unwrap(quotequail.unwrap_html, html)
        inner = (unwrapped or {}).get("html") or html
        document = read_html(inner.encode("utf-8"), name, main_content=False)
    elif text.strip():
        unwrapped = _unwrap(quotequail.unwrap, text)
        inner = (unwrapped or {}).get("text") or text
        document = read_text(inner, name)
    else:
        raise ImportFailed(f"{name}: the email has no text")
    if unwrapped:
        document.warnings.append("the forwarded or quoted message inside the email was imported")
        document.title = str(unwrapped.get("subject") or "")
        top = " ".join(str(unwrapped.get("text_top") or unwrapped.get("html_top") or "").split())
        if top:
            document.warnings.append(f"the note above it was left out: '{top[:120]}'")
    return document


def _unwrap(function: Any, content: str) -> dict[str, Any] | None:
    try:
        result = function(content)
    except Exception:
        return None
    return (
        result if isinstance(result, dict) and (result.get("html") or result.get("text")) else None
    )
