"""The scorer's cues in English, German, French and Spanish; datelines and embargoes in the
forms people write them; the command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from presskit.cli import main
from presskit.importers import import_text
from presskit.importers.dates import parse_dateline, parse_embargo
from presskit.importers.language import detect_language
from presskit.model.release import DatelineStyle, Status

RELEASES = {
    "de": (
        "PRESSEMITTEILUNG\n\nZUR SOFORTIGEN VERÖFFENTLICHUNG\n\nNeue Brücke verbindet zwei Stadtteile\n\n"  # noqa: E501
        "Berlin, 16. Oktober 2006 – Die neue Brücke über die Spree wird am Montag eröffnet, "
        "sagte die Senatorin. Sie ist für Fußgänger und Radfahrer gedacht und wurde in zwei "
        "Jahren gebaut.\n\nDie Kosten lagen bei zwölf Millionen Euro, die der Bund zur Hälfte "
        "trägt.\n\nEnde\n\nÜber die Stadtwerke\n\nDie Stadtwerke sind ein kommunales Unternehmen "
        "mit Sitz in Berlin.\n\nPressekontakt:\nAnna Schmidt\nTel.: +49 30 1234567\n"
        "anna.schmidt@example.de\n"
    ),
    "fr": (
        "COMMUNIQUÉ DE PRESSE\n\nPOUR DIFFUSION IMMÉDIATE\n\nUn nouveau pont relie deux quartiers\n\n"  # noqa: E501
        "Paris, le 5 mars 2020 – Le nouveau pont sur la Seine ouvre lundi, a déclaré la maire. Il "
        "est réservé aux piétons et aux cyclistes et a été construit en deux ans.\n\nLe coût "
        "s'élève à douze millions d'euros, dont la moitié est payée par l'État.\n\n- fin -\n\n"
        "À propos de la Ville\n\nLa Ville est une collectivité territoriale fondée en 1790.\n\n"
        "Contact presse :\nMarie Dupont\nTél. : +33 1 23 45 67 89\nmarie.dupont@example.fr\n"
    ),
    "es": (
        "NOTA DE PRENSA\n\nPARA DIFUSIÓN INMEDIATA\n\nUn nuevo puente une dos barrios\n\n"
        "Madrid, 12 de marzo de 2021.– El nuevo puente sobre el Manzanares abre el lunes, "
        "afirmó la alcaldesa. Está pensado para peatones y ciclistas y se construyó en dos años."
        "\n\nEl coste fue de doce millones de euros, la mitad pagada por el Estado.\n\n-fin-\n\n"
        "Acerca del Ayuntamiento\n\nEl Ayuntamiento es una institución pública fundada en 1561."
        "\n\nContacto de prensa:\nLucía García\nTel.: +34 91 123 45 67\nlucia.garcia@example.es\n"
    ),
}
DATES = {"de": dt.date(2006, 10, 16), "fr": dt.date(2020, 3, 5), "es": dt.date(2021, 3, 12)}


@pytest.mark.parametrize("language", sorted(RELEASES))
def test_a_release_in_each_language(language: str) -> None:
    result = import_text(RELEASES[language])
    release = result.release
    assert release.language.startswith(language)
    assert release.status is Status.IMMEDIATE
    assert release.headline.split()[0] in ("Neue", "Un")
    assert release.dateline.date == DATES[language]
    assert release.dateline.style is DatelineStyle.LOCALE
    assert release.end_mark.lower().strip("- ") in ("ende", "fin")
    assert any(word in release.boilerplate for word in ("Sitz", "fondée", "fundada"))
    assert release.contacts and "@example." in release.contacts[0].email
    assert release.contacts[0].phones
    assert "@" not in release.body


def test_embargo_with_zone_and_without() -> None:
    text = (
        "EMBARGOED UNTIL 10:00 a.m. EDT, Tuesday, Sept. 23, 2014\n\nHeadline Here Today\n\n"
        "WASHINGTON, Sept. 23, 2014 — The department said today that the new rules take effect."
    )
    release = import_text(text).release
    assert release.status is Status.EMBARGOED
    assert release.embargo == dt.datetime(2014, 9, 23, 14, 0, tzinfo=dt.UTC)
    assert release.timezone == "America/New_York"
    under = import_text(
        "EMBARGOED UNTIL\nApril 20, 2006\n\nContact:\nVictoria Hutter\n\nArts Endowment "
        "Announces More Than $63 Million in Grants\n\nWashington, D.C. - The National "
        "Endowment for the Arts today announced it will award more than $63 million in grants."
    ).release
    assert under.status is Status.EMBARGOED and under.embargo.date() == dt.date(2006, 4, 20)
    missing = parse_embargo("Embargoed: 10.00am 23 July 2019", "Europe/London")
    assert missing.zone_missing and missing.when.hour == 10


@pytest.mark.parametrize(
    ("text", "city", "date", "style"),
    [
        ("WASHINGTON, Sept. 23, 2014 — The", "Washington", "2014-09-23", "ap"),
        ("DEDHAM, MA - The company", "Dedham, MA", None, "ap"),
        (
            "(Washington DC, September 23, 2014) Today",
            "Washington DC",
            "2014-09-23",
            "parenthetical",
        ),
        ("London, 18 December 2003: The", "London", "2003-12-18", "locale"),
        ("Berlin, 16. Oktober 2006 – Die", "Berlin", "2006-10-16", "locale"),
        ("GENEVA, 3 July 2017 - The", "Geneva", "2017-07-03", "locale"),
        ("Washington, DC – The U.S. Marshals Service", "Washington, DC", None, "ap"),
        ("ARLINGTON, Va. The U.S. Department of Labor", "Arlington, Va.", None, "ap"),
        ("WASHINGTON, August 19 /Standard Newswire/ -- The", "Washington", None, "ap"),
        ("Washington, D.C., November 22, 2011 Nearly 200", "Washington, D.C.", "2011-11-22", "ap"),
        ("SANTA FE, N.M. – Santa Fe National Forest", "Santa Fe, N.M.", None, "ap"),
        ("WASHINGTON – (12 de octubre de 2017)—La Agencia", "Washington", "2017-10-12", "ap"),
        ("Wien - (OTS) Ab sofort stellt EUROSTAT", "Wien", None, "ap"),
        ("WASHINGTON--The Department of Transportation", "Washington", None, "ap"),
        ("ATLANTALa Agencia Federal Pequeños de Negocios", "Atlanta", None, "ap"),
        (
            "Yellowstone National Park, Wyo. — In a special",
            "Yellowstone National Park, Wyo.",
            None,
            "ap",
        ),
        ("Berlin (ots) - Ganz nah vor Ort", "Berlin", None, "ap"),
        ("(ots) - Die EU-Terminvorschau ist ein Service der Vertretungen", "", None, "ap"),
        (
            "MARINE CORPS AIR STATION MIRAMAR, Calif. (April 26, 2016) – Personnel",
            "Marine Corps Air Station Miramar, Calif.",
            "2016-04-26",
            "ap",
        ),
        (
            "SALINA, Kansas, August 3, 2012\ufffdState Conservationist",
            "Salina, Kansas",
            "2012-08-03",
            "ap",
        ),
    ],
)
def test_dateline_forms(text: str, city: str, date: str | None, style: str) -> None:
    found = parse_dateline(text)
    assert found is not None and found.city == city and found.style.value == style
    assert (found.date.isoformat() if found.date else None) == date


def test_language_detection() -> None:
    assert detect_language("Die Stadt und der Bund haben sich auf die neue Brücke geeinigt") == "de"
    assert detect_language("The city and the state have agreed on the new bridge for the") == "en"


def test_cli_writes_a_release_and_json(tmp_path: Path, capsys) -> None:
    source = tmp_path / "release.txt"
    source.write_text(RELEASES["de"], encoding="utf-8")
    assert main(["import", str(source), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)[0]
    assert report["fields"]["headline"]["lines"] == [[5, 5]]
    assert (tmp_path / "release.md").read_text(encoding="utf-8").startswith("---\n")
    assert main(["import", str(source)]) == 2  # exists: refuses to overwrite without --force
    letterhead = (
        Path(__file__).parents[1] / "data/import/sources/commerce-1995-brown-budget-proposals.txt"
    )
    assert main(["import", str(letterhead), "-o", str(tmp_path / "commerce.md")]) == 0
    summary = capsys.readouterr().out.splitlines()[1]  # its release number is left over
    assert summary == "  6 fields, 1 contact, 1 block not placed"
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"nope")
    assert main(["import", str(junk), "--force"]) == 2
    assert "junk.docx: not a Word document" in capsys.readouterr().err


def test_a_line_above_a_lead_that_opens_with_a_dateline_is_not_body() -> None:
    caption = import_text(
        "SFNF Offices Close For National Day Of Mourning\n\nOctober 5, 2018\n\n"
        "Contact: Julie Anne Overton\n\nSFNF offices will close Wednesday in honor of the "
        "President Courtesy photo\n\nSANTA FE, N.M. – Santa Fe National Forest offices and all "
        "Ranger District offices will close Wednesday, Dec. 5, for the National Day of Mourning."
    )
    release = caption.release
    assert release.dateline.city == "Santa Fe, N.M."
    assert release.body.startswith("Santa Fe National Forest offices")
    assert "Courtesy photo" in " ".join(b.text for b in caption.not_placed())
    under = import_text(
        "New Disaster Recovery Centers To Open\n\nStorm Victims Continue To Meet Officials\n\n"
        "Syracuse, NY – Six mobile centers will open in six counties to assist people "
        "affected by the storms and flooding this week."
    ).release
    assert under.subheadline == "Storm Victims Continue To Meet Officials"
    assert under.dateline.city == "Syracuse, NY" and under.body.startswith("Six mobile centers")


def test_a_mail_archive_navigation_and_an_unspaced_dash_dateline() -> None:
    release = import_text(
        "High temps mean higher fire risk\n\n"
        "[Date Prev][Date Next][Thread Prev][Thread Next][Date Index][Thread Index]\n\n"
        "Ketchikan, AK— Recent high temperatures, dry weather and fire can be a risky "
        "combination, fire officials said on Monday."
    ).release
    assert release.headline == "High temps mean higher fire risk"
    assert release.dateline.city == "Ketchikan, AK"
    assert "Date Prev" not in release.body and release.body.startswith("Recent high")


def test_a_letterhead_in_two_columns_and_the_release_lines_date() -> None:
    release = import_text(
        "G 95-71\n\n"
        "FOR IMMEDIATE RELEASE                     CONTACT:  Carol Hamilton\n"
        "Wednesday, September 20, 1995                    202-482-4883\n\n"
        "COMMERCE SECRETARY SAYS BUDGET PROPOSALS WILL COST MORE\n\n"
        "WASHINGTON -- The Commerce Secretary today criticized proposals to dismantle the "
        "department, calling them costly to the taxpayer."
    ).release
    assert release.headline == "COMMERCE SECRETARY SAYS BUDGET PROPOSALS WILL COST MORE"
    assert release.dateline.date == dt.date(1995, 9, 20)
    assert [(c.name, c.phones[0].number) for c in release.contacts] == [
        ("Carol Hamilton", "202-482-4883")
    ]


def test_an_unheaded_description_of_the_issuer_closing_the_release_is_its_boilerplate() -> None:
    release = import_text(
        "NCUA Statement on the Credit Union Decision\n\n"
        "Alexandria, Va., July 21, 2008 – Today the court rendered a decision in the case "
        "concerning the agency's approval of a six county area in Pennsylvania.\n\n"
        "It is important to note that this decision did not challenge the agency's community "
        "charter regulations, which remain in force across the country.\n\n"
        "The agency will review the decision and decide on its next steps in the coming weeks, "
        "the Chairman said in a statement today.\n\n"
        "The National Credit Union Administration charters and supervises federal credit "
        "unions and insures savings in federal and most state-chartered credit unions.\n\n"
        "-NCUA-"
    ).release
    assert release.boilerplate.startswith("The National Credit Union Administration charters")
    assert release.body.endswith("the Chairman said in a statement today.")


def test_an_iso_date_is_no_phone_number() -> None:
    from presskit.importers.features import phone_numbers

    assert phone_numbers("2012-07-06 New Orleans") == []
    assert phone_numbers("Contact: Caryl Fagot (504) 736-2590") == ["(504) 736-2590"]


def test_guillemets_are_no_breadcrumb_and_back_to_the_list_is_chrome() -> None:
    release = import_text(
        "Press releases\n\nBack to press releases\n\n"
        "For immediate release - 14/11/2022 - 12:00\n\n"
        "L’édition 2022 du sommet «Lieux de travail sains» célèbre la campagne\n\n"
        "L’Agence européenne pour la sécurité et la santé au travail lance aujourd’hui "
        "l’édition 2022 du sommet, qui célèbre la plus grande campagne mondiale."
    ).release
    headline = "L’édition 2022 du sommet «Lieux de travail sains» célèbre la campagne"
    assert release.headline == headline
    assert "Back to press releases" not in release.body


def test_a_reference_number_line_and_a_banner_are_not_the_headline_or_the_lead() -> None:
    release = import_text(
        "This page has not been translated. Please go to the Spanish home page for more "
        "information available in Spanish about the agency and its work for you.\n\n"
        "News Release 14-098\n\nInv. No(s). 332-542\n\nContact: Peg O'Laughlin, 202-205-1819\n\n"
        "Trade Act's Impact Still Negligible\n\n"
        "Imports under the act during 2013 continued to have a negligible overall effect on "
        "the economy and on consumers, the commission said in its report today."
    ).release
    assert release.headline == "Trade Act's Impact Still Negligible"
    assert release.body.startswith("Imports under the act")


def test_an_eu_institutions_letterhead_a_rule_and_a_speech_label_are_no_headline() -> None:
    release = import_text(
        "CONSEIL DE L'UNION EUROPÉENNE\n\n----------\n\n"
        "Speech: Pressestatement von Kommissionspräsident Juncker in Wien\n\n"
        "Wien, 19. Dezember 2017 - Guten Abend und grüß Gott. Ich freue mich, heute hier in "
        "Wien zu sein, und danke dem Bundeskanzler für die Einladung."
    ).release
    assert release.headline == "Pressestatement von Kommissionspräsident Juncker in Wien"


def test_a_double_spaced_title_in_capitals_going_on_with_a_small_word() -> None:
    release = import_text(
        "July 29, 1998\n\nNRC TO HOLD PUBLIC MEETING ON REPORTING REQUIREMENTS\n\n"
        "FOR NUCLEAR POWER PLANTS\n\n"
        "The Nuclear Regulatory Commission staff will hold a public meeting on August 21 to "
        "discuss proposed changes to its reporting requirements."
    ).release
    assert release.headline == (
        "NRC TO HOLD PUBLIC MEETING ON REPORTING REQUIREMENTS FOR NUCLEAR POWER PLANTS"
    )


@pytest.mark.parametrize(
    "line",
    [
        "This is archived information. It may contain outdated contact names.",
        "[Date Prev][Date Next][Thread Prev][Thread Next][Date Index][Thread Index]",
        "Back to press release page",
        "No comments:",
        "<p>",
        "neily.chapman Sat, 09/02/2023 - 12:41",
        "MMS Special Information Header",
        "image used for layout image used for layout",
        "No hay comentarios:",
        "Originaltext-Service unter Verantwortung des Aussenders | DEG/OTS",
        "Home : News : Press Releases",
        "Social Media Share Tools",
        "This page was last updated on May 26, 2020",
        "Seal of U.S. Department of Labor U.S. Department of Labor Employment & Training",
        "Reclamation News Releases News Releases from the Bureau of Reclamation",
        "US Department of Health and Human Services logo and link",
        "Skip Navigation",
        "News Masthead - U.S. Dept. of Transportation",
    ],
)
def test_page_furniture_of_this_corpus_is_chrome(line: str) -> None:
    from presskit.importers.features import phrase_cues

    assert "chrome" in phrase_cues(line)


def test_a_deck_under_the_date_and_contact_lines_is_the_subheadline() -> None:
    release = import_text(
        "Press Release\n\nCommerce Secretary Announces $2 Million Grant to Create Jobs in Texas\n"
        "November 30, 2009\nContact: John Atwood, (202) 482-4085\n"
        "EDA Grant Expected to Create 180 Jobs and Generate $6 Million in Private Investment\n\n"
        "WASHINGTON - The Commerce Secretary today announced a $2 million grant to the city "
        "to help build water system improvements needed to serve local businesses."
    ).release
    assert release.subheadline == (
        "EDA Grant Expected to Create 180 Jobs and Generate $6 Million in Private Investment"
    )
    assert release.body.startswith("The Commerce Secretary today announced")


@pytest.mark.parametrize(
    ("top", "date"),
    [  # a release line's date; a date on a long contact line
        ("For Immediate Release September 30, 2013", dt.date(2013, 9, 30)),
        (
            "MEDIA ADVISORY\n\nContact: Brian Walch November 13, 2017 Email: press@example.gov "
            "Tel: 202-376-8371",
            dt.date(2017, 11, 13),
        ),
    ],
)
def test_the_releases_date_from_the_lines_above_the_headline(top: str, date: dt.date) -> None:
    release = import_text(
        f"{top}\n\nCommission to Commemorate its 60th Anniversary\n\n"
        "Washington, DC – On November 14, at the Library of Congress, the Commission will "
        "commemorate its 60th anniversary with a program of speakers."
    ).release
    assert release.dateline.date == date


def test_a_list_pages_label_an_agency_name_and_a_release_number_before_the_headline() -> None:
    release = import_text(
        "Office of Thrift Supervision\n\nCRA Related News Releases\n\nMay 30, 1996\n\n"
        "OTS 96-34 - CRA Examination Schedule for 3rd Quarter 1996\n\n"
        "Office of Thrift Supervision\n\n"
        "WASHINGTON, D.C., May 30, 1996 -- The Office of Thrift Supervision today announced "
        "the availability of a schedule of examinations."
    ).release
    assert release.headline == "CRA Examination Schedule for 3rd Quarter 1996"


def test_a_list_pages_next_item_ends_the_release() -> None:
    result = import_text(
        "December 28, 2011\n\nOSHA finds 50 violations at shipyard in Mississippi\n\n"
        "PASCAGOULA, Miss. – The Occupational Safety and Health Administration has cited a "
        "contractor for 50 violations after receiving a complaint about safety hazards.\n\n"
        "December 20, 2011\n\nOSHA orders railroad to reinstate a worker\n\n"
        "SEATTLE – The Occupational Safety and Health Administration has ordered a railroad "
        "to reinstate a worker who was discharged in retaliation."
    )
    assert result.release.headline == "OSHA finds 50 violations at shipyard in Mississippi"
    assert result.release.body.endswith("after receiving a complaint about safety hazards.")
    assert "SEATTLE" in " ".join(b.text for b in result.not_placed())
