"""What the organiser asks of a sprint: who paired with whom; person and branch summaries.

Every test runs on a copy of the demo journal; tests that build their own sprint add it there.
"""

import shutil
from datetime import date
from pathlib import Path

import pytest

from sprintjournal.demo import build_demo
from sprintjournal.journal import Journal
from sprintjournal.records import Pair

D3, D4, D5, D6, D7, D8 = (date(2011, 11, d) for d in (3, 4, 5, 6, 7, 8))


def names(pairs: list[Pair]) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(*sorted((p.a.name, p.b.name)), p.topics) for p in pairs]  # type: ignore[misc]


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo built once; each test gets its own copy of the closed file."""
    path = tmp_path_factory.mktemp("demo") / "demo.sprintjournal"
    with Journal(path) as j:
        build_demo(j)
    return path


@pytest.fixture
def journal_path(tmp_path: Path, demo_template: Path) -> Path:
    path = tmp_path / "test.sprintjournal"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def demo(journal: Journal) -> int:
    return next(s.id for s in journal.list_sprints() if s.title.endswith("November 2011"))


def test_pairs_on_a_day_of_the_demo(journal: Journal, demo: int) -> None:
    # the all-hands item of the 4th (nine people) pairs nobody
    assert sorted(names(journal.pairs(demo, D4))) == [
        ("Andrew Dalke", "Sam Lade", ("f2pypy",)),
        ("Antonio Cuni", "Mark Pearse", ("SpecialisedTuple",)),
        ("Armin Rigo", "Håkan Ardö", ("jit-targets",)),
    ]
    # Mark alone on the branch that day: the branch still pairs its two people
    assert sorted(names(journal.pairs(demo, D6))) == [
        ("Antonio Cuni", "Mark Pearse", ("SpecialisedTuple",))]


def test_pairs_over_the_whole_sprint_carry_their_days(journal: Journal, demo: int) -> None:
    pairs = {tuple(sorted((p.a.name, p.b.name))): p for p in journal.pairs(demo)}
    assert set(pairs) == {
        ("Antonio Cuni", "Mark Pearse"),
        ("Armin Rigo", "Håkan Ardö"),
        ("Andrew Dalke", "Sam Lade"),
        ("Antonio Cuni", "Armin Rigo"),
    }
    assert pairs[("Antonio Cuni", "Mark Pearse")].days == (D4, D5)
    assert pairs[("Antonio Cuni", "Armin Rigo")].days == (D7,)
    assert pairs[("Armin Rigo", "Håkan Ardö")].days == (D4,)
    assert pairs[("Andrew Dalke", "Sam Lade")].days == (D3, D4)


def test_people_sharing_an_item_or_a_branch_pair(journal: Journal) -> None:
    sid = journal.add_sprint("S", start=D3, end=D6).id
    journal.add_standup_item(sid, D3, "today", "benchmarks", people=["Ann", "Bob", "Cid"])
    bid = journal.add_branch(sid, "stm", people=["Dee", "Eve"]).id
    assert sorted(names(journal.pairs(sid, D3))) == [
        ("Ann", "Bob", ("benchmarks",)),
        ("Ann", "Cid", ("benchmarks",)),
        ("Bob", "Cid", ("benchmarks",)),
    ]  # the stm branch had no item on the 3rd
    journal.add_standup_item(sid, D4, "done", "stm work", people=["Dee"], branch_id=bid)
    # a branch worked on that day pairs its people, though only Dee reported on it
    assert names(journal.pairs(sid, D4)) == [("Dee", "Eve", ("stm",))]
    whole = {tuple(sorted((p.a.name, p.b.name))): p for p in journal.pairs(sid)}
    assert whole[("Dee", "Eve")].days == ()  # no shared item: the branch alone gives no day
    assert whole[("Ann", "Bob")].days == (D3,)
    assert len(whole) == 4


def test_person_summaries_of_the_demo(journal: Journal, demo: int) -> None:
    summaries = {s.person.name: s for s in journal.person_summaries(demo)}
    assert len(summaries) == 10  # every attendee; nobody works without attending
    mark = summaries["Mark Pearse"]
    assert mark.attendee is not None and mark.attendee.newcomer
    assert [b.name for b in mark.branches] == ["SpecialisedTuple"]
    assert {i.day for i in mark.standup} == {D4, D5, D6, D7, D8}
    assert [p.name for p in mark.partners] == ["Antonio Cuni"]
    assert [n.day for n in mark.notes] == [date(2011, 11, 2), D7]  # "@Mark is on his first…"
    armin = summaries["Armin Rigo"]
    assert [b.name for b in armin.branches] == [
        "jit-bugfix", "readlines", "stm", "windows", "jit-targets"]
    assert [p.name for p in armin.partners] == ["Antonio Cuni", "Håkan Ardö"]
    jacob = summaries["Jacob Hallén"]
    assert (jacob.branches, jacob.partners) == ((), ())  # on the all-hands item only
    assert [i.text for i in jacob.standup] == ["all: group photo and stand-up at 10"]
    assert jacob.attendee is not None and jacob.attendee.host


def test_person_summaries_find_notes_by_alias_and_unaccented_name(
    journal: Journal, demo: int
) -> None:
    summaries = {s.person.name: s for s in journal.person_summaries(demo)}
    # "will pair with @Anto" (an alias) and "@Hakan and @Armin" (no accents)
    assert date(2011, 11, 2) in [n.day for n in summaries["Antonio Cuni"].notes]
    assert [n.day for n in summaries["Håkan Ardö"].notes] == [D4]


def test_a_mention_must_be_the_whole_name(journal: Journal) -> None:
    sid = journal.add_sprint("S").id
    journal.add_attendee(sid, "Mark Pearse")
    journal.add_attendee(sid, "Markus Lund")
    journal.add_note(sid, None, "@Markus fixed the build")
    journal.add_note(sid, None, "thanks @[Mark Pearse]!")
    summaries = {s.person.name: s for s in journal.person_summaries(sid)}
    assert [n.text for n in summaries["Mark Pearse"].notes] == ["thanks @[Mark Pearse]!"]
    assert [n.text for n in summaries["Markus Lund"].notes] == ["@Markus fixed the build"]


def test_someone_working_without_attending_still_has_a_summary(journal: Journal) -> None:
    sid = journal.add_sprint("S").id
    journal.add_attendee(sid, "Ann")
    journal.add_branch(sid, "remote-work", people=["Ann", "Remote Rita"])
    summaries = {s.person.name: s for s in journal.person_summaries(sid)}
    assert summaries["Remote Rita"].attendee is None
    assert [p.name for p in summaries["Remote Rita"].partners] == ["Ann"]


def test_branch_summaries_of_the_demo(journal: Journal, demo: int) -> None:
    summaries = {s.branch.name: s for s in journal.branch_summaries(demo)}
    assert list(summaries) == [
        "SpecialisedTuple", "checkpointing", "ffistruct", "jit-bugfix", "readlines", "stm",
        "windows", "jit-targets", "f2pypy", "win64", "speed", "numpy-py3k-kickoff",
    ]
    tup = summaries["SpecialisedTuple"]
    assert tup.days == (D4, D5, D6, D7, D8) and len(tup.standup) == 7
    assert names(list(tup.pairs)) == [("Antonio Cuni", "Mark Pearse", ("SpecialisedTuple",))]
    ffi = summaries["ffistruct"]
    assert ffi.branch.status == "in progress" and ffi.days == (D6, D8) and ffi.pairs == ()
    (figure,) = ffi.branch.figures
    assert figure.value == "about 400 times faster"
    assert summaries["win64"].days == (D3, D4)
    assert summaries["speed"].branch.people == () and summaries["speed"].days == ()
