"""The spelling dictionary kept in the library (schema version 2)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from presskit.library.database import Library
from presskit.library.schema import MIGRATIONS, user_version


def test_added_words_are_kept_once_whatever_their_case(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    with Library(path) as library:
        library.add_dictionary_word("Presskit")
        library.add_dictionary_word("presskit")
        library.add_dictionary_word("  Wareham ")
        library.add_dictionary_word("")
    with Library(path) as library:
        assert library.dictionary_words() == ["Presskit", "Wareham"]


def test_a_version_1_library_gains_the_dictionary(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    from presskit.library.schema import migrate

    migrate(conn, MIGRATIONS[:1])
    assert user_version(conn) == 1
    conn.close()
    with Library(path) as library:
        library.add_dictionary_word("embargo")
        assert library.dictionary_words() == ["embargo"]
    conn = sqlite3.connect(path)
    assert user_version(conn) == len(MIGRATIONS)
    conn.close()
