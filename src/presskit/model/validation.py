"""Validation of a release: every problem at once, each naming the field it concerns.

Field paths read like ``contacts[1].email``; list positions count from 1, as people count
("the first contact"), so a message can be read out to a user unchanged. These are the
problems that make a release wrong (no headline, an embargo with no zone, an address that is
not an email address). Advice about style and completeness lives in :mod:`presskit.checks`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from presskit.model.css_values import colour_problem
from presskit.model.release import Contact, Release, Status
from presskit.model.urls import LINK_SCHEMES, WEB_SCHEMES, looks_like_host, url_problem

__all__ = ["LINK_SCHEMES", "WEB_SCHEMES", "Problem", "url_problem", "validate_release"]

# BCP 47 language tag, the common subset: language[-script][-region][-variant...]
_LANGUAGE_TAG = re.compile(
    r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$"
)


def is_language_tag(tag: str) -> bool:
    """Whether ``tag`` has the shape of a BCP 47 language tag (``en-US``, ``de-DE-1996``)."""
    return bool(_LANGUAGE_TAG.match(tag))


def parse_language_tag(text: str) -> tuple[str, str | None]:
    """``text`` as a tag (``de_DE`` is taken as ``de-DE``), and why it is not one (None when
    it is): the one message for the command line and the editor."""
    tag = text.strip().replace("_", "-")
    if is_language_tag(tag):
        return tag, None
    return tag, f"'{text.strip()}' is not a language tag such as de-DE or fr"


_THEME_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


@dataclass(frozen=True)
class Problem:
    """Something wrong with one field of a release.

    ``refuses``: export cannot render the release until it is corrected. Every other problem
    is reported (a warning, or a note when ``note``) while the output does the sensible thing:
    the decision for each is the table in docs/file-format.md, "What Presskit refuses".
    """

    field: str
    message: str
    refuses: bool = True
    note: bool = False

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def item_path(list_name: str, index: int, key: str | None = None) -> str:
    """The field path of an item in a list, counting from 1: ``contacts[1].email``."""
    path = f"{list_name}[{index + 1}]"
    return f"{path}.{key}" if key else path


def is_email(value: str) -> bool:
    """Whether ``value`` is a syntactically valid email address (no network look-up)."""
    # Imported here: email_validator pulls in dnspython, which costs every start-up 35 ms.
    from email_validator import EmailNotValidError, validate_email  # noqa: PLC0415

    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def relative_path_problem(path: str) -> str | None:
    """Why ``path`` cannot be an asset path (relative, inside the release folder), or None."""
    if "://" in path or path.startswith("data:"):
        return f"'{path}' must be a file next to the release, not a web address"
    if PurePosixPath(path).is_absolute() or PureWindowsPath(path).is_absolute():
        return f"'{path}' must be a path relative to the release file, such as assets/logo.png"
    if ".." in PurePosixPath(path.replace("\\", "/")).parts:
        return f"'{path}' points outside the release folder"
    return None


def validate_release(release: Release) -> list[Problem]:
    """All problems of ``release``, in the order of the file's fields; empty when valid."""
    problems: list[Problem] = []
    add = problems.append
    if not release.headline.strip():
        add(Problem("headline", "a release needs a headline"))
    if release.status is Status.EMBARGOED and release.embargo is None:
        add(Problem("embargo", "an embargoed release needs an embargo date and time"))
    if release.embargo is not None and release.embargo.utcoffset() is None:
        add(Problem("embargo", "the embargo time needs a UTC offset, such as -04:00"))
    if release.timezone:
        problems.extend(_timezone_problems(release))
    if not is_language_tag(release.language):
        add(Problem("language", f"'{release.language}' is not a language tag such as en-US", False))
    problems.extend(_organization_problems(release))
    for i, link in enumerate(release.links):
        if not link.title.strip() and not link.url.strip():
            add(Problem(item_path("links", i), "an empty link; it is left out", False))
        elif link.url and (problem := _address_problem(item_path("links", i, "url"), link.url)):
            add(problem)
    for i, contact in enumerate(release.contacts):
        problems.extend(_contact_problems(contact, i))
    if not _THEME_NAME.match(release.theme):
        add(
            Problem(
                "theme", f"'{release.theme}' is not a theme name (lower-case letters, digits, -)"
            )
        )
    return problems


def _address_problem(path: str, url: str) -> Problem | None:
    """A note for a web address typed without ``https://`` (the outputs add it), a warning
    for one the outputs cannot use (printed as text or left out), else None."""
    schemes = LINK_SCHEMES if path.startswith("links") else WEB_SCHEMES
    if looks_like_host(url):
        why = f"'{url.strip()}' has no https://; the outputs add it"
        return Problem(path, why, refuses=False, note=True)
    if why := url_problem(url, schemes):
        return Problem(path, f"{why}; it is not a link in the outputs", refuses=False)
    return None


def _organization_problems(release: Release) -> list[Problem]:
    problems: list[Problem] = []
    add = problems.append
    org = release.organization
    if org.website and (problem := _address_problem("organization.website", org.website)):
        add(problem)
    if org.logo and (why := relative_path_problem(org.logo)):
        add(Problem("organization.logo", f"{why}; the logo is left out", False))
    if org.accent and (why := colour_problem(org.accent)):
        # The outputs only ever see a checked colour (model/css_values.py): nothing to refuse.
        add(Problem("organization.accent", f"{why}; the theme's colour is used", False))
    for i, social in enumerate(org.social):
        path = item_path("organization.social", i, "url")
        if social.url and (problem := _address_problem(path, social.url)):
            add(problem)
        if not (social.handle.strip() or social.url.strip()):
            why = "has neither a handle nor a URL, so the outputs leave it out"
            add(Problem(item_path("organization.social", i), why, False))
    return problems


def _contact_problems(contact: Contact, index: int) -> list[Problem]:
    problems = []
    if not contact.name.strip():
        why = "a contact needs a name; the outputs show what the contact has"
        problems.append(Problem(item_path("contacts", index, "name"), why, False))
    if contact.email and not is_email(contact.email):
        why = f"'{contact.email}' is not an email address; it is printed as text, not as a link"
        problems.append(Problem(item_path("contacts", index, "email"), why, False))
    for j, phone in enumerate(contact.phones):
        if not phone.number.strip():
            path = f"{item_path('contacts', index)}.{item_path('phones', j, 'number')}"
            problems.append(Problem(path, "a phone entry has no number; it is left out", False))
    return problems


def _timezone_problems(release: Release) -> list[Problem]:
    try:
        zone = ZoneInfo(release.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        why = (
            f"'{release.timezone}' is not a time zone such as Europe/Berlin; "
            "the embargo shows its UTC offset"
        )
        return [Problem("timezone", why, False)]
    embargo = release.embargo
    if embargo is None or embargo.utcoffset() is None:
        return []
    expected = embargo.astimezone(zone).utcoffset()
    if expected != embargo.utcoffset():
        local = embargo.astimezone(zone).isoformat()
        return [
            Problem(
                "embargo",
                f"the offset does not match {release.timezone} on that day; did you mean {local}?",
                False,
            )
        ]
    return []
