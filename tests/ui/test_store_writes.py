"""The store's typed calls: writes announce their Change with the initiator, plain reads do not
announce failures (`store.read` does), and pool jobs write to the journal they started on."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg
from sprintjournal_ui.store import JournalStore

from sprintjournal.errors import JournalError
from sprintjournal.journal import Journal


def test_a_typed_write_announces_its_change_to_its_entity(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    marker = object()
    with qtbot.waitSignal(store.branches_changed) as signal:
        change = store.update_branch(gothenburg.branch_id, status="merged", initiator=marker)
    assert signal.args == [change, marker]
    assert (change.entity, change.op, change.ids) == ("branch", "updated", (gothenburg.branch_id,))
    branch = next(b for b in store.list_branches(gothenburg.sprint_id)
                  if b.id == gothenburg.branch_id)
    assert branch.status == "merged"


def test_a_refused_write_is_raised_and_announced(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    with qtbot.waitSignal(store.error) as signal, pytest.raises(JournalError):
        store.update_branch(gothenburg.branch_id, status="finished-ish")
    assert signal.args is not None and "finished-ish" in signal.args[0]


def test_plain_reads_leave_announcing_to_store_read(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    with qtbot.assertNotEmitted(store.error), pytest.raises(JournalError):
        store.get_note(987654)
    with qtbot.waitSignal(store.error), pytest.raises(JournalError):
        store.read(store.get_note, 987654)
    assert store.read(store.get_note, gothenburg.note_id).text.startswith("# Thursday")


def test_an_order_put_back_into_a_changed_list_is_no_error(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    ids = [a.id for a in store.list_attendees(gothenburg.sprint_id)]
    with qtbot.assertNotEmitted(store.error):
        assert not store.reorder_unless_changed("attendance", ids[1:])  # one is missing
    with qtbot.waitSignal(store.attendees_changed):
        assert store.reorder_unless_changed("attendance", list(reversed(ids)))
    assert [a.id for a in store.list_attendees(gothenburg.sprint_id)] == list(reversed(ids))


def test_a_background_writer_keeps_to_the_journal_it_was_made_for(
        store: JournalStore, gothenburg: Gothenburg, tmp_path: Path) -> None:
    writer = store.background_writer()
    assert store.is_current(writer)
    change = writer.set_note_text(gothenburg.note_id, "written off the GUI thread")
    assert change.ids == (gothenburg.note_id,)
    assert store.get_note(gothenburg.note_id).text == "written off the GUI thread"
    store.replace_journal(Journal(tmp_path / "other.sprintjournal"))
    assert not store.is_current(writer)
    assert store.list_sprints() == []
    store.close()
