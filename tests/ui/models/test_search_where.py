"""Where a search hit is, read from the hit itself: the day of a note, the day and branch of a
stand-up item, nothing for the other kinds."""

from datetime import date

from sprintjournal_ui.models.search_where import day_words, hit_location
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal

THURSDAY = date(2011, 11, 3)


def test_each_kind_of_hit_names_its_place(store: JournalStore, journal: Journal,
                                          panel_sprint: int) -> None:
    journal.add_note(panel_sprint, THURSDAY, "Maciej fixed the ctypes corner cases.")
    journal.add_note(panel_sprint, None, "ctypes: ask Amaury about the Windows build.")
    ffistruct = next(b.id for b in journal.list_branches(panel_sprint) if b.name == "ffistruct")
    journal.add_standup_item(panel_sprint, THURSDAY, "done", "ctypes tests pass",
                             ["Antonio Cuni"], branch_id=ffistruct)
    journal.add_standup_item(panel_sprint, THURSDAY, "today", "ctypes benchmarks")
    found = {(hit.kind, hit_location(hit)) for hit in store.search("ctypes", panel_sprint)}
    assert found >= {("note", "Thu 3 Nov"), ("note", "no day"),
                     ("standup", "Thu 3 Nov · #ffistruct"), ("standup", "Thu 3 Nov")}
    assert all(place == "" for kind, place in found if kind not in ("note", "standup"))
    assert any(kind == "branch" for kind, _ in found)  # ffistruct's result names ctypes


def test_day_words() -> None:
    assert day_words(date(2011, 11, 8)) == "Tue 8 Nov"
    assert day_words(None) == ""
