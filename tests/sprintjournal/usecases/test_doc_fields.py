"""The one field table of the interchange: every document field is placed (a plain copy, or
built by hand with a reason), and a copy names a real record field and a real column."""

import dataclasses
from datetime import date

import pytest
from pydantic import BaseModel
from sqlmodel import SQLModel

from sprintjournal import models, records
from sprintjournal.exchange import schema
from sprintjournal.records import AttendeeRec, PersonRef
from sprintjournal.usecases.doc_fields import BY_HAND, COPIED, doc_fields, row_fields

SIDES: dict[type[BaseModel], tuple[type, type[SQLModel]]] = {
    schema.PersonDoc: (records.PersonRec, models.Person),
    schema.SprintDoc: (records.SprintRec, models.Sprint),
    schema.AttendeeDoc: (records.AttendeeRec, models.Attendance),
    schema.BranchDoc: (records.BranchRec, models.Branch),
    schema.StandupDoc: (records.StandupRec, models.StandupItem),
    schema.NoteDoc: (records.NoteRec, models.Note),
    schema.PhotoDoc: (records.PhotoRec, models.Photo),
    schema.ReportDoc: (records.ReportRec, models.Report),
}


def test_the_table_covers_the_documents_of_the_journals_entities() -> None:
    assert set(COPIED) == set(BY_HAND) == set(SIDES)


@pytest.mark.parametrize("doc", list(SIDES), ids=lambda d: d.__name__)
def test_every_document_field_is_copied_or_built_by_hand(doc: type[BaseModel]) -> None:
    copied, by_hand = set(COPIED[doc]), set(BY_HAND[doc])
    assert not copied & by_hand, "a field is both copied and built by hand"
    assert copied | by_hand == set(doc.model_fields), "a document field is not placed"


@pytest.mark.parametrize("doc", list(SIDES), ids=lambda d: d.__name__)
def test_a_copy_names_a_record_field_and_a_column(doc: type[BaseModel]) -> None:
    record, table = SIDES[doc]
    fields = {f.name for f in dataclasses.fields(record)}
    columns = {c.name for c in table.__table__.columns}  # type: ignore[attr-defined]
    for name, (field, column) in COPIED[doc].items():
        assert field in fields, f"{doc.__name__}.{name}: the record has no {field}"
        assert column in columns, f"{doc.__name__}.{name}: the table has no {column}"


def test_an_attendee_goes_record_to_document_to_row() -> None:
    """The organiser's newcomer answer travels, not the journal's guess."""
    rec = AttendeeRec(7, 1, PersonRef(3, "Håkan Ardö"), date(2011, 11, 2), None, "from the 2nd",
                      "hotel", "vegan", host=False, newcomer_override=None, newcomer=True,
                      notes="n", needs_review=True, review_reason="why")
    doc = schema.AttendeeDoc(person=rec.person.name, **doc_fields(rec, schema.AttendeeDoc))
    assert doc.newcomer is None and doc.arrive == date(2011, 11, 2)
    assert row_fields(doc) == {
        "arrive": date(2011, 11, 2), "depart": None, "dates_text": "from the 2nd",
        "accommodation": "hotel", "diet": "vegan", "host": False, "newcomer": None,
        "notes": "n", "needs_review": True, "review_reason": "why"}


def test_tuples_of_a_record_become_lists_of_a_document() -> None:
    branch = records.BranchRec(1, 1, "jit", results=("faster",), links=("https://x",),
                               notes_publish=True)
    fields = doc_fields(branch, schema.BranchDoc)
    assert fields["results"] == ["faster"] and fields["publish_notes"] is True
