"""Whether a process of this computer still runs: one home for the recovery files' and the
shared-folder locks' "is the Presskit that wrote this gone?" question."""

from __future__ import annotations

import os


def process_running(pid: int) -> bool:
    """Whether process ``pid`` runs on this computer (someone else's process counts)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)  # signal 0: no signal, only the check that the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    except OSError:
        return False
    return True
