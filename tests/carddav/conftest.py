"""Fixtures: one real Radicale server per test session, a new user and address book per test."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.backend
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


class MemoryKeyring(keyring.backend.KeyringBackend):
    """The system keyring's stand-in: the tests' machines have none."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(previous)
