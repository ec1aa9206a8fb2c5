"""The Attendees panel: the editable table, "here today", and the attendance timeline."""

import contextlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHeaderView,
    QScrollArea,
    QSplitter,
    QTableView,
    QWidget,
)

from sprintjournal.changes import Change
from sprintjournal.errors import JournalError
from sprintjournal.records import AttendeeRec

from ..commands.edit_commands import push_add, push_edit, push_remove, push_update
from ..models.attendees_model import AttendeesModel
from ..store import JournalStore
from ..widgets.check_delegate import VisibleCheckDelegate
from ..widgets.here_today import HereTodayBox
from ..widgets.status_chip import ChipDelegate
from ..widgets.timeline import TimelineChart
from .panel_base import NO_SPRINT_HINT, RecordPanel

if TYPE_CHECKING:
    from ..dialogs.attendee_dialog import AttendeeAnswer

EMPTY_HINT = "No attendees yet — press Insert or use Add attendee."
_SNAPSHOT_FIELDS = (
    "arrive", "depart", "dates_text", "accommodation", "diet", "host", "notes", "needs_review",
    "review_reason",
)


def snapshot(rec: AttendeeRec) -> dict[str, Any]:
    """Everything needed to re-add a removed attendee as it was."""
    fields = {name: getattr(rec, name) for name in _SNAPSHOT_FIELDS}
    fields["newcomer"] = rec.newcomer_override
    return fields


class AttendeesPanel(RecordPanel[AttendeeRec]):
    model: AttendeesModel
    order_entity = "attendance"
    plural = "attendees"

    def __init__(self, store: JournalStore, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(store, undo_stack, parent)
        self.setObjectName("AttendeesPanel")
        self.model = AttendeesModel(store, self)
        self.model.set_committer(self._commit_edit)
        self.table = self._make_table()
        self.here_today = HereTodayBox()
        self.timeline = TimelineChart()
        self.content = self._make_content()
        self.pages.addWidget(self.content)
        self._make_actions()
        store.attendees_changed.connect(self.model.on_change)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.dataChanged):
            signal.connect(self._refresh_summary)
        self.timeline.day_clicked.connect(self.request_day)
        self._refresh_summary()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName("Attendees")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.SelectedClicked)
        table.setItemDelegateForColumn(self.model.column_of("newcomer"), ChipDelegate(table))
        for key in ("here", "host"):
            table.setItemDelegateForColumn(self.model.column_of(key), VisibleCheckDelegate(table))
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = {"name": 170, "here": 48, "arrive": 90, "depart": 90, "accommodation": 160,
                  "diet": 110, "host": 48}
        for key, width in widths.items():
            table.setColumnWidth(self.model.column_of(key), width)
        return table

    def _make_content(self) -> QWidget:
        # one scroll area for "here today" and the timeline: a short dock can still give the
        # table most of its height, and the rest scrolls
        bottom = QScrollArea()
        bottom.setWidget(_SideBySide(self.here_today, self.timeline))
        bottom.setWidgetResizable(True)
        bottom.setFrameShape(QScrollArea.Shape.NoFrame)
        bottom.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter = _TableFirstSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        return splitter

    def _make_actions(self) -> None:
        self.add_action_ = self.add_action(
            "Add attendee", self.add_attendee, "add",
            QKeySequence(Qt.Key.Key_Insert), "Add an attendee (Insert)")
        self.edit_action = self.add_action(
            "Edit…", self.edit_selected, "edit",
            QKeySequence(Qt.Key.Key_F2 | Qt.KeyboardModifier.ShiftModifier),
            "Edit the selected attendee in a dialog (Shift+F2)", edits=True)
        self.remove_action = self.add_action(
            "Remove", self.remove_selected, "remove",
            QKeySequence(QKeySequence.StandardKey.Delete), "Remove the selected attendees (Delete)")
        self.here_action = self.add_action(
            "Here today", self.toggle_here, "here", QKeySequence(Qt.Key.Key_Space),
            "Check the selected attendees in as here on the selected day, or take it back "
            "(Space)")
        self.merge_action = self.add_action(
            "Merge with…", self.merge_selected, "merge", None,
            "The same person as someone else in the journal: merge them", toolbar=False)
        self.add_move_actions()
        self.add_context_menu(self.table, self.edit_action, self.remove_action, None,
                              self.move_up_action, self.move_down_action, None,
                              self.merge_action)

    # -- panel contract ---------------------------------------------------------------------
    def sprint_changed(self) -> None:
        self.model.set_sprint(self.sprint_id)
        self._refresh_summary()

    def day_changed(self) -> None:
        self.model.set_day(self.day)
        self._refresh_summary()

    def select_item(self, item_id: int) -> None:
        self._select_row(self.model.row_of(item_id))

    def select_person(self, person_id: int) -> None:
        rows = [n for n, r in enumerate(self.model.records()) if r.person.id == person_id]
        self._select_row(rows[0] if rows else -1)

    def _select_row(self, row: int) -> None:
        if row < 0:
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def locate(self, item_id: int) -> tuple[QAbstractItemView, QModelIndex] | None:
        row = self.model.row_of(item_id)
        return None if row < 0 else (self.table, self.model.index(row, 0))

    def describe(self, record: AttendeeRec) -> str:
        return record.person.name

    def removed_from(self, records: Sequence[AttendeeRec]) -> str:
        return "from the attendees"

    def selected_records(self) -> list[AttendeeRec]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.record(r) for r in rows]

    # -- summary ----------------------------------------------------------------------------
    def _refresh_summary(self, *_args: object) -> None:
        everyone = self.model.records()
        days = self.sprint.days() if self.sprint else []
        self.timeline.set_data(everyone, days)
        self.timeline.set_day(self.day)
        present = [a for a in everyone
                   if self.day and (a.present_on(self.day) or self.day in a.checked_in)]
        self.here_today.show_day(self.day, present, everyone)
        if self.sprint_id is None:
            self.show_content(self.content, NO_SPRINT_HINT)
        else:
            self.show_content(self.content, None if everyone else EMPTY_HINT)
        self.remove_action.setEnabled(bool(everyone))
        self.edit_action.setEnabled(bool(everyone))
        self.add_action_.setEnabled(self.sprint_id is not None)
        self.here_action.setEnabled(bool(everyone) and self.day is not None)

    # -- mutations --------------------------------------------------------------------------
    def add_attendee(self) -> None:
        if self.sprint is None:
            return
        known = [p.name for p in self.store.read(self.store.list_people)]
        from ..dialogs.attendee_dialog import AttendeeDialog  # loads when first used

        answer = AttendeeDialog.ask(self, self.sprint, known)
        if answer is not None:
            self.add_answer(answer)

    def add_answer(self, answer: "AttendeeAnswer") -> None:
        """Add the attendee described by a dialog answer, as one undoable step."""
        sprint_id = self.sprint_id
        if sprint_id is None:
            return
        try:
            change = push_add(
                self.undo_stack, f"Add attendee {answer.name}",
                lambda: self.store.add_attendee(sprint_id, answer.name, initiator=self,
                                                **answer.fields),
                lambda item_id: self.store.remove_attendee(item_id, initiator=self))
        except JournalError:
            return  # the store has announced the reason
        self.select_item(change.id)

    def edit_selected(self) -> None:
        records = self.selected_records()
        if not records or self.sprint is None:
            return
        rec = records[0]
        from ..dialogs.attendee_dialog import AttendeeDialog

        answer = AttendeeDialog.ask(self, self.sprint, [], rec, read_only=self.read_only)
        if answer is None:
            return
        fields = dict(answer.fields)
        if answer.name != rec.person.name:
            fields["name"] = answer.name
        self._commit_edit(rec, fields)

    def toggle_here(self) -> None:
        """Space: checked in as here on the selected day (all selected rows follow the first)."""
        records, day = self.selected_records(), self.day
        if not records or day is None:
            return
        here = day not in records[0].checked_in
        macro = len(records) > 1
        if macro:
            self.undo_stack.beginMacro(f"Check in {len(records)} attendees")
        try:
            for rec in records:
                self._set_here(rec, here)
        finally:
            if macro:
                self.undo_stack.endMacro()
        self.select_item(records[0].id)

    def _set_here(self, rec: AttendeeRec, here: bool) -> None:
        day = self.day
        if day is None or (day in rec.checked_in) == here:
            return
        verb = "Check in" if here else "Undo check-in of"
        with contextlib.suppress(JournalError):
            push_edit(self.undo_stack, f"{verb} {rec.person.name}",
                      lambda _s: self.store.set_checked_in(rec.id, day, here, initiator=self),
                      lambda _s: self.store.set_checked_in(rec.id, day, not here, initiator=self))

    def merge_selected(self) -> None:
        """Fold the selected attendee's person into another (their name stays as an alias)."""
        from sprintjournal.review import similar_people

        from ..commands.review_commands import merge_step
        from .review import ask_person, confirm_merge

        records = self.selected_records()
        if not records:
            return
        person = records[0].person
        people = self.store.read(self.store.list_people)
        similar = [(p.id, p.name) for p in similar_people(people, person.name, exclude=person.id)]
        keep = ask_person(self, self.store, person.name, person.id, similar)
        if keep is None or not confirm_merge(self, person.name, keep[1]):
            return
        try:
            merge_step(self.store, self.undo_stack, person.name, keep, person.id, initiator=self)
        except JournalError:
            return
        self.select_person(keep[0])

    def remove_selected(self) -> None:
        self.remove_each(self.selected_records(), self._remove)

    def _remove(self, rec: AttendeeRec) -> bool:
        """Remove one attendee (the person, their stand-up items and branches stay); undo
        re-adds them with every field, check-ins too."""
        fields, name = snapshot(rec), rec.person.name

        def restore() -> Change:
            change = self.store.add_attendee(rec.sprint_id, name, **fields, initiator=self)
            for day in rec.checked_in:
                self.store.set_checked_in(change.id, day, True, initiator=self)
            return change

        try:
            push_remove(
                self.undo_stack, f"Remove attendee {name}", rec.id,
                lambda item_id: self.store.remove_attendee(item_id, initiator=self),
                restore, self.order_ids(rec), self.put_back)
        except JournalError:
            return False
        return True

    def _commit_edit(self, rec: AttendeeRec, fields: dict[str, Any]) -> None:
        """Inline or dialog edit: the person's name and the attendance fields, undoable."""
        fields = dict(fields)
        if "here" in fields:  # the Here box clicked: the same step as Space
            self._set_here(rec, bool(fields.pop("here")))
            if not fields:
                return
        new_name = fields.pop("name", None)
        changed = {k: v for k, v in fields.items() if v != _current(rec, k)}
        steps: list[tuple[Any, int, dict[str, Any], dict[str, Any]]] = []
        if new_name:
            steps.append((self.store.update_person, rec.person.id, {"name": rec.person.name},
                          {"name": new_name}))
        if changed:
            steps.append((self.store.update_attendee, rec.id,
                          {k: _current(rec, k) for k in changed}, changed))
        macro = len(steps) > 1
        if macro:
            self.undo_stack.beginMacro(f"Edit attendee {rec.person.name}")
        try:
            for op, item_id, old, new in steps:
                push_update(self.undo_stack, f"Edit attendee {rec.person.name}",
                            lambda i, _op=op, **f: _op(i, **f, initiator=self), item_id, old, new)
        except JournalError:
            pass  # announced by the store; the row shows the saved value again
        finally:
            if macro:
                self.undo_stack.endMacro()


class _TableFirstSplitter(QSplitter):
    """Gives the table three fifths of the height when first shown (size hints would favour
    the timeline, leaving a short dock with one visible attendee); later drags are the user's."""

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self._placed = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._placed and self.height() > 0:
            self._placed = True
            self.setSizes([self.height() * 3 // 5, self.height() * 2 // 5])


class _SideBySide(QWidget):
    """"Here today" beside the timeline, or above it when the dock is too narrow for both."""

    NARROW = 640

    def __init__(self, first: QWidget, second: QWidget) -> None:
        super().__init__()
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(4, 4, 4, 4)
        self._box.addWidget(first, 0, Qt.AlignmentFlag.AlignTop)
        self._box.addWidget(second, 1, Qt.AlignmentFlag.AlignTop)

    def resizeEvent(self, event: QResizeEvent) -> None:
        narrow = event.size().width() < self.NARROW
        direction = (QBoxLayout.Direction.TopToBottom if narrow
                     else QBoxLayout.Direction.LeftToRight)
        if self._box.direction() != direction:
            self._box.setDirection(direction)
        super().resizeEvent(event)


def _current(rec: AttendeeRec, key: str) -> Any:
    return rec.newcomer_override if key == "newcomer" else getattr(rec, key)
