"""From the address a person pastes to the address books behind it (RFC 6764, RFC 6352).

A server's root (``https://dav.example.org``) is looked up at ``/.well-known/carddav`` first;
any other address is asked as it is. Then: the signed-in user's principal
(``current-user-principal``), its ``addressbook-home-set``, and the collections there whose
resource type is an address book. An address that already is an address book is the answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from presskit.carddav import davxml
from presskit.carddav.client import DavClient, expect
from presskit.carddav.davxml import DavResponse, XmlProblem
from presskit.carddav.errors import NotCardDav, ServerError

# Not the sync-token or ctag: a server may compute them from every card (Radicale does),
# and the sync asks for them once anyway.
_PROBE = (
    davxml.RESOURCETYPE,
    davxml.DISPLAYNAME,
    davxml.CURRENT_USER_PRINCIPAL,
    davxml.ADDRESSBOOK_HOME_SET,
)


@dataclass(frozen=True)
class AddressBook:
    """One address book on the server: its full URL and the name people gave it."""

    url: str
    name: str

    @property
    def label(self) -> str:
        path = unquote(urlsplit(self.url).path).rstrip("/")
        return self.name or path.rsplit("/", 1)[-1] or self.url


def propfind(client: DavClient, url: str, names: tuple[str, ...], depth: str) -> list[DavResponse]:
    """PROPFIND ``names`` at ``url``; the responses (raises for anything but 207)."""
    answer = client.request("PROPFIND", url, davxml.propfind(names), depth=depth)
    if answer.status in (404, 405, 501) or (answer.status == 200 and not _is_xml(answer.body)):
        raise NotCardDav(f"{answer.url}: this is not a CardDAV address ({answer.status})")
    expect(answer, 207, what="reading the address book's properties")
    try:
        return davxml.parse_multistatus(answer.body)[0]
    except XmlProblem as exc:
        raise ServerError(f"{answer.url}: {exc}") from None


def _is_xml(body: bytes) -> bool:
    return body.lstrip().startswith(b"<?xml") or body.lstrip().startswith(b"<")


def discover(client: DavClient) -> list[AddressBook]:
    """Every address book the account can reach from its URL, by name. Raises CardDavError."""
    base = client.base
    path = urlsplit(base).path
    candidates = [base] if path not in ("", "/") else [urljoin(base, "/.well-known/carddav"), base]
    last: NotCardDav | None = None
    for candidate in candidates:
        try:
            return _from(client, candidate)
        except NotCardDav as exc:
            last = exc
    raise NotCardDav(
        f"{base}: no CardDAV address book found there ({last}); check the address, or ask "
        "for your server's CardDAV address"
    )


def _from(client: DavClient, url: str) -> list[AddressBook]:
    responses = propfind(client, url, _PROBE, "0")
    if not responses:
        raise NotCardDav(f"{url}: the server says nothing about this address")
    first = responses[0]
    here = client.url(first.href, url) if first.href else url
    if davxml.ADDRESSBOOK in first.resource_types():
        return [AddressBook(here, first.text(davxml.DISPLAYNAME))]
    homes = [client.url(h, here) for h in first.hrefs(davxml.ADDRESSBOOK_HOME_SET)]
    if not homes:
        for principal in first.hrefs(davxml.CURRENT_USER_PRINCIPAL):
            found = propfind(client, client.url(principal, here), _PROBE, "0")
            homes += [
                client.url(h, here) for r in found for h in r.hrefs(davxml.ADDRESSBOOK_HOME_SET)
            ]
    if not homes:
        homes = [here]  # perhaps the home itself: look at what it holds
    books = []
    for home in dict.fromkeys(homes):
        for response in propfind(client, home, (davxml.RESOURCETYPE, davxml.DISPLAYNAME), "1"):
            if davxml.ADDRESSBOOK in response.resource_types():
                books.append(
                    AddressBook(client.url(response.href, home), response.text(davxml.DISPLAYNAME))
                )
    if not books:
        raise NotCardDav(f"{url}: you have no address books on this server")
    return sorted(books, key=lambda b: b.label.casefold())


def choose(books: list[AddressBook], wanted: str | None) -> AddressBook:
    """The book named (or at the URL, or path end) ``wanted``; the only one when None."""
    if wanted:
        for book in books:
            if wanted in (book.url, book.name, book.label) or book.url.rstrip("/").endswith(
                "/" + wanted.strip("/")
            ):
                return book
        raise NotCardDav(f"no address book named {wanted!r}; there are: {_names(books)}")
    if len(books) > 1:
        raise NotCardDav(f"the account has {len(books)} address books; choose one: {_names(books)}")
    return books[0]


def _names(books: list[AddressBook]) -> str:
    return ", ".join(f"{b.label} ({b.url})" for b in books)
