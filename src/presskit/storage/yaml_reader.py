"""Read a release's YAML front matter into the model, remembering which line each field is on.

We compose the YAML into nodes with a safe loader (no Python objects, no tags that run code)
and walk the nodes ourselves instead of loading plain dicts, because nodes carry their line
numbers, which every error message needs, and because text fields then keep exactly what the
user typed: ``headline: Yes`` stays the text "Yes", not the boolean YAML 1.1 would make of it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any, ClassVar, TypeVar

import yaml

from presskit.model.release import (
    FORMAT_VERSION,
    Approval,
    Contact,
    Dateline,
    DatelineStyle,
    LibraryLink,
    Link,
    Organization,
    Phone,
    Release,
    SocialHandle,
    Status,
    Translation,
)
from presskit.model.urls import looks_like_host, url_scheme
from presskit.storage.problems import FileProblem, ReleaseFileError, Severity
from presskit.storage.yaml_budget import check_expansion

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_NULL = "tag:yaml.org,2002:null"
_INT = "tag:yaml.org,2002:int"
_DECIMAL = re.compile(r"[-+]?[0-9]{1,18}")
MAX_LIBRARY_ID = 2**63 - 1  # the largest SQLite integer


class ReleaseLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """A safe loader that leaves dates as text: the model parses them and reports errors."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, Any]]]] = {
        first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


T = TypeVar("T")
Node = yaml.Node


def _kind(node: Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a group of fields"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"'{node.value}'"


class FrontMatterReader:
    """Walks composed YAML nodes into a Release, collecting every problem on the way."""

    def __init__(self, source: str, first_line: int):
        self.source = source
        self.first_line = first_line
        self.problems: list[FileProblem] = []
        self.lines: dict[str, int] = {}

    # -- reporting ------------------------------------------------------------------------
    def line_of(self, node: Node) -> int:
        return node.start_mark.line + self.first_line

    def error(self, node: Node | None, field: str | None, message: str) -> None:
        line = self.line_of(node) if node is not None else self.first_line - 1
        self.problems.append(FileProblem(self.source, line, field, message))

    def warn(self, node: Node, field: str | None, message: str) -> None:
        self.problems.append(
            FileProblem(self.source, self.line_of(node), field, message, Severity.WARNING)
        )

    # -- node readers -----------------------------------------------------------------------
    def mapping(self, node: Node, field: str) -> dict[str, tuple[Node, Node]] | None:
        """The keys of a mapping node, each with its key and value nodes."""
        self.lines[field] = self.line_of(node)
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
            return {}
        if not isinstance(node, yaml.MappingNode):
            self.error(node, field or None, f"expected a group of fields, found {_kind(node)}")
            return None
        keys: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, field or None, "a field name must be plain text")
                continue
            name = key_node.value
            if name in keys:
                first = self.line_of(keys[name][0])
                self.error(key_node, _join(field, name), f"appears twice (first on line {first})")
                continue
            keys[name] = (key_node, value_node)
        return keys

    def text(self, node: Node, field: str) -> str:
        self.lines[field] = self.line_of(node)
        if isinstance(node, yaml.ScalarNode):
            return "" if node.tag == _NULL else str(node.value)
        self.error(node, field, f"expected text, found {_kind(node)}")
        return ""

    def sequence(self, node: Node, field: str) -> list[Node]:
        self.lines[field] = self.line_of(node)
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, field, f"expected a list, found {_kind(node)}")
            return []
        return list(node.value)

    def extra(self, node: Node, field: str) -> Any:
        """Construct an unknown key's value as plain data, so a save can write it back."""
        try:
            return ReleaseLoader("").construct_document(node)
        except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
            self.error(node, field, f"cannot be read: {exc}")
            return None

    def fields(
        self,
        keys: dict[str, tuple[Node, Node]] | None,
        field: str,
        readers: dict[str, Callable[[Node, str], None]],
        extra: dict[str, Any],
    ) -> None:
        """Dispatch each key to its reader; unknown keys are kept in ``extra`` with a warning."""
        for name, (key_node, value_node) in (keys or {}).items():
            path = _join(field, name)
            reader = readers.get(name)
            if reader is not None:
                reader(value_node, path)
                continue
            self.lines[path] = self.line_of(value_node)
            value = self.extra(value_node, path)
            if value is not None or value_node.tag == _NULL:
                extra[name] = value
                self.warn(key_node, path, "unknown field; Presskit keeps it as it is")

    def object_list(self, node: Node, field: str, read_item: Callable[[Node, str], T]) -> list[T]:
        return [
            read_item(item, f"{field}[{i}]")
            for i, item in enumerate(self.sequence(node, field), start=1)
        ]

    # -- the release ------------------------------------------------------------------------
    def release(self, root: Node | None) -> Release:
        release = Release()
        if root is None:
            self.error(None, None, "the front matter is empty; a release needs at least a headline")
            return release
        keys = self.mapping(root, "")
        if keys is None:
            return release
        self._check_version(keys)

        def setter(attr: str) -> Callable[[Node, str], None]:
            return lambda node, path: setattr(release, attr, self.text(node, path))

        readers: dict[str, Callable[[Node, str], None]] = {
            name: setter(name)
            for name in (
                "headline",
                "subheadline",
                "timezone",
                "language",
                "boilerplate",
                "theme",
                "end_mark",
            )
        }
        readers["presskit"] = lambda node, path: None  # checked above
        readers["status"] = lambda n, p: setattr(release, "status", self._status(n, p))
        readers["embargo"] = lambda n, p: setattr(release, "embargo", self._embargo(n, p))
        readers["dateline"] = lambda n, p: setattr(release, "dateline", self._dateline(n, p))
        readers["organization"] = lambda n, p: setattr(
            release, "organization", self._organization(n, p)
        )
        readers["links"] = lambda n, p: setattr(
            release, "links", self.object_list(n, p, self._link)
        )
        readers["contacts"] = lambda n, p: setattr(
            release, "contacts", self.object_list(n, p, self._contact)
        )
        readers["boilerplate_library"] = lambda n, p: setattr(
            release, "boilerplate_library", self._library_link(n, p)
        )
        readers["approvals"] = lambda n, p: setattr(
            release, "approvals", self.object_list(n, p, self._approval)
        )
        readers["translation"] = lambda n, p: setattr(
            release, "translation", self._translation(n, p)
        )
        self.fields(keys, "", readers, release.extra)
        if "headline" not in keys:
            self.lines.setdefault("headline", self.first_line)
        return release

    def _check_version(self, keys: dict[str, tuple[Node, Node]]) -> None:
        if "presskit" not in keys:
            return  # a plain static-site front matter: read it as format 1
        node = keys["presskit"][1]
        self.lines["presskit"] = self.line_of(node)
        # YAML 1.1 integers include 0x10, 0b1 and 190:20:30, which int() refuses: a format
        # version is written in decimal digits.
        digits = node.value.replace("_", "") if isinstance(node, yaml.ScalarNode) else ""
        if node.tag != _INT or not _DECIMAL.fullmatch(digits):
            self.warn(
                node,
                "presskit",
                f"the format version must be a whole number, not {_kind(node)}; "
                f"read as format {FORMAT_VERSION}",
            )
            return
        version = int(digits)
        if version > FORMAT_VERSION:
            raise ReleaseFileError(
                [
                    FileProblem(
                        self.source,
                        self.line_of(node),
                        "presskit",
                        f"this release was made by a newer Presskit (file format {version}); "
                        f"this Presskit reads format {FORMAT_VERSION}. Update Presskit to open it.",
                    )
                ]
            )
        if version < 1:
            why = f"format version {version} does not exist; read as format {FORMAT_VERSION}"
            self.warn(node, "presskit", why)

    def _status(self, node: Node, field: str) -> Status:
        value = self.text(node, field).strip().lower()
        try:
            return Status(value)
        except ValueError:
            self.error(node, field, f"'{value}' is not a status; use immediate or embargoed")
            return Status.IMMEDIATE

    def _embargo(self, node: Node, field: str) -> dt.datetime | None:
        value = self.text(node, field).strip()
        if not value:
            return None
        try:
            when = dt.datetime.fromisoformat(value)
        except ValueError:
            self.error(
                node, field, f"'{value}' is not a date and time like 2014-09-23T09:00:00-04:00"
            )
            return None
        if len(value) <= 10:  # a date alone parses as midnight: say what is missing
            self.error(node, field, f"'{value}' has no time; write it like {value}T09:00:00-04:00")
            return None
        if when.utcoffset() is None:
            self.error(
                node,
                field,
                f"'{value}' has no UTC offset; an embargo without a time zone is ambiguous. "
                f"Write it like {value}-04:00 (or Z for UTC)",
            )
            return None
        return when

    def _date(self, node: Node, field: str) -> dt.date | None:
        value = self.text(node, field).strip()
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.error(node, field, f"'{value}' is not a date written YYYY-MM-DD")
            return None

    def _dateline(self, node: Node, field: str) -> Dateline:
        dateline = Dateline()

        def style(n: Node, p: str) -> None:
            value = self.text(n, p).strip().lower() or DatelineStyle.PARENTHETICAL.value
            try:
                dateline.style = DatelineStyle(value)
            except ValueError:
                choices = ", ".join(s.value for s in DatelineStyle)
                self.error(n, p, f"'{value}' is not a dateline style; use one of {choices}")

        readers = {
            "city": lambda n, p: setattr(dateline, "city", self.text(n, p)),
            "date": lambda n, p: setattr(dateline, "date", self._date(n, p)),
            "style": style,
        }
        self.fields(self.mapping(node, field), field, readers, dateline.extra)
        return dateline

    def _organization(self, node: Node, field: str) -> Organization:
        org = Organization()
        readers = _text_readers(self, org, ("name", "website", "logo", "accent"))

        readers["social"] = lambda n, p: setattr(
            org, "social", self.object_list(n, p, self._social)
        )
        readers["library"] = lambda n, p: setattr(org, "library", self._library_link(n, p))
        self.fields(self.mapping(node, field), field, readers, org.extra)
        return org

    def _library_link(self, node: Node, field: str) -> LibraryLink | None:
        values = SimpleNamespace(id="", updated="", uid="")
        extra: dict[str, Any] = {}
        readers = _text_readers(self, values, ("id", "updated", "uid"))
        self.fields(self.mapping(node, field), field, readers, extra)
        number = values.id.strip()
        # ASCII digits only: str.isdigit() also takes "²", which int() refuses. And no more
        # than SQLite can store, or looking the entry up would fail.
        if not (number.isascii() and number.isdigit()) or int(number) > MAX_LIBRARY_ID:
            self.error(node, f"{field}.id", "a library link needs the entry's number as its id")
            return None
        return LibraryLink(int(number), values.updated, values.uid.strip())

    def _scalar_item(self, node: Node) -> bool:
        """Whether a list item is written as plain text (``- Facebook``), not as a group."""
        return isinstance(node, yaml.ScalarNode) and node.tag != _NULL

    def _scalar_item(self, node: Node) -> bool:
        """Whether a list item is written as plain text (``- Facebook``), not as a group."""
        return isinstance(node, yaml.ScalarNode) and node.tag != _NULL

    def _social(self, node: Node, field: str) -> SocialHandle:
        social = SocialHandle()
        if self._scalar_item(node):
            # "- Facebook", "- '@usgs'", "- https://twitter.com/usgs": what people type.
            text = self.text(node, field).strip()
            if text.startswith("@"):
                social.handle = text
            elif url_scheme(text) or looks_like_host(text):
                social.url = text
            else:
                social.network = text
            return social
        readers = _text_readers(self, social, ("network", "handle", "url"))
        self.fields(self.mapping(node, field), field, readers, social.extra)
        return social

    def _link(self, node: Node, field: str) -> Link:
        link = Link()
        if self._scalar_item(node):
            text = self.text(node, field).strip()  # "- https://www.usgs.gov/report"
            if url_scheme(text) or looks_like_host(text) or text.startswith("#"):
                link.url = text
            else:
                link.title = text
            return link
        self.fields(
            self.mapping(node, field),
            field,
            _text_readers(self, link, ("title", "url")),
            link.extra,
        )
        return link

    def _contact(self, node: Node, field: str) -> Contact:
        contact = Contact()
        if self._scalar_item(node):
            contact.name = self.text(node, field)  # "- EPA Press Office (press@epa.gov)"
            return contact
        readers = _text_readers(self, contact, ("name", "title", "organization", "city", "email"))
        readers["phones"] = lambda n, p: setattr(
            contact, "phones", self.object_list(n, p, self._phone)
        )
        readers["library"] = lambda n, p: setattr(contact, "library", self._library_link(n, p))
        self.fields(self.mapping(node, field), field, readers, contact.extra)
        return contact

    def _approval(self, node: Node, field: str) -> Approval:
        approval = Approval()
        readers = _text_readers(self, approval, ("by", "role", "at", "fingerprint"))
        readers["fields"] = lambda n, p: setattr(approval, "fields", self._text_map(n, p))
        self.fields(self.mapping(node, field), field, readers, approval.extra)
        return approval

    def _translation(self, node: Node, field: str) -> Translation:
        translation = Translation()
        readers = _text_readers(self, translation, ("source", "language"))
        readers["segments"] = lambda n, p: setattr(translation, "segments", self._text_map(n, p))
        self.fields(self.mapping(node, field), field, readers, translation.extra)
        return translation

    def _text_map(self, node: Node, field: str) -> dict[str, str]:
        """A group of text values under names of its own (an approval's part fingerprints)."""
        return {
            name: self.text(value, _join(field, name))
            for name, (_key, value) in (self.mapping(node, field) or {}).items()
        }

    def _phone(self, node: Node, field: str) -> Phone:
        phone = Phone()
        if isinstance(node, yaml.ScalarNode) and node.tag != _NULL:
            phone.number = self.text(node, field)  # "- +1 646 203 8292" is a phone too
            return phone
        readers = _text_readers(self, phone, ("number", "label"))
        self.fields(self.mapping(node, field), field, readers, phone.extra)
        return phone


def _text_readers(
    reader: FrontMatterReader, target: object, names: tuple[str, ...]
) -> dict[str, Callable[[Node, str], None]]:
    def setter(name: str) -> Callable[[Node, str], None]:
        return lambda node, path: setattr(target, name, reader.text(node, path))

    return {name: setter(name) for name in names}


def _join(parent: str, name: str) -> str:
    return f"{parent}.{name}" if parent else name


_BEGAN_EARLIER = ("simple key", "quoted scalar", "flow sequence", "flow mapping")
"""Contexts whose start is the mistake: an unclosed quote or bracket, a key without ':'."""


def _syntax_error(exc: yaml.MarkedYAMLError, first_line: int) -> tuple[int | None, str]:
    """The line a person must look at (1-based, as editors count) and the message.

    PyYAML marks where it gave up, which for an unclosed quote, a key without its colon or
    an unclosed ``[`` is a line or more after the mistake (the end of the front matter, the
    next key): the line where the scalar, key or bracket began (the context) is the one to
    fix. A block mapping's context is its first key, far away: there the problem is right.
    """
    problem, context = exc.problem_mark, exc.context_mark
    what = exc.problem or "invalid YAML"
    mark = problem or context
    began = any(kind in (exc.context or "") for kind in _BEGAN_EARLIER)
    if context is not None and problem is not None and began and context.line < problem.line:
        mark = context
        what = f"{what} ({exc.context} that starts here)"
    elif exc.context:
        what = f"{what} ({exc.context})"
    return (mark.line + first_line if mark is not None else None), what


def compose_front_matter(text: str, source: str, first_line: int) -> Node | None:
    """Parse YAML text into nodes; syntax errors become ReleaseFileError with a line.

    A front matter that would hold more than the document's budget of values once its aliases
    are expanded (an alias bomb) is refused here, before anything is built from its nodes.
    """
    root = _compose(text, source, first_line)
    if (problem := check_expansion(root, first_line)) is not None:
        raise ReleaseFileError([FileProblem(source, problem.line, problem.field, problem.message)])
    return root


def _compose(text: str, source: str, first_line: int) -> Node | None:
    try:
        return yaml.compose(text, Loader=ReleaseLoader)
    except yaml.MarkedYAMLError as exc:
        line, what = _syntax_error(exc, first_line)
        raise ReleaseFileError.single(source, f"YAML syntax error: {what}", line) from None
    except yaml.YAMLError as exc:
        raise ReleaseFileError.single(source, f"YAML syntax error: {exc}") from None
    except RecursionError:
        raise ReleaseFileError.single(source, "the front matter is nested too deeply") from None
