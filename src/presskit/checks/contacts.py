"""Press contact rules: every contact can be reached, once, at a usable address.

Rule ids: ``contact-unreachable``, ``contact-duplicate``, ``malformed-email``,
``malformed-phone``.
"""

from __future__ import annotations

from presskit.checks.addresses import email_problem, phone_problem
from presskit.checks.findings import Finding, error, sentence, warning
from presskit.model.release import Contact, Release
from presskit.model.validation import item_path


def contact_findings(release: Release) -> list[Finding]:
    """Findings for each press contact, in list order."""
    findings: list[Finding] = []
    seen: dict[tuple[str, str], int] = {}
    for i, contact in enumerate(release.contacts):
        findings += _reachability(contact, i)
        findings += _address_findings(contact, i, release.language)
        key = (contact.name.strip().casefold(), contact.email.strip().casefold())
        if not key[0]:
            continue  # a contact with no name: the model validation reports it
        if key in seen:
            findings.append(
                warning(
                    "contact-duplicate",
                    item_path("contacts", i),
                    f"{contact.name.strip()} is listed twice (contacts {seen[key] + 1} "
                    f"and {i + 1})",
                    "Remove one of the two entries",
                )
            )
        else:
            seen[key] = i
    return findings


def _label(contact: Contact, index: int) -> str:
    return contact.name.strip() or f"Contact {index + 1}"


def _reachability(contact: Contact, index: int) -> list[Finding]:
    if contact.email.strip() or any(phone.number.strip() for phone in contact.phones):
        return []
    return [
        warning(
            "contact-unreachable",
            item_path("contacts", index),
            f"{_label(contact, index)} has neither a phone number nor an email address",
            "Add a phone number, an email address, or both",
        )
    ]


def _address_findings(contact: Contact, index: int, language: str) -> list[Finding]:
    findings: list[Finding] = []
    for j, phone in enumerate(contact.phones):
        if not phone.number.strip():
            continue  # an empty entry: the model validation reports it
        if why := phone_problem(phone.number, language):
            findings.append(
                warning(
                    "malformed-phone",
                    f"{item_path('contacts', index)}.{item_path('phones', j, 'number')}",
                    f"{sentence(why)}; it is kept exactly as typed",
                    "Check the digits; write it with the country code so journalists abroad "
                    "can call, such as +1 646 203 8292",
                )
            )
    if contact.email.strip() and (why := email_problem(contact.email)):
        findings.append(
            error(
                "malformed-email",
                item_path("contacts", index, "email"),
                sentence(why),
                "Check the address for typing mistakes: it should look like name@example.org",
            )
        )
    return findings
