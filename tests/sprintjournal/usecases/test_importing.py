"""`usecases.importing` called directly: the people index, the summary, streamed imports."""

from datetime import date
from typing import Any

import pytest
from sqlmodel import Session

from sprintjournal.exchange.schema import AttendeeDoc, JournalDoc, PersonDoc, SprintDoc, StandupDoc
from sprintjournal.journal import Journal
from sprintjournal.usecases import importing
from sprintjournal.usecases.importing import ImportSummary, PeopleIndex

DAY = date(2011, 11, 3)


def sprint_doc(**fields: Any) -> SprintDoc:
    return SprintDoc.model_validate(
        {"title": "Gothenburg", "start": "2011-11-02", "end": "2011-11-09"} | fields)


class RefusedError(Exception):
    """Raised inside the transaction, as the text import does, so that it rolls back."""


def index_of(s: Session) -> PeopleIndex:
    return PeopleIndex(s, ImportSummary())


@pytest.fixture
def november(journal: Journal) -> int:
    sid = journal.add_sprint("November", start=date(2011, 11, 2)).id
    for name in ("Antonio Cuni", "Armin Rigo", "Anders Hammarquist", "Anders Lehmann"):
        journal.add_attendee(sid, name)
    return sid


def test_the_index_knows_names_and_unambiguous_aliases_only(journal: Journal) -> None:
    journal.add_person("Maciej Fijałkowski", aliases=["fijal", "mf"])
    journal.add_person("Michael Foord", aliases=["mf"])  # "mf" names two people
    with journal.read() as s:
        index = index_of(s)
        assert index.knows("FIJAL") and index.knows("maciej fijalkowski")
        assert not index.knows("mf")


def test_first_names_of_attendees_are_guessed_only_when_single(
    journal: Journal, november: int
) -> None:
    with journal.read() as s:
        index = index_of(s)
        assert index.guess("Anto") is None  # no first names collected yet
        index.allow_first_names(s, november)
        assert index.guess("Anto") == (1, "Antonio Cuni")  # a prefix of one first name
        assert index.guess("antonio") == (1, "Antonio Cuni")
        assert index.guess("Anders") is None  # two Anders at the sprint
        assert index.guess("An") is None  # too short to guess from
        assert index.guess("Armin X") is None  # a full name is not a first name
        assert index.knows("armin") and not index.knows("arm")


def test_resolve_creates_an_unknown_name_once_and_records_it(journal: Journal) -> None:
    with journal.write() as s:
        summary = ImportSummary()
        index = PeopleIndex(s, summary)
        first = index.resolve("  Remi   Meier ")
        assert index.resolve("remi meier") == first
    assert summary.people_created == ["Remi Meier"]
    assert [p.name for p in journal.list_people()] == ["Remi Meier"]


def test_resolve_prefers_the_spelling_with_accents(journal: Journal) -> None:
    pid = journal.add_person("Maciej Fijalkowski").id
    with journal.write() as s:
        assert index_of(s).resolve("Maciej Fijałkowski") == pid
    person = journal.get_person(pid)
    assert (person.name, person.aliases) == ("Maciej Fijałkowski", ("Maciej Fijalkowski",))


def test_create_many_keeps_first_mention_and_skips_known_and_blank(journal: Journal) -> None:
    journal.add_person("Armin Rigo")
    with journal.write() as s:
        summary = ImportSummary()
        PeopleIndex(s, summary).create_many(
            ["Lukas Diekmann", "armin rigo", "", "Håkan Ardö", "LUKAS DIEKMANN", "Hakan Ardo"])
    assert summary.people_created == ["Lukas Diekmann", "Håkan Ardö"]
    assert sorted(p.name for p in journal.list_people()) == [
        "Armin Rigo", "Håkan Ardö", "Lukas Diekmann"]


def test_a_sprint_already_in_the_journal_is_a_located_problem(journal: Journal) -> None:
    journal.add_sprint("Gothenburg", start=date(2011, 11, 2))
    doc = JournalDoc(sprints=[sprint_doc(title="Leysin"), sprint_doc(title=" GOTHENBURG")])
    with journal.read() as s:
        problems = importing.existing_sprint_problems(s, doc)
    assert [str(p) for p in problems] == [
        "$.sprints[1]: the sprint 'GOTHENBURG' (2011-11-02) is already in this journal"]


def test_apply_document_counts_what_landed(journal: Journal) -> None:
    doc = JournalDoc(
        people=[PersonDoc(name="Maciej Fijałkowski", aliases=["fijal"], email="f@example.org")],
        sprints=[sprint_doc(
            attendees=[{"person": "fijal"}, {"person": "Armin Rigo"},
                       {"person": "Maciej Fijałkowski", "diet": "vegan"}],
            branches=[{"name": "numpy", "people": ["fijal", "Alex Gaynor"]}],
            standup=[{"day": "2011-11-03", "section": "done", "text": "merged",
                      "branch": "numpy", "people": ["Alex Gaynor"]}],
            report={"title": "Gothenburg report"},
        )],
    )
    with journal.write() as s:
        summary = importing.apply_document(s, doc, {})
    (sid,) = summary.sprint_ids
    assert summary.counts == {"attendees": 2, "branches": 1, "stand-up items": 1, "notes": 0,
                              "photos": 0}
    assert summary.people_created == ["Maciej Fijałkowski", "Alex Gaynor", "Armin Rigo"]
    (fijal, _armin) = journal.list_attendees(sid)
    assert (fijal.person.name, fijal.diet) == ("Maciej Fijałkowski", None)  # the first row wins
    (item,) = journal.list_standup(sid)
    assert item.branch_id == journal.list_branches(sid)[0].id
    assert journal.get_report(sid).title == "Gothenburg report"
    assert journal.find_person("fijal") is not None


def test_merging_into_a_sprint_flags_what_it_had_to_guess(
    journal: Journal, november: int
) -> None:
    doc = sprint_doc(
        attendees=[{"person": "Armin Rigo", "accommodation": "Open End"},
                   {"person": "Carl Friedrich Bolz"}],
        standup=[{"day": "2011-11-03", "section": "done", "text": "jit work",
                  "people": ["Anto", "Armin Rigo"]},
                 {"day": "2011-11-03", "section": "done", "text": "docs",
                  "people": ["Romain Guillebert"]}],
    )
    with journal.write() as s:
        summary = importing.apply_to_sprint(s, november, doc)
    assert summary.counts == {"attendees": 2, "stand-up items": 2}
    assert summary.to_review == 2
    reasons = [i.review_reason for i in journal.list_standup(november)]
    assert reasons == ["Anto taken to be Antonio Cuni", "Romain Guillebert added as a new person"]
    by_name = {a.person.name: a for a in journal.list_attendees(november)}
    assert by_name["Armin Rigo"].accommodation == "Open End"
    assert not by_name["Armin Rigo"].needs_review
    assert by_name["Carl Friedrich Bolz"].review_reason == "Carl Friedrich Bolz added as new"


def test_a_streamed_new_sprint_counts_every_refusal_and_keeps_the_first_few(
    journal: Journal
) -> None:
    items: list[AttendeeDoc | PersonDoc] = [
        PersonDoc(name="Samuele Pedroni"),
        AttendeeDoc(person="Armin Rigo"),
        AttendeeDoc(person=" "),
        AttendeeDoc(person="Antonio Cuni", arrive=date(2011, 11, 5), depart=date(2011, 11, 4)),
        AttendeeDoc(person="\t"),
    ]
    found: list[importing.StreamedPeople] = []
    with pytest.raises(RefusedError), journal.write() as s:
        found.append(importing.stream_new_sprint(s, sprint_doc(), items, keep_problems=2))
        raise RefusedError  # what the caller does when `refused` is not 0
    (done,) = found
    assert journal.list_sprints() == []
    assert (done.refused, done.past) == (3, 1)
    assert [str(p) for p in done.problems] == [
        "$.sprints[0].attendees[1].person: a name cannot be blank",
        "$.sprints[0].attendees[2].depart: departure (2011-11-04) is before arrival (2011-11-05)",
    ]


def test_a_streamed_new_sprint_lists_a_person_twice_once(journal: Journal) -> None:
    items: list[AttendeeDoc | PersonDoc] = [
        AttendeeDoc(person="Armin Rigo", diet="vegetarian"),
        AttendeeDoc(person="armin  rigo", diet="none"),
        AttendeeDoc(person="Laura Creighton", needs_review=True),
    ]
    with journal.write() as s:
        done = importing.stream_new_sprint(s, sprint_doc(), items, keep_problems=5)
    assert (done.refused, done.to_review, done.summary.counts) == (0, 1, {"attendees": 2})
    (sid,) = done.summary.sprint_ids
    assert [(a.person.name, a.diet) for a in journal.list_attendees(sid)] == [
        ("Armin Rigo", "vegetarian"), ("Laura Creighton", None)]


def test_streaming_into_a_sprint_merges_check_ins(journal: Journal, november: int) -> None:
    anto = journal.list_attendees(november)[0].id
    journal.set_checked_in(anto, date(2011, 11, 2))
    items = [AttendeeDoc(person="Antonio Cuni", checked_in=[date(2011, 11, 3)]),
             AttendeeDoc(person="Romain Guillebert")]
    with journal.write() as s:
        done = importing.stream_into_sprint(s, november, [PersonDoc(name="Samuele Pedroni")],
                                            items)
    assert (done.past, done.to_review, done.summary.counts) == (1, 1, {"attendees": 2})
    by_name = {a.person.name: a for a in journal.list_attendees(november)}
    assert by_name["Antonio Cuni"].checked_in == (date(2011, 11, 2), date(2011, 11, 3))
    assert "Samuele Pedroni" not in by_name
    assert journal.find_person("Samuele Pedroni") is not None


def test_standup_items_streamed_in_batches_keep_their_order(
    journal: Journal, november: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "BATCH", 3)
    journal.add_standup_item(november, DAY, "done", "already there")
    items = [StandupDoc(day=DAY, section="done", text=f"item {n}", people=["Armin Rigo"])
             for n in range(7)]
    with journal.write() as s:
        summary = importing.stream_standup(s, november, [], iter(items))
    assert summary.counts == {"attendees": 0, "stand-up items": 7}
    listed = journal.list_standup(november, DAY)
    assert [i.text for i in listed] == ["already there", *(f"item {n}" for n in range(7))]
    assert all([p.name for p in i.people] == ["Armin Rigo"] for i in listed[1:])
