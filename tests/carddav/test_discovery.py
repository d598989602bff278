"""Discovery against Radicale: from the server's root, a principal or a book to the books.

And the errors people meet before any sync: a wrong address, a server that is down, https
to a server without TLS. Each is one sentence, never a traceback.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from presskit.carddav import Account
from presskit.carddav.client import DavClient
from presskit.carddav.discovery import choose, discover
from presskit.carddav.errors import NotCardDav, ServerUnreachable, TlsProblem
from tests.carddav.radicale_server import (
    Radicale,
    free_port,
    running_radicale,
    self_signed_certificate,
)


def _books(account: Account) -> list[tuple[str, str]]:
    client = DavClient(account)
    try:
        return [(b.name, b.url) for b in discover(client)]
    finally:
        client.close()


def test_root_address_finds_the_books_through_well_known(radicale: Radicale) -> None:
    user = radicale.add_user()
    press = user.make_book("press", "Press contacts")
    media = user.make_book("media", "Media lists")
    account = Account(radicale.url.rstrip("/"), user.name, user.password)  # as a person pastes it
    assert _books(account) == [("Media lists", media), ("Press contacts", press)]


def test_principal_and_book_addresses_work_too(radicale: Radicale) -> None:
    user = radicale.add_user()
    press = user.make_book("press", "Press contacts")
    principal = f"{radicale.url}{user.name}/"
    assert _books(Account(principal, user.name, user.password)) == [("Press contacts", press)]
    assert _books(Account(press, user.name, user.password)) == [("Press contacts", press)]


def test_several_books_ask_which_one(radicale: Radicale) -> None:
    user = radicale.add_user()
    user.make_book("press", "Press contacts")
    media = user.make_book("media", "Media lists")
    client = DavClient(Account(radicale.url, user.name, user.password))
    books = discover(client)
    client.close()
    with pytest.raises(NotCardDav, match="choose one: Media lists"):
        choose(books, None)
    assert choose(books, "Media lists").url == media
    assert choose(books, "media").url == media


def test_a_wrong_address_says_so(radicale: Radicale) -> None:
    user = radicale.add_user()
    user.make_book()
    with pytest.raises(NotCardDav, match="no CardDAV address book found there"):
        _books(Account(f"{radicale.url}{user.name}/no-such-book/", user.name, user.password))
    with pytest.raises(NotCardDav, match="should start with https://"):
        _books(Account("my address book", user.name, user.password))
    # A bare host name is tried as https:// (as people paste it); this one has no server.
    with pytest.raises(ServerUnreachable, match=r"dav\.invalid"):
        _books(Account("dav.invalid/contacts", user.name, user.password))


def test_a_server_that_is_down_is_offline() -> None:
    account = Account(f"http://127.0.0.1:{free_port()}/", "jana", "secret")
    with pytest.raises(ServerUnreachable, match="does not answer") as caught:
        _books(account)
    assert caught.value.status_word == "offline"


def test_https_to_a_server_without_tls_is_a_tls_problem(radicale: Radicale) -> None:
    account = Account(radicale.url.replace("http://", "https://"), "jana", "secret")
    with pytest.raises(TlsProblem, match="secure connection failed"):
        _books(account)


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl to make a certificate")
def test_an_untrusted_certificate_is_a_tls_problem_until_trusted(tmp_path: Path) -> None:
    cert, key = self_signed_certificate(tmp_path)
    with running_radicale(tmp_path, tls=(cert, key)) as server:
        user = server.add_user()
        account = Account(server.url, user.name, user.password)
        with pytest.raises(TlsProblem, match="certificate is not trusted"):
            _books(account)
        trusted = Account(server.url, user.name, user.password, ca_file=str(cert))
        with pytest.raises(NotCardDav, match="no address books"):
            _books(trusted)  # the connection works: this user has no book yet
