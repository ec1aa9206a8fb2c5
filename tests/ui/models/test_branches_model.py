"""The branches' model and its filter pass Qt's model tester while the store's changes arrive."""

from pytestqt.modeltest import ModelTester
from sprintjournal_ui.models.branches_model import BranchesModel, BranchFilter
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal


def test_branches_model_and_filter_through_changes(
    qtmodeltester: ModelTester, store: JournalStore, panel_sprint: int,
    journal: Journal,
) -> None:
    model = BranchesModel(store)
    store.branches_changed.connect(model.on_change)
    model.set_sprint(panel_sprint)
    proxy = BranchFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.set_status("in progress")
    added = store.add_branch(panel_sprint, "jit-targets", ["Håkan Ardö"],
                             status="in progress", results=["unrolling refactored around TARGET"])
    assert proxy.rowCount() == 3
    row = model.row_of(added.id)
    assert model.index(row, model.column_of("results")).data() == (
        "unrolling refactored around TARGET")
    store.update_branch(added.id, status="done")
    assert proxy.rowCount() == 2
    store.remove_branch(model.record(0).id)
    assert model.rowCount() == 4
    hakan = journal.find_person("Håkan Ardö")
    assert hakan is not None
    proxy.set_status(None)
    proxy.set_person(hakan.id)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["jit-targets"]
