"""Load and save kit files: Markdown with YAML front matter whose first key is
``presskit_kit: 1`` (docs/file-format.md, "The press kit file").

The front matter goes through the release's reader (:mod:`presskit.storage.yaml_reader`):
the same safe YAML, the same liberal reading (unknown keys are kept with a warning, ``Yes``
stays text), the same messages with the file, the line and the field. The organization and
the contacts are read and written by the release's own readers and writers.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from presskit.kit.model import KIT_FORMAT_VERSION, LIST_ITEMS, Kit
from presskit.model.release import DEFAULT_LANGUAGE, DEFAULT_THEME
from presskit.storage.atomic import write_atomic
from presskit.storage.problems import FileProblem, ReleaseFileError
from presskit.storage.release_file import (
    compose_document,
    nearest_line,
    raise_errors,
    read_document_bytes,
)
from presskit.storage.yaml_reader import FrontMatterReader, Node
from presskit.storage.yaml_writer import ReleaseDumper, _contact, _organization

VERSION_KEY = "presskit_kit"
_VERSION_LINE = re.compile(rf"^{VERSION_KEY}[ \t]*:", re.MULTILINE)
_TEXT_KEYS = ("language", "theme", "history")


@dataclass
class LoadedKit:
    """A kit read from text, with its warnings and the line of every field it had."""

    kit: Kit
    source: str
    warnings: list[FileProblem] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    body_first_line: int = 1

    def line_of(self, field_path: str) -> int | None:
        """The line of a field, or of its nearest enclosing field present in the file."""
        return nearest_line(self.lines, field_path)


def is_kit_text(text: str) -> bool:
    """Whether a Markdown file's text is a press kit (its front matter has ``presskit_kit``)."""
    if not text.startswith(("---\n", "---\r\n", "\ufeff---")):
        return False
    front = text.split("\n---", 1)[0]
    return _VERSION_LINE.search(front) is not None


def is_kit_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a press-kit file (reads its first 64 kB; False when unreadable)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(65536)
    except OSError:
        return False
    return is_kit_text(head.decode("utf-8", "replace").replace("\r\n", "\n"))


class KitReader(FrontMatterReader):
    """The release's front-matter reader, taught the kit's keys."""

    def kit(self, root: Node | None) -> Kit:
        kit = Kit()
        keys = self.mapping(root, "") if root is not None else None
        if keys is None:
            self.error(root, None, "the front matter is empty; a press kit starts with "
                       f"'{VERSION_KEY}: {KIT_FORMAT_VERSION}'")  # fmt: skip
            return kit
        if VERSION_KEY in keys:
            self._check_kit_version(keys[VERSION_KEY][1])
        readers: dict[str, Callable[[Node, str], None]] = {
            name: self._setter(kit, name) for name in _TEXT_KEYS
        }
        readers[VERSION_KEY] = lambda node, path: None
        readers["organization"] = lambda n, p: setattr(
            kit, "organization", self._organization(n, p)
        )
        readers["contacts"] = lambda n, p: setattr(
            kit, "contacts", self.object_list(n, p, self._contact)
        )
        readers["releases"] = lambda n, p: setattr(kit, "releases", self._text_list(n, p))
        for name, item_type in LIST_ITEMS.items():
            readers[name] = self._list_reader(kit, name, item_type)
        self.fields(keys, "", readers, kit.extra)
        return kit

    def _setter(self, target: object, name: str) -> Callable[[Node, str], None]:
        return lambda node, path: setattr(target, name, self.text(node, path))

    def _list_reader(self, kit: Kit, name: str, item_type: type) -> Callable[[Node, str], None]:
        def read_item(node: Node, path: str) -> Any:
            item = item_type()
            names = [f.name for f in dataclasses.fields(item) if f.name != "extra"]
            readers = {n: self._setter(item, n) for n in names}
            self.fields(self.mapping(node, path), path, readers, item.extra)
            return item

        return lambda node, path: setattr(kit, name, self.object_list(node, path, read_item))

    def _text_list(self, node: Node, field: str) -> list[str]:
        return [
            self.text(item, f"{field}[{i}]")
            for i, item in enumerate(self.sequence(node, field), start=1)
        ]

    def _check_kit_version(self, node: Node) -> None:
        self.lines[VERSION_KEY] = self.line_of(node)
        value = node.value if isinstance(node, yaml.ScalarNode) else ""
        if not (isinstance(value, str) and value.isascii() and value.isdigit()):
            self.error(node, VERSION_KEY, "the kit format version must be a whole number")
            return
        if int(value) > KIT_FORMAT_VERSION:
            raise ReleaseFileError(
                [FileProblem(self.source, self.line_of(node), VERSION_KEY,
                             f"this press kit was made by a newer Presskit (kit format {value}); "
                             f"this Presskit reads format {KIT_FORMAT_VERSION}. Update Presskit "
                             "to open it.")]
            )  # fmt: skip
        if int(value) < 1:
            self.error(node, VERSION_KEY, f"kit format version {value} does not exist; use 1")


def loads_kit(text: str | bytes, source: str = "<text>") -> LoadedKit:
    """Parse a kit from its text (or raw bytes). Raises ReleaseFileError."""
    parts, root = compose_document(text, source)  # the release's own first steps
    reader = KitReader(source, parts.yaml_first_line)
    kit = reader.kit(root)
    kit.description = parts.body.rstrip()
    warnings = raise_errors(reader.problems)
    return LoadedKit(kit, source, warnings, reader.lines, parts.body_first_line)


def load_kit(path: str | os.PathLike[str]) -> LoadedKit:
    """Read a kit file. Every failure is a ReleaseFileError naming the file."""
    return loads_kit(read_document_bytes(path, "a press kit file"), os.fspath(path))


def _record(item: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for f in dataclasses.fields(item):
        value = getattr(item, f.name)
        if f.name != "extra" and value:
            data[f.name] = value
    for key, value in item.extra.items():
        data.setdefault(key, value)
    return data


def kit_front_matter(kit: Kit) -> dict[str, Any]:
    """The kit's fields as the ordered mapping written to the file (documented order)."""
    data: dict[str, Any] = {VERSION_KEY: KIT_FORMAT_VERSION}
    data["language"] = kit.language or DEFAULT_LANGUAGE
    data["theme"] = kit.theme or DEFAULT_THEME
    if organization := _organization(kit.organization):
        data["organization"] = organization
    if kit.history:
        data["history"] = kit.history
    for name in LIST_ITEMS:
        if items := getattr(kit, name):
            data[name] = [_record(item) for item in items]
    if kit.releases:
        data["releases"] = list(kit.releases)
    if kit.contacts:
        data["contacts"] = [_contact(c) for c in kit.contacts]
    for key, value in kit.extra.items():
        data.setdefault(key, value)
    return data


def dumps_kit(kit: Kit) -> str:
    """The text of a kit file. The same kit always gives the same text."""
    front = yaml.dump(
        kit_front_matter(kit), Dumper=ReleaseDumper, sort_keys=False, allow_unicode=True,
        default_flow_style=False, width=2**31 - 1,
    )  # fmt: skip
    body = kit.description.replace("\r\n", "\n").replace("\r", "\n").rstrip()
    text = f"---\n{front}---\n"
    return f"{text}{body}\n" if body else text


def save_kit(kit: Kit, path: str | os.PathLike[str]) -> None:
    """Write ``kit`` to ``path`` atomically."""
    write_atomic(path, dumps_kit(kit).encode("utf-8"))
