"""The one rule for every value that is written into a stylesheet.

A value placed inside CSS can end its declaration and start rules of its own: a house colour
of ``red; } body { background-image: url(https://tracker.example/x) } x {`` made the
reader's browser or mail client fetch a tracking address. So every value a stylesheet
receives passes through here first, on every path: the PDF (the editor's render worker and
the command line alike), the web page, the email (the .eml draft and Copy for Email), the
newsroom. The colour a release or a theme names must be a hex colour; anything else is
replaced by a known-good value (and validation reports it), never passed on.

    css_colour("#0B6E69")          -> "#0b6e69"
    css_colour("0b6e69")           -> "#0b6e69"  (people leave the # out)
    css_colour("red; } body {…")   -> the fallback
"""

from __future__ import annotations

import re

DEFAULT_ACCENT = "#1f3a5f"
"""The house colour when neither the release nor its theme names one."""

PAGE_SIZES = ("A4", "letter")
"""The page sizes a stylesheet's ``@page { size: … }`` may receive."""

_HEX = re.compile(r"#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def normal_colour(value: str) -> str | None:
    """``value`` as a CSS hex colour (``#1f3a5f``, lower case), or None if it is not one."""
    match = _HEX.fullmatch(value.strip())
    return f"#{match.group(1).lower()}" if match else None


def colour_problem(value: str) -> str | None:
    """Why ``value`` cannot be used as a colour, or None when it can."""
    if normal_colour(value) is not None:
        return None
    shown = value if len(value) <= 40 else value[:40] + "…"
    return f"'{shown}' is not a colour like #1f3a5f"


def css_colour(value: str, fallback: str = DEFAULT_ACCENT) -> str:
    """``value`` as a hex colour safe to write into CSS; ``fallback`` (checked the same way,
    then the default) when ``value`` is empty or not a colour."""
    return normal_colour(value) or normal_colour(fallback) or DEFAULT_ACCENT


def css_page_size(value: str) -> str:
    """A page size safe to write into ``@page { size: … }``: A4 unless ``value`` is known."""
    return value if value in PAGE_SIZES else "A4"
