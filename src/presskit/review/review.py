"""A reviewed Word document against the release: every change and comment, by field.

    result = read_review(docx_bytes, release)
    result.changes    # FieldChange: field, before, after, author, date, tracked, edit
    result.comments   # ReviewComment: field, the text it is anchored to, author, text

The document carries the release it was made from, so changes are found against exactly what
the reviewer was sent; where a reviewer's program dropped it, the release as it is now stands
in. Changes to a field that has changed since it was sent are listed but not applied.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from presskit.model.fingerprint import content_fingerprint
from presskit.model.paths import FieldPath, get_at
from presskit.model.release import Release
from presskit.review.changes import Edit, FieldChange, Untracked, region_changes
from presskit.review.docx_reader import ReviewedDocument, ReviewFileError, read_docx
from presskit.review.layout import (
    LIST_REGIONS,
    MARKDOWN_REGIONS,
    STYLE_OF_REGION,
    Piece,
    Region,
    build_layout,
)
from presskit.review.regions import ReviewedRegion, group_paragraphs
from presskit.storage.problems import ReleaseFileError
from presskit.storage.release_file import loads_release

_PLAIN_FIELDS = frozenset({"headline", "subheadline", "end_mark"})


@dataclass
class ReviewComment:
    """A reviewer's comment on the text it is anchored to."""

    field: FieldPath | None
    anchor: str
    text: str
    author: str
    date: str


@dataclass
class ReviewResult:
    """What a reviewer changed and said."""

    changes: list[FieldChange] = field(default_factory=list)
    comments: list[ReviewComment] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    base: Release | None = None  # what the reviewer was sent

    @property
    def authors(self) -> list[str]:
        names = [c.author for c in self.changes] + [c.author for c in self.comments]
        return list(dict.fromkeys(name for name in names if name))


def read_review(data: bytes, release: Release) -> ReviewResult:
    """The changes and comments of the reviewed document ``data`` for ``release``.

    Raises ReviewFileError for a file that is not a Word document.
    """
    document = read_docx(data)
    base, notes = _base(document, release)
    expected = build_layout(base)
    groups = group_paragraphs(document.paragraphs, expected)
    untracked = Untracked(document.last_modified_by or "the reviewer", document.modified)
    result = ReviewResult(notes=notes, base=base)
    pairs = _pairs(expected, groups)
    for region, group in pairs:
        paragraphs = group.paragraphs if group is not None else []
        result.changes += _changes(region, paragraphs, untracked)
    result.comments = _comments(document, pairs)
    _attach_comments(result)
    _mark_outdated(result, base, release)
    return result


def _base(document: ReviewedDocument, release: Release) -> tuple[Release, list[str]]:
    if document.source is None:
        return release, [
            "The document no longer holds the release it was made from; it is compared with "
            "the release as it is now."
        ]
    try:
        base = loads_release(document.source, "the document's release").release
    except ReleaseFileError:
        return release, ["The release the document holds cannot be read; it is compared with "
                         "the release as it is now."]  # fmt: skip
    notes = []
    if content_fingerprint(base) != content_fingerprint(release):
        notes.append(
            "The release has changed since this document was made. Changes to fields that "
            "changed since are listed, but not applied."
        )
    return base, notes


def _pairs(
    expected: list[Region], groups: list[ReviewedRegion]
) -> list[tuple[Region, ReviewedRegion | None]]:
    """Each expected region with the reviewed paragraphs that stand for it."""
    pairs: list[tuple[Region, ReviewedRegion | None]] = []
    keys = list(dict.fromkeys([r.key for r in expected] + [g.key for g in groups]))
    for key in keys:
        mine = [r for r in expected if r.key == key]
        theirs = [g for g in groups if g.key == key]
        if key in LIST_REGIONS:
            pairs += _list_pairs(key, mine, theirs)
            continue
        merged = None
        if theirs:
            merged = ReviewedRegion(key, [p for g in theirs for p in g.paragraphs])
        region = mine[0] if mine else _empty_region(key)
        if region is not None and (mine or merged is not None):
            pairs.append((region, merged))
    return pairs


def _list_pairs(
    key: str, mine: list[Region], theirs: list[ReviewedRegion]
) -> list[tuple[Region, ReviewedRegion | None]]:
    """Links or contacts matched by their text (a removed one leaves a gap)."""
    matcher = difflib.SequenceMatcher(
        None, [r.text for r in mine], [g.text for g in theirs], autojunk=False
    )
    pairs: list[tuple[Region, ReviewedRegion | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            pairs += list(zip(mine[i1:i2], theirs[j1:j2], strict=True))
        elif tag in ("delete", "replace"):
            paired = min(i2 - i1, j2 - j1)
            pairs += list(zip(mine[i1 : i1 + paired], theirs[j1 : j1 + paired], strict=True))
            pairs += [(region, None) for region in mine[i1 + paired : i2]]
            pairs += [(_new_item(key), g) for g in theirs[j1 + paired : j2]]
        else:  # insert
            pairs += [(_new_item(key), g) for g in theirs[j1:j2]]
    return pairs


def _new_item(key: str) -> Region:
    """Stands for a link or contact the reviewer added: its text has no field yet."""
    region = Region(key, None)
    region.new_paragraph(STYLE_OF_REGION[key])
    return region


def _empty_region(key: str) -> Region | None:
    """A field the release left empty, which the reviewer filled in."""
    if key not in _PLAIN_FIELDS and key not in MARKDOWN_REGIONS:
        return None
    region = Region(key)
    region.new_paragraph(STYLE_OF_REGION[key])
    region.pieces.append(Piece(0, 0, (key,), "", (0, 0), key in MARKDOWN_REGIONS))
    return region


def _changes(region: Region, paragraphs: list, untracked: Untracked) -> list[FieldChange]:
    if (
        region.key in LIST_REGIONS
        and region.index is not None
        and not any(p.after.strip() for p in paragraphs)
    ):
        return [_removal(region, paragraphs, untracked)]
    if region.key in LIST_REGIONS and region.index is None:
        text = "\n".join(p.after for p in paragraphs)
        what = "link" if region.key == "links" else "contact"
        note = f"a new {what}; add it in the editor"
        tracked = _all_tracked(paragraphs)
        return [
            FieldChange((region.key,), "", text, "", text, untracked.author, untracked.date,
                        tracked, note=note)
        ]  # fmt: skip
    return region_changes(region, paragraphs, untracked)


def _removal(region: Region, paragraphs: list, untracked: Untracked) -> FieldChange:
    """A whole link or contact deleted: the change removes the item."""
    tracked = bool(paragraphs)
    author, date = untracked.author, untracked.date
    deleted = [s for p in paragraphs for s in p.segments if s.kind == "del"]
    if deleted:
        author, date = deleted[0].author, deleted[0].date
    edit = Edit(region.path, "", 0, 0, "", remove=True)
    return FieldChange(region.path, region.text, "", region.text, "", author, date,
                       tracked, edit)  # fmt: skip


def _all_tracked(paragraphs: list) -> bool:
    return all(s.kind == "ins" for p in paragraphs for s in p.segments)


def _comments(
    document: ReviewedDocument, pairs: list[tuple[Region, ReviewedRegion | None]]
) -> list[ReviewComment]:
    where: dict[int, Region] = {}
    index = {id(p): n for n, p in enumerate(document.paragraphs)}
    for region, group in pairs:
        for paragraph in group.paragraphs if group else []:
            where[index[id(paragraph)]] = region
    comments = []
    for comment in document.comments:
        anchor, region = "", None
        if comment.start is not None and comment.end is not None:
            anchor = _anchor_text(document, comment.start, comment.end)
            region = where.get(comment.start[0])
        path = _comment_field(region)
        comments.append(ReviewComment(path, anchor, comment.text, comment.author, comment.date))
    return comments


def _comment_field(region: Region | None) -> FieldPath | None:
    if region is None:
        return None
    fields = {p.field for p in region.pieces if p.field is not None}
    return fields.pop() if len(fields) == 1 else region.path


def _anchor_text(document: ReviewedDocument, start: tuple[int, int], end: tuple[int, int]) -> str:
    texts = [p.before for p in document.paragraphs[start[0] : end[0] + 1]]
    if not texts:
        return ""
    if len(texts) == 1:
        return texts[0][start[1] : end[1]]
    return "\n".join([texts[0][start[1] :], *texts[1:-1], texts[-1][: end[1]]])


def _attach_comments(result: ReviewResult) -> None:
    """A comment whose anchor is in a change's text is shown beside that change."""
    for comment in result.comments:
        for change in result.changes:
            if (
                change.field == comment.field
                and comment.anchor
                and (comment.anchor in change.before or comment.anchor in change.after)
            ):
                change.comments.append(comment_line(comment))
                break


def comment_line(comment: ReviewComment) -> str:
    """``Legal on “the words”: Source?``: a comment beside the change it is about."""
    anchor = f" on “{comment.anchor}”" if comment.anchor else ""
    return f"{comment.author}{anchor}: {comment.text}"


def _mark_outdated(result: ReviewResult, base: Release, release: Release) -> None:
    """Changes to fields that are no longer as they were sent cannot be applied."""
    for change in result.changes:
        edit = change.edit
        if edit is None:
            continue
        now = _value(release, edit.field)
        if now is None or now != (_value(base, edit.field) if edit.remove else edit.source):
            change.edit = None
            change.note = "this field has changed since the document was sent; edit it by hand"


def _value(release: Release, path: FieldPath) -> object:
    try:
        return get_at(release, path)
    except (IndexError, AttributeError, KeyError):
        return None


__all__ = ["ReviewComment", "ReviewFileError", "ReviewResult", "comment_line", "read_review"]
