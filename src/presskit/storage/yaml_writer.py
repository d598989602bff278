"""Write a release's front matter as YAML: stable key order, block style, readable diffs.

The same release always gives the same bytes, so saving an unchanged file changes nothing and
a git diff shows only what the user changed. Keys appear in the documented order; unknown keys
a file held follow the known ones of their group, in their original order. Empty optional
fields are left out; the language, theme and end mark are always written, so a
static-site generator reading the file sees them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import yaml

from presskit.model.release import (
    DEFAULT_LANGUAGE,
    DEFAULT_THEME,
    FORMAT_VERSION,
    Approval,
    Contact,
    Dateline,
    DatelineStyle,
    LibraryLink,
    Link,
    Organization,
    Phone,
    Release,
    SocialHandle,
    Translation,
)

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class ReleaseDumper(yaml.SafeDumper):
    """Indents list items under their key and writes multi-line text as literal blocks."""

    # Mirror the loader: dates are text to us, so "2014-09-23" needs no quotes.
    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, Any]]]] = {
        first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
    }

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\x85" in value:
        # NEL is a YAML line break: written as it is (PyYAML does so in plain, quoted and
        # block styles), it reads back as a space or a newline. Only an escape keeps it.
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _represent_date(dumper: yaml.SafeDumper, value: dt.date) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value.isoformat())


ReleaseDumper.add_representer(str, _represent_str)
ReleaseDumper.add_representer(dt.date, _represent_date)
ReleaseDumper.add_representer(dt.datetime, _represent_date)


def _put(data: dict[str, Any], key: str, value: Any) -> None:
    """Add a field unless it is empty: absent and empty mean the same in the format."""
    if value not in ("", None, [], {}):
        data[key] = value


def _with_extra(data: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    for key, value in extra.items():
        data.setdefault(key, value)
    return data


def _library(link: LibraryLink | None) -> dict[str, Any] | None:
    if link is None:
        return None
    data: dict[str, Any] = {"id": link.id}
    _put(data, "uid", link.uid)
    data["updated"] = link.updated
    return data


def _phone(phone: Phone) -> dict[str, Any]:
    data: dict[str, Any] = {"number": phone.number}
    _put(data, "label", phone.label)
    return _with_extra(data, phone.extra)


def _contact(contact: Contact) -> dict[str, Any]:
    data: dict[str, Any] = {"name": contact.name}
    for key in ("title", "organization", "city"):
        _put(data, key, getattr(contact, key))
    _put(data, "phones", [_phone(p) for p in contact.phones])
    _put(data, "email", contact.email)
    _put(data, "library", _library(contact.library))
    return _with_extra(data, contact.extra)


def _link(link: Link) -> dict[str, Any]:
    return _with_extra({"title": link.title, "url": link.url}, link.extra)


def _social(social: SocialHandle) -> dict[str, Any]:
    data: dict[str, Any] = {"network": social.network}
    _put(data, "handle", social.handle)
    _put(data, "url", social.url)
    return _with_extra(data, social.extra)


def _organization(org: Organization) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key in ("name", "website", "logo", "accent"):
        _put(data, key, getattr(org, key))

    _put(data, "social", [_social(s) for s in org.social])
    _put(data, "library", _library(org.library))
    return _with_extra(data, org.extra)


def _approval(approval: Approval) -> dict[str, Any]:
    data: dict[str, Any] = {"by": approval.by}
    for key in ("role", "at", "fingerprint"):
        _put(data, key, getattr(approval, key))
    _put(data, "fields", dict(approval.fields))
    return _with_extra(data, approval.extra)


def _translation(translation: Translation) -> dict[str, Any]:
    data: dict[str, Any] = {"source": translation.source}
    _put(data, "language", translation.language)
    _put(data, "segments", dict(translation.segments))
    return _with_extra(data, translation.extra)


def _dateline(dateline: Dateline) -> dict[str, Any]:
    data: dict[str, Any] = {}
    _put(data, "city", dateline.city)
    _put(data, "date", dateline.date)
    # The style is kept even before a city or date is typed: it is the user's choice.
    if data or dateline.style is not DatelineStyle.PARENTHETICAL:
        data["style"] = dateline.style.value
    return _with_extra(data, dateline.extra)


def front_matter_data(release: Release) -> dict[str, Any]:
    """The release's fields as the ordered mapping that is written to the file."""
    data: dict[str, Any] = {"presskit": FORMAT_VERSION, "status": release.status.value}
    _put(data, "embargo", release.embargo)
    _put(data, "timezone", release.timezone)
    data["headline"] = release.headline
    _put(data, "subheadline", release.subheadline)
    _put(data, "dateline", _dateline(release.dateline))
    data["language"] = release.language or DEFAULT_LANGUAGE
    _put(data, "organization", _organization(release.organization))
    _put(data, "boilerplate", release.boilerplate)
    _put(data, "boilerplate_library", _library(release.boilerplate_library))
    _put(data, "links", [_link(link) for link in release.links])
    _put(data, "contacts", [_contact(c) for c in release.contacts])
    data["theme"] = release.theme or DEFAULT_THEME
    data["end_mark"] = release.end_mark
    _put(data, "approvals", [_approval(a) for a in release.approvals])
    if release.translation is not None:
        data["translation"] = _translation(release.translation)
    return _with_extra(data, release.extra)


def dump_front_matter(release: Release) -> str:
    """The YAML text of the front matter (without the ``---`` lines)."""
    return yaml.dump(
        front_matter_data(release),
        Dumper=ReleaseDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=2**31 - 1,  # never fold long headlines across lines
    )
