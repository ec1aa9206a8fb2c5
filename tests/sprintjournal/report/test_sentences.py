"""Sentence builders: one entered fact each, in words that read right, never a sentence that
opens with a numeral, wording that rotates where several strands say the same kind of thing."""

from datetime import date

import pytest

from sprintjournal.records import FigureRec
from sprintjournal.report.sentences import (
    DONE,
    RESULT_FORMS,
    end,
    figure_sentence,
    goal_clause,
    going_on_sentence,
    lower_first,
    more_links_sentence,
    pairing_sentence,
    people_phrase,
    results_sentence,
    standup_sentence,
    starts_with_numeral,
    status_sentence,
    upper_first,
    web_links,
    work_name,
)

THURSDAY = date(2011, 11, 3)


def test_work_that_goes_on_is_said_once_for_all() -> None:
    assert going_on_sentence([]) == ""
    assert going_on_sentence(["**stm**"]) == "Work on **stm** goes on after the sprint."
    assert going_on_sentence(["**stm**", "**win64**", "**py3k**"]) == (
        "Work goes on after the sprint on **stm**, **win64** and **py3k**.")


def test_small_text_helpers() -> None:
    assert starts_with_numeral("400 times") and starts_with_numeral("(3 days)")
    assert not starts_with_numeral("PyPy 1.7")
    assert lower_first("The JIT") == "the JIT" and upper_first("ffi") == "Ffi"
    assert lower_first("") == "" == upper_first("")
    assert end("done") == "done." and end("done!  ") == "done!" and end("") == ""


def test_people_with_helpers() -> None:
    assert people_phrase(["Mark", "Antonio"], []) == "Mark and Antonio"
    assert people_phrase(["Håkan"], ["Armin"]) == "Håkan, with some help from Armin,"


def test_the_work_is_named_by_its_kind_and_linked_when_it_has_a_url() -> None:
    assert work_name("branch", "ffistruct") == "the **ffistruct** branch"
    assert work_name("discussion", "GC") == "a discussion of **GC**"
    assert work_name("topic", "win64") == "**win64**"
    assert work_name("branch", "stm", "https://example.org/a (b)") == (
        "the **[stm](https://example.org/a%20%28b%29)** branch")


@pytest.mark.parametrize(("goal", "clause"), [
    ("Specialise 2-tuples of ints.", ", whose goal is to specialise 2-tuples of ints"),
    ("The third 90%", ": the third 90%"),
    ("A JIT for *PowerPC*", r": a JIT for \*PowerPC\*"),
    ("PowerPC backend", ": PowerPC backend"),
    ("  ", ""),
])
def test_the_goal_joins_the_sentence_by_how_it_starts(goal: str, clause: str) -> None:
    assert goal_clause(goal) == clause


def test_one_or_two_results_make_a_sentence_in_the_wording_of_its_turn() -> None:
    assert results_sentence(["field access about 400 times faster."], 0) == (
        "The outcome: field access about 400 times faster.")
    assert results_sentence(["a", "b"], 1) == "What came out of it: a and b."
    assert results_sentence(["x"], len(RESULT_FORMS)) == results_sentence(["x"], 0)
    assert len({results_sentence(["x"], n) for n in range(len(RESULT_FORMS))}) == len(
        RESULT_FORMS)
    assert results_sentence(["  ", ""], 0) == ""


def test_three_results_or_more_make_a_list() -> None:
    assert results_sentence(["one.", "*two*", "three"], 2) == (
        "By the end of the week:\n\n- one\n- \\*two\\*\n- three")


def test_a_figure_is_printed_as_entered_with_than_after_a_comparative() -> None:
    assert figure_sentence(FigureRec("field access", "about 400 times faster", "ctypes")) == (
        "Field access: about 400 times faster than ctypes.")
    assert figure_sentence(FigureRec("memory", "30 MB", "CPython")) == (
        "Memory: 30 MB compared with CPython.")
    assert figure_sentence(FigureRec("", "2x less", "before")) == "Measured: 2x less than before."
    assert figure_sentence(FigureRec("speed", "5x", "")) == "Speed: 5x."


def test_a_status_says_what_it_is_and_planned_work_that_happened_says_nothing() -> None:
    assert status_sentence("branch", "merged", True, 0) == "The branch has been merged."
    assert status_sentence("topic", "merged", True, 0) == "It has been merged."
    assert status_sentence("branch", "done", True, 3) == "The work on the branch is done."
    assert [status_sentence("topic", "done", True, n) for n in range(len(DONE))] == list(DONE)
    assert status_sentence("topic", "blocked", True, 0) == "It is blocked for now."
    assert status_sentence("branch", "abandoned", False, 0) == "The branch was abandoned."
    assert status_sentence("branch", "in progress", True, 0) == ""
    assert status_sentence("task", "planned", False, 0) == (
        "It was planned, but not started during the sprint.")
    assert status_sentence("task", "planned", True, 0) == ""


def test_pairing_says_how_long_and_who_went_on() -> None:
    assert pairing_sentence("Mark", "Antonio", 1, None) == "Mark paired with Antonio for a day."
    assert pairing_sentence("Mark", "Antonio", 2, "") == (
        "Mark paired with Antonio for a couple of days, then carried on alone.")
    assert pairing_sentence("Mark", "Antonio", 5, "Antonio") == (
        "Mark paired with Antonio for five days, then Antonio went on alone.")


def test_a_stand_up_item_names_a_new_day_and_never_opens_with_a_digit() -> None:
    assert standup_sentence("fixed  the\nJIT", THURSDAY, True) == "On Thursday, fixed the JIT."
    assert standup_sentence("fixed the JIT", THURSDAY, False) == "Fixed the JIT."
    assert standup_sentence("3 bugs fixed", THURSDAY, False) == "On Thursday, 3 bugs fixed."
    assert standup_sentence("3 bugs fixed", None, False) == "Also, 3 bugs fixed."
    assert standup_sentence("*all* tests pass!", None, True) == r"\*all\* tests pass!"


def test_only_web_links_count_and_the_first_is_left_to_the_name() -> None:
    links = ["https://a.example/x", "file:///etc/passwd", "http://b.example", "javascript:x"]
    assert web_links(links) == ["https://a.example/x", "http://b.example"]
    assert more_links_sentence(links) == "See also <http://b.example>."
    assert more_links_sentence(links[:1]) == ""


def test_a_stand_up_item_with_its_people_says_who_planned_or_did_it() -> None:
    assert standup_sentence("win64", THURSDAY, True, "Christian", planned=True) == (
        "On Thursday, Christian set out to work on win64.")
    assert standup_sentence("Fix the JIT.", None, False, "Mark and Antonio", planned=True) == (
        "Mark and Antonio set out to fix the JIT.")
    assert standup_sentence("3 bugs fixed", None, False, "Armin") == "Also, 3 bugs fixed (Armin)."
