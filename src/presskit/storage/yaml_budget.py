"""One budget for the whole front matter: how many values it holds once its aliases expand.

A YAML alias (``*c``) stands for the whole value its anchor (``&c``) names, wherever it is
used. A few kilobytes of aliases of aliases ("billion laughs") describe billions of values:
``contacts: [*c, *c, …]`` three thousand times, each contact with three thousand ``*q``
phones, is 24 KB of text and nine million phones, which took 36 s and ended in MemoryError.

Composing the YAML is cheap (an alias is one more reference to the same node), so the check
runs on the composed node graph, before any Python object is built from it: each node's size
with every alias expanded is computed once and remembered, which makes the check linear in
the nodes actually written, however large their expansion. A front matter whose expansion
passes :data:`MAX_EXPANDED_NODES`, or whose aliases refer to themselves, is refused with the
line where it happens.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

MAX_EXPANDED_NODES = 100_000
"""The most values (keys, texts, lists, groups) a front matter may hold with its aliases
expanded. A real release holds a few hundred; one with a thousand contacts about 20,000."""


@dataclass(frozen=True)
class BudgetProblem:
    """Where the budget was passed, as a line of the release file, and why."""

    line: int
    field: str | None
    message: str


def _children(node: yaml.Node, name: str) -> list[tuple[yaml.Node, str]]:
    """A node's children, each with the field name a message gives it (``contacts[2].phones``)."""
    if isinstance(node, yaml.SequenceNode):
        return [(item, f"{name}[{i}]") for i, item in enumerate(node.value, start=1)]
    if isinstance(node, yaml.MappingNode):
        children = []
        for key, value in node.value:
            label = key.value if isinstance(key, yaml.ScalarNode) else "?"
            children += [(key, name), (value, f"{name}.{label}" if name else label)]
        return children
    return []


class _Frame:
    """A node being walked: its children, the next one to visit, its expanded size so far."""

    __slots__ = ("children", "name", "next", "node", "size")

    def __init__(self, node: yaml.Node, name: str):
        self.node = node
        self.name = name
        self.children = _children(node, name)
        self.next = 0
        self.size = 1


class _Walk:
    """The expanded size of every node, each computed once (see the module docstring)."""

    def __init__(self, first_line: int, limit: int):
        self.first_line = first_line
        self.limit = limit
        self.sizes: dict[int, int] = {}

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + self.first_line

    def too_large(self, where: _Frame, alias_of: yaml.Node | None) -> BudgetProblem:
        message = (
            f"with its YAML aliases expanded, the front matter would hold more than "
            f"{self.limit:,} values (a real release holds a few hundred); Presskit refuses it"
        )
        if alias_of is not None:
            anchor = self.line(alias_of)
            message += f" (the aliases here repeat the value anchored on line {anchor})"
        return BudgetProblem(self.line(where.node), where.name or None, message)

    def cycle(self, where: _Frame, anchor: yaml.Node) -> BudgetProblem:
        return BudgetProblem(
            self.line(where.node),
            where.name or None,
            f"a YAML alias here stands for a value that holds the alias itself (anchored on "
            f"line {self.line(anchor)}), so it never ends; Presskit refuses it",
        )

    def run(self, root: yaml.Node) -> BudgetProblem | None:
        path = [_Frame(root, "")]
        on_path = {id(root)}
        while path:
            frame = path[-1]
            if frame.next == len(frame.children):  # done: keep its size, add it to its parent
                path.pop()
                on_path.discard(id(frame.node))
                self.sizes[id(frame.node)] = frame.size
                if path:
                    path[-1].size += frame.size
                    if path[-1].size > self.limit:
                        return self.too_large(path[-1], None)
                continue
            child, name = frame.children[frame.next]
            frame.next += 1
            if id(child) in on_path:
                return self.cycle(frame, child)
            known = self.sizes.get(id(child))
            if known is None:  # the first time this node is met: walk it
                path.append(_Frame(child, name))
                on_path.add(id(child))
                continue
            frame.size += known  # met again through an alias: its size, without walking it
            if frame.size > self.limit:
                return self.too_large(frame, child)
        return None


def check_expansion(
    root: yaml.Node | None, first_line: int = 1, limit: int = MAX_EXPANDED_NODES
) -> BudgetProblem | None:
    """Where ``root`` passes ``limit`` nodes with its aliases expanded, or None if it never
    does. ``first_line`` is the file line of the YAML's first line.

    Iterative (no recursion, however deep the nesting) and linear in the nodes written: a node
    reached again through an alias adds its remembered size instead of being walked again.
    """
    if root is None:
        return None
    return _Walk(first_line, limit).run(root)
