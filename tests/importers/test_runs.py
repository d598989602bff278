"""A release's top run together on one line is cut into its parts; prose is left whole."""

from __future__ import annotations

import pytest

from presskit.importers import import_text
from presskit.importers.runs import split_run


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "June 22, 2015 MEDIA ADVISORY M15-096 Media Invited to Tour Mars Exhibits with "
            "Senior NASA Leaders Senior NASA officials will help showcase the work.",
            [
                "June 22, 2015",
                "MEDIA ADVISORY M15-096",
                "Media Invited to Tour Mars Exhibits with Senior NASA Leaders",
                "Senior NASA officials will help showcase the work.",
            ],
        ),
        (
            "FEMA Y SOCIOS CONTINÚAN APOYANDO LA RESPUESTA [https://www.fema.gov/es/node/1] "
            "Release Date: septiembre 30, 2022 WASHINGTON -- La administradora se encuentra hoy.",
            [
                "FEMA Y SOCIOS CONTINÚAN APOYANDO LA RESPUESTA",
                "[https://www.fema.gov/es/node/1]",
                "Release Date: septiembre 30, 2022",
                "WASHINGTON -- La administradora se encuentra hoy.",
            ],
        ),
        (
            "PRESS RELEASE | DECEMBER 04, 2019 Bureau Statement on a News Story This morning "
            "a paper published a story.",
            [
                "PRESS RELEASE | DECEMBER 04, 2019",
                "Bureau Statement on a News Story",
                "This morning a paper published a story.",
            ],
        ),
        (
            "Comisión Europea - Preguntas y respuestas Preguntas y respuestas: el certificado "
            "Bruselas, 1 de junio de 2021 El certificado facilitará la libre circulación.",
            [
                "Comisión Europea - Preguntas y respuestas",
                "Preguntas y respuestas: el certificado",
                "Bruselas, 1 de junio de 2021",
                "El certificado facilitará la libre circulación.",
            ],
        ),
        (
            "16 July 2021 NextGenerationEU: Commission endorses the recovery plan The "
            "European Commission has today adopted a positive assessment.",
            [
                "16 July 2021",
                "NextGenerationEU: Commission endorses the recovery plan",
                "The European Commission has today adopted a positive assessment.",
            ],
        ),
        (
            "MEDIA ADVISORY M13-131 NASA Invites Media to Meet New Astronaut Candidates The "
            "eight astronaut candidates who arrived this week will meet the press.",
            [
                "MEDIA ADVISORY M13-131",
                "NASA Invites Media to Meet New Astronaut Candidates",
                "The eight astronaut candidates who arrived this week will meet the press.",
            ],
        ),
        (
            "USDA UPDATES AREAS OF IDAHO QUARANTINED FOR November 5, 2009 The U.S. Department "
            "of Agriculture’s Animal and Plant Health Inspection Service (APHIS) is advising the "
            "public that changes have been made.",
            [
                "USDA UPDATES AREAS OF IDAHO QUARANTINED FOR",
                "November 5, 2009",
                "The U.S. Department of Agriculture’s Animal and Plant Health Inspection Service "
                "(APHIS) is advising the public that changes have been made.",
            ],
        ),
        (
            "U.S. Department of the Interior Office of Surface Mining For immediate release "
            "Contact: Renae Yergan-Willis August 22, 2003 (202) 208-2565 FEDERAL OFFICE OF "
            "SURFACE MINING TO ENFORCE MISSOURI COAL MINING PROGRAM WASHINGTON, DC -- The "
            "Office of Surface Mining today notified Missouri that it will step in.",
            [
                "U.S. Department of the Interior Office of Surface Mining",
                "For immediate release",
                "Contact: Renae Yergan-Willis August 22, 2003 (202) 208-2565",
                "FEDERAL OFFICE OF SURFACE MINING TO ENFORCE MISSOURI COAL MINING PROGRAM",
                "WASHINGTON, DC -- The Office of Surface Mining today notified Missouri that it "
                "will step in.",
            ],
        ),
        (
            "Kommissionsvertreter Jörg Wojahn diskutierte in Favoriten mit Bürgern Brüssel/Wien "
            "(ec) - Nicht hinterm Schreibtisch verstecken, sondern hinaus auf die Straße.",
            [
                "Kommissionsvertreter Jörg Wojahn diskutierte in Favoriten mit Bürgern",
                "Brüssel/Wien (ec) - Nicht hinterm Schreibtisch verstecken, sondern hinaus auf "
                "die Straße.",
            ],
        ),
        (
            "Press Statements – VA News https://news.example.gov hourly 1 Statement from the "
            "Secretary regarding Memorial Day https://news.example.gov/statement-memorial-day/ "
            "Fri, 23 May 2025 WASHINGTON – The Secretary today released the following statement.",
            [  # the item's link after its title cuts; the channel's link before "hourly" not
                "Press Statements – VA News https://news.example.gov hourly 1 Statement from the "
                "Secretary regarding Memorial Day",
                "https://news.example.gov/statement-memorial-day/",
                "Fri, 23 May 2025",
                "WASHINGTON – The Secretary today released the following statement.",
            ],
        ),
        (
            "NR 97-14 February 11, 1997 OCC Web Site Lists Persons Banned From Banking "
            "WASHINGTON -- The Comptroller of the Currency today began posting names.",
            [
                "NR 97-14",
                "February 11, 1997",
                "OCC Web Site Lists Persons Banned From Banking",
                "WASHINGTON -- The Comptroller of the Currency today began posting names.",
            ],
        ),
        (
            "Partager cette page: Environ 2500 travailleurs licenciés de l'ancienne société "
            "française de transport recevront une aide.",
            [
                "Partager cette page:",
                "Environ 2500 travailleurs licenciés de l'ancienne société française de "
                "transport recevront une aide.",
            ],
        ),
        (
            "date 2024-06-06 FORT SILL, OK — With great pride Fort Sill will mark the Army's "
            "birthday with an observance.",
            [
                "date 2024-06-06",
                "FORT SILL, OK — With great pride Fort Sill will mark the Army's birthday with an "
                "observance.",
            ],
        ),
        (
            "For Immediate Release 99-72 Exchange Failed To Enforce Floor Broker Compliance; "
            "Exchange Agrees to Remedies Washington, DC, June 29, 1999 -- The Commission "
            "announced today that it instituted and settled proceedings.",
            [
                "For Immediate Release 99-72",
                "Exchange Failed To Enforce Floor Broker Compliance; Exchange Agrees to Remedies",
                "Washington, DC, June 29, 1999 -- The Commission announced today that it "
                "instituted and settled proceedings.",
            ],
        ),
    ],
)
def test_a_run_together_top_is_cut_into_its_parts(text: str, pieces: list[str]) -> None:
    assert split_run(text) == pieces


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Environmental Protection Agency (EPA) today announced grants to 35 states. "
        "The money helps.",
        "WASHINGTON, D.C. -- La Agencia Federal para el Manejo de Emergencias insta a todos.",
        "On March 28, USGS scientists will release a report and the first maps of hazards.",
        "NASA will hold a briefing on Thursday, June 25, in the Rayburn House Office Building.",
        "BERLIN, 16. Oktober 2006 – Die Kommission hat heute einen Bericht vorgelegt.",
        "Administrator Lisa Jackson said The Hague agreement was signed by all the parties.",
        "NEW YORK, NY - U.S Immigration and Customs Enforcement (ICE) announced today that a "
        "seven-day operation ended.",
        "DEC 27 -- (Washington, DC) – Today, the Acting Administrator announced that the "
        "funding will allow the agency to hire agents.",
        "Today, the U.S. Department of Health and Human Services (HHS), through the Health "
        "Resources and Services Administration (HRSA), is announcing awards totaling $107.2 "
        "million to 310 recipients.",
    ],
)
def test_prose_is_left_whole(text: str) -> None:
    assert split_run(text) == [text]


def test_pasted_one_line_release_gets_its_headline_and_lead() -> None:
    result = import_text(
        "June 22, 2015 MEDIA ADVISORY M15-096 Media Invited to Tour Mars Exhibits with "
        "Senior NASA Leaders Senior NASA officials will help showcase the agency's work on "
        "Mars during an event Thursday, June 25, in Washington. Media planning to attend "
        "should contact the newsroom by 4 p.m. Wednesday. -end-"
    )
    release = result.release
    assert release.headline == "Media Invited to Tour Mars Exhibits with Senior NASA Leaders"
    assert release.body.startswith("Senior NASA officials will help showcase")
    assert str(release.dateline.date) == "2015-06-22"


def test_a_labelled_date_ending_the_line_is_one_piece() -> None:
    text = "Fecha de Publicación: 19 de septiembre de 2005"
    assert split_run(text) == [text]


def test_a_page_menu_title_with_date_and_teaser_are_not_the_release() -> None:
    """A menu that lost its line breaks is not the headline; a headline ending in the list
    page's date gives the date and loses it; the next item's teaser is not body."""
    result = import_text(
        "Maps, Imagery, and Publications Hazards Newsroom Education Jobs Library About\n\n"
        "Juncker Messer-Attacke Finnland 21/08/2017\n\n"
        "Kommissionspräsident Jean-Claude Juncker hat am Freitagabend auf die Messer-Attacke "
        "in Finnland mit zwei Toten und acht Verletzten reagiert, sagte ein Sprecher.\n\n"
        "Interpol Türkei Akhanli Spanien 21/08/2017\n"
    )
    release = result.release
    assert release.headline == "Juncker Messer-Attacke Finnland"
    assert str(release.dateline.date) == "2017-08-21"
    assert release.body.startswith("Kommissionspräsident Jean-Claude Juncker")
    assert "Interpol" not in release.body
    assert "Newsroom" not in release.body + release.headline


def test_several_people_on_one_contact_line_are_each_a_contact() -> None:
    """The Commission's "(For more information: A – Tel.: …, B – Tel.: …)" and a German
    line with masked addresses and names in brackets joined by "und"."""
    from presskit.importers.contacts import parse_contacts
    from presskit.importers.model import Block

    lines = {
        "(Pour plus d'informations: Christian Wigand – tél.: +32 229 62253, Sara Soumillion "
        "– tél.: +32 229 67094)": ["Christian Wigand", "Sara Soumillion"],
        "Pressekontakt: gabriele [dot] imhoff [dot] eu (Gabriele Imhoff), Tel.: +49 (30) "
        "2280-2820 und katrin [dot] abele [dot] eu (Katrin Abele), Tel.: +49 (30) 2280-2140": [
            "Gabriele Imhoff",
            "Katrin Abele",
        ],
        "Mary Wareham, Human Rights Watch, +1-646-203-8292 (mobile) or wareham@hrw.org": [
            "Mary Wareham"
        ],
    }
    for line, names in lines.items():
        found = parse_contacts([Block(line)], "fr")
        assert [p.contact.name for p in found] == names, line
        assert all(p.contact.phones for p in found)


def test_a_contact_named_in_a_sentence_becomes_the_contact_and_the_sentence_stays() -> None:
    result = import_text(
        "You are viewing ARCHIVED content published online before January 20, 2025.\n\n"
        "Service Offers Earth Day Story Ideas\n\n"
        "Looking for story ideas for Earth Day? The Service can help with a series of "
        "features on endangered species, posted daily during the week.\n\n"
        "To receive an Earth Day packet (stories and photographs) contact Kim Mitchell at "
        "612-725-3276, Ext. 234.\n"
    )
    release = result.release
    assert release.headline == "Service Offers Earth Day Story Ideas"
    assert [(c.name, [p.number for p in c.phones]) for c in release.contacts] == [
        ("Kim Mitchell", ["612-725-3276"])
    ]
    assert "contact Kim Mitchell at 612-725-3276" in release.body
    assert "ARCHIVED" not in release.body


def test_parts_glued_together_and_a_stored_date_are_cut_apart() -> None:
    glued = "Presseartikel29. September 2017Vertretung in DeutschlandLesedauer: 1 Min"
    assert split_run(glued) == [
        "Presseartikel",
        "29. September 2017",
        "Vertretung in Deutschland",
        "Lesedauer: 1 Min",
    ]
    stored = "date 2018-07 Juncker: Solidarität und Schutz der Außengrenzen gehen zusammen"
    assert split_run(stored)[0] == "date 2018-07"


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Wien (OTS) - Ab Juli 2018 wird Österreich den Vorsitz im Rat übernehmen.", "Wien"),
        ("BERLIN (dpa) - Die Regierung hat heute einen Bericht beschlossen.", "Berlin"),
        ("WASHINGTON -- The agency said today it would act on the report.", "Washington"),
        ("SAN JUAN, Puerto Rico – Si sufrió daños, inscríbase hoy.", "San Juan, Puerto Rico"),
    ],
)
def test_datelines_with_a_wire_tag_or_a_two_word_region(text: str, city: str) -> None:
    from presskit.importers.dates import parse_dateline

    found = parse_dateline(text)
    assert found is not None and found.city == city


@pytest.mark.parametrize(
    "text",
    [
        "AVISO - Pressekonferenz: Die EU aus der Sicht der Österreicher",
        "Le 24 août 2016 : Inondations en Louisiane et dans le Mississippi",
        "Juncker Messer-Attacke Finnland 21/08/2017",
    ],
)
def test_no_city_in_a_type_an_article_or_a_title(text: str) -> None:
    from presskit.importers.dates import parse_dateline

    found = parse_dateline(text)
    assert found is None or not found.city, found


def test_a_media_advisorys_what_and_when_are_its_body() -> None:
    result = import_text(
        "MEDIA ADVISORY\n\nPress Preview for the Public Vaults Exhibition\n\n"
        "Media Contact:\nNational Archives Public Affairs\n(202) 501-5526\n\n"
        "WHAT:\nA special press preview and breakfast to launch the permanent exhibition.\n\n"
        "WHEN:\nThursday, October 28, 2004, 8:30 a.m.\n"
    )
    release = result.release
    assert release.headline == "Press Preview for the Public Vaults Exhibition"
    assert release.body.startswith("WHAT:")
    assert "WHEN:" in release.body
    assert [c.phones[0].number for c in release.contacts] == ["(202) 501-5526"]


@pytest.mark.parametrize(
    ("text", "city"),
    [
        (
            "El Paso, Texas - U.S. Customs and Border Protection officers recorded arrests.",
            "El Paso, Texas",
        ),
        (
            "Washington, D.C. - The National Park Service opens the summer season.",
            "Washington, D.C.",
        ),
    ],
)
def test_a_city_and_state_in_mixed_case_before_a_dash(text: str, city: str) -> None:
    from presskit.importers.dates import parse_dateline

    found = parse_dateline(text)
    assert found is not None and found.city == city
    assert parse_dateline("Hello, World - this is no dateline at all.") is None


@pytest.mark.parametrize(
    "text",
    [
        "Acme chief executive Jane Doe joined The Nature Conservancy board on Monday to lead "
        "its climate work, the company announced.",
        "Nach Angaben der Partei Die Linke wurden die Mittel im Haushalt deutlich gekürzt, "
        "sagte ein Sprecher am Montag.",
        "Le ministre a présenté Le Monde diplomatique lors de la conférence de presse à Paris.",
        "Media contacts: Anna Bell, 202-555-0101, anna.bell@agency.example; Tom Reed, 202-555-0102",
    ],
)
def test_a_lead_or_a_contact_line_with_a_capitalised_article_stays_whole(text: str) -> None:
    """Found by review: a sentence's "The"/"Die"/"Le" alone once cut a lead, and "Media
    contacts:" was cut after "Media"."""
    assert split_run(text) == [text]


def test_one_person_on_one_line_with_a_phone_and_an_address_is_one_contact() -> None:
    from presskit.importers.contacts import parse_contacts
    from presskit.importers.model import Block

    for line, (name, other) in {
        "Media contact: Jane Doe, 206-555-0142, Acme Corp, jane.doe@acme.example": (
            "Jane Doe",
            "Acme Corp",
        ),
        "Contact: Jane Doe, (555) 123-4567, Senior Manager, jane@acme.com": (
            "Jane Doe",
            "Senior Manager",
        ),
    }.items():
        (found,) = parse_contacts([Block(line)], "en")
        contact = found.contact
        assert contact.name == name and other in (contact.organization, contact.title)
        assert contact.email and contact.phones[0].number in line


@pytest.mark.parametrize(
    "text",
    [
        "Today, Google – Alphabet's research arm – announced a new quantum chip.",
        "Yesterday, Mayor Smith - The city council voted on the budget.",
    ],
)
def test_a_lead_that_opens_with_a_comma_is_no_dateline(text: str) -> None:
    from presskit.importers.dates import parse_dateline

    assert parse_dateline(text) is None
