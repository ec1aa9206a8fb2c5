"""The Stand-up panel: for the selected day, what is done so far and what happens today.

Its add/edit dialog (people picker, name matching) loads when first opened, not at start-up.
"""

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sprintjournal.changes import Change
from sprintjournal.errors import JournalError
from sprintjournal.records import StandupRec

from ..commands.edit_commands import AppliedCommand, push_add, push_remove, push_update
from ..commands.report_marks import add_row_mark_action
from ..day_words import day_label
from ..models.standup_model import SECTION_TITLES, StandupModel
from ..store import JournalStore
from ..widgets.column_shares import ColumnShares
from ..widgets.status_chip import ChipDelegate
from .panel_base import NO_SPRINT_HINT, RecordPanel

if TYPE_CHECKING:
    from ..dialogs.standup_dialog import StandupAnswer

NO_DAY_HINT = "Pick a day to see its stand-up."
_COPY_FIELDS = ("status", "branch_id", "needs_review", "review_reason", "publish")


def empty_day_hint(day: date) -> str:
    return (f"No stand-up items for {day:%a} {day.day} {day:%b} yet — press Insert or use "
            "Add item, or carry over yesterday's unfinished items.")


class StandupPanel(RecordPanel[StandupRec]):
    order_entity = "standup"
    plural = "stand-up items"

    def __init__(self, store: JournalStore, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(store, undo_stack, parent)
        self.setObjectName("StandupPanel")
        self.models = {s: StandupModel(store, s, self) for s in SECTION_TITLES}
        self.tables = {s: self._make_table(m) for s, m in self.models.items()}
        self.content = self._make_content()
        self.pages.addWidget(self.content)
        self.message = QLabel()
        self.message.setAccessibleName("Stand-up message")
        self._make_actions()
        self._reloading = False
        self._today_days: tuple[int, list[date]] | None = None  # (sprint, days with "today")
        store.standup_changed.connect(self._forget_days)
        for model in self.models.values():
            model.set_committer(self._commit_inline)
            store.standup_changed.connect(model.on_change)
            store.branches_changed.connect(model.on_change)
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
                signal.connect(self._refresh)
        self._refresh()

    def _make_table(self, model: StandupModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setAccessibleName(SECTION_TITLES[model.section])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed)
        table.setItemDelegateForColumn(model.column_of("status"), ChipDelegate(table))
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setWordWrap(True)
        shares = {"status": (0.0, 105, 105), "people": (0.26, 100, 200),
                  "branch": (0.18, 80, 130)}
        ColumnShares(table, model.column_of("text"),
                     {model.column_of(key): share for key, share in shares.items()})
        table.doubleClicked.connect(
            lambda index: None if model.editable(model.columns[index.column()].key)
            else self.edit_action.trigger())  # a read-only journal: opened to read
        return table

    def _make_content(self) -> QWidget:
        content = QWidget()
        layout = self._sections = QVBoxLayout(content)
        layout.setContentsMargins(6, 6, 6, 6)
        self.day_title = QLabel()
        font = self.day_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.day_title.setFont(font)
        layout.addWidget(self.day_title)
        for section, table in self.tables.items():
            label = QLabel(f"<b>{SECTION_TITLES[section]}</b>")
            label.setBuddy(table)
            layout.addWidget(label)
            layout.addWidget(table, 1)
        return content

    def _make_actions(self) -> None:
        self.add_action_ = self.add_action(
            "Add item", self.add_item, "add", QKeySequence(Qt.Key.Key_Insert),
            "Add a stand-up item to the focused section (Insert)")
        self.edit_action = self.add_action(
            "Edit…", self.edit_selected, "edit",
            QKeySequence(Qt.Key.Key_F2 | Qt.KeyboardModifier.ShiftModifier),
            "Edit the selected item: people and branch too (Shift+F2)", edits=True)
        self.remove_action = self.add_action(
            "Remove", self.remove_selected, "remove",
            QKeySequence(QKeySequence.StandardKey.Delete), "Remove the selected items (Delete)")
        self.add_move_actions()
        self.report_action = add_row_mark_action(self, "publish", "update_standup_item",
                                                 "stand-up items")
        for table in self.tables.values():
            self.add_context_menu(table, self.edit_action, self.remove_action, None,
                                  self.move_up_action, self.move_down_action)
        self.toolbar.addSeparator()
        self.carry_action = self.add_action(
            "Carry over unfinished", self.carry_over, "carry", None,
            "Carry over unfinished items from yesterday's “Today” to this day")
        # the result shows under the toolbar, where the eye is, and in the status bar: a label
        # inside a narrow toolbar ended up in its overflow menu, unseen
        self.message.setWordWrap(True)
        self.message.setContentsMargins(8, 2, 8, 2)
        self.message.hide()
        self.body_layout.insertWidget(1, self.message)

    # -- panel contract ---------------------------------------------------------------------
    def sprint_changed(self) -> None:
        self._reload()

    def day_changed(self) -> None:
        self._reload()

    def _reload(self) -> None:
        """Both sections, then one refresh (not one per model reset: each asks for days)."""
        self.message.clear()
        self.message.hide()
        self._reloading = True
        try:
            for model in self.models.values():
                model.set_scope(self.sprint_id, self.day)
        finally:
            self._reloading = False
        self._refresh()

    def _refresh(self, *_args: object) -> None:
        if self._reloading:
            return
        count = sum(m.rowCount() for m in self.models.values())
        for table in self.tables.values():  # the height goes where the rows are
            rows = table.verticalHeader().length() or table.verticalHeader().defaultSectionSize()
            self._sections.setStretchFactor(table, max(1, rows // 10))
        if self.sprint_id is None:
            self.show_content(self.content, NO_SPRINT_HINT)
        elif self.day is None:
            self.show_content(self.content, NO_DAY_HINT)
        else:
            self.day_title.setText(f"Stand-up, {self.day:%A} {self.day.day} {self.day:%B}")
            self.show_content(self.content, None if count else empty_day_hint(self.day))
        ready = self.sprint_id is not None and self.day is not None
        self.add_action_.setEnabled(ready)
        self.carry_action.setEnabled(ready and self.previous_day() is not None)
        self.edit_action.setEnabled(count > 0)
        self.remove_action.setEnabled(count > 0)

    def select_item(self, item_id: int) -> None:
        if self.sprint_id is None:
            return
        if not any(m.row_of(item_id) >= 0 for m in self.models.values()):
            items = self.store.read(self.store.list_standup, self.sprint_id)
            found = next((i for i in items if i.id == item_id), None)
            if found is None:
                return
            self.request_day(found.day)
        for section, model in self.models.items():
            row = model.row_of(item_id)
            if row >= 0:
                table = self.tables[section]
                table.setFocus()
                table.selectionModel().setCurrentIndex(
                    model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                table.scrollTo(model.index(row, 0))

    def focused_section(self) -> str:
        """The section whose table has (or last had) the focus; "today" by default."""
        for section, table in self.tables.items():
            if table.hasFocus():
                return section
        return "today"

    def order_ids(self, record: StandupRec) -> list[int]:
        return [rec.id for rec in self.models[record.section].records()]

    def describe(self, record: StandupRec) -> str:
        return f"“{record.text}”"

    def removed_from(self, records: Sequence[StandupRec]) -> str:
        return f"from the stand-up of {day_label(records[0].day)}"

    def locate(self, item_id: int) -> tuple[QAbstractItemView, QModelIndex] | None:
        for section, model in self.models.items():
            row = model.row_of(item_id)
            if row >= 0:
                return self.tables[section], model.index(row, 0)
        return None

    def selected_records(self) -> list[StandupRec]:
        section = self.focused_section()
        for candidate in (section, *self.tables):
            rows = sorted({i.row() for i in self.tables[candidate].selectionModel().selectedRows()})
            if rows:
                return [self.models[candidate].record(r) for r in rows]
        return []

    def previous_day(self) -> date | None:
        """The latest earlier day with "today" items: usually yesterday, Friday after a weekend."""
        if self.sprint_id is None or self.day is None:
            return None
        if self._today_days is None or self._today_days[0] != self.sprint_id:
            items = self.store.read(self.store.list_standup, self.sprint_id)
            days = sorted({i.day for i in items if i.section == "today"})
            self._today_days = (self.sprint_id, days)
        return max((d for d in self._today_days[1] if d < self.day), default=None)

    def _forget_days(self, *_args: object) -> None:
        """Any stand-up change may add or empty a day to carry over from."""
        self._today_days = None
        self._refresh()

    # -- mutations --------------------------------------------------------------------------
    def _choices(self) -> tuple[list[str], list[Any]]:
        assert self.sprint_id is not None
        attendees = [a.person.name
                     for a in self.store.read(self.store.list_attendees, self.sprint_id)]
        return attendees, self.store.read(self.store.list_branches, self.sprint_id)

    def add_item(self) -> None:
        if self.sprint_id is None or self.day is None:
            return
        from ..dialogs.standup_dialog import StandupDialog

        answer = StandupDialog.ask(self, *self._choices(), section=self.focused_section())
        if answer is not None:
            self.add_answer(answer)

    def add_answer(self, answer: "StandupAnswer") -> None:
        sid, day = self.sprint_id, self.day
        if sid is None or day is None:
            return
        try:
            change = push_add(
                self.undo_stack, f"Add stand-up item “{answer.text}”",
                lambda: self.store.add_standup_item(sid, day, answer.section, answer.text,
                                                    answer.people, **answer.fields, initiator=self),
                lambda item_id: self.store.remove_standup_item(item_id, initiator=self))
        except JournalError:
            return
        self.select_item(change.id)

    def edit_selected(self) -> None:
        records = self.selected_records()
        if not records or self.sprint_id is None:
            return
        rec = records[0]
        from ..dialogs.standup_dialog import StandupDialog

        answer = StandupDialog.ask(self, *self._choices(), section=rec.section, current=rec,
                                   read_only=self.read_only)
        if answer is None:
            return
        new = {"section": answer.section, "text": answer.text, "people": answer.people,
               **answer.fields}
        self.update_item(rec, new)

    def update_item(self, rec: StandupRec, new: dict[str, Any]) -> None:
        old = {"section": rec.section, "text": rec.text, "status": rec.status,
               "branch_id": rec.branch_id, "people": [p.name for p in rec.people]}
        changed = {k: v for k, v in new.items() if v != old.get(k)}
        if not changed:
            return
        try:
            push_update(self.undo_stack, f"Edit stand-up item “{rec.text}”",
                        lambda i, **f: self.store.update_standup_item(i, **f, initiator=self),
                        rec.id, {k: old[k] for k in changed}, changed)
        except JournalError:
            return

    def _commit_inline(self, rec: StandupRec, fields: dict[str, Any]) -> None:
        self.update_item(rec, fields)

    def remove_selected(self) -> None:
        self.remove_each(self.selected_records(), self._remove)

    def _remove(self, rec: StandupRec) -> bool:
        """Remove one item; undo re-adds it (same day, section, people, branch, status)."""
        fields = {k: getattr(rec, k) for k in _COPY_FIELDS}
        people = [p.name for p in rec.people]

        def restore() -> Change:
            return self.store.add_standup_item(rec.sprint_id, rec.day, rec.section, rec.text,
                                               people, **fields, initiator=self)

        try:
            push_remove(self.undo_stack, f"Remove stand-up item “{rec.text}”", rec.id,
                        lambda item_id: self.store.remove_standup_item(item_id, initiator=self),
                        restore,
                        self.order_ids(rec), self.put_back)
        except JournalError:
            return False
        return True

    def carry_over(self) -> None:
        """Copy the previous day's unfinished "today" items here, as one undoable step."""
        sid, day, source = self.sprint_id, self.day, self.previous_day()
        if sid is None or day is None or source is None:
            return
        when = f"{source:%a} {source.day} {source:%b}"

        def do(state: dict[str, Any]) -> Change:
            change = self.store.carry_over(sid, source, day, initiator=self)
            state["ids"] = change.ids
            return change

        def undo(state: dict[str, Any]) -> Change:
            change = Change("standup", "removed", (), sid)
            for item_id in state["ids"]:
                change = self.store.remove_standup_item(item_id, initiator=self)
            return change

        state: dict[str, Any] = {}
        try:
            change = do(state)
        except JournalError:
            return
        if not change.ids:
            self.show_message(f"Nothing unfinished to carry over from {when}.")
            return
        command = AppliedCommand(f"Carry over unfinished items from {when}", do, undo, state)
        self.undo_stack.push(command)
        count = len(change.ids)
        self.show_message(f"{count} item{'s' if count != 1 else ''} carried over from {when}.")
