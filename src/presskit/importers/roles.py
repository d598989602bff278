"""Which role each block plays: weighted cues per block, then the best sequence of roles.

Each block gets a score for every role: the role's bias plus the weights (from
:data:`presskit.importers.cues.WEIGHTS`) of the features the block has. A release also has
an order (the headline before the body, the boilerplate after it, contacts at the top or the
bottom), so the roles are chosen together: a Viterbi pass adds
:data:`presskit.importers.cues.TRANSITIONS` between consecutive placed blocks and picks the
sequence with the highest total. A block that is not placed is transparent: the blocks on
either side of it still count as neighbours.
"""

from __future__ import annotations

import math
import re

from presskit.importers.cues import TRANSITIONS, WEIGHTS
from presskit.importers.features import block_features
from presskit.importers.model import Role, SourceDocument, Tick

PLACED = tuple(role for role in Role if role is not Role.NOT_PLACED)
_START = None  # the state before any block was placed


def emission(features: dict[str, float], role: Role) -> float:
    """The score of ``role`` for a block with ``features``, before its neighbours count."""
    weights = WEIGHTS[role]
    return weights.get("bias", 0.0) + sum(
        weights.get(name, 0.0) * value for name, value in features.items()
    )


_FROM: dict[Role | None, dict[Role, float]] = {}
for (_previous, _next), _score in TRANSITIONS.items():
    _FROM.setdefault(_previous, {})[_next] = _score


def assign_roles(
    document: SourceDocument, tick: Tick | None = None
) -> tuple[list[Role], list[float]]:
    """Each block's role and the scorer's confidence in it (0..1); ``tick`` as in
    :func:`presskit.importers.features.block_features`."""
    features = block_features(document, tick)
    scores = [{role: emission(f, role) for role in Role} for f in features]
    roles = _best_sequence(scores)
    roles = _one_headline(roles, scores, document)
    leads = [i for i, found in enumerate(features) if "dateline_start" in found]
    dated = {i for i, found in enumerate(features) if "date_only" in found}
    roles = _lead_first(roles, document, leads, dated)
    roles = _deck(roles, scores)
    roles = _next_release(roles, document, leads)
    return roles, _confidence(roles, scores)


def _best_sequence(scores: list[dict[Role, float]]) -> list[Role]:
    """Viterbi over "the last placed role": not placing a block keeps the state."""
    states: dict[Role | None, float] = {_START: 0.0}
    back: list[dict[Role | None, tuple[Role | None, Role]]] = []
    for block_scores in scores:
        new: dict[Role | None, float] = {}
        pointers: dict[Role | None, tuple[Role | None, Role]] = {}
        for state, total in states.items():
            # leave the block unplaced: the state carries over
            candidate = total + block_scores[Role.NOT_PLACED]
            if candidate > new.get(state, -math.inf):
                new[state], pointers[state] = candidate, (state, Role.NOT_PLACED)
            moves = _FROM.get(state, {})
            for role in PLACED:
                candidate = total + block_scores[role] + moves.get(role, 0.0)
                if candidate > new.get(role, -math.inf):
                    new[role], pointers[role] = candidate, (state, role)
        states = new
        back.append(pointers)
    state = max(states, key=lambda s: states[s])
    roles: list[Role] = []
    for pointers in reversed(back):
        state, role = pointers[state]
        roles.append(role)
    roles.reverse()
    return roles


def _one_headline(
    roles: list[Role], scores: list[dict[Role, float]], document: SourceDocument
) -> list[Role]:
    """Exactly one headline when any block could be one: the best-scoring wins."""
    heads = [i for i, role in enumerate(roles) if role is Role.HEADLINE]
    if len(heads) > 1:
        best = max(heads, key=lambda i: scores[i][Role.HEADLINE])
        after = next((i for i in range(best + 1, len(roles)) if roles[i] is not Role.NOT_PLACED), 0)
        for i in heads:
            if i < best:  # a line above the headline is the page's or letterhead's, not body
                roles[i] = Role.NOT_PLACED
            elif i != best:  # the next placed line under the headline is its subheadline
                roles[i] = Role.SUBHEADLINE if i == after else Role.BODY
    elif not heads:
        prose = next(  # a headline stands above the release's first paragraph of prose
            (b.index for b in document.blocks if len(b.text.split()) >= 25 and not b.chrome), 40
        )
        candidates = _headline_candidates(document, roles, scores, min(prose, 40))
        if candidates:
            roles[max(candidates, key=lambda i: scores[i][Role.HEADLINE])] = Role.HEADLINE
    heads = [i for i, role in enumerate(roles) if role is Role.HEADLINE]
    for i in range(heads[0] if heads else 0):
        if roles[i] is Role.BODY:  # a page's teaser or menu above the headline
            roles[i] = Role.NOT_PLACED
    return roles


def _deck(roles: list[Role], scores: list[dict[Role, float]]) -> list[Role]:
    """A title-like line left unplaced between the headline and the body, under the date
    and contact lines ("… in Palestine, Texas" / "November 30, 2009" / "Contact: …" / "EDA
    Grant Expected to Create 180 Jobs …" / "WASHINGTON - …"): the subheadline."""
    if Role.SUBHEADLINE in roles or Role.HEADLINE not in roles or Role.BODY not in roles:
        return roles
    deck = roles.index(Role.BODY) - 1
    unplaced = deck > roles.index(Role.HEADLINE) and roles[deck] is Role.NOT_PLACED
    if unplaced and scores[deck][Role.HEADLINE] >= 3:
        roles = list(roles)
        roles[deck] = Role.SUBHEADLINE
    return roles


def _next_release(roles: list[Role], document: SourceDocument, leads: list[int]) -> list[Role]:
    """A list page's next item ends the release: a title-like line, then (after a date line,
    perhaps) a second lead opening with a dateline ("OSHA cites bakery …" / "MARSHFIELD, Wis.
    – …"); from that title on, the body is the page's, not the release's: not placed."""
    leads = [i for i in leads if roles[i] is Role.BODY]
    if len(leads) < 2:
        return roles
    title = leads[1]
    for _ in range(3):  # the item's date line, title and subtitle, whatever the scorer made them
        above = title - 1
        if (
            above > leads[0]
            and roles[above] in _ITEM_TOP
            and _title_line(document.blocks[above].text)
        ):
            title = above
    if title == leads[1]:
        return roles
    return [Role.NOT_PLACED if i >= title and r is Role.BODY else r for i, r in enumerate(roles)]


_ITEM_TOP = (Role.BODY, Role.NOT_PLACED, Role.DATELINE, Role.SUBHEADLINE)


def _lead_first(
    roles: list[Role], document: SourceDocument, leads: list[int], dated: set[int]
) -> list[Role]:
    """The body starts with the lead when the lead opens with a dateline: a line of a few
    words with no full stop placed above it ("» More Information on …", a photo's caption,
    a title's second half) is the subheadline when it stands right under the headline, else
    not placed ("SFNF offices will close … Courtesy photo" / "Santa Fe, N.M. — …")."""
    body = [i for i, role in enumerate(roles) if role is Role.BODY][:2]
    if len(body) < 2 or body[1] not in leads or body[0] in leads or body[0] in dated:
        return roles
    if not _title_line(document.blocks[body[0]].text):
        return roles
    above = next(
        (roles[i] for i in range(body[0] - 1, -1, -1) if roles[i] is not Role.NOT_PLACED), None
    )
    roles = list(roles)
    under_headline = above is Role.HEADLINE and Role.SUBHEADLINE not in roles
    roles[body[0]] = Role.SUBHEADLINE if under_headline else Role.NOT_PLACED
    return roles


def _title_line(text: str) -> bool:
    """Up to 30 words and no full stop at the end (an abbreviation's is none: "Laurel, Md.")."""
    text = re.sub(r"\b[A-Z][a-z]{0,3}\.$", "", text.rstrip())
    return len(text.split()) <= 30 and not text.rstrip().endswith((".", "!", "?", ":"))


def _headline_candidates(
    document: SourceDocument, roles: list[Role], scores: list[dict[Role, float]], limit: int
) -> list[int]:
    return [
        i
        for i, block in enumerate(document.blocks[:limit])
        if not block.chrome
        and roles[i] in (Role.BODY, Role.NOT_PLACED, Role.SUBHEADLINE)
        and scores[i][Role.NOT_PLACED] < 3  # not a page's label or chrome
        and scores[i][Role.HEADLINE] > -4
    ]


def _confidence(roles: list[Role], scores: list[dict[Role, float]]) -> list[float]:
    """How clearly each block's role beat the others (a softmax of its own scores)."""
    result = []
    for role, block_scores in zip(roles, scores, strict=True):
        top = max(block_scores.values())
        total = sum(math.exp(s - top) for s in block_scores.values())
        result.append(round(math.exp(block_scores[role] - top) / total, 3))
    return result
