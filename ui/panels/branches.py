"""The Branches panel: what is being worked on, by whom, how far it got, with what results."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from sprintjournal.changes import Change
from sprintjournal.errors import JournalError
from sprintjournal.records import BranchRec
from sprintjournal.vocabulary import BRANCH_STATUSES

from ..commands.edit_commands import push_add, push_remove, push_update
from ..commands.report_marks import add_row_mark_action
from ..models.branches_model import BranchesModel, BranchFilter
from ..store import JournalStore
from ..widgets.fit_rows import FitRowsWhenShown
from ..widgets.status_chip import ChipDelegate
from .panel_base import NO_SPRINT_HINT, RecordPanel

if TYPE_CHECKING:
    from ..dialogs.branch_dialog import BranchAnswer

EMPTY_HINT = "No branches yet — press Insert or use Add branch to record what people work on."
FILTERED_HINT = "No branch matches the filter — choose “All statuses” and “Everyone” to see all."
_COPY_FIELDS = ("kind", "goal", "status", "results", "links", "notes", "figures",
                "notes_publish")


class BranchesPanel(RecordPanel[BranchRec]):
    model: BranchesModel
    order_entity = "branch"
    plural = "branches"

    def __init__(self, store: JournalStore, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(store, undo_stack, parent)
        self.setObjectName("BranchesPanel")
        self.model = BranchesModel(store, self)
        self.model.set_committer(self._commit_inline)
        self.proxy = BranchFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._make_table()
        self.pages.addWidget(self.table)
        self._make_actions()
        self._make_filters()
        store.branches_changed.connect(self.model.on_change)
        store.attendees_changed.connect(self._fill_person_filter)
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.layoutChanged):
            signal.connect(self._refresh)
        self._refresh()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setAccessibleName("Branches")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed)
        chips = ChipDelegate(table)
        for key in ("status", "kind"):
            table.setItemDelegateForColumn(self.model.column_of(key), chips)
        table.verticalHeader().hide()
        # a handful of rows: let goals and results wrap so they can be read without hovering
        self.fit_rows = FitRowsWhenShown(table)
        table.setWordWrap(True)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # fixed widths (not Stretch): in a narrow dock, wrapped goals would grow rows a page high
        for key, width in {"name": 130, "kind": 70, "status": 105, "goal": 200, "people": 150,
                           "results": 200}.items():
            table.setColumnWidth(self.model.column_of(key), width)
        header.setStretchLastSection(True)
        table.doubleClicked.connect(self._on_double_click)
        return table

    def _make_actions(self) -> None:
        self.add_action_ = self.add_action(
            "Add branch", self.add_branch, "add", QKeySequence(Qt.Key.Key_Insert),
            "Add a branch or topic (Insert)")
        self.edit_action = self.add_action(
            "Edit…", self.edit_selected, "edit",
            QKeySequence(Qt.Key.Key_F2 | Qt.KeyboardModifier.ShiftModifier),
            "Edit people, results and links of the selected branch (Shift+F2)", edits=True)
        self.remove_action = self.add_action(
            "Remove", self.remove_selected, "remove",
            QKeySequence(QKeySequence.StandardKey.Delete), "Remove the selected branches (Delete)")
        self.add_move_actions()
        self.report_action = add_row_mark_action(self, "notes_publish", "update_branch",
                                                 "branch's notes")
        self.add_context_menu(self.table, self.edit_action, self.remove_action, None,
                              self.move_up_action, self.move_down_action)

    def _make_filters(self) -> None:
        """A row of its own under the toolbar, so a narrow dock never hides the filters."""
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Filter by status")
        self.status_filter.addItem("All statuses", None)
        for status in BRANCH_STATUSES:
            self.status_filter.addItem(status, status)
        self.person_filter = QComboBox()
        self.person_filter.setAccessibleName("Filter by person")
        self.person_filter.setMinimumContentsLength(14)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(6, 2, 6, 4)
        for text, combo in (("&Status:", self.status_filter), ("&Person:", self.person_filter)):
            label = QLabel(text)
            label.setBuddy(combo)
            layout.addWidget(label)
            layout.addWidget(combo)
        layout.addStretch(1)
        self.body_layout.insertWidget(1, row)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_filter.currentData()))
        self.person_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_person(self.person_filter.currentData()))
        self._fill_person_filter()

    # -- panel contract ---------------------------------------------------------------------
    def sprint_changed(self) -> None:
        self.model.set_sprint(self.sprint_id)
        self._fill_person_filter()
        self._refresh()

    def select_item(self, item_id: int) -> None:
        row = self.model.row_of(item_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # hidden by the filter: show everything
            self.status_filter.setCurrentIndex(0)
            self.person_filter.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.fit_rows.fit_now()  # the rows' final heights, so the scroll lands on this one
        self.table.scrollTo(index)

    def visible_ids(self, record: BranchRec) -> list[int]:
        shown = [self.proxy.mapToSource(self.proxy.index(r, 0)).row()
                 for r in range(self.proxy.rowCount())]
        return [self.model.record(r).id for r in shown]

    def locate(self, item_id: int) -> tuple[QAbstractItemView, QModelIndex] | None:
        row = self.model.row_of(item_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
        return None if index is None or not index.isValid() else (self.table, index)

    def describe(self, record: BranchRec) -> str:
        return f"branch {record.name}"

    def removal_effects(self, records: Sequence[BranchRec]) -> str:
        """Stand-up items lose their branch (they stay); undo links them again."""
        if self.sprint_id is None:
            return ""
        ids = {rec.id for rec in records}
        linked = sum(1 for item in self.store.read(self.store.list_standup, self.sprint_id)
                     if item.branch_id in ids)
        if not linked:
            return ""
        return (f"{linked} stand-up item{'s' if linked != 1 else ''} kept, without "
                f"{'its' if len(records) == 1 else 'their'} branch")

    def selected_records(self) -> list[BranchRec]:
        rows = sorted({self.proxy.mapToSource(i).row()
                       for i in self.table.selectionModel().selectedRows()})
        return [self.model.record(r) for r in rows]

    def _refresh(self, *_args: object) -> None:
        if self.sprint_id is None:
            self.show_content(self.table, NO_SPRINT_HINT)
        elif self.model.rowCount() == 0:
            self.show_content(self.table, EMPTY_HINT)
        else:
            self.show_content(self.table, FILTERED_HINT if self.proxy.rowCount() == 0 else None)
        has_rows = self.proxy.rowCount() > 0
        self.remove_action.setEnabled(has_rows)
        self.edit_action.setEnabled(has_rows)
        self.add_action_.setEnabled(self.sprint_id is not None)

    def _fill_person_filter(self, *_args: object) -> None:
        """Everyone attending or named on a branch, keeping the current choice if possible."""
        current = self.person_filter.currentData()
        people = {p.id: p.name for b in self.model.records() for p in b.people}
        if self.sprint_id is not None:
            for a in self.store.read(self.store.list_attendees, self.sprint_id):
                people[a.person.id] = a.person.name
        self.person_filter.blockSignals(True)
        self.person_filter.clear()
        self.person_filter.addItem("Everyone", None)
        for pid, name in sorted(people.items(), key=lambda item: item[1].casefold()):
            self.person_filter.addItem(name, pid)
        found = self.person_filter.findData(current)
        self.person_filter.setCurrentIndex(max(0, found))
        self.person_filter.blockSignals(False)
        self.proxy.set_person(self.person_filter.currentData())

    def attendee_names(self) -> list[str]:
        if self.sprint_id is None:
            return []
        return [a.person.name for a in self.store.read(self.store.list_attendees,
                                                       self.sprint_id)]

    # -- mutations --------------------------------------------------------------------------
    def _on_double_click(self, index: QModelIndex) -> None:
        key = self.model.columns[index.column()].key
        if not self.model.editable(key):
            self.edit_action.trigger()  # a read-only journal: opened to read (View…)

    def add_branch(self) -> None:
        if self.sprint_id is None:
            return
        from ..dialogs.branch_dialog import BranchDialog  # loads when first used

        answer = BranchDialog.ask(self, self.attendee_names())
        if answer is not None:
            self.add_answer(answer)

    def add_answer(self, answer: "BranchAnswer") -> None:
        sid = self.sprint_id
        if sid is None:
            return
        try:
            change = push_add(
                self.undo_stack, f"Add branch {answer.name}",
                lambda: self.store.add_branch(sid, answer.name, answer.people,
                                              **answer.fields, initiator=self),
                lambda item_id: self.store.remove_branch(item_id, initiator=self))
        except JournalError:
            return
        self.select_item(change.id)

    def edit_selected(self) -> None:
        records = self.selected_records()
        if not records:
            return
        rec = records[0]
        from ..dialogs.branch_dialog import BranchDialog

        answer = BranchDialog.ask(self, self.attendee_names(), rec, read_only=self.read_only)
        if answer is None:
            return
        new = {"name": answer.name, "people": answer.people, **answer.fields}
        self.update_branch(rec, new)

    def update_branch(self, rec: BranchRec, new: dict[str, Any]) -> None:
        """Apply the fields in `new` that differ from `rec`, as one undoable step."""
        old = _fields_of(rec)
        changed = {k: v for k, v in new.items() if _comparable(v) != _comparable(old.get(k))}
        if not changed:
            return
        text = (f"Set status of {rec.name} to {changed['status']}" if list(changed) == ["status"]
                else f"Edit branch {rec.name}")
        try:
            push_update(self.undo_stack, text,
                        lambda i, **f: self.store.update_branch(i, **f, initiator=self),
                        rec.id, {k: old[k] for k in changed}, changed)
        except JournalError:
            return

    def _commit_inline(self, rec: BranchRec, fields: dict[str, Any]) -> None:
        self.update_branch(rec, fields)

    def remove_selected(self) -> None:
        self.remove_each(self.selected_records(), self._remove)

    def _remove(self, rec: BranchRec) -> bool:
        """Remove one branch; undo re-creates it and re-links its stand-up items."""
        fields = {k: getattr(rec, k) for k in _COPY_FIELDS}
        people = [p.name for p in rec.people]
        items = [i.id for i in self.store.list_standup(rec.sprint_id) if i.branch_id == rec.id]

        def restore() -> Change:
            change = self.store.add_branch(rec.sprint_id, rec.name, people, initiator=self,
                                           **fields)
            for item_id in items:
                try:
                    self.store.update_standup_item(item_id, branch_id=change.id, initiator=self)
                except JournalError:
                    continue  # the item was removed since: nothing to re-link
            return change

        try:
            push_remove(self.undo_stack, f"Remove branch {rec.name}", rec.id,
                        lambda item_id: self.store.remove_branch(item_id, initiator=self), restore,
                        self.order_ids(rec), self.put_back)
        except JournalError:
            return False
        return True


def _fields_of(rec: BranchRec) -> dict[str, Any]:
    fields = {k: getattr(rec, k) for k in ("name", *_COPY_FIELDS)}
    fields["people"] = [p.name for p in rec.people]
    return fields


def _comparable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple | list) else value
