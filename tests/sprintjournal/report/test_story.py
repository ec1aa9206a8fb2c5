"""`report.story`: a branch's strand (who, pairings, marked words, closing) and loose sentences.

Pure functions over records: the records are built here as the reader returns them."""

from datetime import date

import pytest

from sprintjournal.records import BranchRec, FigureRec, PersonRef, StandupRec
from sprintjournal.report.sentences import DONE
from sprintjournal.report.story import Counters, Passage, branch_strand, loose_sentences

ARMIN, REMI, LUKAS = PersonRef(1, "Armin Rigo"), PersonRef(2, "Remi Meier"), PersonRef(3,
                                                                                      "Lukas D")
SHORT = {1: "Armin", 2: "Remi", 3: "Lukas"}
STM = BranchRec(10, 1, "stm", goal="software transactional memory", status="merged",
                people=(ARMIN,))


def nov(day: int) -> date:
    return date(2011, 11, day)


def item(n: int, day: int, text: str, *people: PersonRef, branch: int | None = 10,
         publish: bool = True) -> StandupRec:
    return StandupRec(n, 1, nov(day), "done", text, people=people, branch_id=branch,
                      position=n, publish=publish)


def test_a_branch_with_nothing_true_to_tell_has_no_strand() -> None:
    for bare in (BranchRec(11, 1, "empty"), BranchRec(12, 1, "goal only", goal="speed")):
        assert branch_strand(bare, [], [], SHORT, Counters()) is None


def test_people_are_the_branchs_then_the_logs_and_leads_are_the_busy_ones() -> None:
    items = [item(1, 3, "a", ARMIN, REMI), item(2, 4, "b", REMI), item(3, 5, "c", ARMIN),
             item(4, 5, "d", LUKAS, publish=False), item(5, 6, "e", ARMIN)]
    strand = branch_strand(STM, items, [], SHORT, Counters())
    assert strand is not None
    assert strand.people == (ARMIN, REMI, LUKAS)
    assert strand.leads == (ARMIN, REMI)  # Armin 3 days, Remi 2 (at least half), Lukas 1
    assert strand.paragraphs[0].startswith(
        "Armin and Remi, with some help from Lukas, worked on the **stm** branch: "
        "software transactional memory.")
    assert (strand.key, strand.title, strand.branch, strand.worked) == (
        "branch:10", "stm", STM, True)


def test_pairing_counts_days_of_two_person_items_with_the_lead_first() -> None:
    items = [item(1, 3, "x", REMI, ARMIN), item(2, 4, "y", ARMIN, REMI),
             item(3, 4, "all hands", ARMIN, REMI, LUKAS), item(4, 5, "z", ARMIN)]
    strand = branch_strand(STM, items, [], SHORT, Counters())
    assert strand is not None
    assert "Armin paired with Remi for a couple of days, then carried on alone." in (
        strand.paragraphs[0])
    assert "Lukas paired" not in " ".join(strand.paragraphs)


def test_marked_words_are_told_once_in_day_order_and_private_ones_never() -> None:
    items = [item(1, 5, "benchmarks ran", ARMIN), item(2, 3, "worked on  STM", ARMIN),
             item(3, 4, "Worked on stm", ARMIN), item(4, 4, "a private remark", ARMIN,
                                                      publish=False)]
    strand = branch_strand(STM, items, [], SHORT, Counters())
    assert strand is not None
    text = " ".join(strand.paragraphs)
    assert "private" not in text
    assert text.casefold().count("worked on stm.") == 1
    assert text.index("On Thursday, worked on STM") < text.index("On Saturday, benchmarks ran")


def test_note_passages_of_the_branch_stand_as_their_own_paragraphs() -> None:
    passages = [Passage(nov(4), "The GC *finally* cooperates.", "STM"),
                Passage(nov(4), "Not about this branch.", "jit"),
                Passage(None, "Undated, so told last.", "stm")]
    strand = branch_strand(STM, [item(1, 3, "started", ARMIN)], passages, SHORT, Counters())
    assert strand is not None
    assert "The GC *finally* cooperates." in strand.paragraphs
    assert "Undated, so told last." in strand.paragraphs
    assert strand.paragraphs.index("The GC *finally* cooperates.") < strand.paragraphs.index(
        "Undated, so told last.")
    assert not any("Not about this branch" in p for p in strand.paragraphs)


def test_branch_notes_are_told_only_when_marked_for_publishing() -> None:
    noted = BranchRec(10, 1, "stm", people=(ARMIN,), notes="Needs a new GC hook")
    private = branch_strand(noted, [], [], SHORT, Counters())
    public = branch_strand(BranchRec(**{**noted.__dict__, "notes_publish": True}), [], [],
                           SHORT, Counters())
    assert private is not None and public is not None
    assert "GC hook" not in " ".join(private.paragraphs)
    assert "Needs a new GC hook." in " ".join(public.paragraphs)


def test_results_and_figures_are_told_exactly_and_counters_move_on() -> None:
    fast = BranchRec(10, 1, "ffistruct", status="merged", people=(ARMIN,),
                     results=("struct access in the JIT",),
                     figures=(FigureRec("field reads", "about 400 times faster", "ctypes"),))
    counters = Counters()
    strand = branch_strand(fast, [], [], SHORT, counters)
    assert strand is not None and not strand.worked
    text = " ".join(strand.paragraphs)
    assert "struct access in the JIT" in text and "about 400 times faster" in text
    assert "ctypes" in text and "The branch has been merged." in text
    assert counters == Counters(results=1, status={"merged": 1})


def test_work_nobody_signed_up_for_is_not_said_to_be_done() -> None:
    cake = BranchRec(20, 1, "cake", kind="topic", status="done", results=("a cake",))
    strand = branch_strand(cake, [], [], SHORT, Counters())
    assert strand is not None
    assert strand.paragraphs[0].startswith("There was also")
    text = " ".join(strand.paragraphs)
    assert not [said for said in DONE if said in text]
    with_people = branch_strand(BranchRec(**{**cake.__dict__, "people": (LUKAS,)}), [], [],
                                SHORT, Counters())
    assert with_people is not None and DONE[0] in " ".join(with_people.paragraphs)


@pytest.mark.parametrize("also", [False, True])
def test_also_says_the_people_were_met_before(also: bool) -> None:
    strand = branch_strand(STM, [item(1, 3, "x", ARMIN)], [], SHORT, Counters(), also=also)
    assert strand is not None
    assert ("also worked on" in strand.paragraphs[0]) is also


def test_loose_sentences_are_marked_items_of_no_branch_in_day_order() -> None:
    items = [item(1, 5, "party", LUKAS, branch=None), item(2, 4, "talk", LUKAS, branch=None),
             item(3, 4, "demo", LUKAS, branch=None), item(4, 4, "private", LUKAS, branch=None,
                                                          publish=False),
             item(5, 4, "on a branch", LUKAS)]
    assert loose_sentences(items, SHORT) == [
        (nov(4), "On Friday, talk."), (nov(4), "Demo."), (nov(5), "On Saturday, party.")]


def _loose(n: int, section: str, position: int, text: str, *people: PersonRef) -> StandupRec:
    return StandupRec(n, 1, nov(2), section, text, people=people, position=position,
                      publish=True)


def test_loose_sentences_tell_a_days_done_list_before_its_today_list() -> None:
    """Each list numbers its own rows: ordering by position alone mixed reports with plans."""
    items = [_loose(1, "today", 0, "Armin plans STM", ARMIN),
             _loose(2, "done", 0, "Armin fixed the GC", ARMIN),
             _loose(3, "done", 1, "Remi wrote tests", REMI),
             _loose(4, "today", 1, "Remi benchmarks", REMI)]
    assert [text for _day, text in loose_sentences(items, SHORT)] == [
        "On Wednesday, Armin fixed the GC.", "Remi wrote tests.", "Armin plans STM.",
        "Remi benchmarks."]


def test_a_plan_names_the_people_its_words_leave_out() -> None:
    """planning.txt's 'the TARGET resoperation: Hakan, Armin' keeps its people in the post;
    reports of work done are told in their own words."""
    hakan = PersonRef(4, "Håkan Ardö")
    short = {**SHORT, 4: "Håkan"}
    items = [_loose(1, "today", 0, "the TARGET resoperation", hakan, ARMIN),
             _loose(2, "today", 1, "fix the GC", REMI),
             _loose(3, "today", 2, "Hakan: unrolling", hakan),
             _loose(4, "done", 0, "numpy integration, looking at f2py", LUKAS)]
    assert [text for _day, text in loose_sentences(items, short)] == [
        "On Wednesday, numpy integration, looking at f2py.",
        "Håkan and Armin set out to work on the TARGET resoperation.",
        "Remi set out to fix the GC.",
        "Hakan: unrolling."]
