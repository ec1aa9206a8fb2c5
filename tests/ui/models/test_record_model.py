"""The table model over the core's records: a store change becomes the finest notification
(rows removed, inserted, changed) so views keep their selection; a reordering or a bulk change
resets; inline edits go to the committer and nowhere else."""

from typing import Any

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sprintjournal_ui.models.record_model import Column, IdRole, RecordTableModel
from sprintjournal_ui.store import JournalStore

from sprintjournal.changes import Change
from sprintjournal.records import BranchRec


class Branches(RecordTableModel[BranchRec]):
    """The smallest subclass: two columns over one sprint's branches; the goal is editable."""

    columns = (Column("name", "Branch", lambda b: b.name, tooltip="The branch's name"),
               Column("goal", "Goal", lambda b: b.goal or ""))

    def __init__(self, store: JournalStore, sprint_id: int) -> None:
        super().__init__()
        self.store, self.sprint_id = store, sprint_id

    def fetch(self) -> list[BranchRec]:
        return self.store.list_branches(self.sprint_id)

    def is_relevant(self, change: Change) -> bool:
        return change.sprint_id in (None, self.sprint_id)

    def editable(self, key: str) -> bool:
        return key == "goal"

    def edit_fields(self, record: BranchRec, key: str, value: Any, role: int
                    ) -> dict[str, Any] | None:
        return {"goal": str(value)} if key == "goal" else None


@pytest.fixture
def model(store: JournalStore, panel_sprint: int) -> Branches:
    model = Branches(store, panel_sprint)
    model.reload()
    store.branches_changed.connect(model.on_change)
    return model


class Notes:
    """What the model told its views."""

    def __init__(self, model: Branches) -> None:
        self.seen: list[tuple[Any, ...]] = []
        model.rowsRemoved.connect(lambda _p, first, last: self.seen.append(("removed", first,
                                                                            last)))
        model.rowsInserted.connect(lambda _p, first, last: self.seen.append(("inserted", first,
                                                                             last)))
        model.dataChanged.connect(lambda tl, br: self.seen.append(
            ("changed", tl.row(), br.row(), tl.column(), br.column())))
        model.modelReset.connect(lambda: self.seen.append(("reset",)))


def names(model: Branches) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_the_model_passes_qts_model_checks(qtmodeltester: ModelTester, model: Branches) -> None:
    qtmodeltester.check(model)


def test_a_removal_removes_that_row_and_keeps_the_others_indexes(
        store: JournalStore, model: Branches) -> None:
    notes = Notes(model)
    win64 = QPersistentModelIndex(model.index(3, 1))
    store.remove_branch(model.record(1).id)  # ffistruct
    assert notes.seen == [("removed", 1, 1)]
    assert names(model) == ["SpecialisedTuple", "stm", "win64"]
    assert win64.row() == 2  # a selection on win64 stays on it


def test_an_addition_is_inserted_and_an_edit_changes_one_whole_row(
        store: JournalStore, model: Branches, panel_sprint: int) -> None:
    notes = Notes(model)
    store.add_branch(panel_sprint, "jit-hooks", ["Armin Rigo"])
    assert notes.seen == [("inserted", 4, 4)]
    store.update_branch(model.record(2).id, goal="a GIL-less PyPy")
    assert notes.seen[1:] == [("changed", 2, 2, 0, 1)]
    assert model.index(2, 1).data() == "a GIL-less PyPy"


def test_a_reordering_resets_and_a_bulk_change_reloads(
        store: JournalStore, model: Branches) -> None:
    notes = Notes(model)
    ids = [rec.id for rec in model.records()]
    store.reorder("branch", list(reversed(ids)))
    assert notes.seen == [("reset",)]
    assert names(model) == ["win64", "stm", "ffistruct", "SpecialisedTuple"]
    model.on_change(Change("person", "merged", (1,)))
    assert notes.seen == [("reset",), ("reset",)]


def test_a_change_to_another_sprint_is_ignored(store: JournalStore, model: Branches) -> None:
    notes = Notes(model)
    other = store.add_sprint("Leysin 2011").id
    store.add_branch(other, "py3k")
    assert notes.seen == []
    model.on_change(Change("branch", "added", (99,), sprint_id=other))
    assert notes.seen == []


def test_roles_and_headers(model: Branches) -> None:
    index = model.index(0, 0)
    assert index.data(IdRole) == model.record(0).id
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "SpecialisedTuple"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Branch"
    assert model.headerData(0, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ToolTipRole) == "The branch's name"
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.row_of(model.record(3).id) == 3 and model.row_of(-5) == -1
    assert model.column_of("goal") == 1


def test_inline_edits_go_to_the_committer_only_when_there_is_one(
        store: JournalStore, model: Branches) -> None:
    goal = model.index(0, 1)
    name = model.index(0, 0)
    assert not model.flags(goal) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(goal, "read-only so far")

    committed: list[tuple[str, dict[str, Any]]] = []
    model.set_committer(lambda rec, fields: committed.append((rec.name, fields)))
    assert model.flags(goal) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(name) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(goal, "specialise 2-tuples")
    assert not model.setData(name, "renamed")
    assert committed == [("SpecialisedTuple", {"goal": "specialise 2-tuples"})]
    assert model.record(0).goal == "specialise 2-tuples of ints, floats, strings"  # the store
    # decides: nothing changes in the model until its echo arrives


def test_a_subclass_must_say_what_it_lists(qtbot: QtBot) -> None:
    bare: RecordTableModel[BranchRec] = RecordTableModel()
    with pytest.raises(NotImplementedError):
        bare.reload()
    assert bare.rowCount() == 0 and bare.columnCount() == 0
