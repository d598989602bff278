"""Media lists shared as contact-group cards, both ways.

A list is a vCard 3.0 group card in Apple's form (``X-ADDRESSBOOKSERVER-KIND:group``, one
``X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:…`` per member), which Apple Contacts, Nextcloud, DAVx⁵,
Thunderbird's CardBook and Radicale's web client read; the list's tags are its CATEGORIES. A
vCard 4 group (``KIND:group``, ``MEMBER``) made elsewhere is read too, and written back in its
own form. See docs/carddav.md.

The contact sync hands each group card it receives to :class:`GroupSync`; after the contacts,
the groups are applied (a list edited on both sides is merged: members added on either side
join, members removed on either side leave; a renamed side's name wins) and the local changes
go up: new lists with ``If-None-Match: *``, edits with ``If-Match``, deletions. A group deleted
on the server removes the list, never its contacts; a list edited here since is uploaded again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from presskit.carddav import remote
from presskit.carddav.cards import _end, _escape, _fold, _logical_lines, _name, _replace, _unescape
from presskit.carddav.push import card_name
from presskit.library import carddav_state as state
from presskit.library import list_sharing as lists
from presskit.library.list_sharing import GroupState, ListWriter, SharedList
from presskit.library.vcard_text import read_cards

if TYPE_CHECKING:
    from presskit.carddav.sync import Sync

_IS_GROUP = re.compile(
    r"^(?:[A-Za-z0-9-]+\.)?(?:X-ADDRESSBOOKSERVER-)?KIND(?:;[^:\r\n]*)?:[ \t]*group[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_MEMBERS = ("MEMBER", "X-ADDRESSBOOKSERVER-MEMBER")
VCARD_TYPE = "text/vcard; charset=utf-8"


def is_group(text: str) -> bool:
    """True for a contact-group card (vCard 4 ``KIND`` or Apple's ``X-ADDRESSBOOKSERVER-KIND``)."""
    return bool(_IS_GROUP.search(re.sub(r"\r?\n[ \t]", "", text)))


def member_value(uid: str) -> str:
    """A contact's UID as a group card names it: a URN (``urn:uuid:`` before a bare UID)."""
    return uid if uid.lower().startswith("urn:") else f"urn:uuid:{uid}"


def read_group(text: str) -> tuple[str, str, list[str], list[str]]:
    """UID, name, tags and member values of a group card."""
    cards = read_cards(text.encode("utf-8")).cards
    props = cards[0].properties if cards else []
    first = {p.name: p.value for p in reversed(props)}
    name = _unescape(first.get("FN", "")).strip()
    if not name:
        name = _unescape(first.get("N", "").split(";")[0]).strip()
    tags = [
        _unescape(tag).strip()
        for p in props
        if p.name == "CATEGORIES"
        for tag in re.split(r"(?<!\\),", p.value)
        if tag.strip()
    ]
    members = [p.value.strip() for p in props if p.name in _MEMBERS and p.value.strip()]
    return first.get("UID", "").strip(), name, tags, members


def _lines(shared: SharedList, member_name: str, extra: list[str]) -> dict[str, list[str]]:
    values = [member_value(uid) for uid in shared.members] + extra
    categories = ",".join(_escape(tag) for tag in shared.tags)
    return {
        "FN": [_fold(f"FN:{_escape(shared.name)}")],
        "N": [_fold(f"N:{_escape(shared.name)};;;;")],
        "CATEGORIES": [_fold(f"CATEGORIES:{categories}")] if shared.tags else [],
        "MEMBERS": [_fold(f"{member_name}:{value}") for value in dict.fromkeys(values)],
    }


def group_card(shared: SharedList, old: str = "", extra: list[str] | None = None) -> str:
    """The group card for ``shared``: ``old`` (the server's text) with the list's name, tags
    and members put in, everything else kept; a new Apple-style 3.0 card without ``old``."""
    if not old:
        old = (
            "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Presskit//Media list//EN\r\n"
            f"{_fold('UID:' + shared.uid)}\r\nX-ADDRESSBOOKSERVER-KIND:group\r\nEND:VCARD\r\n"
        )
    lines = _logical_lines(old)
    vcard4 = any(_name(line) in ("KIND", "MEMBER") for line in lines)
    wanted = _lines(shared, "MEMBER" if vcard4 else _MEMBERS[1], extra or [])
    for name in ("FN", "N", "CATEGORIES"):
        lines = _replace(lines, (name,), wanted[name])
    members = [i for i, line in enumerate(lines) if _name(line) in _MEMBERS]
    at = members[0] if members else _end(lines)
    kept = [line for i, line in enumerate(lines) if i not in set(members)]
    lines = kept[:at] + wanted["MEMBERS"] + kept[at:]
    return "\r\n".join(lines) + "\r\n"


class GroupSync:
    """The media lists' part of one sync run (see the module's docstring)."""

    def __init__(self, sync: Sync):
        self.sync = sync
        self.known_cards = set(sync.cards)  # contact UIDs the server had at the last sync
        self.states = lists.group_states(sync.library, sync.state.id)
        lists.shared_lists(sync.library)  # gives the lists made here their UIDs
        self.incoming: list[tuple[str, str, str]] = []

    def etags(self) -> dict[str, str]:
        """href -> ETag of the group cards the last sync saw."""
        return {s.href: s.etag for s in self.states.values()}

    def received(self, href: str, etag: str, text: str) -> None:
        self.incoming.append((href, etag, text))

    # -- the server's changes -------------------------------------------------------------

    def pull(self, removed: set[str]) -> None:
        """Apply the group cards received and the ones deleted on the server."""
        gone = [s for s in self.states.values() if s.href in removed]
        if not self.incoming and not gone:
            return
        with state.batch(self.sync.library, self.sync.state.id) as batch:
            writer = ListWriter(batch._conn, self.sync.state.id)
            for href, etag, text in self.incoming:
                self._apply(writer, href, etag, text)
            for group in gone:
                self._gone(writer, group)
        self.incoming = []

    def _resolve(self, writer: ListWriter, values: list[str]) -> tuple[list[str], list[str]]:
        """Member values -> (library contact UIDs, values of cards Presskit never had)."""
        bare = [v[9:] if v.lower().startswith("urn:uuid:") else v for v in values]
        ids = writer.known_contacts(values + bare)
        found, unknown = [], []
        for value, plain in zip(values, bare, strict=True):
            uid = value if value in ids else plain if plain in ids else None
            if uid is not None:
                found.append(uid)
            elif value not in self.known_cards and plain not in self.known_cards:
                unknown.append(value)
        return found, unknown

    def _apply(self, writer: ListWriter, href: str, etag: str, text: str) -> None:
        uid, name, tags, values = read_group(text)
        uid = uid or f"href:{href}"
        there = SharedList(uid, name, tags, self._resolve(writer, values)[0])
        known = self.states.get(uid)
        here = writer.current(uid) or (None if known else self._same_name(writer, uid, name))
        result = there
        if here is not None and (known is None or here.fingerprint() != known.synced):
            result = _merge(self._base(writer, known), here, there)
        result.name = writer.free_name(result.name, uid)
        changed = here is None or here.fingerprint() != result.fingerprint()
        if changed:
            writer.put_list(result)
            self.sync.report.lists_down += 1
        writer.set_group(uid, href, etag, text, there.fingerprint())
        self.states[uid] = GroupState(uid, href, etag, text, there.fingerprint())

    def _same_name(self, writer: ListWriter, uid: str, name: str) -> SharedList | None:
        """A list made here, never synced, with the group's name: the same list; adopt it."""
        for local in lists._read_lists(writer._conn).values():
            if local.uid not in self.states and local.name.casefold() == name.casefold():
                writer.set_uid(local.uid, uid)
                local.uid = uid
                return local
        return None

    def _base(self, writer: ListWriter, known: GroupState | None) -> SharedList | None:
        if known is None:
            return None
        _uid, name, tags, values = read_group(known.card)
        return SharedList(known.uid, name, tags, self._resolve(writer, values)[0])

    def _gone(self, writer: ListWriter, known: GroupState) -> None:
        here = writer.current(known.uid)
        if here is not None and here.fingerprint() == known.synced:
            writer.delete_list(known.uid)  # its contacts stay
            self.sync.report.lists_down += 1
        writer.drop_group(known.uid)  # edited here: it goes up again as a new group
        self.states.pop(known.uid, None)

    # -- the local changes ----------------------------------------------------------------

    def push(self) -> None:
        """Upload new and edited lists, delete the groups of lists deleted here."""
        here = lists.shared_lists(self.sync.library)
        for uid in sorted(set(here) - set(self.states)):
            self._create(here[uid])
        for uid in sorted(set(here) & set(self.states)):
            if here[uid].fingerprint() != self.states[uid].synced:
                self._update(here[uid], self.states[uid])
        for uid in sorted(set(self.states) - set(here)):
            self._delete(self.states[uid])

    def _url(self, href: str) -> str:
        return urljoin(self.sync.book.url, href)

    def _record(self, shared: SharedList | None, href: str, etag: str, text: str) -> None:
        with state.batch(self.sync.library, self.sync.state.id) as batch:
            writer = ListWriter(batch._conn, self.sync.state.id)
            if shared is None:
                writer.drop_group(self._uid_at(href))
            else:
                writer.set_group(shared.uid, href, etag, text, shared.fingerprint())
        self.sync.report.lists_up += 1

    def _uid_at(self, href: str) -> str:
        return next(s.uid for s in self.states.values() if s.href == href)

    def _put(self, href: str, text: str, headers: dict[str, str]) -> tuple[int, str]:
        answer = self.sync.client.request(
            "PUT",
            self._url(href),
            text.encode("utf-8"),
            headers={"Content-Type": VCARD_TYPE, **headers},
        )
        return answer.status, answer.header("etag")

    def _create(self, shared: SharedList) -> None:
        href = urlsplit(self._url(card_name(shared.uid))).path
        text = group_card(shared)
        status, etag = self._put(href, text, {"If-None-Match": "*"})
        if status in (200, 201, 204):
            self._record(shared, href, etag, text)
        elif status == 412:  # an earlier sync, killed before recording it, put it there
            for chunk in remote.fetch_cards(self.sync.client, self.sync.book.url, [href]):
                self.incoming = [(h, e, t) for h, e, t in chunk if t is not None]
            self.pull(set())
        else:
            self.sync.report.rejected.append(f"media list {shared.name}: refused ({status})")

    def _update(self, shared: SharedList, known: GroupState) -> None:
        with state.batch(self.sync.library, self.sync.state.id) as batch:
            writer = ListWriter(batch._conn, self.sync.state.id)
            extra = self._resolve(writer, read_group(known.card)[3])[1]
        text = group_card(shared, known.card, extra)
        headers = {"If-Match": known.etag} if known.etag else {}
        status, etag = self._put(known.href, text, headers)
        if status in (200, 201, 204):
            self._record(shared, known.href, etag, text)
        elif status == 412:
            self.sync.report.retry.append(f"media list {shared.name}")
        else:
            self.sync.report.rejected.append(f"media list {shared.name}: refused ({status})")

    def _delete(self, known: GroupState) -> None:
        headers = {"If-Match": known.etag} if known.etag else {}
        answer = self.sync.client.request("DELETE", self._url(known.href), headers=headers)
        if answer.status in (200, 204, 404):
            self._record(None, known.href, "", "")
        elif answer.status == 412:
            self.sync.report.retry.append(known.href)


def _merge(base: SharedList | None, here: SharedList, there: SharedList) -> SharedList:
    """Both sides edited the list: keep every addition and every removal of either side."""
    if base is None:
        members = here.members + [uid for uid in there.members if uid not in here.members]
        return SharedList(there.uid, here.name, sorted({*here.tags, *there.tags}), members)
    old, mine, theirs = set(base.members), set(here.members), set(there.members)
    keep = (mine & theirs) | (mine - old) | (theirs - old)
    order = here.members + there.members
    name = here.name if here.name != base.name else there.name
    tags = here.tags if here.tags != base.tags else there.tags
    return SharedList(there.uid, name, list(tags), [u for u in dict.fromkeys(order) if u in keep])
