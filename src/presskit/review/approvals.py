"""Record a sign-off in a release file: who approved, when, and what they approved.

The approval goes into the file's ``approvals`` list (docs/file-format.md), with a fingerprint
of the content (:mod:`presskit.model.approvals`); nothing else in the file moves. The
previous text is kept in the version history.

    approval = approve_file(Path("release.md"), "Jana Novak", "Director")
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from presskit.model.approvals import new_approval
from presskit.model.release import Approval
from presskit.review.history import record_before_overwrite, record_saved
from presskit.storage.atomic import write_atomic
from presskit.storage.release_file import loads_release
from presskit.storage.release_patch import patch_release_text
from presskit.storage.text_file import decode_release_bytes


def approve_file(path: Path, by: str, role: str = "", when: dt.datetime | None = None) -> Approval:
    """Add an approval of ``path``'s content as it is now. Raises ReleaseFileError for a
    file that cannot be read, ValueError for an empty name, OSError when it cannot be
    written."""
    original = decode_release_bytes(path.read_bytes(), str(path))
    release = loads_release(original, str(path)).release
    approval = new_approval(release, by, role, when)
    release.approvals.append(approval)
    text = patch_release_text(original, release)
    record_before_overwrite(path, original)
    write_atomic(path, text.encode("utf-8"))
    record_saved(path, text, previous=original)
    return approval
