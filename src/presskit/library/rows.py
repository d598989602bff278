"""Library records to SQLite rows and back: JSON lists, UTC timestamps, one table per type.

Each record type has a :class:`Table` that names its table and columns and converts a record to
the column values and a row back to a record, so the library's add/get/update/delete/list code
is written once for contacts, boilerplates and organization profiles alike.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from presskit.model.library import Boilerplate, LibraryContact, OrganizationProfile
from presskit.model.release import Phone, SocialHandle

R = TypeVar("R", LibraryContact, Boilerplate, OrganizationProfile)


@dataclass(frozen=True)
class Table(Generic[R]):
    """How one record type is stored: its table, its data columns and the conversions."""

    name: str
    columns: tuple[str, ...]  # without id, created, updated
    to_values: Callable[[R], tuple[Any, ...]]
    from_row: Callable[[sqlite3.Row], R]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def timestamp_text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def parse_timestamp(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _json(value: Any) -> str:
    # ensure_ascii=False keeps the file readable in any SQLite browser. ``default=str`` only
    # matters for unknown keys a release file carried in ``extra`` (a YAML date, say): those
    # come back as text; everything Presskit itself stores is str, list or dict.
    return json.dumps(value, ensure_ascii=False, default=str)


def _with_extra(item: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    return {**item, "extra": extra} if extra else item


def phones_json(phones: list[Phone]) -> str:
    return _json([_with_extra({"number": p.number, "label": p.label}, p.extra) for p in phones])


def phones_from_json(text: str) -> list[Phone]:
    return [Phone(p.get("number", ""), p.get("label", ""), p.get("extra", {})) for p in _load(text)]


def social_json(social: list[SocialHandle]) -> str:
    return _json(
        [
            _with_extra({"network": s.network, "handle": s.handle, "url": s.url}, s.extra)
            for s in social
        ]
    )


def social_from_json(text: str) -> list[SocialHandle]:
    return [
        SocialHandle(
            s.get("network", ""), s.get("handle", ""), s.get("url", ""), s.get("extra", {})
        )
        for s in _load(text)
    ]


def _load(text: str) -> list:
    value = json.loads(text or "[]")
    return value if isinstance(value, list) else []


def _contact_values(c: LibraryContact) -> tuple[Any, ...]:
    return (
        c.name,
        c.title,
        c.organization,
        c.city,
        phones_json(c.phones),
        _json(list(c.emails)),
        c.website,
        c.notes,
        _json(list(c.tags)),
        c.uid or new_uid(),
        c.first_name,
        c.outlet,
        _json(list(c.topics)),
        c.language,
        int(c.do_not_contact),
    )


def new_uid() -> str:
    """A new contact identity, in the form vCard and CardDAV servers use."""
    return f"urn:uuid:{uuid.uuid4()}"


def _contact_from_row(row: sqlite3.Row) -> LibraryContact:
    return LibraryContact(
        id=row["id"],
        name=row["name"],
        title=row["title"],
        organization=row["organization"],
        city=row["city"],
        phones=phones_from_json(row["phones"]),
        emails=[str(e) for e in _load(row["emails"])],
        website=row["website"],
        notes=row["notes"],
        tags=[str(t) for t in _load(row["tags"])],
        created=parse_timestamp(row["created"]),
        updated=parse_timestamp(row["updated"]),
        uid=row["uid"],
        first_name=row["first_name"],
        outlet=row["outlet"],
        topics=[str(t) for t in _load(row["topics"])],
        language=row["language"],
        do_not_contact=bool(row["do_not_contact"]),
    )


def _boilerplate_values(b: Boilerplate) -> tuple[Any, ...]:
    reviewed = b.last_reviewed.isoformat() if b.last_reviewed else None
    return (b.organization, b.language, b.text, reviewed)


def _boilerplate_from_row(row: sqlite3.Row) -> Boilerplate:
    reviewed = row["last_reviewed"]
    return Boilerplate(
        id=row["id"],
        organization=row["organization"],
        language=row["language"],
        text=row["text"],
        last_reviewed=dt.date.fromisoformat(reviewed) if reviewed else None,
        created=parse_timestamp(row["created"]),
        updated=parse_timestamp(row["updated"]),
    )


def _organization_values(o: OrganizationProfile) -> tuple[Any, ...]:
    return (o.name, o.website, o.logo, social_json(o.social))


def _organization_from_row(row: sqlite3.Row) -> OrganizationProfile:
    return OrganizationProfile(
        id=row["id"],
        name=row["name"],
        website=row["website"],
        logo=row["logo"],
        social=social_from_json(row["social"]),
        created=parse_timestamp(row["created"]),
        updated=parse_timestamp(row["updated"]),
    )


CONTACTS: Table[LibraryContact] = Table(
    "contacts",
    (
        "name",
        "title",
        "organization",
        "city",
        "phones",
        "emails",
        "website",
        "notes",
        "tags",
        "uid",
        "first_name",
        "outlet",
        "topics",
        "language",
        "do_not_contact",
    ),
    _contact_values,
    _contact_from_row,
)
BOILERPLATES: Table[Boilerplate] = Table(
    "boilerplates",
    ("organization", "language", "text", "last_reviewed"),
    _boilerplate_values,
    _boilerplate_from_row,
)
ORGANIZATIONS: Table[OrganizationProfile] = Table(
    "organizations",
    ("name", "website", "logo", "social"),
    _organization_values,
    _organization_from_row,
)
