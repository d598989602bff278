"""A reviewed region against what was sent: the reviewer's edits as changes to fields.

Within one region (the headline, the body, a contact) the text the reviewer received is
compared word by word with what Presskit sent: differences there are *untracked* edits (typed
with Track Changes off; their author is the document's last editor). Then every tracked
insertion and deletion is a change of its own, with its author and date. Each change is an
:class:`Edit` of a field's source (its Markdown, for the body): a range and the text that
replaces it, so any set of changes can be applied without the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from presskit.model.paths import FieldPath
from presskit.review.docx_reader import ReviewedParagraph, Segment
from presskit.review.html_blocks import LINE_BREAK
from presskit.review.layout import Piece, Region
from presskit.review.text_map import escape_markdown, source_range
from presskit.review.words import Hunk, map_position, matching_blocks, word_hunks


@dataclass(frozen=True)
class Edit:
    """Replace ``source[start:end]`` of ``field`` by ``text``. ``source`` is the field's value
    the edit was made against: applied to another value, it does not apply. With ``remove``,
    the field is an item of a list (a link, a contact) and the edit removes it."""

    field: FieldPath
    source: str
    start: int
    end: int
    text: str
    remove: bool = False


@dataclass
class FieldChange:
    """One change a reviewer made, by field."""

    field: FieldPath
    before: str  # the field's (or the body paragraph's) text as sent
    after: str  # ... with this change
    removed: str
    inserted: str
    author: str
    date: str
    tracked: bool
    edit: Edit | None = None  # None: cannot be applied automatically (see note)
    note: str = ""
    comments: list[str] = field(default_factory=list)

    @property
    def applicable(self) -> bool:
        return self.edit is not None


@dataclass(frozen=True)
class Untracked:
    """Who to name for edits made with Track Changes off: the document's last editor."""

    author: str
    date: str


@dataclass
class _Stream:
    """The reviewed region as one text: ``before`` (what the reviewer received, deleted text
    included) with each tracked segment's place in it."""

    before: str
    tracked: list[tuple[int, int, Segment]]  # (start, end in before; for ins start == end)


def _stream(paragraphs: list[ReviewedParagraph]) -> _Stream:
    text: list[str] = []
    position = 0
    tracked: list[tuple[int, int, Segment]] = []
    for number, paragraph in enumerate(paragraphs):
        segments = list(paragraph.segments)
        if number < len(paragraphs) - 1:
            segments.append(paragraph.mark)
        for segment in segments:
            if segment.kind == "ins":
                tracked.append((position, position, segment))
                continue
            if segment.kind == "del":
                tracked.append((position, position + len(segment.text), segment))
            text.append(segment.text)
            position += len(segment.text)
    return _Stream("".join(text), tracked)


def region_changes(
    region: Region, paragraphs: list[ReviewedParagraph], untracked: Untracked
) -> list[FieldChange]:
    """The reviewer's changes in one region, in document order."""
    sent = region.text
    stream = _stream(paragraphs)
    blocks = matching_blocks(sent, stream.before)
    changes: list[FieldChange] = []
    absorbed: set[int] = set()
    for hunk in _per_field(region, word_hunks(sent, stream.before)):
        inside = [
            i
            for i, (start, end, _s) in enumerate(stream.tracked)
            if hunk.new_start <= start and end <= hunk.new_end
        ]
        absorbed.update(inside)
        replacement = _accepted(stream, hunk.new_start, hunk.new_end, inside)
        changes.append(
            _change(
                region, hunk.old_start, hunk.old_end, replacement,
                author=untracked.author, date=untracked.date, tracked=False,
            )
        )  # fmt: skip
    for group in _tracked_groups(stream, absorbed):
        start = map_position(blocks, group[0][0])
        end = (
            map_position(blocks, group[-1][1]) if any(s.kind == "del" for *_, s in group) else start
        )
        inserted = "".join(s.text for *_, s in group if s.kind == "ins")
        first = group[0][2]
        changes.append(
            _change(
                region, start, end, inserted, author=first.author, date=first.date, tracked=True
            )
        )
    changes.sort(key=lambda c: c.edit.start if c.edit else 0)
    return changes


def _per_field(region: Region, hunks: list[Hunk]) -> list[Hunk]:
    """Untracked edits of one plain field (a headline typed over) as one change. In Markdown
    they stay apart: joined, they would take the links between them with them."""
    joined: list[Hunk] = []
    for hunk in hunks:
        if joined:
            last = joined[-1]
            piece = next(
                (p for p in region.pieces if p.start <= last.old_start and hunk.old_end <= p.end),
                None,
            )
            if piece is not None and not piece.markdown:
                joined[-1] = Hunk(last.old_start, hunk.old_end, last.new_start, hunk.new_end)
                continue
        joined.append(hunk)
    return joined


def _accepted(stream: _Stream, start: int, end: int, inside: list[int]) -> str:
    """``before[start:end]`` with the tracked changes inside it accepted."""
    pieces, position = [], start
    for index in inside:
        seg_start, seg_end, segment = stream.tracked[index]
        pieces.append(stream.before[position:seg_start])
        if segment.kind == "ins":
            pieces.append(segment.text)
        position = max(position, seg_end)
    pieces.append(stream.before[position:end])
    return "".join(pieces)


def _tracked_groups(stream: _Stream, absorbed: set[int]) -> list[list[tuple[int, int, Segment]]]:
    """Tracked segments not inside an untracked edit, adjacent ones by one author together
    (a deletion and the insertion that replaces it are one change)."""
    groups: list[list[tuple[int, int, Segment]]] = []
    for index, item in enumerate(stream.tracked):
        if index in absorbed:
            continue
        if groups:
            _start, last_end, last = groups[-1][-1]
            if item[0] == last_end and item[2].author == last.author:
                groups[-1].append(item)
                continue
        groups.append([item])
    return groups


def _change(
    region: Region,
    start: int,
    end: int,
    replacement: str,
    *,
    author: str,
    date: str,
    tracked: bool,
) -> FieldChange:
    """A change of the region's text ``[start, end)`` to ``replacement``, as a field edit."""
    sent = region.text
    removed = sent[start:end]
    pieces = _pieces_touched(region, start, end)
    if len(pieces) != 1 or pieces[0].field is None:
        path = next((p.field for p in pieces if p.field is not None), region.path)
        before, after = _line_around(sent, start, end, replacement)
        note = (
            "changes text Presskit writes itself (a label, the release line or the dateline); "
            "make this change in the editor"
        )
        if len({p.field for p in pieces if p.field is not None}) > 1:
            note = "spans several fields; make this change in the editor"
        return FieldChange(path, before, after, removed, replacement, author, date, tracked,
                           None, note)  # fmt: skip
    piece = pieces[0]
    edit = _edit(region, piece, start, end, replacement)
    if piece.markdown:
        before, after = _line_around(sent, start, end, replacement)
    else:
        shown = sent[piece.start : piece.end]
        before = shown
        after = shown[: start - piece.start] + replacement + shown[end - piece.start :]
    return FieldChange(piece.field, before, after, removed, replacement, author, date, tracked,
                       edit)  # fmt: skip


def _pieces_touched(region: Region, start: int, end: int) -> list[Piece]:
    """The pieces a change of ``[start, end)`` falls in. A label in between, or a change
    outside every piece, gives a piece without a field."""
    if not region.pieces:
        return [Piece(start, end, None)]
    markdown = [p for p in region.pieces if p.markdown]
    if markdown and len(markdown) == len(region.pieces):
        # Between the chunks of a Markdown field are only paragraph breaks: all one field.
        return [next(p for p in markdown if p.end >= start or p is markdown[-1])]
    touched = [p for p in region.pieces if p.start <= end and start <= p.end]
    if start < end:
        touched = [p for p in touched if p.start < end and start < p.end] or touched
    covered = sum(min(end, p.end) - max(start, p.start) for p in touched)
    if not touched or covered < end - start:
        return [*touched, Piece(start, end, None)]
    return touched[:1] if len({p.field for p in touched}) == 1 else touched


def _edit(region: Region, piece: Piece, start: int, end: int, replacement: str) -> Edit:
    path = piece.field
    assert path is not None
    if not piece.markdown:
        shown = region.text[piece.start : piece.end]
        text = replacement.replace("\n", " ").replace(LINE_BREAK, " ")
        s0, s1 = source_range(shown, piece.source, start - piece.start, end - piece.start, text)
        return Edit(path, piece.source, s0, s1, text)
    text = escape_markdown(replacement).replace(LINE_BREAK, "  \n")
    pieces = [p for p in region.pieces if p.markdown]
    within = next((p for p in pieces if p.start <= start and end <= p.end), None)
    if within is not None:
        shown = region.text[within.start : within.end]
        chunk = within.source[within.span[0] : within.span[1]]
        s0, s1 = source_range(shown, chunk, start - within.start, end - within.start, text)
        return Edit(path, piece.source, within.span[0] + s0, within.span[0] + s1, text)
    s0 = _source_point(region, pieces, start, at_start=True)
    s1 = _source_point(region, pieces, end, at_start=False)
    return Edit(path, piece.source, s0, max(s0, s1), text)


def _source_point(region: Region, pieces: list[Piece], position: int, *, at_start: bool) -> int:
    """Where a change starting (or ending) at ``position`` of the region's text starts (or
    ends) in the Markdown source, for a change over several paragraphs."""
    for piece in pieces:
        if piece.start <= position <= piece.end:
            shown = region.text[piece.start : piece.end]
            chunk = piece.source[piece.span[0] : piece.span[1]]
            local = position - piece.start
            if at_start:
                s0, _ = (
                    source_range(shown, chunk, local, len(shown), "")
                    if local < len(shown)
                    else (len(chunk), 0)
                )
                return piece.span[0] + s0
            _, s1 = source_range(shown, chunk, 0, local, "") if local > 0 else (0, 0)
            return piece.span[0] + s1
    # In the paragraph break between two chunks: the end of the one before it, or the start
    # of the one after it.
    if at_start:
        before = [p for p in pieces if p.end < position]
        return before[-1].span[1] if before else 0
    after = [p for p in pieces if p.start > position]
    return after[0].span[0] if after else len(pieces[-1].source)


def _line_around(text: str, start: int, end: int, replacement: str) -> tuple[str, str]:
    """The paragraph(s) a change falls in, before and after it."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    before = text[first:last]
    after = text[first:start] + replacement + text[end:last]
    return before, after
