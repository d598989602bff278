"""Counts in messages."""

from presskit.model.wording import counted


def test_counts_take_the_plural_except_for_one() -> None:
    assert [counted(n, "page") for n in (0, 1, 2)] == ["0 pages", "1 page", "2 pages"]


def test_file_sizes_read_as_people_read_them() -> None:
    from presskit.model.wording import file_size

    assert file_size(400) == "1 kB"  # a small logo is not "0 kB"
    assert file_size(46_200) == "46 kB"
    assert file_size(999_400) == "999 kB"
    assert file_size(2_400_000) == "2.4 MB"
