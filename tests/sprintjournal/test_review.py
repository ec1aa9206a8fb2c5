"""The Needs Review list in the core: import flags and the report's guesses, counted apart,
every answer taken back by `reopen`, a merge taken back by `unmerge_people`."""

from datetime import date

import pytest

from sprintjournal import review
from sprintjournal.journal import Journal
from sprintjournal.records import PersonRec
from sprintjournal.review import ROW, SUGGESTION, Counts, NameIndex, similar_people


@pytest.fixture
def sprint(journal: Journal) -> int:
    sid = journal.add_sprint("Gothenburg", project="PyPy", place="Gothenburg",
                             start=date(2011, 11, 2), end=date(2011, 11, 8)).id
    journal.add_attendee(sid, "Romain", needs_review=True, review_reason="Romain added as new")
    journal.add_attendee(sid, "Romain Guillebert")
    branch = journal.add_branch(sid, "py3k", ["Romain Guillebert"]).id
    journal.add_standup_item(sid, date(2011, 11, 3), "done", "py3k: it builds",
                             ["Romain Guillebert"], branch_id=branch, status="done")
    return sid


def test_rows_come_first_and_each_group_is_counted_apart(journal: Journal, sprint: int) -> None:
    items = review.review_items(journal, sprint)
    assert [(i.group, i.kind) for i in items] == [
        (ROW, "attendee"), (SUGGESTION, "newcomer"), (SUGGESTION, "newcomer"),
        (SUGGESTION, "ordinal"), (SUGGESTION, "ordinal"), (SUGGESTION, "status")]
    assert Counts.of(items) == Counts(1, 5)
    assert str(Counts(1, 5)) == "1 row to review and 5 suggestions to confirm"
    assert str(Counts(0, 1)) == "1 suggestion to confirm" and str(Counts()) == "nothing to review"
    assert review.review_items(journal, sprint, SUGGESTION) == items[1:]


@pytest.mark.parametrize("kind", ["attendee", "newcomer", "ordinal", "status"])
def test_every_answer_is_taken_back_by_reopen(journal: Journal, sprint: int, kind: str) -> None:
    before = review.review_items(journal, sprint)
    item = next(i for i in before if i.kind == kind)
    review.confirm(journal, item)
    assert item not in review.review_items(journal, sprint)
    review.reopen(journal, item)
    assert review.review_items(journal, sprint) == before


def test_only_a_newcomer_guess_can_be_declined(journal: Journal, sprint: int) -> None:
    items = review.review_items(journal, sprint)
    assert [i.kind for i in items if review.can_decline(i)] == ["newcomer", "newcomer"]
    romain = items[1]
    review.decline(journal, romain)
    attendee = next(a for a in journal.list_attendees(sprint) if a.id == romain.item_id)
    assert attendee.newcomer_override is False
    review.reopen(journal, romain)
    assert review.review_items(journal, sprint) == items
    with pytest.raises(ValueError, match="no 'no'"):
        review.decline(journal, next(i for i in items if i.kind == "status"))


def test_a_merge_that_drops_the_flagged_row_is_taken_back_whole(
        journal: Journal, sprint: int) -> None:
    """Romain Guillebert attends already: merging "Romain" into him drops Romain's row (so
    there is no flag left to clear), and unmerging brings the row back, flagged."""
    before = review.review_items(journal, sprint)
    flagged = before[0]
    keep = journal.find_person("Romain Guillebert")
    assert keep is not None and flagged.similar[0] == (keep.id, "Romain Guillebert")
    _change, undo = review.merge_into(journal, flagged, keep.id)
    assert [a.person.name for a in journal.list_attendees(sprint)] == ["Romain Guillebert"]
    assert [i.kind for i in review.review_items(journal, sprint)].count("attendee") == 0
    journal.unmerge_people(undo)
    assert review.review_items(journal, sprint) == before


PYPY_PEOPLE = ["Romain Guillebert", "Håkan Ardö", "Maciej Fijałkowski", "Armin Rigo",
               "Antonio Cuni", "Christian Tismer", "Laura Creighton", "Jacob Hallén"]


@pytest.mark.parametrize(("typed", "expected"), [
    ("Romain", "Romain Guillebert"),           # a name that starts a known one
    ("Hakan Ardo", "Håkan Ardö"),              # the same name without its accents
    ("Maciek Fijalkowski", "Maciej Fijałkowski"),  # a misspelling
    ("Armin", "Armin Rigo"),                   # a first name alone
    ("Antonio Kuni", "Antonio Cuni"),          # a misspelt last word
    ("Lara Creighton", "Laura Creighton"),     # a misspelt first word
])
def test_a_name_index_finds_what_one_comparison_per_person_finds(typed: str,
                                                                 expected: str) -> None:
    people = [PersonRec(i, name) for i, name in enumerate(PYPY_PEOPLE, start=1)]
    found = NameIndex(people).similar(typed)
    assert [p.name for p in found][:1] == [expected]
    assert [p.name for p in similar_people(people, typed)] == [p.name for p in found]


def test_a_name_index_finds_nothing_for_a_stranger_and_skips_the_excluded() -> None:
    people = [PersonRec(i, name) for i, name in enumerate(PYPY_PEOPLE, start=1)]
    index = NameIndex(people)
    assert index.similar("Zed Shaw") == []
    assert index.similar("Armin Rigo", exclude=4) == []
    assert [p.name for p in index.similar("Armin Rigo")] == ["Armin Rigo"]


def test_an_alias_counts_as_a_name() -> None:
    index = NameIndex([PersonRec(1, "Anto Cuni", ("Antonio Cuni",))])
    assert [p.id for p in index.similar("Antonio Cunni")] == [1]
