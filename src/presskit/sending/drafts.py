"""One .eml draft per recipient, for any mail client, where password SMTP is not allowed.

Each draft is the message the recipient would get by SMTP (one address in To, nowhere else),
marked as unsent so that Outlook and Thunderbird open it ready to send. A file is named after
its recipient's address and written atomically, so writing the drafts again (after a crash,
say) replaces each file whole: never two drafts for one person, never a half-written one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path

from presskit.sending.message import ReleaseMail, message_bytes
from presskit.sending.recipients import Recipient
from presskit.storage.atomic import write_output


def draft_name(recipient: Recipient) -> str:
    """``anna.schmidt@example.org.eml``; a hash is added when the address needed changes."""
    key = recipient.key
    safe = re.sub(r"[^\w.@+-]", "_", key)
    if safe != key or safe.startswith("."):
        safe = f"{safe.lstrip('.')}-{hashlib.sha256(key.encode()).hexdigest()[:8]}"
    return f"{safe}.eml"


def write_drafts(
    mail: ReleaseMail,
    recipients: list[Recipient],
    folder: str | os.PathLike[str],
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """Write every recipient's draft into ``folder`` (made if needed); returns the files."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC).astimezone()
    written = []
    for index, recipient in enumerate(recipients, 1):
        data = message_bytes(mail, recipient, now, (("X-Unsent", "1"),))
        path = target / draft_name(recipient)
        write_output(path, data)  # a link in the folder is refused, never written through
        written.append(path)
        if progress is not None:
            progress(index, len(recipients))
    return written
