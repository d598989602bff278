"""Workarounds for bugs in the Qt bindings, applied once when the editor starts.

PySide6 6.12.0 drops one reference to ``None`` (and, on some calls, to ``True``) every time
certain bindings are called: void methods such as ``QTimer.start``, overrides of void
virtuals such as ``keyPressEvent``, ``QApplication.processEvents``. On Python 3.12 and newer
these objects are immortal and nothing happens. On Python 3.11 their reference counts fall
with every keystroke until they reach zero and the interpreter aborts ("deallocating None").
Measured here: about two references to ``True`` per keystroke in the body editor, so an
editing session of a few thousand keystrokes would crash. PySide6 6.11.3 does not have the
bug, but its QtPdf comes only in the 400 MB add-ons wheel.

The workaround does what Python 3.12 does: it gives the three singletons a reference count
so large that no session can exhaust it. They are never freed in any case (freeing them is
the fatal error).
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # a trillion references: far beyond any session's leak
_applied = False


def protect_singletons() -> None:
    """Make None, True and False practically immortal on Python < 3.12 (CPython only)."""
    global _applied  # noqa: PLW0603 - applied once per process
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object (a Py_ssize_t).
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    _applied = True
