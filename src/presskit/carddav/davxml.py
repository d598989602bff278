"""WebDAV XML: the request bodies a CardDAV client sends and the multistatus answers it reads.

Answers are parsed with lxml and a parser that resolves no entities, loads no DTD and never
touches the network, so a hostile server cannot make Presskit read local files or fetch URLs
(XXE) or expand a billion laughs. Property names are Clark names (``{DAV:}getetag``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

DAV = "DAV:"
CARD = "urn:ietf:params:xml:ns:carddav"
CS = "http://calendarserver.org/ns/"
NAMESPACES = {"d": DAV, "c": CARD, "cs": CS}

RESOURCETYPE = f"{{{DAV}}}resourcetype"
DISPLAYNAME = f"{{{DAV}}}displayname"
GETETAG = f"{{{DAV}}}getetag"
SYNC_TOKEN = f"{{{DAV}}}sync-token"
CURRENT_USER_PRINCIPAL = f"{{{DAV}}}current-user-principal"
ADDRESSBOOK_HOME_SET = f"{{{CARD}}}addressbook-home-set"
ADDRESS_DATA = f"{{{CARD}}}address-data"
GETCTAG = f"{{{CS}}}getctag"
ADDRESSBOOK = f"{{{CARD}}}addressbook"
COLLECTION = f"{{{DAV}}}collection"


class XmlProblem(ValueError):
    """An answer that is not the WebDAV XML it should be."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass
class DavResponse:
    """One ``<response>`` of a multistatus: its href, the properties found, its status."""

    href: str
    status: int | None = None  # a status for the whole response (sync-collection: 404 = gone)
    props: dict[str, etree._Element] = field(default_factory=dict)

    def text(self, name: str) -> str:
        element = self.props.get(name)
        return (element.text or "").strip() if element is not None else ""

    def hrefs(self, name: str) -> list[str]:
        """The hrefs inside a property such as current-user-principal."""
        element = self.props.get(name)
        if element is None:
            return []
        return [(h.text or "").strip() for h in element.iter(f"{{{DAV}}}href")]

    def resource_types(self) -> set[str]:
        element = self.props.get(RESOURCETYPE)
        return {child.tag for child in element} if element is not None else set()


def _status(text: str | None) -> int | None:
    parts = (text or "").split()
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None


def parse_multistatus(body: bytes) -> tuple[list[DavResponse], str]:
    """The responses of a 207 Multi-Status body, and its top-level sync-token (or "")."""
    try:
        root = etree.fromstring(body, _parser())
    except etree.XMLSyntaxError as exc:
        raise XmlProblem(f"the server's answer is not XML ({exc})") from None
    if root.tag != f"{{{DAV}}}multistatus":
        raise XmlProblem(f"the server answered with <{etree.QName(root).localname}>")
    responses = []
    for item in root.findall("d:response", NAMESPACES):
        href = (item.findtext("d:href", "", NAMESPACES) or "").strip()
        response = DavResponse(href, _status(item.findtext("d:status", None, NAMESPACES)))
        for propstat in item.findall("d:propstat", NAMESPACES):
            if _status(propstat.findtext("d:status", None, NAMESPACES)) != 200:
                continue
            for prop in propstat.findall("d:prop", NAMESPACES):
                for element in prop:
                    response.props[element.tag] = element
        responses.append(response)
    token = (root.findtext("d:sync-token", "", NAMESPACES) or "").strip()
    return responses, token


def _clark(name: str) -> tuple[str, str]:
    namespace, _, local = name[1:].partition("}")
    return namespace, local


def _document(root_name: str, children: Iterable[etree._Element] = ()) -> etree._Element:
    namespace, local = _clark(root_name)
    root = etree.Element(f"{{{namespace}}}{local}", nsmap={"d": DAV, "c": CARD, "cs": CS})
    root.extend(children)
    return root


def _prop(names: Iterable[str]) -> etree._Element:
    prop = etree.Element(f"{{{DAV}}}prop")
    for name in names:
        etree.SubElement(prop, name)
    return prop


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def propfind(names: Iterable[str]) -> bytes:
    return _bytes(_document(f"{{{DAV}}}propfind", [_prop(names)]))


def sync_collection(token: str, names: Iterable[str]) -> bytes:
    """RFC 6578 sync-collection: what changed since ``token`` ("" for everything)."""
    root = _document(f"{{{DAV}}}sync-collection")
    etree.SubElement(root, f"{{{DAV}}}sync-token").text = token
    etree.SubElement(root, f"{{{DAV}}}sync-level").text = "1"
    root.append(_prop(names))
    return _bytes(root)


def addressbook_multiget(hrefs: Iterable[str]) -> bytes:
    """RFC 6352 addressbook-multiget: the cards at ``hrefs`` with their ETags."""
    root = _document(f"{{{CARD}}}addressbook-multiget", [_prop([GETETAG, ADDRESS_DATA])])
    for href in hrefs:
        etree.SubElement(root, f"{{{DAV}}}href").text = href
    return _bytes(root)


def error_names(body: bytes) -> set[str]:
    """The precondition names of a ``<d:error>`` body (e.g. ``{DAV:}valid-sync-token``)."""
    try:
        root = etree.fromstring(body, _parser())
    except etree.XMLSyntaxError:
        return set()
    return {child.tag for child in root} if root.tag == f"{{{DAV}}}error" else set()
