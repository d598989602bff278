"""The release for email: HTML with every style inlined, plain text beside it, and .eml drafts.

Journalists want the release in the body of the email. Mail clients drop <style> blocks and
CSS variables, so the HTML is run through css-inline (variables resolved, nothing fetched),
and the plain-text version travels with it as multipart/alternative.
"""

from __future__ import annotations

import hashlib
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import css_inline

from presskit.model.release import Release
from presskit.render.html import RenderedHtml, render_html
from presskit.render.text import render_text

_INLINER = css_inline.CSSInliner(
    keep_style_tags=False,
    keep_link_tags=False,
    load_remote_stylesheets=False,  # never the network
    resolve_css_variables=True,  # mail clients do not know var(--accent)
)


def email_html(release: Release, release_dir: Path | None = None) -> RenderedHtml:
    """Standalone HTML with the styles written into each element, for pasting into a mail."""
    rendered = render_html(release, release_dir, purpose="email")
    return RenderedHtml(_INLINER.inline(rendered.html), rendered.warnings)


def build_eml(release: Release, release_dir: Path | None = None) -> bytes:
    """A draft message (no recipients) that any mail client opens ready to send."""
    message = EmailMessage(policy=SMTP)
    message["Subject"] = " ".join(release.headline.split()) or "Press release"
    message["X-Unsent"] = "1"  # Outlook opens it as a draft to edit and send
    text = render_text(release)
    html = email_html(release, release_dir).html
    message.set_content(text, subtype="plain", charset="utf-8")
    message.add_alternative(html, subtype="html", charset="utf-8")
    # A boundary derived from the content: the same release gives the same bytes (the
    # default is random), and a hash cannot occur in the quoted-printable parts.
    digest = hashlib.sha256((text + html).encode("utf-8")).hexdigest()[:32]
    message.set_boundary(f"presskit-{digest}")
    return message.as_bytes()
