"""Fixtures: one real Radicale server per test session, a new user and address book per test."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from presskit.carddav import Account
from presskit.library.database import Library
from tests.carddav.radicale_server import DavUser, Radicale, running_radicale
from tests.ui.conftest import example_copy, isolated_dirs, window  # noqa: F401 - the editor's


@pytest.fixture(scope="session")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    with running_radicale(tmp_path_factory.mktemp("radicale"), max_resource_size=20_000) as server:
        yield server


@dataclass
class Dav:
    """A user with one address book on the server, and the account Presskit syncs with."""

    user: DavUser
    book: str

    def account(self, password: str | None = None, url: str | None = None) -> Account:
        return Account(url or self.book, self.user.name, password or self.user.password)


@pytest.fixture
def dav(radicale: Radicale) -> Dav:
    user = radicale.add_user()
    return Dav(user, user.make_book())


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library(tmp_path / "library.sqlite") as opened:
        yield opened
