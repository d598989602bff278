"""Press contacts out of the blocks the scorer called contacts.

Contacts come as a block under "Media contact:", one per table cell or list item, several
stacked line by line, or run together on one line ("Mary Wareham, Human Rights Watch,
+1-646-203-8292 (mobile) or wareham@hrw.org"). Each becomes a :class:`Contact`: the name, a
job title, the organization, the city, the phones (found by phonenumbers, kept as typed,
with labels such as "mobile" or "Today:"), the email (checked by email-validator).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

import phonenumbers

from presskit.importers.cues import FOR_MORE_INFORMATION, PHONE_LABELS
from presskit.importers.features import EMAIL, URL, looks_like_name, phone_numbers, phrase_cues
from presskit.importers.model import Block, BlockKind
from presskit.model.contact_fields import check_email, region_from_language
from presskit.model.release import Contact, Phone

_CUE_HEAD = re.compile(
    r"^(?:(?:news |media |press )?(?:contacts?|enquiries|inquiries|information|relations)"
    r"(?: information| details)?|for (?:further|more|additional) information,? (?:please )?"
    r"(?:contact|call)|(?:presse|medien)-? ?kontakte?|kontakt(?: für die presse)?|"
    r"ansprechpartner(?:in)?|pressestelle|rückfragen(?: (?:&|und) kontakt)?|"
    r"contacts? (?:presse|médias?)|relations? presse|"
    r"contactos? (?:de prensa|para medios)|contacto|prensa|public affairs|spokes(?:person|man|woman))"  # noqa: E501
    r"\s*(?:\([^)]*\))?\s*[:\-–]?\s*",
    re.IGNORECASE,
)
_SPACED_AT = re.compile(r"(?<=\w)\s+@\s+(?=[\w-]+\.)")
_CITY_PREFIX = re.compile(r"^(?:in|à|en|in der|aus)\s+(?P<city>[^:]{2,40}):\s*", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:\n|,|;|\(|\)|\s[-–|/]\s|\bor\b|\boder\b|\bou\b|\bo\b)\s*")
_OBFUSCATED = re.compile(r"\S+(?:\s*\[(?:dot|at)\]\s*\S+)+", re.IGNORECASE)  # "anna [dot] eu"
_ORG_WORDS = re.compile(
    r"\b(headquarters|center|centre|office|agency|department|university|institute|"
    r"watch|international|foundation|association|ministry|commission|council|bureau|"
    r"service|laboratory|inc|ltd|gmbh|llc|ngo|campaign|network|press|media|communications|"
    r"relations|team)\b",
    re.IGNORECASE,
)


@dataclass
class ParsedContact:
    contact: Contact
    blocks: list[Block] = field(default_factory=list)


def parse_contacts(blocks: list[Block], language: str) -> list[ParsedContact]:
    """The contacts held by ``blocks`` (in source order), each with its blocks."""
    region = region_from_language(language)
    parsed: list[ParsedContact] = []
    for chunk in _chunks(blocks):
        text = "\n".join(_strip_heading(block.text) for block in chunk).strip()
        if not text:
            continue
        people = _paired(text, region) or [
            c for part in _split_people(text) if (c := _contact(part, region))
        ]
        if len(people) == 1:
            people = _sharing(people[0], text)
        known = {(c.contact.name, c.contact.email) for c in parsed}
        people = [c for c in people if (c.name, c.email) not in known]  # a page says it twice
        if people:
            parsed.extend(ParsedContact(contact, chunk) for contact in people)
        elif parsed:
            parsed[-1].blocks.extend(chunk)  # a stray line (an address) of the contact above
    return parsed


_CONJUNCTIONS = "or|and|oder|und|ou|et|o|y"  # between two people: "A or B", "A und B"
_OR = re.compile(rf"\s+(?:{_CONJUNCTIONS})\s+")


def _paired(text: str, region: str) -> list[Contact]:
    """Names on one line and their numbers on another, in the same order ("Contact Name:
    Mike Volpe or David James" / "Phone Number: 202-693-3984 or 202-693-4676")."""
    lines = [_LEAD_LABEL.sub("", line).strip() for line in text.split("\n") if line.strip()]
    for names_line, phones_line in itertools.pairwise(lines):
        names = _OR.split(names_line)
        phones = phone_numbers(phones_line)
        if len(names) >= 2 and len(names) == len(phones) and all(map(_person, names)):
            return [
                c
                for name, phone in zip(names, phones, strict=True)
                if (c := _contact(f"{name}\n{phone}", region)) is not None
            ]
    return []


def _sharing(contact: Contact, text: str) -> list[Contact]:
    """Several people named before one number or address they share ("Contact: Anne
    Luzzatto / Dianne Wildman / Kirsten Powers / (202) 395-3230"): a contact each."""
    if len(contact.phones) > 1 or len(EMAIL.findall(text)) > 1:
        return [contact]
    names = [n for n in dict.fromkeys(_people_named(text)) if not phone_numbers(n)]
    if len(names) < 2 or contact.name not in names:
        return [contact]
    return [Contact(name=name, email=contact.email, phones=list(contact.phones)) for name in names]


_LEAD_LABEL = re.compile(r"^\(?[^:()\d]{2,60}:\s*(?=[A-ZÀ-Ý])")
_PEOPLE_SEPARATOR = re.compile(rf"\s*[;,]\s*|\s+(?:{_CONJUNCTIONS})\s+(?=[^\W\d_])")
_PERSON_PARTS = re.compile(r"\s*(?:[:(),;\n]|\s[-–]\s)\s*")


_NEXT_PERSON = re.compile(  # "… 928-527-8290 Brady Smith, Forest …"
    r"(?<=\S)\s+(?=(?:[A-ZÀ-Ý][a-zà-ÿ'’-]+\s+(?:[A-Z]\.\s+)?)[A-ZÀ-Ý][a-zà-ÿ'’-]+\s*[,(–])"
)


def _new_lines_before_people(text: str) -> str:
    """A line break where a name follows a phone number or an address with no comma."""

    def cut(match: re.Match[str]) -> str:
        before = text[: match.start()].rsplit(None, 1)[-1]
        reached = before[-1:].isdigit() or EMAIL.fullmatch(before.rstrip(".,;"))
        return "\n" if reached else match.group()

    return _NEXT_PERSON.sub(cut, text)


def _split_people(text: str) -> list[str]:
    """Several people in one block ("(For more information: Christian Wigand – Tel.: +32 229
    62253, Sara Soumillion – Tel.: +32 229 67094)"): a part each, cut at the comma, semicolon
    or "and" where a new name follows one that already has a number or an address."""
    if len(phone_numbers(text)) + len(EMAIL.findall(text)) < 2:
        return [text]
    text = _new_lines_before_people(text)
    if len(_people_named(text)) < 2:  # one person with a phone and an address
        return [text]
    groups: list[str] = []
    for line in text.split("\n"):
        for number, part in enumerate(_PEOPLE_SEPARATOR.split(line)):
            part = _LEAD_LABEL.sub("", _unbracket(part.strip()))  # noqa: PLW2901
            named = any(_person(p) for p in _PERSON_PARTS.split(part) if p)
            reachable = groups and (phone_numbers(groups[-1]) or EMAIL.search(groups[-1]))
            if groups and not (named and reachable):
                groups[-1] += (", " if number else "\n") + part
            else:
                groups.append(part)
    return groups if len(groups) > 1 else [text]


def _people_named(text: str) -> list[str]:
    """The parts of ``text`` (past its label) that name a person."""
    return [p.strip() for p in _PERSON_PARTS.split(_LEAD_LABEL.sub("", text)) if _person(p)]


def _person(part: str) -> bool:
    """A part that names a person: name-shaped, and not a job title or an organization
    ("Senior Manager", "Acme Corp", "Human Rights Watch")."""
    return (
        looks_like_name(part)
        and "job_title" not in phrase_cues(part)
        and not _ORG_WORDS.search(part)
        and not re.search(r"\b(corp|co|inc|llc|ltd|gmbh|ag|sa|plc)\.?$", part, re.IGNORECASE)
    )


def _unbracket(part: str) -> str:
    """A part without the bracket a split left unbalanced: "(For more information: A" and
    "B – Tel.: 4567)" lose theirs, "(206) 555-0142" keeps its own."""
    if part.startswith("(") and ")" not in part:
        part = part[1:]
    if part.endswith(")") and "(" not in part:
        part = part[:-1]
    return part.strip()


_IN_SENTENCE = re.compile(
    r"\b(?:contact|call|e-?mail|reach|contacte[rz]?|kontaktieren sie|contacte con)\s+"
    r"(?P<name>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){1,2})"
    r"(?:,\s[^,.]{2,60},)?\s*(?:at|on|via|by|unter|au|al|en)?\s*(?:phone|telephone|email|e-mail)?\s*"
    r"(?P<how>[\w.+-]+@[\w.-]+\.[A-Za-z]{2,}|\+?\(?\d[\d\s().-]{6,20}\d)",
)


_FOR_MORE = re.compile(  # the Commission's "(For more information: A – Tel.: …; B – Tel.: …)"
    rf"\((?:{'|'.join(FOR_MORE_INFORMATION.values())})\s*:\s*(?P<people>[^()]{{10,400}})\)",
    re.IGNORECASE,
)


def contacts_in_sentence(block: Block, language: str) -> list[ParsedContact]:
    """People a sentence names as the ones to contact, with their number or address; the
    people a paragraph's "(For more information: …)" names."""
    region = region_from_language(language)
    found = [
        ParsedContact(contact, [block])
        for match in _FOR_MORE.finditer(block.text)
        for part in _split_people(match["people"])
        if (contact := _contact(part, region)) is not None and (contact.phones or contact.email)
    ]
    for match in _IN_SENTENCE.finditer(block.text):
        if not looks_like_name(match["name"]):
            continue
        tail = block.text[match.start("how") : match.start("how") + 120]
        reach = re.split(r"(?<=\d)[.;](?:\s|$)|\.\s", tail, maxsplit=1)[0]
        contact = _contact(f"{match['name']}\n{reach}", region_from_language(language))
        if contact is not None:
            found.append(ParsedContact(contact, [block]))
    return found


def _strip_heading(text: str) -> str:
    stripped = _CUE_HEAD.sub("", text.strip(), count=1)
    return stripped if "contact" in phrase_cues(text) or stripped != text.strip() else text


def _chunks(blocks: list[Block]) -> list[list[Block]]:
    """Blocks grouped by person: a cell, a list item, or a run of lines up to the next name."""
    chunks: list[list[Block]] = []
    for block in blocks:
        own_cell = block.kind in (BlockKind.TABLE_CELL, BlockKind.LIST_ITEM)
        if (
            not chunks
            or (own_cell and block.group != chunks[-1][-1].group)
            or _starts_person(block, chunks[-1])
        ):
            chunks.append([block])
        else:
            chunks[-1].append(block)
    return chunks


def _starts_person(block: Block, chunk: list[Block]) -> bool:
    """A new name after a chunk that already has its name and a way to reach them."""
    text = _strip_heading(block.text)
    if not _name_in(text):
        return False
    before = "\n".join(b.text for b in chunk)
    has_name = any(_name_in(_strip_heading(b.text)) for b in chunk)
    return has_name and bool(EMAIL.search(before) or phone_numbers(before))


_NAME_THEN_WIDGET = re.compile(r"^((?:[A-ZÀ-Ý][\w'’.-]+\s+){1,3})(?=[\d(])")


def _name_in(text: str) -> str:
    """The person's name a contact line gives: the line itself, or the name it starts with
    when a page's widget follows ("Jessica Robertson 1-click interview")."""
    if looks_like_name(text):
        return text
    prefix = _NAME_THEN_WIDGET.match(text.strip())
    name = prefix[1].strip() if prefix else ""
    return name if name and looks_like_name(name) else ""


def _contact(text: str, region: str) -> Contact | None:
    contact = Contact()
    text = _SPACED_AT.sub("@", text)  # "Heinz-Rudolf.Miko @ ec.europa.eu"
    city = _CITY_PREFIX.match(text)
    if city:
        contact.city = city["city"].strip()
        text = text[city.end() :]
    emails = [e for e in EMAIL.findall(text) if check_email(e) is None]
    contact.email = emails[0] if emails else ""
    contact.phones = _phones(text, region)
    rest = EMAIL.sub(" ", text)
    for phone in contact.phones:
        rest = rest.replace(phone.number, " ")
    rest = URL.sub(" ", _OBFUSCATED.sub(" ", rest))
    parts = [p for line in rest.split("\n") for p in _line_parts(line)]
    parts = [p for p in parts if p and not _is_label(p) and re.search(r"[^\W\d_]{2}", p)]
    for part in parts:
        if not contact.name and _name_in(part):
            contact.name = _name_in(part)
        elif (
            not contact.title
            and "job_title" in phrase_cues(part)
            and not _ORG_WORDS.fullmatch(part)
        ):
            contact.title = part
        elif not contact.organization and len(part) <= 80:
            contact.organization = part
    if not contact.name:
        if not (contact.email or contact.phones):
            return None
        contact.name = contact.organization or contact.title or "Press office"
        if contact.name == contact.organization:
            contact.organization = ""
    if not (contact.email or contact.phones) and not looks_like_name(contact.name):
        return None
    return contact


def _line_parts(line: str) -> list[str]:
    """A line's parts: split at commas when it runs several facts together ("Name, Org")."""
    line = line.strip(" .:()")
    parts = [p.strip(" .:()") for p in _SPLIT.split(line)]
    parts = [p for p in parts if p]
    if len(parts) > 1 and not looks_like_name(parts[0]) and len(line) <= 60:
        return [line]  # "Headquarters, Washington": one fact with a comma in it
    return parts


def _is_label(text: str) -> bool:
    lowered = text.lower().strip(" :.")
    return any(lowered == word or lowered in ("e-mail", "email", "mail", "courriel", "correo")
               for words in PHONE_LABELS.values() for word in words)  # fmt: skip


def _phones(text: str, region: str) -> list[Phone]:
    phones: list[Phone] = []
    seen: set[str] = set()
    for match in phonenumbers.PhoneNumberMatcher(
        EMAIL.sub(lambda m: " " * len(m.group()), text), region
    ):
        raw = match.raw_string.strip()
        phones.append(Phone(raw, _label(text, match.start, match.end)))
        seen.add(re.sub(r"\D", "", raw))
    for raw in phone_numbers(text):  # numbers phonenumbers finds implausible: keep them too
        digits = re.sub(r"\D", "", raw)
        if not any(digits in s or s in digits for s in seen):
            start = text.find(raw)
            phones.append(Phone(raw, _label(text, start, start + len(raw))))
            seen.add(digits)
    return phones


def _label(text: str, start: int, end: int) -> str:
    """A label written just before ("Mobile: ") or after ("(mobile)") a number."""
    before = text[max(0, start - 24) : start].lower()
    before = re.split(r"[\n,;]|\bor\b", before)[-1]
    after = text[end : end + 20].lower()
    after = re.split(r"[\n,;]|\bor\b", after)[0]
    for label, words in PHONE_LABELS.items():
        for word in words:
            pattern = rf"(?<![\w]){re.escape(word)}(?![\w])"
            if re.search(pattern + r"\s*[:.]?\s*$", before) or re.search(
                r"^\s*\(?" + pattern, after
            ):
                return label if label != "today" else word.capitalize() + ":"
    return ""
