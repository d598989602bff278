"""Synthetic address books for the library benchmark: vCards and contacts at press-office scale.

The cards look like what phones and press databases export: vCard 3.0 with FN, N, ORG with a
unit, TITLE, two TELs, one or two EMAILs, a work ADR, a URL, a NOTE and CATEGORIES, names
with accents (Müller, Łódź, São Paulo) so folding is exercised. Deterministic for a seed.
"""

from __future__ import annotations

import random

from presskit.model.library import LibraryContact
from presskit.model.release import Phone

GIVEN = ["Ana", "Jana", "Mica", "José", "Zoë", "Łukasz", "Søren", "Ingrid", "Mary", "Chloé",
         "Björn", "Amélie", "Giulia", "Hiroshi", "Olusegun", "Priya", "Renée", "Tomás"]  # fmt: skip
FAMILY = ["Souza", "Weißmüller", "Bevington", "Núñez", "Øster", "Wareham", "Kowalczyk",
          "Dubois", "Rossi", "Tanaka", "Okafor", "Sharma", "Lefèvre", "García"]  # fmt: skip
OUTLETS = ["Süddeutsche Zeitung", "Le Monde", "The Guardian", "El País", "Reuters",
           "Gazeta Wyborcza", "Folha de São Paulo", "NHK", "Die Zeit"]  # fmt: skip
BEATS = ["climate", "health", "politics", "tech", "culture", "economy", "sport", "science"]
CITIES = ["München", "Paris", "London", "Madrid", "Łódź", "São Paulo", "Tokyo", "Zürich"]


def _person(rng: random.Random, index: int) -> tuple[str, str, str, str, str]:
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    outlet, city = rng.choice(OUTLETS), rng.choice(CITIES)
    ascii_family = family.encode("ascii", "ignore").decode().lower() or "x"
    email = f"{given[0].lower()}.{ascii_family}{index}@{outlet.split()[0].lower()}.example"
    return given, family, outlet, city, email


def contacts(count: int, seed: int = 7) -> list[LibraryContact]:
    """``count`` library contacts."""
    rng = random.Random(seed)
    result = []
    for index in range(count):
        given, family, outlet, city, email = _person(rng, index)
        result.append(
            LibraryContact(
                name=f"{given} {family}",
                title=rng.choice(["Reporter", "Editor", "Correspondent", "Producer"]),
                organization=outlet,
                city=city,
                phones=[Phone(f"+49 30 {rng.randrange(10**7):07d}", "work")],
                emails=[email],
                tags=rng.sample(BEATS, 2),
            )
        )
    return result


def vcards(count: int, seed: int = 7) -> bytes:
    """``count`` vCard 3.0 cards, CRLF, folded at 75 octets like real exporters."""
    rng = random.Random(seed)
    lines = []
    for index in range(count):
        given, family, outlet, city, email = _person(rng, index)
        beats = ",".join(rng.sample(BEATS, 2))
        note = f"Covers {beats.replace(',', ' and ')} for {outlet}\\; met at the {city} fair."
        card = [
            "BEGIN:VCARD", "VERSION:3.0", f"FN:{given} {family}", f"N:{family};{given};;;",
            f"ORG:{outlet};Newsroom", f"TITLE:{rng.choice(['Reporter', 'Editor'])}",
            f"TEL;TYPE=WORK,VOICE:+49 30 {rng.randrange(10**7):07d}",
            f"TEL;TYPE=CELL:+49 170 {rng.randrange(10**7):07d}",
            f"EMAIL;TYPE=INTERNET,WORK:{email}", f"ADR;TYPE=WORK:;;Hauptstraße {index};{city};;;",
            f"URL:https://{outlet.split()[0].lower()}.example/{index}", f"NOTE:{note}",
            f"CATEGORIES:{beats}", f"UID:urn:uuid:00000000-0000-4000-8000-{index:012d}",
            "END:VCARD",
        ]  # fmt: skip
        lines.extend(_fold(line) for line in card)
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _fold(line: str) -> str:
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > 74:
            parts.append(current)
            current = char
        else:
            current += char
    parts.append(current)
    return "\r\n ".join(parts)
