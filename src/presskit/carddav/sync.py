"""The two-way sync of the contact library with one CardDAV address book.

    report = sync_library(library, Account(url, user, password))

1. Discover the address book (:mod:`~presskit.carddav.discovery`).
2. Ask what changed there (:mod:`~presskit.carddav.remote`), and find what changed here: a
   contact whose fingerprint differs from the one stored at the last sync was edited, a
   contact without card state is new, card state without a contact was deleted.
3. Refuse, before changing anything, a sync that would delete more than half of the contacts
   (here and there together) unless ``allow_mass_delete``.
4. Bring the server's changes in, ``MULTIGET_SIZE`` cards per library transaction. A contact
   edited on both sides keeps the server's version; the local version becomes a conflict copy,
   listed until the user deletes it. Deleted on the server but edited here: kept, uploaded again.
5. Send the local changes: new cards with ``If-None-Match: *``, edits as the server's card with
   the changed fields patched in (``If-Match`` its ETag), deletions with ``If-Match``.
6. Remember the sync-token (or ctag) read in step 2, so the next sync starts from there.

Every step is safe to repeat: a sync killed half-way resumes without duplicates, because
contacts are matched by UID and a contact already equal to the server's card is only recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from presskit.carddav import groups, remote
from presskit.carddav.cards import ServerCard, content_hash
from presskit.carddav.client import Account, DavClient
from presskit.carddav.discovery import AddressBook, choose, discover
from presskit.carddav.errors import MassDeleteRefused
from presskit.carddav.push import push_changes
from presskit.library import carddav_state as state
from presskit.library.carddav_state import UNREADABLE, ConflictRecord
from presskit.library.database import Library
from presskit.library.rows import new_uid
from presskit.library.vcard_import import CardError
from presskit.model.library import LibraryContact
from presskit.model.wording import counted

Progress = Callable[[str], None]


@dataclass
class SyncReport:
    """What one sync did, for the command line and the editor's status line."""

    book: AddressBook
    method: str = ""
    down_new: int = 0
    down_changed: int = 0
    down_deleted: int = 0
    up_new: int = 0
    up_changed: int = 0
    up_deleted: int = 0
    lists_down: int = 0  # media lists made, changed or deleted here from the server's groups
    lists_up: int = 0  # group cards made, changed or deleted on the server
    new_conflicts: list[ConflictRecord] = field(default_factory=list)
    open_conflicts: list[ConflictRecord] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)  # cards the server refused
    skipped: list[str] = field(default_factory=list)  # server cards Presskit cannot read
    retry: list[str] = field(default_factory=list)  # changed on both sides during the sync

    @property
    def changes(self) -> int:
        """How many contacts or cards this sync changed, here and there."""
        counts = (self.down_new, self.down_changed, self.down_deleted, self.up_new)
        lists = (self.lists_down, self.lists_up)
        return sum((*counts, self.up_changed, self.up_deleted, len(self.new_conflicts), *lists))

    def summary(self) -> str:
        here = f"{self.down_new} new, {self.down_changed} changed, {self.down_deleted} deleted"
        there = f"{self.up_new} new, {self.up_changed} changed, {self.up_deleted} deleted"
        text = f"synced with {self.book.label} ({self.book.url}): here {here}; there {there}"
        if self.open_conflicts:
            text += f"; {counted(len(self.open_conflicts), 'conflict')} to resolve"
        if self.lists_down or self.lists_up:
            text += f"; media lists: {self.lists_down} changed here, {self.lists_up} there"
        return text


def sync_library(
    library: Library,
    account: Account,
    *,
    book: str | None = None,
    allow_mass_delete: bool = False,
    use_sync_token: bool = True,
    progress: Progress | None = None,
) -> SyncReport:
    """Sync ``library`` with the account's address book (``book``: its name when several)."""
    client = DavClient(account)
    try:
        chosen = choose(discover(client), book)
        syncer = Sync(library, client, chosen, progress or (lambda _text: None))
        return syncer.run(allow_mass_delete=allow_mass_delete, use_token=use_sync_token)
    finally:
        client.close()


class Sync:
    """One sync run: what changed on both sides, then the changes in both directions."""

    def __init__(self, library: Library, client: DavClient, book: AddressBook, progress: Progress):
        self.library = library
        self.client = client
        self.book = book
        self.progress = progress
        self.report = SyncReport(book)
        self.state = state.book_state(library, book.url)
        self.cards = state.card_states(library, self.state.id)
        self.groups = groups.GroupSync(self)
        here = state.fingerprints(library)  # uid -> fingerprint, without loading contacts
        self.here = here
        self.contacts: dict[str, LibraryContact] = {}  # loaded for what is uploaded
        copies = state.conflict_copies(library)
        self.changed_here = {
            uid
            for uid, card in self.cards.items()
            if uid in here and card.synced != UNREADABLE and here[uid] != card.synced
        }
        self.new_here = set(here) - set(self.cards) - copies
        self.deleted_here = {
            uid for uid, card in self.cards.items() if uid not in here and card.synced != UNREADABLE
        }

    def run(self, *, allow_mass_delete: bool, use_token: bool) -> SyncReport:
        self.progress(f"asking {self.book.label} what changed")
        by_href = {card.href: card for card in self.cards.values()}
        etags = {**self.groups.etags(), **{h: card.etag for h, card in by_href.items()}}
        changes = remote.server_changes(
            self.client,
            self.book.url,
            token=self.state.sync_token,
            ctag=self.state.ctag,
            known=etags,
            use_token=use_token,
        )
        self.report.method = changes.method
        gone_there = {by_href[h].uid for h in changes.removed if h in by_href}
        fetch = [
            h
            for h, etag in changes.changed.items()
            if h not in etags or not etag or etags[h] != etag
        ]
        changed_there = {by_href[h].uid for h in fetch if h in by_href}
        self._guard(gone_there, changed_there, allow_mass_delete)
        self._pull(fetch)
        self._pull_deletions(gone_there)
        self.groups.pull(changes.removed)
        self._push()
        self.groups.push()
        with state.batch(self.library, self.state.id) as batch:
            batch.finish_book(changes.sync_token, changes.ctag)
        self.report.open_conflicts = state.conflicts(self.library, self.state.id)
        return self.report

    # -- the mass-delete guard ------------------------------------------------------------

    def _guard(self, gone_there: set[str], changed_there: set[str], allowed: bool) -> None:
        here = {uid for uid in gone_there if uid in self.here and uid not in self.changed_here}
        there = self.deleted_here - changed_there
        total = max(len(self.here) + len(self.deleted_here), len(self.cards), 1)
        deletions = len(here) + len(there)
        if allowed or deletions < 2 or deletions * 2 <= total:
            return
        raise MassDeleteRefused(
            f"this sync would delete {counted(deletions, 'contact')} of {total} "
            f"({len(here)} in this library, {len(there)} on the server); nothing was changed. "
            "If that is what you want, sync again allowing mass deletion "
            "(presskit contacts sync --allow-mass-delete)",
            len(here),
            len(there),
        )

    # -- the server's changes -------------------------------------------------------------

    def _pull(self, hrefs: list[str]) -> None:
        done = 0
        for chunk in remote.fetch_cards(self.client, self.book.url, hrefs):
            with state.batch(self.library, self.state.id) as batch:
                for href, etag, text in chunk:
                    if text is not None:
                        self.pull_one(batch, href, etag, text)
            done += len(chunk)
            self.progress(f"received {done} of {len(hrefs)} cards")

    def pull_one(self, batch: state.Batch, href: str, etag: str, text: str) -> None:
        if groups.is_group(text):
            self.groups.received(href, etag, text)  # applied after the contacts
            return
        try:
            card = ServerCard(text)
        except CardError as exc:
            self.report.skipped.append(f"{href}: {exc}")
            batch.set_card(f"href:{href}", href, etag, text, UNREADABLE)
            return
        uid = card.uid or f"href:{href}"
        card.contact.uid = uid
        local = batch.current(uid)  # read under the write lock: an edit made during the sync
        synced = content_hash(card.contact)
        if local is not None and self._edited_here(uid, local):
            if content_hash(local) != synced:
                self._conflict(batch, local)
            self.changed_here.discard(uid)
            self.new_here.discard(uid)
        if local is None or content_hash(local) != synced:
            batch.put_contact(card.contact)
            if local is None and uid not in self.cards:
                self.report.down_new += 1
            else:
                self.report.down_changed += 1
        self.deleted_here.discard(uid)  # deleted here but changed there: the edit wins
        batch.set_card(uid, href, etag, text, synced)
        self.contacts[uid] = card.contact

    def _edited_here(self, uid: str, local: LibraryContact) -> bool:
        """New here, or changed since the last sync (before this one started, or during it)."""
        known = self.cards.get(uid)
        return known is None or uid in self.changed_here or content_hash(local) != known.synced

    def _conflict(self, batch: state.Batch, local: LibraryContact) -> None:
        copy = LibraryContact(**{**local.__dict__, "id": None, "uid": new_uid()})
        copy.name = f"{local.name} (conflict copy)"
        batch.put_contact(copy)
        record = batch.add_conflict(local.uid, copy.uid, local.name)
        self.report.new_conflicts.append(record)

    def _pull_deletions(self, gone: set[str]) -> None:
        with state.batch(self.library, self.state.id) as batch:
            for uid in gone:
                local = batch.current(uid)
                if local is not None and self._edited_here(uid, local):
                    self.new_here.add(uid)  # edited here: keep it, upload it again
                    self.changed_here.discard(uid)
                    self.contacts[uid] = local
                elif local is not None:
                    batch.delete_contact(uid)
                    self.contacts.pop(uid, None)
                    self.report.down_deleted += 1
                batch.drop_card(uid)
                self.deleted_here.discard(uid)
                self.cards.pop(uid, None)

    # -- the local changes ----------------------------------------------------------------

    def _push(self) -> None:
        missing = (self.new_here | self.changed_here) - set(self.contacts)
        self.contacts.update(state.contacts_by_uid(self.library, missing))
        push_changes(self)
