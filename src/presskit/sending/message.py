"""The message one recipient gets: the release's email rendering, personalised.

The text and the inlined-style HTML are :mod:`presskit.render.email`'s (what Copy for Email and
the .eml export give), rendered once per send; each recipient's message adds a greeting by
first name in the release's language, an opt-out line and a ``List-Unsubscribe`` header. The
message names exactly one recipient, in To: no Cc, no Bcc, no other address of the list.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from dataclasses import dataclass
from email import base64mime, message_from_bytes, quoprimime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, getaddresses, parseaddr
from functools import cached_property
from pathlib import Path

from presskit.model.release import Release
from presskit.model.validation import is_email
from presskit.render.conventions import release_line
from presskit.render.email import email_html
from presskit.render.text import render_text
from presskit.sending.recipients import Recipient

GREETINGS: dict[str, tuple[str, str]] = {
    # language: (with a first name, without one)
    "en": ("Dear {name},", "Hello,"),
    "de": ("Hallo {name},", "Guten Tag,"),
    "fr": ("Bonjour {name},", "Bonjour,"),
    "es": ("Hola {name}:", "Hola:"),
    "it": ("Buongiorno {name},", "Buongiorno,"),
    "nl": ("Beste {name},", "Goedendag,"),
    "pt": ("Olá {name},", "Olá,"),
}
OPT_OUT: dict[str, str] = {
    "en": "You receive our press releases as a journalist. To receive no more, reply "
    "“unsubscribe” or write to {address}.",
    "de": "Sie erhalten unsere Pressemitteilungen als Journalistin oder Journalist. Wenn Sie "
    "keine mehr erhalten möchten, antworten Sie „abmelden“ oder schreiben Sie an {address}.",
    "fr": "Vous recevez nos communiqués en tant que journaliste. Pour ne plus les recevoir, "
    "répondez « désinscription » ou écrivez à {address}.",
    "es": "Recibe nuestros comunicados como periodista. Para no recibir más, responda "
    "«baja» o escriba a {address}.",
}


class SenderError(ValueError):
    """The From address cannot be used."""


def _base(language: str) -> str:
    return language.replace("_", "-").split("-")[0].casefold()


def greeting(language: str, first_name: str) -> str:
    """ "Dear Anna," in the release's language (English when Presskit does not know it)."""
    named, anonymous = GREETINGS.get(_base(language), GREETINGS["en"])
    return named.format(name=first_name) if first_name.strip() else anonymous


def opt_out_line(language: str, address: str) -> str:
    return OPT_OUT.get(_base(language), OPT_OUT["en"]).format(address=address)


def parse_sender(text: str) -> Address:
    """``Name <addr>`` or ``addr`` as an Address; SenderError when it is not one address."""
    found = getaddresses([text])
    name, address = parseaddr(text)
    if len(found) != 1 or not is_email(address) or any(c in text for c in "\r\n"):
        raise SenderError(f"'{text}' is not one email address like 'Name <press@example.org>'")
    local, _, domain = address.rpartition("@")
    return Address(display_name=name, username=local, domain=domain)


@dataclass(frozen=True)
class ReleaseMail:
    """The parts every recipient's message shares, rendered once."""

    subject: str
    text: str
    html: str
    language: str
    sender: Address
    unsubscribe_url: str = ""
    pdf: bytes | None = None
    pdf_name: str = "press-release.pdf"

    @cached_property
    def encoded(self) -> Encoded:
        """The shared parts, transfer-encoded (once per ReleaseMail)."""
        return encode_parts(self)

    @cached_property
    def fingerprint(self) -> str:
        """What the send log knows this release's content by: the same text, the same send."""
        digest = hashlib.sha256()
        for part in (self.subject, self.text, self.html):
            digest.update(part.encode("utf-8") + b"\0")
        return digest.hexdigest()


def subject_of(release: Release) -> str:
    """The headline, with the embargo line in front when the release is embargoed."""
    headline = " ".join(release.headline.split()) or "Press release"
    return f"{release_line(release)}: {headline}" if release.is_embargoed else headline


def prepare(
    release: Release,
    release_dir: Path | None,
    sender: Address,
    *,
    pdf: bytes | None = None,
    unsubscribe_url: str = "",
) -> ReleaseMail:
    """Render the release for email once (the renderer Copy for Email uses)."""
    rendered = email_html(release, release_dir)
    return ReleaseMail(
        subject=subject_of(release),
        text=render_text(release),
        html=rendered.html,
        language=release.language,
        sender=sender,
        unsubscribe_url=unsubscribe_url,
        pdf=pdf,
        pdf_name=f"{_slug(release.headline) or 'press-release'}.pdf",
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold())[:60].strip("-")


def build_message(mail: ReleaseMail, recipient: Recipient, now: dt.datetime) -> EmailMessage:
    """The message as ``recipient`` gets it (parsed from :func:`message_bytes`)."""
    return message_from_bytes(message_bytes(mail, recipient, now), policy=SMTP)  # type: ignore[return-value]


def message_bytes(
    mail: ReleaseMail,
    recipient: Recipient,
    now: dt.datetime,
    extra_headers: tuple[tuple[str, str], ...] = (),
) -> bytes:
    """The message as ``recipient`` gets it, as SMTP sends it (CRLF): one address in To, and
    nowhere else. The body is assembled from the parts encoded once per send
    (:attr:`ReleaseMail.encoded`); only the headers and the greeting are made per recipient.
    """
    head = EmailMessage(policy=SMTP)
    head["From"] = mail.sender
    local, _, domain = recipient.email.rpartition("@")
    head["To"] = Address(display_name=recipient.name, username=local, domain=domain)
    head["Subject"] = mail.subject
    head["Date"] = format_datetime(now)
    # The same release to the same person has the same Message-ID: a mail system that sees
    # a message twice (a resend after a crash) can tell it is one.
    key = hashlib.sha256(f"{mail.fingerprint}\0{recipient.key}".encode()).hexdigest()[:32]
    head["Message-ID"] = f"<{key}@{mail.sender.domain or 'presskit.invalid'}>"
    head["Content-Language"] = mail.language
    unsubscribe = [f"<mailto:{mail.sender.addr_spec}?subject=unsubscribe>"]
    if mail.unsubscribe_url:
        unsubscribe.insert(0, f"<{mail.unsubscribe_url}>")
        head["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    head["List-Unsubscribe"] = ", ".join(unsubscribe)
    for name, value in extra_headers:
        head[name] = value
    head["MIME-Version"] = "1.0"
    encoded, hello = mail.encoded, greeting(mail.language, recipient.first_name)
    top = f'<p style="margin:0 0 1em 0">{html.escape(hello)}</p>\n'
    alt, greeting_qp = encoded.alternative, _qp(hello + "\n\n")
    body = (
        f"--{alt}\n{_TEXT_HEADERS.format('plain')}\n{greeting_qp}{encoded.text_tail}"
        f"--{alt}\n{_TEXT_HEADERS.format('html')}\n{encoded.html_head}{_qp(top)}"
        f"{encoded.html_tail}--{alt}--\n"
    )
    if mail.pdf is None:
        head["Content-Type"] = f'multipart/alternative; boundary="{alt}"'
    else:
        mixed = encoded.mixed
        head["Content-Type"] = f'multipart/mixed; boundary="{mixed}"'
        body = (
            f'--{mixed}\nContent-Type: multipart/alternative;\n boundary="{alt}"\n\n{body}'
            f"--{mixed}\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n"
            f'Content-Disposition: attachment; filename="{mail.pdf_name}"\n\n'
            f"{encoded.pdf_base64}--{mixed}--\n"
        )
    headers = b"".join(SMTP.fold_binary(name, value) for name, value in head.items())
    return headers + b"\r\n" + body.replace("\n", "\r\n").encode("ascii")


_TEXT_HEADERS = (
    'Content-Type: text/{}; charset="utf-8"\nContent-Transfer-Encoding: quoted-printable\n'
)


@dataclass(frozen=True)
class Encoded:
    """The parts of the message every recipient shares, transfer-encoded once (ASCII)."""

    text_tail: str  # after the greeting: the release and the opt-out line
    html_head: str  # up to and including <body ...>
    html_tail: str  # after the greeting paragraph: the release and the opt-out line
    pdf_base64: str
    alternative: str  # the boundaries: from the content, in none of the parts
    mixed: str


def encode_parts(mail: ReleaseMail) -> Encoded:
    """Encode the shared parts (quoted-printable pieces that each end a line join exactly)."""
    bye = opt_out_line(mail.language, mail.sender.addr_spec)
    text_tail = _qp(f"{mail.text.rstrip()}\n\n-- \n{bye}\n")
    bottom = f'<p style="margin:2em 0 0 0;font-size:12px;color:#666666">{html.escape(bye)}</p>'
    page = mail.html
    found = re.search(r"<body\b[^>]*>", page)
    head, rest = (page[: found.end()], page[found.end() :]) if found else ("", page)
    if "</body>" in rest:
        before, after = rest.rsplit("</body>", 1)
        rest = f"{before}{bottom}</body>{after}"
    else:
        rest += bottom
    pdf = base64mime.body_encode(mail.pdf, 76) if mail.pdf is not None else ""
    html_head, html_tail = _qp(head + "\n"), _qp(rest.lstrip("\n") + "\n")
    everything = text_tail + html_head + html_tail + pdf
    alternative = _boundary(f"alt-{mail.fingerprint[:24]}", everything)
    return Encoded(text_tail, html_head, html_tail, pdf, alternative, _boundary(
        f"mix-{mail.fingerprint[24:48]}", everything))  # fmt: skip


def _boundary(candidate: str, text: str) -> str:
    while candidate in text:  # a release quoting a boundary: practically never
        candidate += "x"
    return f"presskit-{candidate}"


def _qp(text: str) -> str:
    """Quoted-printable UTF-8 lines, as the email package writes them; ends with a newline."""
    lines = text.encode("utf-8").splitlines()
    return quoprimime.body_encode((b"\n".join(lines) + b"\n").decode("latin-1"), 78)


def prepare_file(
    path: Path, sender: Address, *, attach_pdf: bool = False, unsubscribe_url: str = ""
) -> ReleaseMail:
    """Load the release at ``path`` and render it for email (and as PDF when attached).

    Raises ReleaseFileError for a file that cannot be read."""
    from presskit.outputs.session import RenderSession  # noqa: PLC0415 - loads WeasyPrint
    from presskit.storage import load_release  # noqa: PLC0415

    release = load_release(path).release
    pdf = RenderSession(release, path.parent).pdf().pdf if attach_pdf else None
    return prepare(release, path.parent, sender, pdf=pdf, unsubscribe_url=unsubscribe_url)
