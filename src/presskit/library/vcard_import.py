"""One decoded vCard to a library contact, through vobject.

:mod:`presskit.library.vcard_text` has undone the encodings; here the properties a contact
needs are written out again as one clean vCard 3.0 card (2.1 escaping converted, bare commas
escaped so vobject does not cut ``FN:Doe, John`` at the comma) and parsed with vobject, which
splits structured values and removes the escapes. Then the fields are mapped:

- name: FN; else N; else ORG; else the first EMAIL (with a warning, as the card has no name)
- organization: the first component of ORG (the department units are left out)
- title: TITLE; city: the locality of the work address, else the preferred, else any
- phones: TEL, labelled from an ``X-ABLabel`` of the same group, else from TYPE
  (see :mod:`presskit.library.vcard_labels`); emails: every EMAIL; website: the first URL;
  notes: every NOTE; tags: CATEGORIES. Photos, keys and sounds are skipped.
"""

from __future__ import annotations

import re
from typing import Any

import vobject
import vobject.vcard

from presskit.library.vcard_labels import label_from_custom, label_from_types, type_values
from presskit.library.vcard_text import MAX_PROPERTY_BYTES, Card, Property
from presskit.model.library import LibraryContact
from presskit.model.release import Phone

_USED = frozenset(
    {"FN", "N", "ORG", "TITLE", "TEL", "EMAIL", "URL", "NOTE", "ADR", "CATEGORIES", "X-ABLABEL"}
)
_LISTS = frozenset({"N", "ADR", "CATEGORIES"})  # where a bare comma separates values
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TYPE_TOKEN = re.compile(r"^[A-Za-z0-9-]+$")
_ESCAPE_OR_COMMA = re.compile(r"\\.?|,", re.DOTALL)
_NAME_ORDER = ("family", "given", "additional", "prefix", "suffix")
_ADDRESS_ORDER = ("box", "extended", "street", "city", "region", "code", "country")


class CardError(Exception):
    """A card that cannot become a contact; the message says why."""


def contact_from_card(card: Card) -> tuple[LibraryContact, list[str]]:
    """The contact a card holds, and warnings about it. Raises CardError."""
    warnings = [
        f"line {line}: {name} is {_size(size)}, more than the {_size(MAX_PROPERTY_BYTES)} "
        "a property may hold; left out"
        for line, name, size in card.too_long
        if name in _USED
    ]
    try:
        component = _fast_component(card) or vobject.readOne(clean_card_text(card))
    except MemoryError:
        raise CardError("cannot be read: it is too large to read in memory") from None
    except Exception as exc:  # vobject raises many types; any of them means "unreadable"
        raise CardError(f"cannot be read: {str(exc) or type(exc).__name__}") from None
    contact, more = _contact(component)
    return contact, warnings + more


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    return f"{count // 1024} KB"


def clean_card_text(card: Card) -> str:
    """The properties Presskit uses, as a vCard 3.0 card vobject reads without surprises."""
    lines = ["BEGIN:VCARD", "VERSION:3.0"]
    for prop in card.properties:
        if prop.name not in _USED:
            continue
        name = f"{prop.group}.{prop.name}" if prop.group else prop.name
        types = [t for t in type_values(prop.params) if _TYPE_TOKEN.match(t)]
        params = f";TYPE={','.join(types)}" if types else ""
        lines.append(f"{name}{params}:{_escaped(prop, card.version)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


class _Line:
    """What the mapping below reads of a vobject ContentLine: value, params, group."""

    __slots__ = ("group", "params", "value")

    def __init__(self, value: Any, params: dict[str, list[str]], group: str | None):
        self.value = value
        self.params = params
        self.group = group


class _Component:
    """What the mapping below reads of a vobject Component: lines by lower-case name."""

    def __init__(self) -> None:
        self.contents: dict[str, list[_Line]] = {}


def _fast_component(card: Card) -> _Component | None:
    """The component vobject would make of :func:`clean_card_text`, without vobject.

    That text is fully under our control (names from a fixed set, TYPE tokens, strict
    escapes, no line breaks), so vobject's parsing reduces to its value decoding, done here
    the same way (see :func:`_text_values`) at a fifth of the cost; tests compare the two on
    every real-world file. None (use vobject) if anything is unexpected.
    """
    component = _Component()
    try:
        for prop in card.properties:
            if prop.name not in _USED:
                continue
            types = [t for t in type_values(prop.params) if _TYPE_TOKEN.match(t)]
            value = _native(prop.name, _escaped(prop, card.version))
            line = _Line(value, {"TYPE": types} if types else {}, prop.group or None)
            component.contents.setdefault(prop.name.lower(), []).append(line)
    except Exception:  # vobject then reads it, and says what is wrong
        return None
    return component


def _native(name: str, text: str) -> Any:
    """A property's value as vobject's vCard 3.0 behaviours decode it."""
    if name == "N":
        return vobject.vcard.Name(**dict(zip(_NAME_ORDER, _split_fields(text), strict=False)))
    if name == "ADR":
        return vobject.vcard.Address(**dict(zip(_ADDRESS_ORDER, _split_fields(text), strict=False)))
    if name == "ORG":
        return _split_fields(text)
    if name == "CATEGORIES":
        return _text_values(text)
    return _text_values(text)[0]


def _split_fields(text: str) -> list[Any]:
    """vobject's ``splitFields``: ``;`` separates fields, ``,`` values within one."""
    fields = []
    for part in _text_values(text, ";", ";"):
        values = _text_values(part)
        fields.append(values[0] if len(values) == 1 else values)
    return fields


def _text_values(text: str, separator: str = ",", escapable: str = '\\;,Nn"') -> list[str]:
    """vobject's ``stringToTextValues``: split at unescaped separators, undo the escapes.

    Like vobject, an empty last value is dropped (``a,b,`` is two values) and an escape of a
    character that is not escapable is kept as it is.
    """
    if "\\" not in text:
        parts = text.split(separator)
        if len(parts) > 1 and not parts[-1]:
            parts.pop()
        return parts
    results: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            following = text[index + 1 : index + 2] or "eof"  # vobject's end-of-text marker
            if following in escapable and following != "eof":
                current.append("\n" if following in "nN" else following)
            else:
                current.append("\\" + following)
            index += 2
        elif char == separator:
            results.append("".join(current))
            current = []
            index += 1
        else:
            current.append(char)
            index += 1
    if current or not results:
        results.append("".join(current))
    return results


def _escaped(prop: Property, version: str) -> str:
    text = prop.value
    if version.startswith("2"):
        # vCard 2.1 has one escape, \; in compound values: any other backslash is itself,
        # and a comma is a comma.
        if "\\" in text:
            text = re.sub(r"\\(?!;)", r"\\\\", text)
        if prop.name != "CATEGORIES":
            text = text.replace(",", "\\,")
    else:
        text = _strict_escapes(text, escape_commas=prop.name not in _LISTS)
    if "\n" in text or "\r" in text:
        return _LINE_BREAK.sub(r"\\n", text)
    return text


def _strict_escapes(text: str, escape_commas: bool) -> str:
    r"""Make 3.0/4.0 escaping strict for vobject.

    Only ``\\ \; \, \n \N`` are escapes; others are read as the character itself (Gmail writes
    ``http\://``, DAVx5 ``B\'C``). A bare comma in a one-value property cannot separate values,
    so it is escaped; a lone final backslash stays a backslash.
    """
    if "\\" not in text:
        return text.replace(",", "\\,") if escape_commas else text

    def one(match: re.Match[str]) -> str:
        found = match.group()
        if found == ",":
            return "\\," if escape_commas else ","
        if found == "\\":  # a lone final backslash
            return "\\\\"
        return found if found[1] in "\\;,nN" else found[1]

    return _ESCAPE_OR_COMMA.sub(one, text)


def _children(component: Any, name: str) -> list[Any]:
    return component.contents.get(name, [])


def _flat(value: Any, joiner: str = ",") -> str:
    """A vobject value as one string: lists (from bare commas) joined back together."""
    if isinstance(value, list):
        return joiner.join(_flat(v, joiner) for v in value)
    return str(value or "")


def _one_line(text: str) -> str:
    return " ".join(text.split()) if "\n" in text or "\r" in text else text.strip()


def _first_text(component: Any, name: str) -> str:
    for line in _children(component, name):
        if text := _one_line(_flat(line.value)):
            return text
    return ""


def _contact(component: Any) -> tuple[LibraryContact, list[str]]:
    warnings: list[str] = []
    emails = [e for line in _children(component, "email") if (e := _email(line.value))]
    organization = _organization(component)
    name = _first_text(component, "fn") or _name_from_n(component)
    if not name and (organization or emails):
        name = organization or emails[0]
        what = "organization" if organization else "email address"
        warnings.append(f"has no name (FN or N); named after its {what}")
    if not name:
        raise CardError("has no name (FN or N), organization or email address; skipped")
    contact = LibraryContact(
        name=name,
        title=_first_text(component, "title"),
        organization=organization,
        city=_city(component),
        phones=_phones(component),
        emails=emails,
        website=_website(component),
        notes=_notes(component),
        tags=_tags(component),
    )
    return contact, warnings


def _name_from_n(component: Any) -> str:
    for line in _children(component, "n"):
        n = line.value
        parts = [n.prefix, n.given, n.additional, n.family, n.suffix]
        if text := " ".join(p for p in (_one_line(_flat(part, " ")) for part in parts) if p):
            return text
    return ""


def _organization(component: Any) -> str:
    for line in _children(component, "org"):
        units = line.value if isinstance(line.value, list) else [line.value]
        if units and (name := _one_line(_flat(units[0]))):
            return name
    return ""


def _email(value: Any) -> str:
    text = _one_line(_flat(value))
    return text[len("mailto:") :] if text.lower().startswith("mailto:") else text


def _city(component: Any) -> str:
    addresses = _children(component, "adr")
    for wanted in ("work", "pref", None):
        for line in addresses:
            if wanted and wanted not in type_values(line.params):
                continue
            if city := _one_line(_flat(line.value.city)):
                return city
    return ""


def _phones(component: Any) -> list[Phone]:
    custom = {
        line.group.lower(): label_from_custom(_flat(line.value))
        for line in _children(component, "x-ablabel")
        if line.group
    }
    phones = []
    for line in _children(component, "tel"):
        number = _one_line(_flat(line.value))
        if number.lower().startswith("tel:"):  # vCard 4.0: TEL;VALUE=uri:tel:+1-418-...;ext=102
            number = number[len("tel:") :].replace(";ext=", " ext. ")
        if not number:
            continue
        label = custom.get((line.group or "").lower()) or label_from_types(type_values(line.params))
        phones.append(Phone(number, label))
    return phones


def _website(component: Any) -> str:
    for line in _children(component, "url"):
        if url := _one_line(_flat(line.value)):
            return url
    return ""


def _notes(component: Any) -> str:
    notes = [_flat(line.value).strip() for line in _children(component, "note")]
    return "\n\n".join(n for n in notes if n)


def _tags(component: Any) -> list[str]:
    tags = []
    for line in _children(component, "categories"):
        values = line.value if isinstance(line.value, list) else [line.value]
        tags.extend(t for v in values if (t := _one_line(str(v))))
    return list(dict.fromkeys(tags))
