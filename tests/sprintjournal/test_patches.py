"""`patches`: each façade patch type names exactly the fields its use case accepts.

A field the use case takes but the patch lacks cannot be passed by typed callers; a field the
patch names but the use case lacks passes mypy and fails at run time. Both drift silently."""

from dataclasses import fields
from datetime import date
from typing import Any

import pytest

from sprintjournal import patches
from sprintjournal.errors import ValidationError
from sprintjournal.journal import Journal
from sprintjournal.records import ReportRec
from sprintjournal.usecases import attendance, branches, gallery, reports, sprints, standup


def keys(patch: Any) -> frozenset[str]:
    return frozenset(patch.__optional_keys__) | frozenset(patch.__required_keys__)


@pytest.mark.parametrize("patch", [
    patches.PersonPatch, patches.SprintDetails, patches.SprintPatch, patches.AttendancePatch,
    patches.BranchDetails, patches.BranchPatch, patches.StandupDetails, patches.StandupPatch,
    patches.PhotoPatch, patches.ReportPatch,
])
def test_every_field_of_a_patch_may_be_left_out(patch: Any) -> None:
    assert patch.__required_keys__ == frozenset()


def test_sprint_patches_match_the_sprint_fields() -> None:
    assert keys(patches.SprintPatch) == sprints.FIELDS
    assert keys(patches.SprintDetails) == sprints.FIELDS - {"title"}  # title is positional


def test_the_attendance_patch_matches_the_attendee_fields() -> None:
    assert keys(patches.AttendancePatch) == attendance.FIELDS


def test_branch_patches_match_the_branch_fields_and_people() -> None:
    assert keys(patches.BranchPatch) == branches.FIELDS | {"people"}
    assert keys(patches.BranchDetails) == branches.FIELDS - {"name"}


def test_standup_patches_match_the_item_fields_and_people() -> None:
    assert keys(patches.StandupPatch) == standup.FIELDS | {"people"}
    assert keys(patches.StandupDetails) == standup.FIELDS - {"day", "section", "text"}


def test_the_photo_patch_matches_the_photo_fields_and_people() -> None:
    assert keys(patches.PhotoPatch) == gallery.FIELDS | {"people"}


def test_the_report_patch_names_the_report_texts() -> None:
    texts = {f.name for f in fields(ReportRec)} - {"sprint_id", "updated_at"}
    assert keys(patches.ReportPatch) == texts == set(reports.FIELDS)


def test_every_field_of_the_person_patch_is_accepted(journal: Journal) -> None:
    pid = journal.add_person("Armin Rigo").id
    patch: patches.PersonPatch = {"name": "Armin Rigo", "aliases": ["arigo"],
                                  "email": "arigo@example.org", "url": "https://example.org/"}
    assert keys(patches.PersonPatch) == set(patch)
    journal.update_person(pid, **patch)
    person = journal.find_person("arigo")
    assert person is not None and (person.id, person.email) == (pid, "arigo@example.org")
    with pytest.raises(ValidationError, match=r"Unknown person fields: nickname"):
        journal.update_person(pid, nickname="arigo")  # type: ignore[call-arg]  # the drift


def test_every_field_of_the_report_patch_is_saved(journal: Journal) -> None:
    sid = journal.add_sprint("Gothenburg", start=date(2011, 11, 2)).id
    journal.save_report(sid, title="T", text="draft", generated_text="generated")
    report = journal.get_report(sid)
    assert (report.title, report.text, report.generated_text) == ("T", "draft", "generated")
