"""The store's typed calls, entity by entity: each write reaches the journal, comes back as the
core's Change and is announced on its entity's signal with the initiator; each read returns the
core's records; the background writer keeps to the journal open when it was made."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from factories import jpeg_bytes
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.store_calls import BackgroundWriter

from sprintjournal.changes import Change
from sprintjournal.errors import JournalError
from sprintjournal.journal import Journal

THURSDAY, FRIDAY = date(2011, 11, 3), date(2011, 11, 4)

WRITES: dict[str, tuple[str, Callable[[JournalStore, Gothenburg, object], Change]]] = {
    "add_sprint": ("sprints_changed", lambda s, g, i: s.add_sprint("Leysin 2012", initiator=i)),
    "update_sprint": ("sprints_changed",
                      lambda s, g, i: s.update_sprint(g.sprint_id, venue="Hackspace",
                                                      initiator=i)),
    "add_attendee": ("attendees_changed",
                     lambda s, g, i: s.add_attendee(g.sprint_id, "Lukas Diekmann",
                                                    initiator=i)),
    "update_person": ("people_changed",
                      lambda s, g, i: s.update_person(g.armin_id, aliases=["arigo"],
                                                      initiator=i)),
    "add_branch": ("branches_changed",
                   lambda s, g, i: s.add_branch(g.sprint_id, "py3k", ["Armin Rigo"],
                                                initiator=i)),
    "add_standup_item": ("standup_changed",
                         lambda s, g, i: s.add_standup_item(g.sprint_id, THURSDAY, "today",
                                                            "fix the JIT hooks", initiator=i)),
    "add_note": ("notes_changed",
                 lambda s, g, i: s.add_note(g.sprint_id, FRIDAY, "Sauna at 19:00", initiator=i)),
    "set_note_text": ("notes_changed",
                      lambda s, g, i: s.set_note_text(g.note_id, "rewritten", initiator=i)),
    "add_photo": ("photos_changed",
                  lambda s, g, i: s.add_photo(g.sprint_id, jpeg_bytes(), "cake.jpg",
                                              initiator=i)),
    "save_report": ("report_changed",
                    lambda s, g, i: s.save_report(g.sprint_id, text="# Report\n", initiator=i)),
}


@pytest.mark.parametrize("name", sorted(WRITES))
def test_each_write_is_announced_on_its_entitys_signal(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg, name: str) -> None:
    signal_name, write = WRITES[name]
    marker = object()
    with qtbot.waitSignal(getattr(store, signal_name)) as entity, \
            qtbot.waitSignal(store.changed) as any_change, qtbot.waitSignal(store.saved):
        change = write(store, gothenburg, marker)
    assert isinstance(change, Change)
    assert entity.args == [change, marker] and any_change.args == [change, marker]


def test_a_person_changed_is_announced_to_the_lists_that_show_people(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    signals = [store.people_changed, store.attendees_changed, store.branches_changed,
               store.standup_changed]
    with qtbot.waitSignals(signals):
        store.update_person(gothenburg.armin_id, email="arigo@example.org")
    assert next(p for p in store.list_people() if p.id == gothenburg.armin_id).email == (
        "arigo@example.org")


def test_reads_return_what_the_writes_made(store: JournalStore, gothenburg: Gothenburg) -> None:
    sid = gothenburg.sprint_id
    assert store.get_sprint(sid).title == "Gothenburg 2011"
    assert [s.id for s in store.list_sprints()] == [sid]
    assert {a.person.name for a in store.list_attendees(sid)} >= {"Armin Rigo", "Antonio Cuni"}
    store.add_standup_item(sid, THURSDAY, "done", "ffistruct merged", ["Antonio Cuni"])
    assert [i.text for i in store.list_standup(sid, THURSDAY)] == ["ffistruct merged"]
    assert store.list_standup(sid, FRIDAY) == []
    assert store.days_with_content(sid) == [THURSDAY]
    assert [n.id for n in store.list_notes(sid, THURSDAY)] == [gothenburg.note_id]
    pid = store.add_photo(sid, jpeg_bytes(), "cake.jpg", caption="The cake").id
    assert store.photo_bytes(pid) == jpeg_bytes()
    assert store.photo_thumbnail(pid)[:2] in (b"\xff\xd8", b"\x89P", b"RI")
    assert [h.kind for h in store.search("cake", sid)] == ["photo"]


def test_a_note_version_can_be_restored(store: JournalStore, gothenburg: Gothenburg) -> None:
    store.set_note_text(gothenburg.note_id, "second version")
    versions = store.note_versions(gothenburg.note_id)
    first = next(v for v in versions if v.text.startswith("# Thursday"))
    store.restore_note_version(first.id)
    assert store.get_note(gothenburg.note_id).text == "# Thursday\n\n@Armin explained STM."


def test_check_in_carry_over_and_removals(store: JournalStore, gothenburg: Gothenburg) -> None:
    sid = gothenburg.sprint_id
    antonio = next(a for a in store.list_attendees(sid) if a.person.name == "Antonio Cuni")
    store.set_checked_in(antonio.id, THURSDAY)
    assert THURSDAY in next(a for a in store.list_attendees(sid) if a.id == antonio.id).checked_in
    store.set_checked_in(antonio.id, THURSDAY, False)
    assert THURSDAY not in next(a for a in store.list_attendees(sid)
                                if a.id == antonio.id).checked_in
    store.add_standup_item(sid, THURSDAY, "today", "port ffistruct to the JIT")
    store.carry_over(sid, THURSDAY, FRIDAY)
    assert [i.text for i in store.list_standup(sid, FRIDAY)] == ["port ffistruct to the JIT"]
    store.remove_attendee(antonio.id)
    store.remove_branch(gothenburg.branch_id)
    store.remove_note(gothenburg.note_id)
    assert antonio.id not in {a.id for a in store.list_attendees(sid)}
    assert gothenburg.branch_id not in {b.id for b in store.list_branches(sid)}
    assert store.list_notes(sid, THURSDAY) == []


def test_a_merge_of_two_people_leaves_one(store: JournalStore, gothenburg: Gothenburg,
                                          journal: Journal) -> None:
    other = journal.add_person("A. Cuni").id
    change = store.merge_people(gothenburg.antonio_id, other)
    assert change.op == "merged"
    assert other not in {p.id for p in store.list_people()}


def test_reorder_announces_and_a_stale_order_is_quietly_refused(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    ids = [b.id for b in store.list_branches(gothenburg.sprint_id)]
    with qtbot.waitSignal(store.branches_changed):
        store.reorder("branch", list(reversed(ids)))
    assert [b.id for b in store.list_branches(gothenburg.sprint_id)] == list(reversed(ids))
    with qtbot.assertNotEmitted(store.error), qtbot.assertNotEmitted(store.branches_changed):
        assert not store.reorder_unless_changed("branch", [*ids, 999])


def test_a_background_writer_writes_to_its_journal_and_reads_from_it(
        store: JournalStore, gothenburg: Gothenburg, journal: Journal, tmp_path: Path) -> None:
    writer = store.background_writer()
    assert isinstance(writer, BackgroundWriter)
    assert store.is_current(writer) and writer.journal_is(journal)
    change = writer.set_note_text(gothenburg.note_id, "from the pool")
    assert change.ids == (gothenburg.note_id,)
    assert store.get_note(gothenburg.note_id).text == "from the pool"
    assert writer.list_photos(gothenburg.sprint_id) == []
    other = Journal(tmp_path / "other.sprintjournal")
    store.replace_journal(other)
    try:
        assert not store.is_current(writer)
    finally:
        other.close()


def test_a_refused_typed_write_changes_nothing(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    with qtbot.waitSignal(store.error), pytest.raises(JournalError):
        store.add_attendee(gothenburg.sprint_id, "Armin Rigo")  # already there
    names = [a.person.name for a in store.list_attendees(gothenburg.sprint_id)]
    assert names.count("Armin Rigo") == 1
