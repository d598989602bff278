"""Sending the library's changes to the address book: new cards, edits, deletions.

A new contact goes up as a new card (``If-None-Match: *``: never over a card that is there
already, as after a sync that was killed between the upload and recording it). An edit goes up
as the server's own card with only the changed fields replaced (``If-Match`` its ETag: never
over a change someone made meanwhile). A deletion also sends ``If-Match``. A card the server
refuses stays in the library as it is, and the report names it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from presskit.carddav import remote
from presskit.carddav.cards import ServerCard, content_hash, new_card, patch_card
from presskit.carddav.client import Answer
from presskit.library import carddav_state as state
from presskit.library.vcard_import import CardError
from presskit.model.library import LibraryContact

if TYPE_CHECKING:
    from presskit.carddav.sync import Sync

VCARD_TYPE = "text/vcard; charset=utf-8"
BATCH = 50  # uploads recorded per library transaction


def push_changes(sync: Sync) -> None:
    """Upload what changed here since the last sync, recording each card's new state."""
    pusher = _Pusher(sync)
    for uid in sorted(sync.new_here):
        pusher.create(sync.contacts[uid])
    for uid in sorted(sync.changed_here):
        pusher.update(sync.contacts[uid])
    for uid in sorted(sync.deleted_here):
        pusher.delete(uid)
    pusher.flush()


def card_name(uid: str) -> str:
    """The file name of a new card on the server: the UID's safe characters."""
    tail = uid.rsplit(":", 1)[-1]
    safe = re.sub(r"[^A-Za-z0-9_.-]", "-", tail).strip("-.")[:100]
    return f"{safe or 'contact'}.vcf"


class _Pusher:
    def __init__(self, sync: Sync):
        self.sync = sync
        self.client = sync.client
        self.report = sync.report
        self.pending: list[tuple[str, tuple[str, str, str, str] | None]] = []

    def _url(self, href: str) -> str:
        return urljoin(self.sync.book.url, href)

    def _record(self, uid: str, card: tuple[str, str, str, str] | None) -> None:
        self.pending.append((uid, card))
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        with state.batch(self.sync.library, self.sync.state.id) as batch:
            for uid, card in self.pending:
                if card is None:
                    batch.drop_card(uid)
                else:
                    batch.set_card(uid, *card)
        self.sync.progress(f"sent {len(self.pending)} changes")
        self.pending = []

    def create(self, contact: LibraryContact) -> None:
        href = urlsplit(urljoin(self.sync.book.url, card_name(contact.uid))).path
        text = new_card(contact)
        answer = self._put(href, text, {"If-None-Match": "*"})
        if answer.status in (200, 201, 204):
            self._record(contact.uid, (href, _etag(answer), text, content_hash(contact)))
            self.report.up_new += 1
        elif answer.status == 412 and self._already_there(href):
            pass  # an earlier sync, killed before it recorded the upload, put it there
        else:
            self._rejected(contact.name, answer)

    def _already_there(self, href: str) -> bool:
        """Take in the card at ``href`` as a pulled one; False when there is none."""
        self.flush()
        for chunk in remote.fetch_cards(self.client, self.sync.book.url, [href]):
            found = [card for card in chunk if card[2] is not None]
            if not found:
                return False
            with state.batch(self.sync.library, self.sync.state.id) as batch:
                for got_href, etag, got in found:
                    self.sync.pull_one(batch, got_href, etag, got or "")
        return True

    def update(self, contact: LibraryContact) -> None:
        known = self.sync.cards[contact.uid]
        text = state.card_text(self.sync.library, self.sync.state.id, contact.uid)
        try:
            patched = patch_card(text, ServerCard(text).contact, contact)
        except CardError:
            patched = new_card(contact)
        headers = {"If-Match": known.etag} if known.etag else {}
        answer = self._put(known.href, patched, headers)
        if answer.status in (200, 201, 204):
            self._record(contact.uid, (known.href, _etag(answer), patched, content_hash(contact)))
            self.report.up_changed += 1
        elif answer.status == 412:
            self.report.retry.append(contact.name)
        else:
            self._rejected(contact.name, answer)

    def delete(self, uid: str) -> None:
        known = self.sync.cards[uid]
        headers = {"If-Match": known.etag} if known.etag else {}
        answer = self.client.request("DELETE", self._url(known.href), headers=headers)
        if answer.status in (200, 204, 404):
            self._record(uid, None)
            self.report.up_deleted += answer.status != 404
        elif answer.status == 412:
            self.report.retry.append(known.href)
        else:
            self._rejected(known.href, answer)

    def _put(self, href: str, text: str, headers: dict[str, str]) -> Answer:
        return self.client.request(
            "PUT",
            self._url(href),
            text.encode("utf-8"),
            headers={"Content-Type": VCARD_TYPE, **headers},
        )

    def _rejected(self, name: str, answer: Answer) -> None:
        reason = answer.body.decode("utf-8", "replace").strip().splitlines()[:1]
        detail = f": {reason[0][:200]}" if reason and "<" not in reason[0] else ""
        self.report.rejected.append(
            f"{name}: the server refused this card ({answer.status}{detail}); "
            "it stays in your library as it is"
        )


def _etag(answer: Answer) -> str:
    return answer.header("etag")
