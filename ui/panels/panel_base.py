"""What every data panel shares: the panel contract, an empty-state hint, actions, flushing.

The contract (shared with the main window): `XPanel(store, undo_stack, parent)`, slots
`set_sprint(sprint_id)` and `set_day(day)`, `select_item(item_id)`, `flush()`,
`set_read_only(readonly)`, and a hint that says what to do next whenever the panel has nothing
to show. Read-only is handled here once (see `ui.read_only`): actions made with `add_action`
need a writable journal unless made with `writes=False`; editors, inline edits and drops follow.
"""

import contextlib
from collections.abc import Callable, Sequence
from datetime import date
from typing import Generic

from PySide6.QtCore import (
    QAbstractProxyModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeySequence, QPalette, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sprintjournal.changes import Change, Ordered
from sprintjournal.errors import JournalError
from sprintjournal.records import SprintRec

from ..commands.edit_commands import push_edit
from ..commands.row_order import moved
from ..models.record_model import R, RecordTableModel
from ..read_only import (
    REASON,
    VIEW_TEXT,
    WriteActions,
    edit_or_view,
    refuse_drops,
    set_editor_read_only,
    text_editors,
)
from ..store import JournalStore
from ..widgets.glyph_icons import recolour, set_glyph
from .row_steps import (
    BULK_ROWS,
    RowPlace,
    StepFollower,
    Way,
    confirm_bulk,
    removed_message,
    shown_ids,
    step_message,
)

NO_SPRINT_HINT = (
    "No sprint selected — choose one in the sprint switcher, or create one (Sprint ▸ New)."
)


class EmptyHint(QLabel):
    """A centred, wrapped, quiet sentence saying what to do next."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMargin(24)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setAccessibleName("Hint")
        # focusable, so the panel's shortcuts (Insert, Ctrl+V) work while only the hint shows
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)



class DataPanel(QWidget):
    """Base of the panels that follow the sprint and day: the record lists (`RecordPanel`), the
    Report and the Needs Review list.

    `day_requested(date)` asks the main window to select a day for every panel (a click on
    the timeline, a search hit on another day's stand-up); the panel has already followed it.
    """

    day_requested = Signal(date)
    sprint_requested = Signal(int)
    """Asks the main window to show a sprint in every panel (an undo that brings back a row of
    a sprint the window has left): the window switches before this signal returns."""
    message_shown = Signal(str)  # a result for the status bar too ("3 items carried over")
    view_text = VIEW_TEXT
    """What its Edit… action is called in a read-only journal, which opens the dialog to read."""

    def __init__(self, store: JournalStore, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self.sprint_id: int | None = None
        self.sprint: SprintRec | None = None
        self.day: date | None = None
        self.read_only = False
        self.write_actions = WriteActions(self)
        self._hint_text = ""
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._kept_texts: list[QAction] = []
        self._edit_actions: list[QAction] = []
        self._bar_widths: tuple[int, int] | None = None  # all texts; only the kept ones
        self.hint = EmptyHint()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.hint)
        self.body_layout = QVBoxLayout(self)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(0)
        self.body_layout.addWidget(self.toolbar)
        self.body_layout.addWidget(self.pages, 1)
        store.sprints_changed.connect(self._on_sprints_changed)

    def changeEvent(self, event: QEvent) -> None:
        """A theme switch: the toolbar's glyphs were drawn in the old text colour."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            recolour(self)

    def add_action(self, text: str, slot: Callable[[], object], icon: str,
                   shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
                   tip: str = "", *, toolbar: bool = True, keep_text: bool = False,
                   writes: bool = True, edits: bool = False) -> QAction:
        """A (toolbar) action whose shortcut works while focus is anywhere inside the panel.

        `icon` names a glyph of `ui.widgets.glyph_icons`. With `keep_text`, the button keeps
        its text beside the icon when a narrower dock leaves the others icons only (the
        panel's main actions, named by its hints, stay findable by name). `writes`: it needs a
        writable journal, so it is disabled (saying why) while the journal is read-only; only
        actions that read (view, export, copy, open elsewhere) say False. `edits`: it opens
        the selected record's dialog, which a read-only journal opens to read: the action
        stays enabled there, as View… (`read_only.edit_or_view`).
        """
        action = QAction(text, self)
        set_glyph(action, self, icon)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(tip or text)
        action.triggered.connect(lambda _checked=False: slot())
        if toolbar:
            self.toolbar.addAction(action)
            if keep_text:
                self._kept_texts.append(action)
        self.addAction(action)
        if edits:
            self._edit_actions.append(action)
        elif writes:
            self.write_actions.add(action)
        return action

    def set_read_only(self, readonly: bool) -> None:
        """Follow the journal: while it is read-only nothing here invites a change that would
        fail. Subclasses with more to do extend `read_only_changed`. Nothing to do when the
        state is unchanged: every writable journal's start-up asks, and the walk over the
        panel's views and editors was work for nothing there."""
        if readonly == self.read_only:
            return
        self.read_only = readonly
        self.write_actions.set_read_only(readonly)
        for action in self._edit_actions:
            edit_or_view(action, readonly, self.view_text)
        for editor in text_editors(self):
            set_editor_read_only(editor, readonly)
        for view in self.findChildren(QAbstractItemView):
            refuse_drops(view, readonly)  # a row or file dropped there writes too
            model = view.model()
            while isinstance(model, QAbstractProxyModel):
                model = model.sourceModel()
            if isinstance(model, RecordTableModel):
                model.set_read_only(readonly)
                view.viewport().update()
        refuse_drops(self, readonly)
        self._show_hint()
        self.read_only_changed()

    def read_only_changed(self) -> None:
        """Subclasses: what else follows `self.read_only`."""

    def add_context_menu(self, view: QWidget, *actions: QAction | None) -> None:
        """Right-click on `view` offers `actions` (None draws a separator)."""
        for action in actions:
            if action is None:
                action = QAction(view)
                action.setSeparator(True)
            view.addAction(action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Drop the button texts (tooltips keep them) when a narrow dock would hide buttons:
        first those of the lesser actions, then, narrower still, the kept ones too."""
        super().resizeEvent(event)
        if self._bar_widths is None:
            self._bar_widths = (self._bar_width(2), self._bar_width(1))
        width = event.size().width()
        self._show_texts(2 if width >= self._bar_widths[0] else
                         1 if width >= self._bar_widths[1] else 0)

    def _bar_width(self, texts: int) -> int:
        self._show_texts(texts)
        layout = self.toolbar.layout()
        if layout is not None:  # else it answers with the size before the change
            layout.invalidate()
        return self.toolbar.sizeHint().width()

    def _show_texts(self, texts: int) -> None:
        """2: every button's text; 1: the `keep_text` ones'; 0: icons only."""
        beside, icon = (Qt.ToolButtonStyle.ToolButtonTextBesideIcon,
                        Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.toolbar.setToolButtonStyle(beside if texts == 2 else icon)
        for action in self._kept_texts:
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(beside if texts >= 1 else icon)

    def show_message(self, text: str) -> None:
        """A result where the user looks: the panel's message line (if it has one) and,
        through the window, the status bar."""
        label = getattr(self, "message", None)
        if isinstance(label, QLabel):
            label.setText(text)
            label.setVisible(bool(text))
        self.message_shown.emit(text)

    def show_content(self, content: QWidget, hint: str | None) -> None:
        """Show `content`, or the hint page when `hint` is given."""
        if hint is None:
            self.pages.setCurrentWidget(content)
        else:
            self._hint_text = hint
            self._show_hint()
            self.pages.setCurrentWidget(self.hint)

    def _show_hint(self) -> None:
        """The hint; in a read-only journal, with why its "press Insert" will not work."""
        hint = self._hint_text
        self.hint.setText(f"{hint}\n\n{REASON}" if hint and self.read_only else hint)

    @Slot(object)
    def set_sprint(self, sprint_id: int | None) -> None:
        self.flush()
        self.sprint_id = sprint_id
        self.sprint = None if sprint_id is None else self.store.read(
            self.store.get_sprint, sprint_id)
        self.sprint_changed()

    @Slot(object)
    def set_day(self, day: date | None) -> None:
        self.flush()
        self.day = day
        self.day_changed()

    def request_day(self, day: date) -> None:
        """Follow `day` here and ask the window to make it the day of every panel."""
        self.set_day(day)
        self.day_requested.emit(day)

    def sprint_changed(self) -> None:
        """Subclasses reload for `self.sprint_id`."""

    def day_changed(self) -> None:
        """Subclasses follow `self.day`."""

    def _on_sprints_changed(self, change: object, _initiator: object = None) -> None:
        """Sprint dates or title edited elsewhere: refresh what depends on them."""
        sprint_id = getattr(change, "sprint_id", None)
        if self.sprint_id is None or sprint_id not in (None, self.sprint_id):
            return
        if getattr(change, "op", "") == "removed":
            self.set_sprint(None)
        else:
            self.set_sprint(self.sprint_id)

    def select_item(self, item_id: int) -> None:
        """Subclasses select and show the row of `item_id` (used by search)."""

    def flush(self) -> None:
        """Write any inline edit still open in this panel's views."""
        for view in self.findChildren(QAbstractItemView):
            current = view.currentIndex()
            editor = view.indexWidget(current) if current.isValid() else None
            if editor is not None and view.state() == QAbstractItemView.State.EditingState:
                view.commitData(editor)
                view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)


class RecordPanel(DataPanel, Generic[R]):
    """Base of the Attendees, Branches, Stand-up and Photos panels: rows of one kind of record,
    selected, moved (Alt+Up/Down) and removed as undo steps."""

    order_entity: Ordered | None = None
    """What Move Up/Down and undone removals reorder; None: rows have no order to change."""
    model: RecordTableModel[R]
    """The panel's item model, in panels with a single one."""
    plural = "rows"
    """What several of its records are called: "Removed 3 attendees"."""

    def __init__(self, store: JournalStore, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(store, undo_stack, parent)
        self.confirm_bulk: Callable[[int, str], bool] = (
            lambda count, noun: confirm_bulk(self, count, noun))
        self.step_follower = StepFollower(self)

    def add_move_actions(self, up: str = "Move Up", down: str = "Move Down") -> None:
        """Alt+Up and Alt+Down move the selected row within its list, each one undo step."""
        alt = Qt.KeyboardModifier.AltModifier
        self.move_up_action = self.add_action(
            up, lambda: self.move_selected(-1), "up", QKeySequence(alt | Qt.Key.Key_Up),
            f"{up} (Alt+Up)", toolbar=False)
        self.move_down_action = self.add_action(
            down, lambda: self.move_selected(1), "down", QKeySequence(alt | Qt.Key.Key_Down),
            f"{down} (Alt+Down)", toolbar=False)

    def order_ids(self, record: R) -> list[int]:
        """The ids of the whole list holding `record`, in order (one model's rows by default)."""
        return [rec.id for rec in self.model.records()]

    def visible_ids(self, record: R) -> list[int]:
        """The ids of that list the user sees (a filter may hide some)."""
        return self.order_ids(record)

    def move_selected(self, step: int) -> None:
        if self._editing():
            return
        records = self.selected_records()
        entity = self.order_entity
        if entity is None or len(records) != 1:
            return
        item = records[0].id
        order = self.order_ids(records[0])
        new = moved(order, self.visible_ids(records[0]), item, step)
        if new is None:
            return

        def put(ids: list[int]) -> Callable[[dict[str, object]], Change]:
            def step_(_state: dict[str, object]) -> Change:
                change = self.store.reorder(entity, ids)
                self.select_item(item)
                return change
            return step_

        text = f"Move {self.describe(records[0])} {'up' if step < 0 else 'down'}"
        with contextlib.suppress(JournalError):  # the store has told the user why
            push_edit(self.undo_stack, text, put(new), put(order))

    def _editing(self) -> bool:
        """An inline editor is open: Alt+Up/Down belong to it (a combo box opens its list);
        moving the row under it would commit into the wrong row."""
        if not any(view.state() == QAbstractItemView.State.EditingState
                   for view in self.findChildren(QAbstractItemView)):
            return False
        focus = QApplication.focusWidget()
        if isinstance(focus, QComboBox):
            focus.showPopup()
        return True

    def describe(self, record: R) -> str:
        """How an undo step names `record` ("Move branch stm up")."""
        return str(getattr(record, "name", "") or getattr(record, "text", "") or "item")

    def put_back(self, ids: list[int]) -> None:
        """After an undone removal: the item back where it stood, if the list is unchanged."""
        if self.order_entity is not None:  # if the list changed since, the item stays last
            self.store.reorder_unless_changed(self.order_entity, ids)

    def selected_records(self) -> list[R]:
        """Subclasses: the records of the selected rows."""
        return []

    def locate(self, item_id: int) -> tuple[QAbstractItemView, QModelIndex] | None:
        """Subclasses: the view and index showing `item_id` now, if it is shown."""
        return None

    def select_items(self, ids: Sequence[int]) -> None:
        """Select and show the rows of `ids` (the first as `select_item` does: its day, past a
        filter), the others added to the selection."""
        if not ids:
            return
        self.select_item(ids[0])
        for item_id in ids[1:]:
            found = self.locate(item_id)
            if found is not None:
                view, index = found
                view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select
                                             | QItemSelectionModel.SelectionFlag.Rows)

    # -- removing and taking steps back -----------------------------------------------------
    def removed_from(self, records: Sequence[R]) -> str:
        """"from the attendees", or "" where `describe` already says what the list is."""
        return ""

    def removal_effects(self, records: Sequence[R]) -> str:
        """What else a removal changes, said in the status bar ("" when nothing)."""
        return ""

    def remove_each(self, records: Sequence[R], remove: Callable[[R], bool]) -> None:
        """Remove the selected rows as one undo step, and say in the status bar what went and
        how to undo it. `remove` pushes one row's removal; False when the journal refused it
        (the store has said why). Many rows at once are confirmed first (`BULK_ROWS`)."""
        if not records or (len(records) >= BULK_ROWS
                           and not self.confirm_bulk(len(records), self.plural)):
            return
        names = [self.describe(rec) for rec in records]
        where, effects = self.removed_from(records), self.removal_effects(records)
        place = self.locate(records[0].id)
        macro = len(records) > 1
        if macro:
            self.undo_stack.beginMacro(f"Remove {len(records)} {self.plural}")
        try:
            gone = [name for rec, name in zip(records, names, strict=True) if remove(rec)]
        finally:
            if macro:
                self.undo_stack.endMacro()
        if macro and not gone:  # every row refused: no empty "Remove 3 rows" left to undo
            self.undo_stack.command(self.undo_stack.index() - 1).setObsolete(True)
            self.undo_stack.undo()  # an obsolete current step is dropped by undo()
        if gone:  # the status bar only: a panel's message line would outlive an undo
            self.message_shown.emit(removed_message(gone, self.plural, where, effects))
            if place is not None:
                _select_row_at(place[0], place[1].row())

    def show_step(self, changes: Sequence[Change], way: Way, text: str,
                  removed_at: RowPlace | None = None) -> None:
        """After Ctrl+Z or Ctrl+Shift+Z took one of this panel's steps: its rows selected and
        in view (the dock brought to the front), and the step named in the status bar. A step
        that only removed rows selects the row now in the first one's place, as a Delete does
        (`removed_at`, from the `StepFollower`)."""
        ids = shown_ids(changes, self.order_entity or "")
        sprint = next((c.sprint_id for c in changes if c.sprint_id is not None), None)
        if ids and sprint is not None and sprint != self.sprint_id:
            self.sprint_requested.emit(sprint)  # the user moved on: back to where the rows are
        if ids:
            self.select_items(ids)
        elif removed_at is not None:
            _select_row_at(*removed_at)
        if ids or removed_at is not None:
            dock = self.parentWidget()
            if isinstance(dock, QDockWidget) and not dock.isHidden():
                dock.raise_()
        self.message_shown.emit(step_message(way, text))


def _select_row_at(view: QAbstractItemView, row: int) -> None:
    """After a removal, the row now where the first removed one was (or the new last row) is
    selected: the user keeps their place, and arrows and Delete go on from there. (The lists
    are flat; the index found before the removal is not used again, only its row.)"""
    model = view.model()
    count = model.rowCount()
    if count == 0:
        return
    view.selectionModel().setCurrentIndex(
        model.index(min(row, count - 1), 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
