"""How counts are written in messages: "1 contact", "3 contacts"."""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """``number`` and ``noun``, the noun plural (an added "s") unless the number is 1."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def file_size(count: int) -> str:
    """A file's size as people read it: "46 kB", "2.4 MB" (decimal units; never "0 kB")."""
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f} MB"
    return f"{max(1, round(count / 1000))} kB"
