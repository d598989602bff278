"""Contact blocks as real releases lay them out: each person becomes a contact of their own,
with their own number, however the page ran the people together."""

from __future__ import annotations

import pytest

from presskit.importers import import_text

LEAD = (
    "\n\nWASHINGTON - The agency today announced a competition for grants to community "
    "colleges across the country, the Secretary said."
)


@pytest.mark.parametrize(
    ("top", "people"),
    [
        (  # one line, a comma after each title, no comma before the next name
            "Public Affairs Contacts: Brienne Magee, Flagstaff District Public Affairs "
            "Specialist, 928-527-8290 Brady Smith, Forest Public Affairs Officer, 928-527-3490 "
            "Dean Jones, Fire Officer, 928-527-3643",
            [
                ("Brienne Magee", "928-527-8290"),
                ("Brady Smith", "928-527-3490"),
                ("Dean Jones", "928-527-3643"),
            ],
        ),
        (  # a typewriter's columns: name, spaces, number
            "Contact:  Jerry Rodriguez     (406) 789-2305\n"
            "               Laurie Shannon    (303) 236-4317",
            [("Jerry Rodriguez", "(406) 789-2305"), ("Laurie Shannon", "(303) 236-4317")],
        ),
        (  # several names, one number they share
            "FOR IMMEDIATE RELEASE\nSaturday, April 29, 1995\nContact:  Anne Luzzatto\n"
            "Dianne Wildman\nKirsten Powers\n(202) 395-3230",
            [
                ("Anne Luzzatto", "(202) 395-3230"),
                ("Dianne Wildman", "(202) 395-3230"),
                ("Kirsten Powers", "(202) 395-3230"),
            ],
        ),
        (  # names on one line, their numbers in the same order on the next
            "Contact Name: Mike Volpe or David James\nPhone Number: 202-693-3984 or 202-693-4676",
            [("Mike Volpe", "202-693-3984"), ("David James", "202-693-4676")],
        ),
    ],
)
def test_each_person_of_a_contact_block_is_a_contact(
    top: str, people: list[tuple[str, str]]
) -> None:
    release = import_text(f"Agency Announces Grant Competition\n\n{top}{LEAD}").release
    assert [(c.name, c.phones[0].number) for c in release.contacts] == people


def test_the_commissions_for_more_information_in_a_paragraph_gives_the_contacts() -> None:
    release = import_text(
        "Juncker au Parlement hellénique\n\n"
        "Bruxelles, le 26 avril 2018 - Le président s'est adressé aujourd'hui au Parlement "
        "hellénique, réuni en session plénière. (Pour plus d'informations: Margaritis Schinas "
        "– Tél.: +32 229 60524; Natasha Bertaud – Tél.: +32 229 67456)"
    ).release
    assert [(c.name, c.phones[0].number) for c in release.contacts] == [
        ("Margaritis Schinas", "+32 229 60524"),
        ("Natasha Bertaud", "+32 229 67456"),
    ]
    assert "Parlement hellénique, réuni en session plénière" in release.body
