"""DataPanel, what every data panel shares: the contract slots, the hint page, panel-wide
shortcuts, following sprint edits, messages, several removals as one undo step, flushing an
open inline edit, and toolbar texts dropped in a narrow dock. Driven through a small panel made
on it here, over the real store and journal."""

from dataclasses import dataclass
from datetime import date

from factories import OFFSCREEN_NOISE
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QIcon, QKeySequence, QPalette, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shell_data import show_active
from sprintjournal_ui.panels.panel_base import NO_SPRINT_HINT, DataPanel, EmptyHint, RecordPanel
from sprintjournal_ui.panels.row_steps import BULK_ROWS
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.theme import apply_palette, dark_palette, light_palette

from sprintjournal.journal import Journal

pytestmark = OFFSCREEN_NOISE


class ListPanel(DataPanel):
    """A list of names, a message line and an Insert action: the least a data panel has."""

    def __init__(self, store: JournalStore, undo_stack: QUndoStack) -> None:
        super().__init__(store, undo_stack)
        self.names = QStringListModel(["stm", "ffistruct"])
        self.view = QListView()
        self.view.setModel(self.names)
        self.field = QLineEdit()
        content = QWidget()
        self.pages.addWidget(content)
        self.view.setParent(content)
        self.field.setParent(content)
        self.content = content
        self.message = QLabel()
        self.body_layout.addWidget(self.message)
        self.calls: list[object] = []
        self.add_action("Add Item", lambda: self.calls.append("add"), "add",
                        QKeySequence(Qt.Key.Key_Insert), "Add an item (Insert)")
        self.quiet = self.add_action("Hidden", lambda: None, "edit", toolbar=False)

    def sprint_changed(self) -> None:
        self.calls.append(("sprint", self.sprint_id, self.sprint.title if self.sprint else None))
        self.show_content(self.content, None if self.sprint_id else NO_SPRINT_HINT)

    def day_changed(self) -> None:
        self.calls.append(("day", self.day))


def panel(qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack) -> ListPanel:
    made = ListPanel(store, undo_stack)
    qtbot.addWidget(made)
    made.resize(700, 400)
    show_active(qtbot, made)
    return made


def test_with_no_sprint_the_hint_says_what_to_do(qtbot: QtBot, store: JournalStore,
                                                 undo_stack: QUndoStack, journal: Journal) -> None:
    shown = panel(qtbot, store, undo_stack)
    shown.set_sprint(None)
    assert shown.pages.currentWidget() is shown.hint
    assert isinstance(shown.hint, EmptyHint) and shown.hint.text() == NO_SPRINT_HINT
    assert shown.hint.focusPolicy() == Qt.FocusPolicy.StrongFocus  # shortcuts work on it
    sprint = journal.add_sprint("Gothenburg 2011", start=date(2011, 11, 2)).id
    shown.set_sprint(sprint)
    assert shown.pages.currentWidget() is shown.content
    assert shown.calls == [("sprint", None, None), ("sprint", sprint, "Gothenburg 2011")]


def test_a_chosen_day_is_followed_and_asked_of_the_window(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack) -> None:
    shown = panel(qtbot, store, undo_stack)
    shown.set_day(date(2011, 11, 3))
    with qtbot.waitSignal(shown.day_requested) as asked:
        shown.request_day(date(2011, 11, 4))
    assert asked.args == [date(2011, 11, 4)] and shown.day == date(2011, 11, 4)
    assert shown.calls == [("day", date(2011, 11, 3)), ("day", date(2011, 11, 4))]


def test_an_action_works_from_anywhere_inside_the_panel(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack) -> None:
    shown = panel(qtbot, store, undo_stack)
    shown.set_sprint(None)
    shown.hint.setFocus()
    qtbot.keyClick(shown.hint, Qt.Key.Key_Insert)
    add = shown.toolbar.actions()[0]
    assert add.text() == "Add Item" and add.toolTip() == "Add an item (Insert)"
    assert shown.quiet not in shown.toolbar.actions() and shown.quiet in shown.actions()
    outside = QLineEdit()
    qtbot.addWidget(outside)
    show_active(qtbot, outside)
    qtbot.keyClick(outside, Qt.Key.Key_Insert)  # another window: not this panel's key
    assert shown.calls.count("add") == 1


def test_the_panel_follows_edits_of_its_sprint_and_its_removal(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack) -> None:
    mine = store.add_sprint("Gothenburg 2011", start=date(2011, 11, 2)).ids[0]
    other = store.add_sprint("Leysin 2012", start=date(2012, 1, 15)).ids[0]
    shown = panel(qtbot, store, undo_stack)
    shown.set_sprint(mine)
    shown.calls.clear()
    store.update_sprint(other, title="Leysin 2012 (winter)")
    assert shown.calls == []  # not this panel's sprint
    store.update_sprint(mine, title="Gothenburg, November 2011")
    assert shown.sprint is not None and shown.sprint.title == "Gothenburg, November 2011"
    store.remove_sprint(mine)
    assert shown.sprint_id is None and shown.pages.currentWidget() is shown.hint


def test_a_message_shows_in_the_panel_and_goes_to_the_window(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack) -> None:
    shown = panel(qtbot, store, undo_stack)
    with qtbot.waitSignal(shown.message_shown) as sent:
        shown.show_message("3 items carried over")
    assert sent.args == ["3 items carried over"]
    assert shown.message.text() == "3 items carried over" and shown.message.isVisible()
    shown.show_message("")
    assert not shown.message.isVisible()


class Remove(QUndoCommand):
    def __init__(self, names: list[str], name: str) -> None:
        super().__init__(f"Remove {name}")
        self.names, self.name = names, name

    def redo(self) -> None:
        self.names.remove(self.name)

    def undo(self) -> None:
        self.names.append(self.name)


@dataclass(frozen=True)
class Named:
    id: int
    name: str


class NamesPanel(RecordPanel[Named]):
    """Rows that are only names; removals go on the real undo stack."""

    plural = "branches"


def test_several_removals_are_one_undo_step_and_said(qtbot: QtBot, store: JournalStore,
                                                     undo_stack: QUndoStack) -> None:
    shown = NamesPanel(store, undo_stack)
    qtbot.addWidget(shown)
    names = ["stm", "ffistruct", "win64"]
    said: list[str] = []
    shown.message_shown.connect(said.append)

    def remove(rec: Named) -> bool:
        undo_stack.push(Remove(names, rec.name))
        return True

    shown.remove_each([Named(1, "stm"), Named(3, "win64")], remove)
    assert names == ["ffistruct"] and undo_stack.count() == 1
    assert undo_stack.undoText() == "Remove 2 branches"
    assert said == ["Removed 2 branches (stm, win64) — Ctrl+Z to undo"]
    shown.remove_each([Named(2, "ffistruct")], remove)
    assert undo_stack.undoText() == "Remove ffistruct" and undo_stack.count() == 2
    assert said[-1] == "Removed ffistruct — Ctrl+Z to undo"
    undo_stack.undo()
    undo_stack.undo()
    assert sorted(names) == ["ffistruct", "stm", "win64"]


def test_a_refused_removal_is_not_announced(qtbot: QtBot, store: JournalStore,
                                            undo_stack: QUndoStack) -> None:
    shown = NamesPanel(store, undo_stack)
    qtbot.addWidget(shown)
    said: list[str] = []
    shown.message_shown.connect(said.append)
    shown.remove_each([Named(1, "stm")], lambda _rec: False)
    assert said == [] and undo_stack.count() == 0


def test_many_rows_at_once_are_confirmed_first(qtbot: QtBot, store: JournalStore,
                                               undo_stack: QUndoStack) -> None:
    shown = NamesPanel(store, undo_stack)
    qtbot.addWidget(shown)
    names = [f"b{n}" for n in range(BULK_ROWS)]
    asked: list[tuple[int, str]] = []
    answer = [False]

    def confirm(count: int, noun: str) -> bool:
        asked.append((count, noun))
        return answer[0]

    shown.confirm_bulk = confirm

    def remove(rec: Named) -> bool:
        undo_stack.push(Remove(names, rec.name))
        return True

    few = [Named(n, name) for n, name in enumerate(names)]
    shown.remove_each(few[:BULK_ROWS - 1], lambda _rec: False)
    assert asked == []  # a few rows: no question, undo is enough
    shown.remove_each(few, remove)
    assert asked == [(BULK_ROWS, "branches")] and len(names) == BULK_ROWS  # kept
    answer[0] = True
    shown.remove_each(few, remove)
    assert names == [] and undo_stack.count() == 1


def test_flush_writes_an_inline_edit_still_open(qtbot: QtBot, store: JournalStore,
                                                undo_stack: QUndoStack) -> None:
    shown = panel(qtbot, store, undo_stack)
    shown.set_sprint(None)
    shown.pages.setCurrentWidget(shown.content)
    index = shown.names.index(1)
    shown.view.setCurrentIndex(index)
    shown.view.edit(index)
    assert shown.view.state() == QAbstractItemView.State.EditingState
    editor = shown.view.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "ffistruct-2")
    shown.flush()
    assert shown.names.stringList() == ["stm", "ffistruct-2"]
    assert shown.view.state() != QAbstractItemView.State.EditingState


def test_a_narrow_panel_keeps_its_buttons_as_icons(qtbot: QtBot, store: JournalStore,
                                                   undo_stack: QUndoStack) -> None:
    shown = panel(qtbot, store, undo_stack)
    assert shown.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    shown.setMinimumSize(1, 1)  # as narrow as a dock may make it
    shown.resize(60, 400)
    qtbot.waitUntil(lambda: shown.toolbar.toolButtonStyle()
                    == Qt.ToolButtonStyle.ToolButtonIconOnly)
    shown.resize(700, 400)
    qtbot.waitUntil(lambda: shown.toolbar.toolButtonStyle()
                    == Qt.ToolButtonStyle.ToolButtonTextBesideIcon)


def test_an_undo_step_names_the_record(qtbot: QtBot, store: JournalStore,
                                       undo_stack: QUndoStack, journal: Journal,
                                       panel_sprint: int) -> None:
    shown = RecordPanel(store, undo_stack)  # a list of records names its rows
    qtbot.addWidget(shown)
    branch = journal.list_branches(panel_sprint)[2]
    journal.add_standup_item(panel_sprint, date(2011, 11, 3), "today", "sprint report")
    [item] = journal.list_standup(panel_sprint, date(2011, 11, 3))
    assert shown.describe(branch) == "stm"
    assert shown.describe(item) == "sprint report"
    assert shown.describe(object()) == "item"


def test_a_theme_switch_redraws_the_toolbar_glyphs(qtbot: QtBot, store: JournalStore,
                                                   undo_stack: QUndoStack,
                                                   app: QApplication) -> None:
    """Drawn in the light theme's black, the glyphs all but vanished on the dark background."""
    apply_palette(app, False)
    made = panel(qtbot, store, undo_stack)
    action = made.toolbar.actions()[0]
    assert ink(action.icon()) == light_palette().color(QPalette.ColorRole.ButtonText).rgb()
    apply_palette(app, True)
    qtbot.waitUntil(lambda: ink(action.icon()) == dark_palette().color(
        QPalette.ColorRole.ButtonText).rgb(), timeout=3000)
    apply_palette(app, False)


def ink(icon: QIcon) -> int:
    """The colour of the glyph's most opaque pixel (the theme has no icon offscreen)."""
    image = icon.pixmap(24, 24).toImage()
    pixels = [image.pixelColor(x, y) for x in range(24) for y in range(24)]
    return max(pixels, key=lambda c: c.alpha()).rgb()


class TwoActionPanel(DataPanel):
    """A main action that keeps its text, and a lesser one that gives it up first."""

    def __init__(self, store: JournalStore, undo_stack: QUndoStack) -> None:
        super().__init__(store, undo_stack)
        self.main = self.add_action("Generate the whole draft", lambda: None, "generate",
                                    keep_text=True)
        self.lesser = self.add_action("Choose a template for it", lambda: None, "template")

    def styles(self) -> tuple[Qt.ToolButtonStyle, Qt.ToolButtonStyle]:
        main, lesser = (self.toolbar.widgetForAction(a) for a in (self.main, self.lesser))
        assert isinstance(main, QToolButton) and isinstance(lesser, QToolButton)
        return main.toolButtonStyle(), lesser.toolButtonStyle()


def test_a_main_action_keeps_its_text_longest(qtbot: QtBot, store: JournalStore,
                                              undo_stack: QUndoStack) -> None:
    beside = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    icon = Qt.ToolButtonStyle.ToolButtonIconOnly
    shown = TwoActionPanel(store, undo_stack)
    qtbot.addWidget(shown)
    shown.setMinimumSize(1, 1)
    shown.resize(800, 300)
    show_active(qtbot, shown)
    qtbot.waitUntil(lambda: shown.styles() == (beside, beside))
    main = shown.toolbar.widgetForAction(shown.main)
    assert main is not None
    shown.resize(main.sizeHint().width() + 80, 300)  # room for one text and one icon
    qtbot.waitUntil(lambda: shown.styles() == (beside, icon))
    assert main.isVisible()
    shown.resize(60, 300)
    qtbot.waitUntil(lambda: shown.styles() == (icon, icon))
    shown.resize(800, 300)
    qtbot.waitUntil(lambda: shown.styles() == (beside, beside))


def test_a_panel_gets_read_only_for_free(qtbot: QtBot, store: JournalStore,
                                         undo_stack: QUndoStack) -> None:
    """Nothing in ListPanel knows about read-only: its actions write unless made with
    `writes=False`, and while read-only they stay disabled (even when the panel enables them
    again itself), their shortcut does nothing, and their tooltip says why; its editor keeps its
    text and says why instead of its placeholder; then everything comes back as it was."""
    shown = panel(qtbot, store, undo_stack)
    shown.set_sprint(None)
    shown.field.setText("ffi")
    shown.field.setPlaceholderText("Name of the branch")
    reader = shown.add_action("Show", lambda: shown.calls.append("show"), "view", writes=False)
    add = shown.toolbar.actions()[0]
    shown.set_read_only(True)
    assert not add.isEnabled() and not shown.quiet.isEnabled() and reader.isEnabled()
    add.setEnabled(True)  # the panel's own refresh, unaware: the journal still wins
    assert not add.isEnabled()
    assert add.toolTip().startswith("Add an item (Insert)\nThis journal is open read-only")
    shown.hint.setFocus()
    qtbot.keyClick(shown.hint, Qt.Key.Key_Insert)
    assert "add" not in shown.calls
    assert shown.field.isReadOnly() and shown.field.text() == "ffi"
    assert "open read-only" in shown.field.placeholderText()
    shown.set_read_only(False)
    assert add.isEnabled() and add.toolTip() == "Add an item (Insert)"
    assert not shown.field.isReadOnly()
    assert shown.field.placeholderText() == "Name of the branch"
    qtbot.keyClick(shown.hint, Qt.Key.Key_Insert)
    assert shown.calls.count("add") == 1
