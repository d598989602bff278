"""Worker threads that end before the window that owns them.

Qt deletes a QObject's children with it. A QThread deleted while it runs aborts the whole
process ("QThread: Destroyed while thread is still running"), and a window can be deleted
without a closeEvent (a dialog garbage-collected after exec(), a window a test drops). So a
worker thread ties its end to its parent's: :func:`end_with_parent`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QThread


def end_with_parent(thread: QThread, stop: Callable[[], None] | None = None) -> None:
    """When ``thread``'s parent is destroyed, call ``stop`` (ask the work to end), then wait
    for the thread, before Qt deletes it. Without ``stop`` the work in hand runs to its end."""
    parent = thread.parent()
    if parent is None:
        return

    def end(_destroyed: object = None) -> None:
        if not shiboken6.isValid(thread):  # deleted already (deleteLater after its work)
            return
        if stop is not None:
            stop()
        thread.wait()

    def forget(_destroyed: object = None) -> None:  # the thread went first: drop the hook
        if shiboken6.isValid(parent):
            with contextlib.suppress(RuntimeError, TypeError):
                parent.destroyed.disconnect(end)

    parent.destroyed.connect(end)
    thread.destroyed.connect(forget)
