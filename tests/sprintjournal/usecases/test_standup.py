"""The stand-up use cases on a real journal's session: where items go, who was new, which
items carry over (every "finished" word, however it is typed) and how the list is ordered."""

from datetime import date

import pytest
from sqlmodel import Session

from sprintjournal.errors import NotFoundError, ValidationError
from sprintjournal.journal import Journal
from sprintjournal.row_ids import saved
from sprintjournal.usecases import standup
from sprintjournal.usecases.common import reads

D3, D4, D5 = date(2011, 11, 3), date(2011, 11, 4), date(2011, 11, 5)


@pytest.fixture
def sprint(journal: Journal) -> int:
    sid = journal.add_sprint("Gothenburg", start=date(2011, 11, 2), end=date(2011, 11, 9)).id
    journal.add_person("Armin Rigo")
    return sid


def texts(session: Session, sprint: int, day: date | None = None) -> list[tuple[date, str, str]]:
    return [(i.day, i.section, i.text) for i in reads(session).list_standup(sprint, day)]


def test_add_says_which_people_it_had_to_create(journal: Journal, sprint: int) -> None:
    with journal.write() as s:
        item, created = standup.add(s, sprint, D3, "today", "stm",
                                    ["Armin Rigo", "Remi Meier", "Remi Meier"])
    assert created == ["Remi Meier"]
    (rec,) = journal.list_standup(sprint)
    assert rec.id == item.id and [p.name for p in rec.people] == ["Armin Rigo", "Remi Meier"]


def test_a_new_item_goes_last_in_its_own_day_and_section(journal: Journal, sprint: int) -> None:
    with journal.write() as s:
        positions = [standup.add(s, sprint, day, section, text)[0].position
                     for day, section, text in [(D3, "today", "a"), (D3, "today", "b"),
                                                (D3, "done", "c"), (D4, "today", "d"),
                                                (D3, "today", "e")]]
    assert positions == [0, 1, 0, 0, 2]


def test_items_are_listed_by_day_then_section_then_position(journal: Journal, sprint: int) -> None:
    with journal.write() as s:
        for day, section, text in [(D4, "today", "d4 first"), (D3, "today", "d3 today"),
                                   (D4, "done", "d4 done"), (D3, "done", "d3 done"),
                                   (D4, "today", "d4 second")]:
            standup.add(s, sprint, day, section, text)
    with journal.read() as s:
        assert texts(s, sprint) == [
            (D3, "done", "d3 done"), (D3, "today", "d3 today"), (D4, "done", "d4 done"),
            (D4, "today", "d4 first"), (D4, "today", "d4 second")]
        assert texts(s, sprint, D4) == texts(s, sprint)[2:]
        assert texts(s, sprint, D5) == []


def test_an_item_shows_its_branch_name_and_none_once_the_branch_is_gone(
    journal: Journal, sprint: int
) -> None:
    bid = journal.add_branch(sprint, "win64").id
    with journal.write() as s:
        standup.add(s, sprint, D3, "today", "win64 tests", branch_id=bid)
    with journal.read() as s:
        (item,) = reads(s).list_standup(sprint)
    assert (item.branch_id, item.branch_name) == (bid, "win64")
    journal.remove_branch(bid)
    with journal.read() as s:
        (item,) = reads(s).list_standup(sprint)
    assert item.branch_name is None


def test_an_update_is_checked_like_an_addition(journal: Journal, sprint: int) -> None:
    with journal.write() as s:
        item_id = saved(standup.add(s, sprint, D3, "today", "stm")[0].id)
    with journal.write() as s, pytest.raises(ValidationError, match="needs some text"):
        standup.update_item(s, item_id, text="   ")
    with journal.write() as s, pytest.raises(ValidationError, match="Unknown stand-up item "
                                                                     "fields: colour"):
        standup.update_item(s, item_id, colour="red")
    with journal.write() as s:
        standup.update_item(s, item_id, text="stm, day 2", people=["Armin Rigo"])
    (rec,) = journal.list_standup(sprint)
    assert rec.text == "stm, day 2" and [p.name for p in rec.people] == ["Armin Rigo"]


def test_removing_returns_the_sprint_and_a_second_removal_names_the_item(
    journal: Journal, sprint: int
) -> None:
    with journal.write() as s:
        item_id = saved(standup.add(s, sprint, D3, "done", "arrived")[0].id)
    with journal.write() as s:
        assert standup.remove(s, item_id) == sprint
    with journal.write() as s, pytest.raises(NotFoundError) as caught:
        standup.remove(s, item_id)
    assert str(caught.value) == f"No stand-up item with id {item_id} in this journal."


@pytest.mark.parametrize("status", ["done", "Merged", " finished ", "ABANDONED", "dropped"])
def test_a_finished_item_is_not_carried_over(
    journal: Journal, sprint: int, status: str
) -> None:
    with journal.write() as s:
        standup.add(s, sprint, D4, "today", "the item", status=status)
    with journal.write() as s:
        assert standup.carry_over(s, sprint, D4, D5) == []


@pytest.mark.parametrize("status", [None, "", "in progress", "blocked", "half done"])
def test_an_unfinished_item_carries_over_with_its_status(
    journal: Journal, sprint: int, status: str | None
) -> None:
    with journal.write() as s:
        standup.add(s, sprint, D4, "today", "the item", ["Armin Rigo"], status=status)
        standup.add(s, sprint, D4, "done", "arrived")
    with journal.write() as s:
        created = standup.carry_over(s, sprint, D4, D5)
    (new,) = journal.list_standup(sprint, D5)
    assert created == [new.id]
    assert (new.section, new.text, new.status) == ("today", "the item", status)
    assert [p.name for p in new.people] == ["Armin Rigo"]


def test_carrying_over_keeps_the_order_and_skips_what_the_day_already_has(
    journal: Journal, sprint: int
) -> None:
    with journal.write() as s:
        for text in ("first", "second", "third"):
            standup.add(s, sprint, D4, "today", text)
        standup.add(s, sprint, D5, "today", "second")
        standup.add(s, sprint, D5, "done", "third")  # in "done", not "today": carried
    with journal.write() as s:
        standup.carry_over(s, sprint, D4, D5)
    with journal.read() as s:
        assert [t for _d, section, t in texts(s, sprint, D5) if section == "today"] == [
            "second", "first", "third"]
