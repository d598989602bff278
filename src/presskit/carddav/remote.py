"""What changed in an address book on the server since the last sync, and fetching cards.

With an RFC 6578 sync-token the server lists only the cards changed or removed since then
(a first sync asks with an empty token and gets every card). A server without sync-collection
is compared whole: when its ctag (``getctag``) is as the last sync left it nothing changed;
otherwise the hrefs and ETags of all its cards are compared with the ones the library knows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from presskit.carddav import davxml
from presskit.carddav.client import DavClient, expect
from presskit.carddav.davxml import XmlProblem
from presskit.carddav.discovery import propfind
from presskit.carddav.errors import ServerError

MULTIGET_SIZE = 100
"""Cards asked for in one addressbook-multiget (and written in one library transaction)."""


@dataclass
class RemoteChanges:
    """The cards to look at: href -> ETag changed or new, and the hrefs that are gone."""

    changed: dict[str, str] = field(default_factory=dict)
    removed: set[str] = field(default_factory=set)
    sync_token: str = ""
    ctag: str = ""
    method: str = "sync-token"
    complete: bool = False  # a full listing: every card known here but not listed is gone


def _same(href: str, collection: str) -> bool:
    return href.rstrip("/") == urlsplit(collection).path.rstrip("/")


def server_changes(
    client: DavClient,
    book_url: str,
    *,
    token: str,
    ctag: str,
    known: Iterable[str],
    use_token: bool,
) -> RemoteChanges:
    """What changed since ``token`` (or ``ctag``); ``known``: the hrefs the library has."""
    known = set(known)
    if use_token:
        changes = _sync_collection(client, book_url, token)
        if changes is None and token:
            changes = _sync_collection(client, book_url, "")  # the old token expired
        if changes is not None:
            if changes.complete:
                changes.removed |= known - set(changes.changed)
            return changes
    return _by_ctag(client, book_url, ctag, known)


def _sync_collection(client: DavClient, book_url: str, token: str) -> RemoteChanges | None:
    body = davxml.sync_collection(token, [davxml.GETETAG])
    answer = client.request("REPORT", book_url, body, depth="0")
    if answer.status != 207:
        return None  # no sync-collection here, or a token the server no longer knows
    try:
        responses, new_token = davxml.parse_multistatus(answer.body)
    except XmlProblem:
        return None
    changes = RemoteChanges(sync_token=new_token, complete=not token)
    for response in responses:
        if _same(response.href, book_url):
            continue
        if response.status == 404:
            changes.removed.add(response.href)
        else:
            changes.changed[response.href] = response.text(davxml.GETETAG)
    return changes if new_token else None


def _by_ctag(client: DavClient, book_url: str, ctag: str, known: set[str]) -> RemoteChanges:
    found = propfind(client, book_url, (davxml.GETCTAG, davxml.SYNC_TOKEN), "0")
    now = found[0].text(davxml.GETCTAG) or found[0].text(davxml.SYNC_TOKEN) if found else ""
    changes = RemoteChanges(ctag=now, method="ctag")
    if now and now == ctag and known:
        return changes
    for response in propfind(client, book_url, (davxml.GETETAG, davxml.RESOURCETYPE), "1"):
        if _same(response.href, book_url) or davxml.COLLECTION in response.resource_types():
            continue
        changes.changed[response.href] = response.text(davxml.GETETAG)
    changes.complete = True
    changes.removed = known - set(changes.changed)
    return changes


def fetch_cards(
    client: DavClient, book_url: str, hrefs: list[str]
) -> Iterator[list[tuple[str, str, str | None]]]:
    """(href, ETag, card text) per card, ``MULTIGET_SIZE`` at a time; text None: it is gone."""
    for start in range(0, len(hrefs), MULTIGET_SIZE):
        chunk = hrefs[start : start + MULTIGET_SIZE]
        answer = client.request("REPORT", book_url, davxml.addressbook_multiget(chunk), depth="1")
        expect(answer, 207, what="sending the cards")
        try:
            responses = davxml.parse_multistatus(answer.body)[0]
        except XmlProblem as exc:
            raise ServerError(f"{book_url}: {exc}") from None
        got = {r.href: r for r in responses}
        cards = []
        for href in chunk:
            response = got.get(href)
            data = response.props.get(davxml.ADDRESS_DATA) if response else None
            if response is None or data is None or response.status == 404:
                cards.append((href, "", None))
            else:
                cards.append((href, response.text(davxml.GETETAG), data.text or ""))
        yield cards
