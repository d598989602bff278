"""AP style for datelines: which cities stand alone, and how states are abbreviated.

The Associated Press Stylebook writes a dateline's city in capitals, followed by the state's
AP abbreviation ("SPRINGFIELD, Ill."), except for a list of cities that readers know without
one ("CHICAGO", "WASHINGTON", "LONDON"). Eight states are never abbreviated.
"""

from __future__ import annotations

import re

# U.S. cities that stand alone in datelines (AP Stylebook, "datelines").
US_STANDALONE = frozenset(
    """ATLANTA BALTIMORE BOSTON CHICAGO CINCINNATI CLEVELAND DALLAS DENVER DETROIT HONOLULU
    HOUSTON INDIANAPOLIS LAS_VEGAS LOS_ANGELES MIAMI MILWAUKEE MINNEAPOLIS NEW_ORLEANS
    NEW_YORK OKLAHOMA_CITY PHILADELPHIA PHOENIX PITTSBURGH ST._LOUIS SALT_LAKE_CITY
    SAN_ANTONIO SAN_DIEGO SAN_FRANCISCO SEATTLE WASHINGTON""".replace("_", " ").split()
)
# International cities that stand alone.
WORLD_STANDALONE = frozenset(
    """AMSTERDAM BAGHDAD BANGKOK BEIJING BEIRUT BERLIN BRUSSELS CAIRO DJIBOUTI DUBLIN GENEVA
    GIBRALTAR GUATEMALA_CITY HAVANA HELSINKI HONG_KONG ISLAMABAD ISTANBUL JERUSALEM
    JOHANNESBURG KABUL KUWAIT_CITY LONDON LUXEMBOURG MACAU MADRID MEXICO_CITY MILAN MONACO
    MONTREAL MOSCOW MUNICH NEW_DELHI PANAMA_CITY PARIS PRAGUE QUEBEC_CITY RIO_DE_JANEIRO ROME
    SAN_MARINO SAO_PAULO SHANGHAI SINGAPORE STOCKHOLM SYDNEY TOKYO TORONTO VATICAN_CITY
    VIENNA ZURICH""".replace("_", " ").split()
)

AP_STATES = {
    "alabama": "Ala.", "arizona": "Ariz.", "arkansas": "Ark.", "california": "Calif.",
    "colorado": "Colo.", "connecticut": "Conn.", "delaware": "Del.", "florida": "Fla.",
    "georgia": "Ga.", "illinois": "Ill.", "indiana": "Ind.", "kansas": "Kan.",
    "kentucky": "Ky.", "louisiana": "La.", "maryland": "Md.", "massachusetts": "Mass.",
    "michigan": "Mich.", "minnesota": "Minn.", "mississippi": "Miss.", "missouri": "Mo.",
    "montana": "Mont.", "nebraska": "Neb.", "nevada": "Nev.", "new hampshire": "N.H.",
    "new jersey": "N.J.", "new mexico": "N.M.", "new york": "N.Y.", "north carolina": "N.C.",
    "north dakota": "N.D.", "oklahoma": "Okla.", "oregon": "Ore.", "pennsylvania": "Pa.",
    "rhode island": "R.I.", "south carolina": "S.C.", "south dakota": "S.D.",
    "tennessee": "Tenn.", "vermont": "Vt.", "virginia": "Va.", "washington": "Wash.",
    "west virginia": "W.Va.", "wisconsin": "Wis.", "wyoming": "Wyo.",
    # Never abbreviated.
    "alaska": "Alaska", "hawaii": "Hawaii", "idaho": "Idaho", "iowa": "Iowa", "maine": "Maine",
    "ohio": "Ohio", "texas": "Texas", "utah": "Utah",
}  # fmt: skip
POSTAL_CODES = {
    "AL": "alabama", "AK": "alaska", "AZ": "arizona", "AR": "arkansas", "CA": "california",
    "CO": "colorado", "CT": "connecticut", "DE": "delaware", "FL": "florida", "GA": "georgia",
    "HI": "hawaii", "ID": "idaho", "IL": "illinois", "IN": "indiana", "IA": "iowa",
    "KS": "kansas", "KY": "kentucky", "LA": "louisiana", "ME": "maine", "MD": "maryland",
    "MA": "massachusetts", "MI": "michigan", "MN": "minnesota", "MS": "mississippi",
    "MO": "missouri", "MT": "montana", "NE": "nebraska", "NV": "nevada", "NH": "new hampshire",
    "NJ": "new jersey", "NM": "new mexico", "NY": "new york", "NC": "north carolina",
    "ND": "north dakota", "OH": "ohio", "OK": "oklahoma", "OR": "oregon", "PA": "pennsylvania",
    "RI": "rhode island", "SC": "south carolina", "SD": "south dakota", "TN": "tennessee",
    "TX": "texas", "UT": "utah", "VT": "vermont", "VA": "virginia", "WA": "washington",
    "WV": "west virginia", "WI": "wisconsin", "WY": "wyoming",
}  # fmt: skip
_DC = re.compile(r"^(washington)[\s,]*(d\.?\s?c\.?)?$", re.IGNORECASE)


def _state_name(text: str) -> str | None:
    """The state's full lower-case name for "Illinois", "IL", "Ill." or None."""
    cleaned = text.strip().rstrip(".")
    if cleaned.upper() in POSTAL_CODES and len(cleaned) == 2:
        return POSTAL_CODES[cleaned.upper()]
    if cleaned.lower() in AP_STATES:
        return cleaned.lower()
    for name, abbreviation in AP_STATES.items():
        if abbreviation.rstrip(".").lower() == cleaned.lower():
            return name
    return None


def ap_place(city: str) -> str:
    """The place part of an AP dateline: ``WASHINGTON``, ``SPRINGFIELD, Ill.``, ``LONDON``."""
    text = " ".join(city.split())
    if _DC.match(text):
        return "WASHINGTON"
    name, _, rest = text.partition(",")
    name = name.strip()
    state = _state_name(rest) if rest.strip() else None
    if state is None and not rest.strip():  # "Springfield IL": a trailing state code
        head, _, last = name.rpartition(" ")
        if head and (found := _state_name(last)) is not None and last.isupper():
            name, state = head, found
    upper = name.upper()
    if upper in US_STANDALONE or upper in WORLD_STANDALONE:
        return upper
    if state is not None:
        return f"{upper}, {AP_STATES[state]}"
    country = rest.strip()
    return f"{upper}, {country}" if country else upper
