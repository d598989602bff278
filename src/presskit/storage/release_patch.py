"""Write changed fields into a release file's own text, leaving every other byte as it was.

A file Presskit saved is canonical (``dumps_release`` gives it back byte for byte), and then
the new text is simply the canonical text of the changed release. A file a person wrote by
hand may have comments, quoting and key order of its own; applying a reviewer's changes or
recording an approval must not rewrite all of it. There, only the keys whose values changed
are rewritten in place (in the file's indentation), new keys are added after the key that
precedes them in the documented order, and the body is replaced only when it changed.

    text = patch_release_text(original_text, changed_release)

The result is always checked by loading it back: if it does not hold exactly the changed
release (a construct this cannot patch, such as flow style), the canonical text is used.
"""

from __future__ import annotations

from typing import Any

import yaml

from presskit.model.release import Release
from presskit.storage.problems import ReleaseFileError
from presskit.storage.release_file import dumps_release, loads_release
from presskit.storage.text_file import split_front_matter
from presskit.storage.yaml_reader import ReleaseLoader
from presskit.storage.yaml_writer import ReleaseDumper, front_matter_data


class _CharLoader(yaml.SafeLoader):
    """The pure-Python loader with Presskit's resolvers: its marks count characters."""

    yaml_implicit_resolvers = ReleaseLoader.yaml_implicit_resolvers


def patch_release_text(original: str, release: Release) -> str:
    """The text of ``release``, written over ``original`` with as few changes as possible."""
    original = original.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    canonical = dumps_release(release)
    try:
        old = loads_release(original).release
    except ReleaseFileError:
        return canonical
    if dumps_release(old) == original:
        return canonical  # Presskit wrote this file: its canonical text is the patch
    try:
        patched = _patch(original, old, release)
    except (yaml.YAMLError, ReleaseFileError, ValueError, KeyError, IndexError):
        return canonical
    try:
        if loads_release(patched).release == release:
            return patched
    except ReleaseFileError:
        pass
    return canonical


def _patch(original: str, old: Release, new: Release) -> str:
    parts = split_front_matter(original, "release")
    front = parts.front_matter
    root = yaml.compose(front, Loader=_CharLoader)
    if not isinstance(root, yaml.MappingNode):
        raise ValueError("the front matter is not a mapping")
    edits: list[tuple[int, int, str]] = []
    _patch_mapping(front, root, front_matter_data(old), front_matter_data(new), edits)
    for start, end, text in sorted(edits, reverse=True):
        front = front[:start] + text + front[end:]
    head = original[: original.index("\n") + 1]  # the opening '---' line as written
    closing_start = len(head) + len(parts.front_matter)
    closing_and_body = original[closing_start:]
    if old.body != new.body:
        delimiter = closing_and_body.partition("\n")[0]
        body = new.body.replace("\r\n", "\n").replace("\r", "\n").rstrip()
        closing_and_body = f"{delimiter}\n{body}\n" if body else f"{delimiter}\n"
    return head + front + closing_and_body


def _patch_mapping(
    text: str,
    node: yaml.MappingNode,
    old: dict[str, Any],
    new: dict[str, Any],
    edits: list[tuple[int, int, str]],
) -> None:
    """Collect edits that turn the mapping ``node`` (holding ``old``) into ``new``."""
    present = {key.value: (key, value) for key, value in node.value}
    previous_end = None
    for name, value in new.items():
        if name in present:
            key_node, value_node = present[name]
            previous_end = _value_end(text, value_node)
            if old.get(name) != value:
                _patch_value(text, (key_node, value_node), old.get(name), value, edits)
            continue
        if old.get(name) == value:
            continue  # written by default (the language, the theme), not in this file: fine
        at = previous_end if previous_end is not None else _line_start(text, node)
        column = _column(text, node)
        line = _dump(name, value, column)
        starts_line = at == 0 or text[at - 1] == "\n"
        edits.append((at, at, f"{line}\n" if starts_line else f"\n{line}"))
    for name, (key_node, value_node) in present.items():
        if name not in new and name in old:
            start = _line_start(text, key_node)
            end = _line_end(text, _value_end(text, value_node))
            edits.append((start, end, ""))


def _patch_value(
    text: str,
    nodes: tuple[yaml.Node, yaml.Node],
    old: Any,
    new: Any,
    edits: list[tuple[int, int, str]],
) -> None:
    key_node, value_node = nodes
    if (
        isinstance(old, dict)
        and isinstance(new, dict)
        and isinstance(value_node, yaml.MappingNode)
        and not value_node.flow_style
    ):
        _patch_mapping(text, value_node, old, new, edits)
        return
    if (
        isinstance(old, list)
        and isinstance(new, list)
        and len(old) == len(new)
        and isinstance(value_node, yaml.SequenceNode)
        and not value_node.flow_style
        and all(isinstance(item, yaml.MappingNode) for item in value_node.value)
        and all(isinstance(item, dict) for item in (*old, *new))
    ):
        for item_node, old_item, new_item in zip(value_node.value, old, new, strict=True):
            if old_item != new_item:
                _patch_mapping(text, item_node, old_item, new_item, edits)
        return
    start = key_node.start_mark.index
    end = _value_end(text, value_node)
    edits.append((start, end, _dump(key_node.value, new, _column(text, key_node))))


def _dump(name: str, value: Any, column: int) -> str:
    """``name: value`` as the writer writes it, indented for ``column``, no final newline."""
    dumped = yaml.dump(
        {name: value},
        Dumper=ReleaseDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=2**31 - 1,
    ).rstrip("\n")
    return dumped.replace("\n", "\n" + " " * column)


def _value_end(text: str, node: yaml.Node) -> int:
    """Where a value ends, not counting the line breaks and blank lines a block value takes."""
    end = node.end_mark.index
    return len(text[:end].rstrip(" \n"))


def _line_start(text: str, node: yaml.Node) -> int:
    index = node.start_mark.index
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1


def _column(text: str, node: yaml.Node) -> int:
    return node.start_mark.index - _line_start(text, node)
