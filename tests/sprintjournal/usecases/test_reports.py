"""`usecases.reports`: a sprint's report draft, read and saved field by field."""

from datetime import date

import pytest

from sprintjournal.errors import NotFoundError, ValidationError
from sprintjournal.journal import Journal
from sprintjournal.usecases import reports
from sprintjournal.usecases.common import reads


@pytest.fixture
def sprint(journal: Journal) -> int:
    return journal.add_sprint("Gothenburg", start=date(2011, 11, 2)).id


def test_a_sprint_without_a_draft_reads_as_an_empty_one(journal: Journal, sprint: int) -> None:
    with journal.read() as s:
        report = reads(s).get_report(sprint)
    assert (report.sprint_id, report.title, report.text, report.generated_text,
            report.updated_at) == (sprint, None, None, None, None)


def test_saving_one_field_keeps_the_others(journal: Journal, sprint: int) -> None:
    with journal.write() as s:
        reports.save(s, sprint, title="PyPy Gothenburg sprint report", text="draft",
                     generated_text="generated")
    with journal.write() as s:
        reports.save(s, sprint, text="edited")
    with journal.read() as s:
        report = reads(s).get_report(sprint)
    assert (report.title, report.text, report.generated_text) == (
        "PyPy Gothenburg sprint report", "edited", "generated")
    assert report.updated_at is not None


def test_a_field_may_be_cleared_with_none(journal: Journal, sprint: int) -> None:
    with journal.write() as s:
        reports.save(s, sprint, title="T", text="draft")
    with journal.write() as s:
        reports.save(s, sprint, title=None)
    with journal.read() as s:
        report = reads(s).get_report(sprint)
    assert (report.title, report.text) == (None, "draft")


def test_each_save_moves_the_time_of_the_last_change(journal: Journal, sprint: int) -> None:
    with journal.write() as s:
        reports.save(s, sprint, text="one")
    with journal.read() as s:
        first = reads(s).get_report(sprint).updated_at
    with journal.write() as s:
        reports.save(s, sprint, text="two")
    with journal.read() as s:
        second = reads(s).get_report(sprint).updated_at
    assert first is not None and second is not None and second >= first


def test_a_draft_needs_a_real_sprint(journal: Journal) -> None:
    with (
        pytest.raises(NotFoundError, match=r"No sprint with id 99 in this journal\."),
        journal.write() as s,
    ):
        reports.save(s, 99, text="lost?")


def test_a_misspelt_field_is_refused_not_silently_dropped(journal: Journal, sprint: int) -> None:
    """A draft saved as `txt=` would be reported saved while the text went nowhere."""
    with journal.write() as s:
        reports.save(s, sprint, text="kept")
    with pytest.raises(ValidationError, match=r"Unknown report fields: txt"), journal.write() as s:
        reports.save(s, sprint, txt="the new draft")
    with journal.read() as s:
        assert reads(s).get_report(sprint).text == "kept"


def test_each_sprint_has_its_own_draft(journal: Journal, sprint: int) -> None:
    other = journal.add_sprint("Leysin", start=date(2011, 1, 16)).id
    with journal.write() as s:
        reports.save(s, sprint, text="Gothenburg draft")
    with journal.read() as s:
        assert reads(s).get_report(other).text is None
        assert reads(s).get_report(sprint).text == "Gothenburg draft"
