"""Counts in messages."""

from presskit.model.wording import counted


def test_counts_take_the_plural_except_for_one() -> None:
    assert [counted(n, "page") for n in (0, 1, 2)] == ["0 pages", "1 page", "2 pages"]
