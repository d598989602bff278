"""The document controller's edit API: any field, the body and boilerplate included, as one
undo step, with the QTextDocuments the editors show kept in step."""

from __future__ import annotations

import pytest

from presskit.app.document import DocumentController
from presskit.model.release import Release


@pytest.fixture
def doc(qapp) -> DocumentController:
    controller = DocumentController()
    controller.restore("---\nheadline: Old headline\n---\nOld body.\n", None, None, "test")
    controller.undo_stack.clear()
    return controller


def test_set_fields_sets_body_boilerplate_and_plain_fields_as_one_step(
    doc: DocumentController,
) -> None:
    doc.set_fields(
        "Replace everything",
        [(("headline",), "New headline"), (("body",), "New body."), (("boilerplate",), "About.")],
    )
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Replace everything"
    assert (doc.model.headline, doc.model.body, doc.model.boilerplate) == (
        "New headline",
        "New body.",
        "About.",
    )
    assert doc.documents["body"].toPlainText() == "New body."
    assert "New body." in doc.snapshot_text()

    doc.undo_stack.undo()
    assert (doc.model.headline, doc.model.body, doc.model.boilerplate) == (
        "Old headline",
        "Old body.",
        "",
    )
    assert doc.documents["boilerplate"].toPlainText() == ""
    doc.undo_stack.redo()
    assert doc.model.body == "New body." and doc.model.headline == "New headline"


def test_set_field_on_the_body_is_undoable_and_skips_no_change(doc: DocumentController) -> None:
    doc.set_field(("body",), "Old body.")
    assert doc.undo_stack.count() == 0
    doc.set_field(("body",), "Typed elsewhere.")
    assert doc.undo_stack.count() == 1 and doc.model.body == "Typed elsewhere."
    doc.undo_stack.undo()
    assert doc.model.body == "Old body."


def test_a_part_of_a_text_field_cannot_be_set(doc: DocumentController) -> None:
    with pytest.raises(ValueError, match="one text"):
        doc.set_field(("body", 0), "x")
    assert isinstance(doc.model, Release) and doc.model.body == "Old body."
