"""`usecases.import_checks.check_document`: the use cases' rules over a whole document."""

from typing import Any

from sprintjournal.errors import Problem
from sprintjournal.exchange.schema import JournalDoc
from sprintjournal.usecases.import_checks import check_document


def doc(*sprints: dict[str, Any]) -> JournalDoc:
    return JournalDoc.model_validate({"format": "sprintjournal", "version": 2,
                                      "sprints": list(sprints)})


def sprint(**fields: Any) -> dict[str, Any]:
    return {"title": "Gothenburg", "start": "2011-11-02", "end": "2011-11-09"} | fields


def messages(d: JournalDoc) -> list[str]:
    return [str(p) for p in check_document(d)]


def test_a_sound_document_has_no_problems() -> None:
    assert check_document(doc(sprint(
        attendees=[{"person": "Armin Rigo", "arrive": "2011-11-02", "depart": "2011-11-02"}],
        branches=[{"name": "stm", "people": ["Armin Rigo"]}],
        standup=[{"day": "2011-11-03", "section": "done", "text": "merged", "branch": "stm"}],
    ))) == []


def test_the_same_sprint_twice_points_at_the_first() -> None:
    assert check_document(doc(sprint(), sprint(title="GOTHENBURG "), sprint(start=None))) == [
        Problem("$.sprints[1]", "the same sprint (title and start) as $.sprints[0]")]


def test_a_blank_title_and_reversed_dates_are_each_located() -> None:
    assert messages(doc(sprint(title="   ", start="2011-11-09", end="2011-11-02"))) == [
        "$.sprints[0].title: a sprint needs a title",
        "$.sprints[0].end: the sprint ends (2011-11-02) before it starts (2011-11-09)",
    ]


def test_attendee_problems_name_the_row() -> None:
    assert messages(doc(sprint(attendees=[
        {"person": "Armin Rigo"},
        {"person": "  ", "arrive": "2011-11-05", "depart": "2011-11-04"},
    ]))) == [
        "$.sprints[0].attendees[1].person: a name cannot be blank",
        "$.sprints[0].attendees[1].depart: departure (2011-11-04) is before arrival (2011-11-05)",
    ]


def test_branch_names_must_be_present_and_unique_within_the_sprint() -> None:
    assert messages(doc(sprint(branches=[
        {"name": "stm"}, {"name": " "}, {"name": "stm", "people": ["Armin", ""]},
    ]))) == [
        "$.sprints[0].branches[1].name: a branch needs a name",
        "$.sprints[0].branches[2].name: 'stm' is already the name of $.sprints[0].branches[0]",
        "$.sprints[0].branches[2].people[1]: a name cannot be blank",
    ]


def test_the_same_branch_name_in_two_sprints_is_fine() -> None:
    assert check_document(doc(sprint(branches=[{"name": "stm"}]),
                              sprint(title="Leysin", branches=[{"name": "stm"}]))) == []


def test_standup_items_need_text_and_a_branch_of_their_own_sprint() -> None:
    d = doc(sprint(branches=[{"name": "stm"}]), sprint(title="Leysin", standup=[
        {"day": "2011-01-17", "section": "done", "text": " ", "branch": "stm",
         "people": [" "]},
    ]))
    assert messages(d) == [
        "$.sprints[1].standup[0].text: a stand-up item needs some text",
        "$.sprints[1].standup[0].branch: there is no branch called 'stm' in this sprint",
        "$.sprints[1].standup[0].people[0]: a name cannot be blank",
    ]


def test_blank_names_on_photos_are_located() -> None:
    assert messages(doc(sprint(photos=[{"file": "a.jpg", "people": ["Armin", "\t"]}]))) == [
        "$.sprints[0].photos[0].people[1]: a name cannot be blank"]


def test_every_problem_is_listed_at_once() -> None:
    d = doc(sprint(title=" ", attendees=[{"person": " "}]), sprint(title=" "))
    assert len(check_document(d)) == 4  # two blank titles, a blank name, the same sprint twice
