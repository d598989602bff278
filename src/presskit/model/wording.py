"""How counts are written in messages: "1 contact", "3 contacts"."""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """``number`` and ``noun``, the noun plural (an added "s") unless the number is 1."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
