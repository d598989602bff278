"""The columns of media-list exports (Cision, Muck Rack, Meltwater, ...) in several languages.

Press databases export journalists as CSV with headers of their own, and a user's own
spreadsheet says "Vorname" or "Prénom". Each field of a journalist has a set of header names
it is known by; headers are compared folded (any case, spaces, dashes and underscores
ignored), so "E-Mail", "e_mail" and "EMAIL" are one. :func:`column_map` says which column
feeds which field; a header it does not know is reported, not guessed.
"""

from __future__ import annotations

import re
import unicodedata

# Field -> the headers it is known by (folded with :func:`fold_header`).
ALIASES: dict[str, tuple[str, ...]] = {
    "first_name": (
        "first name",
        "firstname",
        "given name",
        "vorname",
        "prénom",
        "prenom",
        "nombre",
        "nome",
        "voornaam",
        "contact first name",
        "journalist first name",
    ),
    "last_name": (
        "last name",
        "lastname",
        "surname",
        "family name",
        "nachname",
        "familienname",
        "nom",
        "nom de famille",
        "apellido",
        "apellidos",
        "cognome",
        "achternaam",
        "contact last name",
        "journalist last name",
    ),
    "name": (
        "name",
        "full name",
        "contact name",
        "contact",
        "journalist",
        "journalist name",
        "vollständiger name",
        "nom complet",
        "nombre completo",
        "nome completo",
    ),
    "email": (
        "email",
        "e-mail",
        "email address",
        "e-mail address",
        "e-mail-adresse",
        "emailadresse",
        "mail",
        "courriel",
        "adresse e-mail",
        "adresse email",
        "correo",
        "correo electrónico",
        "correo electronico",
        "indirizzo email",
        "work email",
        "primary email",
        "contact email",
        "email 1",
        "e-mail 1",
    ),
    "outlet": (
        "outlet",
        "outlet name",
        "outlets",
        "outlet(s)",
        "media outlet",
        "publication",
        "media",
        "medium",
        "medien",
        "redaktion",
        "média",
        "media name",
        "source",
        "company",
        "firma",
        "organization",
        "organisation",
        "organization name",
        "société",
        "empresa",
        "medio",
    ),
    "title": (
        "title",
        "job title",
        "position",
        "role",
        "funktion",
        "position/titel",
        "titel",
        "berufsbezeichnung",
        "titre",
        "fonction",
        "poste",
        "cargo",
        "ruolo",
    ),
    "topics": (
        "beat",
        "beats",
        "topics",
        "topic",
        "subjects",
        "subject",
        "themen",
        "thema",
        "ressort",
        "ressorts",
        "sujets",
        "thèmes",
        "temas",
        "temi",
        "areas of coverage",
        "coverage",
        "interests",
    ),
    "language": ("language", "languages", "sprache", "langue", "idioma", "lingua", "taal"),
    "city": ("city", "stadt", "ort", "ville", "ciudad", "città", "location"),
    "phone": (
        "phone",
        "telephone",
        "phone number",
        "work phone",
        "office phone",
        "telefon",
        "telefonnummer",
        "téléphone",
        "teléfono",
        "telefono",
        "mobile",
        "mobile phone",
        "handy",
        "mobil",
        "portable",
    ),
    "twitter": ("twitter", "twitter handle", "x", "x handle"),
    "website": ("website", "web", "url", "webseite", "site web", "sitio web"),
    "notes": ("notes", "note", "notizen", "bemerkungen", "remarques", "notas", "comments"),
    "tags": ("tags", "tag", "lists", "list", "labels", "categories", "gruppen", "listes"),
    "do_not_contact": (
        "do not contact",
        "do not email",
        "dnc",
        "opt out",
        "opted out",
        "opt-out",
        "unsubscribed",
        "nicht kontaktieren",
        "ne pas contacter",
        "no contactar",
    ),
}


def fold_header(header: str) -> str:
    """A header as compared: NFC, any case, without spaces, dashes, dots or underscores."""
    text = unicodedata.normalize("NFC", header).casefold()
    return re.sub(r"[\s\-_.:/()]+", "", text)


_BY_HEADER: dict[str, str] = {
    fold_header(alias): name for name, aliases in ALIASES.items() for alias in aliases
}


def column_map(header: list[str]) -> tuple[dict[str, int], list[str]]:
    """(field -> column index, the headers no field knows). The first column of a field wins."""
    found: dict[str, int] = {}
    unknown = []
    for index, name in enumerate(header):
        field = _BY_HEADER.get(fold_header(name))
        if field is None:
            if name.strip():
                unknown.append(name)
        else:
            found.setdefault(field, index)
    return found, unknown


TRUE_WORDS = frozenset({"1", "true", "yes", "y", "x", "ja", "oui", "sí", "si", "wahr", "vrai"})


def is_true(cell: str) -> bool:
    """Whether a spreadsheet cell means yes ("TRUE", "yes", "x", "ja", ...)."""
    return cell.strip().casefold() in TRUE_WORDS


def split_cell(cell: str) -> list[str]:
    """The values of a cell holding several ("Tech; Science", "Tech, Science", "Tech | ...")."""
    return [part.strip() for part in re.split(r"[;,|]| ::: ", cell) if part.strip()]
