"""The stand-up model passes Qt's model tester while the store's changes arrive."""

from datetime import date

from pytestqt.modeltest import ModelTester
from sprintjournal_ui.models.standup_model import StandupModel
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal


def test_standup_model_through_changes(qtmodeltester: ModelTester, store: JournalStore,
                                       panel_sprint: int, journal: Journal) -> None:
    day = date(2011, 11, 4)
    model = StandupModel(store, "today")
    store.standup_changed.connect(model.on_change)
    store.branches_changed.connect(model.on_change)
    model.set_scope(panel_sprint, day)
    qtmodeltester.check(model)
    first = store.add_standup_item(panel_sprint, day, "today", "win64",
                                   ["Christian Tismer"])
    store.add_standup_item(panel_sprint, day, "done", "ffistruct merged")
    store.add_standup_item(panel_sprint, date(2011, 11, 5), "today", "STM")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["win64"]
    win64 = next(b for b in journal.list_branches(panel_sprint) if b.name == "win64")
    store.update_standup_item(first.id, branch_id=win64.id)
    assert model.index(0, model.column_of("branch")).data() == "win64"
    store.remove_branch(win64.id)  # the link is dropped (SET NULL)
    assert model.index(0, model.column_of("branch")).data() == ""
    store.remove_standup_item(first.id)
    assert model.rowCount() == 0
