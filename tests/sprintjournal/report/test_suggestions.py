"""The report's guesses as suggestions: when each kind is offered, its words, what confirming,
declining and reopening write to the journal."""

from datetime import date

import pytest

from sprintjournal.journal import Journal
from sprintjournal.report.suggestions import (
    KINDS,
    Suggestion,
    can_decline,
    confirm,
    decline,
    reopen,
    suggestions,
    suggestions_of,
)

D = date(2011, 11, 3)


def sprint(journal: Journal, title: str = "Autumn", place: str = "Gothenburg",
           start: date | None = date(2011, 11, 2), project: str = "PyPy") -> int:
    return journal.add_sprint(title, project=project, place=place, start=start).id


def test_newcomers_are_guessed_for_people_new_to_the_journal_but_not_hosts(
    journal: Journal,
) -> None:
    spring = sprint(journal, "Spring", start=date(2011, 4, 25))
    journal.add_attendee(spring, "Armin Rigo")
    autumn = sprint(journal)
    journal.add_attendee(autumn, "Armin Rigo")  # came in spring: not new
    journal.add_attendee(autumn, "Laura Creighton", host=True)
    mark = journal.add_attendee(autumn, "Mark Pearse").id
    journal.add_attendee(autumn, "Sam Lade", newcomer=False)  # answered already
    assert suggestions_of(journal, autumn, "newcomer") == [Suggestion(
        "newcomer", mark, "Mark Pearse: first sprint in this journal. Welcome as a newcomer?",
        (("newcomer", True),), "Mark Pearse")]


def test_the_ordinal_is_offered_in_the_year_and_at_the_place(journal: Journal) -> None:
    sprint(journal, "Leysin", place="Leysin", start=date(2011, 1, 16))
    autumn = sprint(journal)
    offered = suggestions_of(journal, autumn, "ordinal")
    assert [(s.target_id, s.fields, s.subject) for s in offered] == [
        (autumn, (("ordinal", 2), ("ordinal_scope", "of 2011")), "second of 2011"),
        (autumn, (("ordinal", 1), ("ordinal_scope", "in Gothenburg in 2011")),
         "first in Gothenburg in 2011")]
    assert offered[0].text == ("The second PyPy sprint of 2011 (counting the sprints in this "
                               "journal). Say so in the report?")


def test_the_same_number_at_the_place_is_still_offered_with_the_place(journal: Journal) -> None:
    only = sprint(journal)
    assert [s.fields for s in suggestions_of(journal, only, "ordinal")] == [
        (("ordinal", 1), ("ordinal_scope", "of 2011")),
        (("ordinal", 1), ("ordinal_scope", "in Gothenburg in 2011"))]


def test_without_place_or_project_the_ordinal_says_less(journal: Journal) -> None:
    bare = sprint(journal, place="", project="")
    (only,) = suggestions_of(journal, bare, "ordinal")
    assert only.text.startswith("The first sprint of 2011 (")


def test_no_ordinal_is_guessed_without_a_start_or_once_confirmed(journal: Journal) -> None:
    undated = sprint(journal, start=None)
    assert suggestions_of(journal, undated, "ordinal") == []
    dated = sprint(journal, "Dated")
    journal.update_sprint(dated, ordinal=1, ordinal_scope="of 2011")
    assert suggestions_of(journal, dated, "ordinal") == []


def test_a_planned_branch_with_work_in_the_stand_up_is_guessed_in_progress(
    journal: Journal,
) -> None:
    sid = sprint(journal)
    stm = journal.add_branch(sid, "stm").id
    journal.add_branch(sid, "idle")  # planned, no work: nothing to say
    journal.add_standup_item(sid, D, "today", "stm", branch_id=stm, status="half way")
    (only,) = suggestions_of(journal, sid, "status")
    assert only == Suggestion("status", stm, "stm is marked planned, but the stand-up shows "
                              "work on it on 1 day. Set it to in progress?",
                              (("status", "in progress"),), "stm")


def test_a_finished_word_in_any_case_makes_the_guess_done(journal: Journal) -> None:
    sid = sprint(journal)
    jit = journal.add_branch(sid, "jit").id
    for day, status in [(D, "in progress"), (date(2011, 11, 4), " Merged ")]:
        journal.add_standup_item(sid, day, "done", "jit", branch_id=jit, status=status)
    (only,) = suggestions_of(journal, sid, "status")
    assert only.fields == (("status", "done"),)
    assert "on 2 days. Set it to done?" in only.text


def test_a_branch_not_marked_planned_is_not_second_guessed(journal: Journal) -> None:
    sid = sprint(journal)
    bid = journal.add_branch(sid, "win64", status="blocked").id
    journal.add_standup_item(sid, D, "done", "win64", branch_id=bid, status="done")
    assert suggestions_of(journal, sid, "status") == []


def test_all_suggestions_come_kind_by_kind_each_with_its_own_key(journal: Journal) -> None:
    sid = sprint(journal)
    journal.add_attendee(sid, "Mark Pearse")
    bid = journal.add_branch(sid, "stm").id
    journal.add_standup_item(sid, D, "today", "stm", branch_id=bid)
    found = suggestions(journal, sid)
    assert [s.kind for s in found] == ["newcomer", "ordinal", "ordinal", "status"]
    assert list(KINDS) == ["newcomer", "ordinal", "status"]
    assert len({s.key for s in found}) == len(found)


def test_confirming_writes_the_answer_and_reopening_takes_it_back(journal: Journal) -> None:
    sid = sprint(journal)
    journal.add_attendee(sid, "Mark Pearse")
    bid = journal.add_branch(sid, "stm").id
    journal.add_standup_item(sid, D, "today", "stm", branch_id=bid)
    newcomer, ordinal, _other, status = suggestions(journal, sid)
    changes = [confirm(journal, s) for s in (newcomer, ordinal, status)]
    assert [(c.entity, c.op) for c in changes] == [
        ("attendance", "updated"), ("sprint", "updated"), ("branch", "updated")]
    assert journal.list_attendees(sid)[0].newcomer_override is True
    assert (journal.get_sprint(sid).ordinal, journal.get_sprint(sid).ordinal_scope) == (
        1, "of 2011")
    assert journal.list_branches(sid)[0].status == "in progress"
    assert suggestions(journal, sid) == []
    for s in (newcomer, ordinal, status):
        reopen(journal, s)
    assert suggestions(journal, sid) == [newcomer, ordinal, _other, status]


def test_only_a_newcomer_guess_can_be_answered_no(journal: Journal) -> None:
    sid = sprint(journal)
    journal.add_attendee(sid, "Mark Pearse")
    newcomer, ordinal, _ = suggestions(journal, sid)
    assert can_decline(newcomer) and not can_decline(ordinal)
    decline(journal, newcomer)
    assert journal.list_attendees(sid)[0].newcomer_override is False
    assert suggestions_of(journal, sid, "newcomer") == []
    with pytest.raises(ValueError, match="a ordinal suggestion has no answer to record"):
        decline(journal, ordinal)


def test_an_unknown_kind_is_refused(journal: Journal) -> None:
    odd = Suggestion("colour", 1, "?", ())
    with pytest.raises(ValueError, match="unknown suggestion kind 'colour'"):
        confirm(journal, odd)
    with pytest.raises(ValueError, match="unknown suggestion kind 'colour'"):
        reopen(journal, odd)
