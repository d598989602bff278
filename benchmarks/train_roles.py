"""Learn the role scorer's weights from the corpus, and measure what learning buys.

The scorer (:mod:`presskit.importers.roles`) adds up weighted features per block and a score
per pair of neighbouring roles. Here those numbers are fitted to the corpus's hand-checked
fields with an averaged structured perceptron, starting from the hand-set weights in
:mod:`presskit.importers.cues`:

- the expected fields of each document say the roles of some of its blocks (the block that
  is the headline, the first and last block of the body, the end mark, the boilerplate's
  first block, the blocks holding a contact's email or phone, the release line) and which
  roles some blocks cannot have (nothing before the body's first block is body);
- the best sequence the blocks may have under those constraints is the target; where the
  unconstrained best sequence differs, the weights move towards the target's features.

``--folds K`` measures by cross-validation: the tuned-on documents are split into K folds by
site (all of an agency's releases, and every variant built from one source, in one fold), each
fold is scored with weights learned on the others, and the table compares that with the hand
weights on the same documents. Held-out documents are never trained on.
``--write`` learns on every tuned-on document and writes the result to
``src/presskit/importers/learned_weights.py``.

    .venv/bin/python benchmarks/train_roles.py --folds 5
    .venv/bin/python benchmarks/train_roles.py --write
"""

from __future__ import annotations

import argparse
import copy
import math
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from import_corpus import _bare, _fold, corpus, document_path, score, summary
from presskit.importers import cues, roles
from presskit.importers.features import bare_headline, block_features
from presskit.importers.formats import reader_for
from presskit.importers.model import Role, SourceDocument

Weights = dict[Role, dict[str, float]]
Transitions = dict[tuple[Role | None, Role], float]
ALL = frozenset(Role)
PLACED = roles.PLACED
OUT = Path(__file__).parents[1] / "src" / "presskit" / "importers" / "learned_weights.py"


@dataclass
class Example:
    name: str
    group: str
    features: list[dict[str, float]]
    allowed: list[frozenset[Role]]


# -- the targets: what the expected fields say about the blocks ------------------------------


def _find(texts: list[str], wanted: str, start: int = 0, *, tail: bool = False) -> int | None:
    probe = wanted[-80:] if tail else wanted[:80]
    return next((i for i in range(start, len(texts)) if probe and probe in texts[i]), None)


def constraints(
    document: SourceDocument, features: list[dict[str, float]], expected: dict
) -> list[frozenset[Role]]:
    """Per block, the roles the expected fields leave it (every role when they say nothing)."""
    blocks = document.blocks
    texts = [_fold(b.text) for b in blocks]
    allowed = [ALL for _ in blocks]

    def only(i: int | None, *these: Role) -> None:
        if i is not None:
            allowed[i] = allowed[i] & frozenset(these) or frozenset(these)

    def never(i: int, role: Role) -> None:
        if allowed[i] - {role}:
            allowed[i] = allowed[i] - {role}

    start = _find(texts, _fold(expected.get("body_start", "")))
    end = None
    if start is not None and expected.get("body_end"):
        end = _find(texts, _fold(expected["body_end"]), start, tail=True)
    head = None
    if expected.get("headline"):
        wanted = _fold(expected["headline"])
        heads = [
            i
            for i, b in enumerate(blocks)
            if _fold(bare_headline(" ".join(b.text.split()))) == wanted
            and (start is None or i < start)
        ]
        head = heads[-1] if heads else None
    only(head, Role.HEADLINE)
    if expected.get("subheadline"):
        wanted = _fold(expected["subheadline"])
        only(next((i for i, t in enumerate(texts) if t == wanted), None), Role.SUBHEADLINE)
    if start is not None:
        only(start, Role.BODY)
        for i in range(start):
            never(i, Role.BODY)
        if end is not None:
            only(end, Role.BODY)
            for i in range(start + 1, end):
                allowed[i] &= frozenset({Role.BODY, Role.NOT_PLACED, Role.DATELINE, Role.LINKS})
            for i in range(end + 1, len(blocks)):
                never(i, Role.BODY)
    after = end if end is not None else (start if start is not None else -1)
    if expected.get("end_mark"):
        marks = range(after + 1, len(blocks))
        mark = next((i for i in marks if blocks[i].text.strip() == expected["end_mark"]), None)
        only(mark, Role.END_MARK)
    if expected.get("boilerplate_start"):
        only(_find(texts, _fold(expected["boilerplate_start"]), after + 1), Role.BOILERPLATE)
    for contact in expected.get("contacts", []):
        probes = [contact.get("email", "").lower()] + [
            re.sub(r"\D", "", p) for p in contact.get("phones", [])[:1]
        ]
        for i, block in enumerate(blocks):
            if start is not None and start <= i <= (end if end is not None else start):
                continue
            digits = re.sub(r"\D", "", block.text)
            holds = any(p and (p in block.text.lower() or p in digits) for p in probes)
            named = bool(_bare(block.text)) and _bare(block.text) == _bare(contact.get("name", ""))
            if holds or named:
                only(i, Role.CONTACT)
    if expected.get("status"):
        cue = "cue_embargo" if expected["status"] == "embargoed" else "cue_release"
        limit = start if start is not None else len(blocks)
        found = next((i for i in range(limit) if cue in features[i]), None)
        only(found, Role.RELEASE_LINE)
    return allowed


def examples(names: list[str]) -> list[Example]:
    table = corpus()
    out = []
    for name in names:
        path = document_path(name)
        document = reader_for(path)(path.read_bytes(), path.name, None)
        if not isinstance(document, SourceDocument):
            continue
        features = block_features(document)
        allowed = constraints(document, features, table[name])
        out.append(Example(name, group_of(name, table[name]), features, allowed))
    return out


def group_of(name: str, expected: dict) -> str:
    """The site a document comes from: its agency prefix; a variant goes with its source."""
    source = expected.get("variant_of", name)
    return Path(source).name.split("-")[0]


# -- scoring and decoding with given weights ------------------------------------------------


def emission(weights: Weights, features: dict[str, float], role: Role) -> float:
    w = weights[role]
    return w.get("bias", 0.0) + sum(w.get(k, 0.0) * v for k, v in features.items())


def decode(weights: Weights, moves: Transitions, example: Example, constrained: bool) -> list[Role]:
    """The best sequence of roles (as :func:`roles._best_sequence`), optionally constrained."""
    states: dict[Role | None, float] = {None: 0.0}
    back: list[dict[Role | None, tuple[Role | None, Role]]] = []
    for features, allowed in zip(example.features, example.allowed, strict=True):
        scores = {role: emission(weights, features, role) for role in Role}
        new: dict[Role | None, float] = {}
        pointers: dict[Role | None, tuple[Role | None, Role]] = {}
        for state, total in states.items():
            if not constrained or Role.NOT_PLACED in allowed:
                candidate = total + scores[Role.NOT_PLACED]
                if candidate > new.get(state, -math.inf):
                    new[state], pointers[state] = candidate, (state, Role.NOT_PLACED)
            for role in PLACED:
                if constrained and role not in allowed:
                    continue
                candidate = total + scores[role] + moves.get((state, role), 0.0)
                if candidate > new.get(role, -math.inf):
                    new[role], pointers[role] = candidate, (state, role)
        states, back = new, [*back, pointers]
    state = max(states, key=lambda s: states[s])
    out: list[Role] = []
    for pointers in reversed(back):
        state, role = pointers[state]
        out.append(role)
    return out[::-1]


def _pairs(sequence: list[Role]) -> Iterator[tuple[Role | None, Role]]:
    state: Role | None = None
    for role in sequence:
        if role is not Role.NOT_PLACED:
            yield state, role
            state = role


# -- learning ----------------------------------------------------------------------------------


def learn(
    data: list[Example], epochs: int, rate: float, seed: int = 7
) -> tuple[Weights, Transitions]:
    """Averaged structured perceptron from the hand weights."""
    weights = copy.deepcopy(cues.WEIGHTS)
    moves: Transitions = dict(cues.TRANSITIONS)
    total_w: dict[tuple[Role, str], float] = defaultdict(float)
    total_t: dict[tuple[Role | None, Role], float] = defaultdict(float)
    stamp_w: dict[tuple[Role, str], int] = defaultdict(int)
    stamp_t: dict[tuple[Role | None, Role], int] = defaultdict(int)
    step = 0

    def bump_w(role: Role, name: str, delta: float) -> None:
        key = (role, name)
        total_w[key] += (step - stamp_w[key]) * weights[role].get(name, 0.0)
        stamp_w[key] = step
        weights[role][name] = weights[role].get(name, 0.0) + delta

    def bump_t(key: tuple[Role | None, Role], delta: float) -> None:
        total_t[key] += (step - stamp_t[key]) * moves.get(key, 0.0)
        stamp_t[key] = step
        moves[key] = moves.get(key, 0.0) + delta

    order = list(data)
    shuffle = random.Random(seed)
    for _ in range(epochs):
        shuffle.shuffle(order)
        for example in order:
            step += 1
            guess = decode(weights, moves, example, constrained=False)
            target = decode(weights, moves, example, constrained=True)
            if guess == target:
                continue
            for features, mine, right in zip(example.features, guess, target, strict=True):
                if mine is right:
                    continue
                for name, value in [("bias", 1.0), *features.items()]:
                    bump_w(right, name, rate * value)
                    bump_w(mine, name, -rate * value)
            for key in _pairs(target):
                bump_t(key, rate)
            for key in _pairs(guess):
                bump_t(key, -rate)
    step += 1
    averaged: Weights = {role: {} for role in Role}
    for role in Role:
        for name in set(weights[role]) | {n for r, n in stamp_w if r is role}:
            key = (role, name)
            value = total_w[key] + (step - stamp_w[key]) * weights[role].get(name, 0.0)
            averaged[role][name] = value / step if key in stamp_w else weights[role][name]
    moves_avg: Transitions = {}
    for key in set(moves) | set(stamp_t):
        if key in stamp_t:
            moves_avg[key] = (total_t[key] + (step - stamp_t[key]) * moves.get(key, 0.0)) / step
        else:
            moves_avg[key] = moves[key]
    return averaged, moves_avg


# -- measuring -----------------------------------------------------------------------------------


def use(weights: Weights, moves: Transitions) -> None:
    """Make the importer score with these weights (for this process only)."""
    for role in Role:
        cues.WEIGHTS[role].clear()
        cues.WEIGHTS[role].update(weights[role])
    roles._FROM.clear()
    for (previous, following), value in moves.items():
        roles._FROM.setdefault(previous, {})[following] = value


def measure(names: list[str]) -> dict[str, dict[str, float]]:
    table = corpus()
    return summary([score(name, table[name]) for name in names])


def _line(label: str, result: dict[str, dict[str, float]]) -> str:
    parts = [
        f"{kind} {r['accuracy']:.1%} (headlines {r['headlines']:.1%}, {int(r['fields'])} fields)"
        for kind, r in result.items()
    ]
    return f"{label:<14} " + "; ".join(parts)


def cross_validate(folds: int, epochs: int, rate: float, show_heldout: bool = False) -> None:
    table = corpus()
    tuned = [n for n, e in table.items() if not e.get("heldout")]
    data = {e.name: e for e in examples(tuned)}
    groups = sorted({e.group for e in data.values()})
    random.Random(3).shuffle(groups)
    fold_of = {g: i % folds for i, g in enumerate(groups)}
    hand = (copy.deepcopy(cues.WEIGHTS), dict(cues.TRANSITIONS))
    learned_scores, hand_scores = [], []
    for fold in range(folds):
        test = [n for n in tuned if fold_of[group_of(n, table[n])] == fold]
        train = [data[n] for n in tuned if n not in test and n in data]
        use(*hand)
        hand_scores += [score(n, table[n]) for n in test]
        use(*learn(train, epochs, rate))
        learned_scores += [score(n, table[n]) for n in test]
    use(*hand)
    print(f"{folds}-fold cross-validation by site, {epochs} epochs, rate {rate}:")
    print(_line("hand weights", summary(hand_scores)))
    print(_line("learned", summary(learned_scores)))
    heldout = [n for n, e in table.items() if e.get("heldout")]
    if heldout and show_heldout:
        print(_line("held out, hand", measure(heldout)))
        use(*learn(list(data.values()), epochs, rate))
        print(_line("held out, lrn", measure(heldout)))
        use(*hand)


def write(epochs: int, rate: float) -> None:
    table = corpus()
    tuned = [n for n, e in table.items() if not e.get("heldout")]
    weights, moves = learn(examples(tuned), epochs, rate)
    lines = [
        '"""The role scorer\'s weights as learned from the import corpus (generated by',
        f"``benchmarks/train_roles.py --write --epochs {epochs} --rate {rate}``; do not edit:",
        "change the hand weights in :mod:`presskit.importers.cues` or a feature, then run it",
        'again)."""',
        "",
        "from presskit.importers.model import Role",
        "",
        "WEIGHTS: dict[Role, dict[str, float]] = {",
    ]
    for role in Role:
        items = sorted((k, round(v, 2)) for k, v in weights[role].items() if round(v, 2))
        lines.append(f"    Role.{role.name}: {{")
        lines += [f"        {k!r}: {v}," for k, v in items]
        lines.append("    },")
    lines += ["}", "", "TRANSITIONS: dict[tuple[Role | None, Role], float] = {"]
    for (previous, following), value in sorted(
        moves.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))
    ):
        if round(value, 2):
            first = f"Role.{previous.name}" if previous else "None"
            lines.append(f"    ({first}, Role.{following.name}): {round(value, 2)},")
    lines += ["}", ""]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--rate", type=float, default=0.2)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--show-heldout", action="store_true", help="also score the held-out set")
    args = parser.parse_args()
    if args.write:
        write(args.epochs, args.rate)
    else:
        cross_validate(args.folds, args.epochs, args.rate, args.show_heldout)


if __name__ == "__main__":
    main()
