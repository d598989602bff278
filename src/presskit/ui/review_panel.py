"""The Review panel: a reviewer's changes, one row each, with Accept and Reject.

Each row names the field, who changed it (and whether with Track Changes), shows the change
word by word, and the reviewer's comments on that text beside it. Accepting writes the change
into the release through the document controller; accepting and rejecting are steps on the
editor's undo stack, so Edit > Undo takes them back in order. Changes to the same field move
along as earlier ones are accepted; a change whose text was edited since cannot be accepted
and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from presskit.app.document import DocumentController
from presskit.model.paths import field_words
from presskit.model.wording import counted
from presskit.review.apply import applied_value, rebase
from presskit.review.changes import Edit, FieldChange
from presskit.review.review import ReviewComment, ReviewResult, comment_line
from presskit.ui.diff_view import inline_diff_html

PENDING, ACCEPTED, REJECTED, CONFLICT = "pending", "accepted", "rejected", "conflict"


@dataclass
class _Row:
    change: FieldChange
    edit: Edit | None
    state: str


class ReviewStateCommand(QUndoCommand):
    """Accepting or rejecting changes, as the panel records it: undone with the document."""

    def __init__(self, panel: ReviewPanel, label: str, after: dict[int, tuple[str, Edit | None]]):
        super().__init__(label)
        self._panel = panel
        self._after = after
        self._before = {i: (panel.rows[i].state, panel.rows[i].edit) for i in after}

    def _set(self, states: dict[int, tuple[str, Edit | None]]) -> None:
        for index, (state, edit) in states.items():
            self._panel.rows[index].state = state
            self._panel.rows[index].edit = edit
        self._panel.refresh()

    def redo(self) -> None:
        self._set(self._after)

    def undo(self) -> None:
        self._set(self._before)


class ReviewPanel(QWidget):
    """Lists the changes of one reviewed document against the open release."""

    def __init__(self, doc: DocumentController, parent: QWidget | None = None):
        super().__init__(parent)
        self._doc = doc
        self.rows: list[_Row] = []
        self.comments: list[ReviewComment] = []
        self.summary = QLabel("Compare a reviewed Word document with File > Compare with "
                              "Reviewed Document…")  # fmt: skip
        self.summary.setWordWrap(True)
        self.summary.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.accept_all = QPushButton("Accept All")
        self.accept_all.clicked.connect(self.accept_pending)
        self.reject_all = QPushButton("Reject All")
        self.reject_all.clicked.connect(self.reject_pending)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.accept_all)
        top.addWidget(self.reject_all)
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._list)
        scroll.setAccessibleName("Changes")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        doc.documentReplaced.connect(self.clear)
        self.refresh()

    # -- contents ---------------------------------------------------------------------------
    def show_result(self, name: str, result: ReviewResult) -> None:
        """Show the changes and comments of the reviewed document called ``name``."""
        self.rows = [_Row(c, c.edit, PENDING if c.edit else CONFLICT) for c in result.changes]
        self.comments = [c for c in result.comments if not _attached(c, result.changes)]
        by = f" by {', '.join(result.authors)}" if result.authors else ""
        notes = "".join(f"\n{note}" for note in result.notes)
        self.summary.setText(
            f"{name}: {counted(len(result.changes), 'change')}, "
            f"{counted(len(result.comments), 'comment')}{by}{notes}"
        )
        self.refresh()

    def clear(self) -> None:
        """Another document was opened: these changes belonged to the one before."""
        if self.rows or self.comments:
            self.rows, self.comments = [], []
            self.summary.setText("The review was closed with the document it belonged to.")
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the rows; keyboard focus that was in them moves to the next change to
        decide (or to the panel), so the keyboard keeps working after a click."""
        focus = QApplication.focusWidget()
        had_focus = focus is None or self.isAncestorOf(focus)
        while self._list_layout.count():
            widget = self._list_layout.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for index, row in enumerate(self.rows):
            self._list_layout.addWidget(self._row_widget(index, row))
        for comment in self.comments:
            self._list_layout.addWidget(_comment_widget(comment))
        self._list_layout.addStretch(1)
        pending = [i for i, row in enumerate(self.rows) if row.state == PENDING]
        self.accept_all.setEnabled(bool(pending))
        self.reject_all.setEnabled(bool(pending))
        if had_focus and self.isVisible():
            target = self._list.findChild(QPushButton, f"accept:{pending[0]}") if pending else None
            (target or self.summary).setFocus()

    def _row_widget(self, index: int, row: _Row) -> QWidget:
        change = row.change
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setObjectName(f"change:{index}")
        how = "tracked" if change.tracked else "untracked"
        when = f", {change.date[:16].replace('T', ' ')}" if change.date else ""
        title = QLabel(
            f"<b>{escape(field_words(change.field))}</b> — {escape(change.author)} ({how}{when})"
        )
        text = QLabel(inline_diff_html(change.before, change.after))
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setAccessibleName(f"Change {index + 1}")
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(text)
        notes = [f"Comment: {comment}" for comment in change.comments]
        if row.state == CONFLICT:
            notes.append(f"Cannot be applied: {change.note or 'the text changed since'}")
        for note in notes:
            label = QLabel(note)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            column.addWidget(label)
        layout = QHBoxLayout(frame)
        layout.addLayout(column, 1)
        layout.addLayout(self._buttons(index, row))
        return frame

    def _buttons(self, index: int, row: _Row) -> QVBoxLayout:
        buttons = QVBoxLayout()
        if row.state in (ACCEPTED, REJECTED):
            buttons.addWidget(QLabel("✓ Accepted" if row.state == ACCEPTED else "✗ Rejected"))
        for text, slot in (("Accept", self.accept), ("Reject", self.reject)):
            button = QPushButton(text)
            button.setAccessibleName(f"{text} change {index + 1}")
            button.setObjectName(f"{text.lower()}:{index}")
            button.setVisible(row.state in (PENDING, CONFLICT))
            button.setEnabled(row.state == PENDING or text == "Reject")
            button.clicked.connect(lambda _=False, i=index, act=slot: act(i))
            buttons.addWidget(button)
        buttons.addStretch(1)
        return buttons

    # -- accepting and rejecting ------------------------------------------------------------
    def accept(self, index: int) -> bool:
        """Apply change ``index`` to the document as one undo step; False if it cannot be."""
        row = self.rows[index]
        edit = row.edit
        if row.state != PENDING or edit is None:
            return False
        target = edit.field[:-1] if edit.remove else edit.field
        current = self._doc.value(target) if self._doc.exists(target) else None
        if current is None or (not edit.remove and current != edit.source):
            row.state = CONFLICT  # edited by hand since: not a step to undo
            row.change.note = "the field has changed since; edit it by hand"
            self.refresh()
            return False
        value = applied_value(current, edit)
        label = f"Accept change to {field_words(edit.field)}"
        states: dict[int, tuple[str, Edit | None]] = {index: (ACCEPTED, edit)}
        for other, other_row in enumerate(self.rows):
            if other != index and other_row.state == PENDING and other_row.edit is not None:
                moved = rebase(other_row.edit, edit, value)
                if moved != other_row.edit:
                    states[other] = (PENDING, moved) if moved else (CONFLICT, None)
        stack = self._doc.undo_stack
        stack.beginMacro(label)
        self._doc.set_fields(label, [(target, value)])
        stack.push(ReviewStateCommand(self, label, states))
        stack.endMacro()
        return True

    def reject(self, index: int) -> None:
        """Leave change ``index`` out (one undo step)."""
        if self.rows[index].state in (PENDING, CONFLICT):
            label = f"Reject change to {field_words(self.rows[index].change.field)}"
            self._push(label, {index: (REJECTED, self.rows[index].edit)})

    def accept_pending(self) -> None:
        stack = self._doc.undo_stack
        stack.beginMacro("Accept all changes")
        for index in range(len(self.rows)):
            self.accept(index)
        stack.endMacro()

    def reject_pending(self) -> None:
        pending = {
            i: (REJECTED, row.edit) for i, row in enumerate(self.rows) if row.state == PENDING
        }
        if pending:
            self._push("Reject all changes", pending)

    def _push(self, label: str, states: dict[int, tuple[str, Edit | None]]) -> None:
        self._doc.undo_stack.push(ReviewStateCommand(self, label, states))


def _attached(comment: ReviewComment, changes: list[FieldChange]) -> bool:
    return any(comment_line(comment) in change.comments for change in changes)


def _comment_widget(comment: ReviewComment) -> QWidget:
    where = field_words(comment.field) if comment.field else "the document"
    anchor = f" on “{comment.anchor}”" if comment.anchor else ""
    label = QLabel(
        f"Comment by <b>{escape(comment.author)}</b> on {escape(where)}{escape(anchor)}: "
        f"{escape(comment.text)}"
    )
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setFrameShape(QFrame.Shape.StyledPanel)
    return label
