"""Web pages and pasted HTML -> blocks.

A newsroom page holds the release among navigation, search boxes, cookie banners, related
news and footers. Scripts, styles, frames, forms' controls and hidden elements are dropped
unread; trafilatura finds the main content, and every other block is marked ``chrome``
(left out, but counted and shown greyed in the review), except blocks around the main
content that hold contacts or an "About" section, which extractors tend to cut. The page's
``lang``, its title, OpenGraph tags and JSON-LD NewsArticle give the language, the
headline, the publisher and the date.

Pasted HTML (from Word or a browser) is read the same way without the main-content step.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import lxml.html
from lxml import etree

from presskit.importers.features import EMAIL, phone_numbers, phrase_cues
from presskit.importers.guards import MAX_BLOCKS
from presskit.importers.model import Block, BlockKind, ImportFailed, SourceDocument

_SKIP = {
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
    "embed", "svg", "math", "canvas", "video", "audio", "input", "select", "option",
    "textarea", "button", "label", "head", "title", "meta", "link", "base", "img", "picture",
    "source", "map", "dialog",
}  # fmt: skip
_BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "li", "ul",
    "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption",
    "blockquote", "pre", "address", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "form", "fieldset", "details", "summary", "center", "body", "html",
}  # fmt: skip
_CHROME_MARK = re.compile(
    r"(^|[\s_-])(cookie|consent|gdpr|breadcrumbs?|share|sharing|social-?share|skip|"
    r"navbar|nav|menu|megamenu|subscribe|newsletter|banner|masthead|site-?header|"
    r"site-?footer|footer|search|pager|pagination|tags|related|sidebar|toolbar|alert|"
    r"usa-banner|usa-identifier|govdelivery|back-to-top)($|[\s_-])",
    re.IGNORECASE,
)
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "dialog"}
_SIZE = re.compile(r"font-size\s*:\s*([\d.]+)\s*(pt|px)", re.IGNORECASE)
_CENTRE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def read_page(data: bytes, name: str, _progress: object = None) -> SourceDocument:
    """A saved web page: metadata, then the blocks with the page's chrome marked."""
    return read_html(data, name, main_content=True)


def read_html(data: bytes, name: str, main_content: bool = True) -> SourceDocument:
    """Blocks of an HTML document (a whole page, or a fragment pasted from an app)."""
    try:
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
        root = lxml.html.document_fromstring(decode_html(data), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ImportFailed(f"{name}: not a web page that can be read ({exc})") from None
    document = SourceDocument(name=name, format="html" if main_content else "text")
    _metadata(root, document)
    _drop_unseen(root)
    walker = _Walker()
    walker.walk(root.find("body") if root.find("body") is not None else root)
    walker.flush()
    if len(walker.blocks) > MAX_BLOCKS:
        document.warnings.append(f"only the first {MAX_BLOCKS} blocks of the page were read")
        walker.blocks = walker.blocks[:MAX_BLOCKS]
    if main_content:
        _mark_chrome(walker.blocks, data, document)
    for block, _element in walker.blocks:
        document.add(block)
    if not document.blocks:
        raise ImportFailed(f"{name}: the page holds no text")
    return document


_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w-]+)", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def decode_html(data: bytes) -> str:
    """The page as text: its BOM, else its meta charset, else UTF-8, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        declared = _CHARSET.search(data[:4096])
        encodings = [declared.group(1).decode("ascii", "replace")] if declared else []
        text = ""
        for encoding in [*encodings, "utf-8-sig"]:
            try:
                text = data.decode(encoding)
                break
            except (LookupError, UnicodeDecodeError):
                continue
        else:
            text = data.decode("cp1252", errors="replace")
    return _XML_DECLARATION.sub("", text).replace("\x00", "")


# -- metadata ---------------------------------------------------------------------------


def _metadata(root: Any, document: SourceDocument) -> None:
    document.language = (
        root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    )
    metas = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("http-equiv") or "").lower()
        if key and meta.get("content") and key not in metas:
            metas[key] = meta.get("content").strip()
    title = root.find(".//title")
    document.title = metas.get("og:title") or (
        title.text_content().strip() if title is not None else ""
    )
    document.site_name = metas.get("og:site_name", "")
    document.published = metas.get("article:published_time", "") or metas.get("date", "")
    if not document.language:
        document.language = metas.get("content-language", "") or metas.get("og:locale", "")
    for article in _json_ld(root):
        document.title = str(article.get("headline") or document.title)
        document.published = str(article.get("datePublished") or document.published)
        document.language = str(article.get("inLanguage") or document.language)
        publisher = article.get("publisher")
        if isinstance(publisher, dict) and publisher.get("name"):
            document.site_name = str(publisher["name"])
        break


def _json_ld(root: Any) -> Iterator[dict[str, Any]]:
    """NewsArticle-like objects of the page's JSON-LD (in @graph too)."""
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        text = script.text or ""
        if len(text) > 500_000:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        items = data if isinstance(data, list) else [data]
        for item in list(items):
            if isinstance(item, dict) and isinstance(item.get("@graph"), list):
                items.extend(item["@graph"])
        for item in items:
            if not isinstance(item, dict):
                continue
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(str(k).endswith(("Article", "PressRelease", "Report")) for k in kinds):
                yield item


def _drop_unseen(root: Any) -> None:
    """Remove what a reader never sees: scripts, frames, controls, hidden elements."""
    doomed = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            doomed.append(element)
            continue
        tag = element.tag.lower()
        hidden = element.get("hidden") is not None or element.get("aria-hidden") == "true"
        if tag in _SKIP or hidden or _HIDDEN.search(element.get("style") or ""):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


# -- blocks -----------------------------------------------------------------------------


class _Walker:
    """Walks the page in reading order, collecting inline text into blocks."""

    def __init__(self) -> None:
        self.blocks: list[tuple[Block, Any]] = []
        self.pieces: list[tuple[str, str, bool, bool, list[tuple[str, str]]]] = []
        self.element: Any = None
        self.group = 0
        self.context: dict[str, Any] = {}

    def walk(self, element: Any, depth: int = 0) -> None:
        if depth > 200:  # a page nested this deep is an attack: the rest is not read
            return
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        block = tag in _BLOCKS
        if block:
            self.flush()
            saved = dict(self.context)
            self._enter(element, tag)
            self.element = element
        elif tag == "br":
            self.pieces.append(("\n", "\n", False, False, []))
        elif tag == "a":
            self._link(element)
            self._tail(element)
            return
        if element.text and tag not in ("a",):
            self._text(element.text, element, tag)
        for child in element:
            self.walk(child, depth + 1)
        if block:
            self.flush()
            self.context = saved
            self.element = element.getparent()
        self._tail(element)

    def _tail(self, element: Any) -> None:
        if element.tail:
            parent = element.getparent()
            self._text(element.tail, parent, parent.tag.lower() if parent is not None else "")

    def _enter(self, element: Any, tag: str) -> None:
        if tag in ("ul", "ol"):
            self.context["list"] = self.context.get("list", 0) + 1
            self.context["ordered"] = tag == "ol"
        if re.fullmatch(r"h[1-6]", tag):
            self.context["heading"] = int(tag[1])
        if tag in ("li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "p"):
            self.context["kind"] = tag
        style = element.get("style") or ""
        if (
            _CENTRE.search(style)
            or (element.get("align") or "").lower() == "center"
            or tag == "center"
        ):
            self.context["centred"] = True
        size = _SIZE.search(style)
        if size:
            points = float(size.group(1)) * (0.75 if size.group(2).lower() == "px" else 1.0)
            self.context["size"] = points
        css = element.get("class") or ""
        if css.startswith("Mso") or " Mso" in css:
            self.context["style"] = css.split()[0][3:]

    def _text(self, text: str, element: Any, tag: str) -> None:
        bold, italic = self._emphasis(element)
        cleaned = re.sub(r"\s+", " ", text)
        self.pieces.append((cleaned, _escape(cleaned), bold, italic, []))

    def _emphasis(self, element: Any) -> tuple[bool, bool]:
        bold = italic = False
        node = element
        while node is not None and isinstance(node.tag, str) and node.tag.lower() not in _BLOCKS:
            tag = node.tag.lower()
            style = (node.get("style") or "").lower()
            bold = bold or tag in ("b", "strong") or "font-weight:bold" in style.replace(" ", "")
            italic = italic or tag in ("i", "em", "cite")
            node = node.getparent()
        if (
            node is not None
            and isinstance(node.tag, str)
            and re.fullmatch(r"h[1-6]", node.tag.lower())
        ):
            bold = True
        return bold, italic

    def _link(self, element: Any) -> None:
        text = re.sub(r"\s+", " ", element.text_content())
        href = (element.get("href") or "").strip()
        bold, italic = self._emphasis(element)
        if text.strip() and re.match(r"^(https?:|mailto:|tel:)", href, re.I):
            markdown = f"[{_escape(text.strip())}]({href.replace(' ', '%20').replace(')', '%29')})"
            spaced = (
                (" " if text[:1].isspace() else "")
                + markdown
                + (" " if text[-1:].isspace() else "")
            )
            self.pieces.append((text, spaced, bold, italic, [(text.strip(), href)]))
        else:
            self.pieces.append((text, _escape(text), bold, italic, []))

    def flush(self) -> None:
        if not self.pieces:
            return
        pieces, self.pieces = self.pieces, []
        lines: list[list[tuple[str, str, bool, bool, list[tuple[str, str]]]]] = [[]]
        for piece in pieces:
            if piece[0] == "\n":
                lines.append([])
            else:
                lines[-1].append(piece)
        lines = [line for line in lines if "".join(p[0] for p in line).strip()]
        if not lines:
            return
        self.group += 1
        for line in lines:
            self._add(line, several=len(lines) > 1)

    def _add(
        self, line: list[tuple[str, str, bool, bool, list[tuple[str, str]]]], several: bool
    ) -> None:
        text = re.sub(r"\s+", " ", "".join(p[0] for p in line)).strip()
        markdown = re.sub(r"\s+", " ", "".join(p[1] for p in line)).strip()
        links = [link for p in line for link in p[4]]
        visible = [p for p in line if p[0].strip()]
        context = self.context
        tag = context.get("kind", "")
        kind = BlockKind.PARAGRAPH
        if "heading" in context:
            kind = BlockKind.HEADING
        elif tag == "li":
            kind = BlockKind.LIST_ITEM
        elif tag in ("td", "th"):
            kind = BlockKind.TABLE_CELL
        elif several:
            kind = BlockKind.LINE
        block = Block(
            text=text,
            markdown=markdown if markdown != text else "",
            kind=kind,
            group=self.group,
            level=context.get("heading", context.get("list", 0)),
            ordered=bool(context.get("ordered")) and kind is BlockKind.LIST_ITEM,
            style=context.get("style", ""),
            bold=bool(visible) and all(p[2] for p in visible),
            italic=bool(visible) and all(p[3] for p in visible),
            centred=bool(context.get("centred")),
            size=float(context.get("size", 0.0)),
            links=links,
        )
        self.blocks.append((block, self.element))


def _escape(text: str) -> str:
    """Text that Markdown would read as markup, escaped: *, _, [, ], backticks."""
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text)


# -- main content -----------------------------------------------------------------------


def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _mark_chrome(blocks: list[tuple[Block, Any]], data: bytes, document: SourceDocument) -> None:
    """Blocks outside the main content are chrome; contact and About blocks near it are not."""
    main = _main_text(data)
    title = _normal(document.title)
    inside = []
    for block, element in blocks:
        normal = _normal(block.text)
        in_main = bool(normal) and (
            (len(normal) >= 20 and normal in main) or f"\n{normal}\n" in main
        )
        if not main:
            in_main = not _chrome_element(element)
        if (block.kind is BlockKind.HEADING and block.level == 1) or (
            title and normal and normal in title and len(normal) > 15
        ):
            in_main = True
        block.chrome = not in_main
        if in_main:
            inside.append(element)
    container = _common_ancestor(inside)
    for block, element in blocks:
        if not block.chrome or _chrome_element(element):
            continue
        if container is not None and _within(element, container):
            block.chrome = False  # inside the article, though the extractor cut it
    for i, (block, element) in enumerate(blocks):
        if block.chrome and _release_part(block.text) and not _chrome_element(element, strict=True):
            block.chrome = False
            for follower, _ in blocks[i + 1 : i + 8]:  # the contact's own lines follow
                if follower.chrome and (
                    EMAIL.search(follower.text)
                    or phone_numbers(follower.text)
                    or len(follower.text) < 60
                ):
                    follower.chrome = False
                else:
                    break


def _release_part(text: str) -> bool:
    cues = phrase_cues(text)
    return bool(cues & {"contact", "about", "release", "embargo"}) or bool(EMAIL.search(text))


def _main_text(data: bytes) -> str:
    import trafilatura  # noqa: PLC0415 - heavy; only pages need it

    try:
        text = trafilatura.extract(
            data, output_format="txt", include_comments=False, include_tables=True,
            favor_recall=True, deduplicate=False,
        )  # fmt: skip
    except Exception:
        return ""
    return "\n" + "\n".join(_normal(line) for line in (text or "").splitlines()) + "\n"


def _chrome_element(element: Any, strict: bool = False) -> bool:
    node = element
    while node is not None and isinstance(node.tag, str):
        tag = node.tag.lower()
        if tag in ("nav", "form") or (not strict and tag in ("header", "footer", "aside")):  # noqa: SIM102
            if tag not in ("header", "footer") or not _in_article(node):
                return True
        if (node.get("role") or "").lower() in _CHROME_ROLES:
            return True
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if _CHROME_MARK.search(marks) and not (strict and re.search(r"contact|about", marks, re.I)):
            return True
        node = node.getparent()
    return False


def _in_article(node: Any) -> bool:
    parent = node.getparent()
    while parent is not None:
        if isinstance(parent.tag, str) and parent.tag.lower() in ("article", "main"):
            return True
        parent = parent.getparent()
    return False


def _common_ancestor(elements: list[Any]) -> Any:
    if not elements:
        return None
    path = list(reversed([elements[0], *elements[0].iterancestors()]))
    for element in elements[1:]:
        ancestors = {id(a) for a in (element, *element.iterancestors())}
        while path and id(path[-1]) not in ancestors:
            path.pop()
    return path[-1] if path else None


def _within(element: Any, container: Any) -> bool:
    return element is container or any(a is container for a in element.iterancestors())
