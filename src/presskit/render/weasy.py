"""WeasyPrint, imported without its slow library search. Import WeasyPrint names from here.

WeasyPrint opens Pango and friends by trying Windows-style names first ('libpango-1.0-0');
for each miss, cffi runs ``ctypes.util.find_library``, which starts ``ldconfig`` and ``gcc``
subprocesses. That is about 20 subprocesses and a third of a second on every cold start
(measured here: 0.33 s of a 1.5 s export). The names that do work on Linux ('….so.0'),
macOS ('….dylib') and Windows ('….dll') load directly, without the search. So we import
with the search switched off, and fall back to a normal import if that fails on an unusual
system where only the search finds the libraries.
"""

from __future__ import annotations

import ctypes.util
import sys


def _import_without_library_search() -> None:
    original = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        import weasyprint.text.ffi  # noqa: F401, PLC0415
    except OSError:
        for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
            del sys.modules[name]
    finally:
        ctypes.util.find_library = original


if "weasyprint.text.ffi" not in sys.modules:
    _import_without_library_search()

from weasyprint import CSS, HTML, Attachment  # noqa: E402
from weasyprint.text.fonts import FontConfiguration  # noqa: E402
from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: E402

__all__ = ["CSS", "HTML", "Attachment", "FontConfiguration", "URLFetcher", "URLFetcherResponse"]
