"""The Stand-up panel: add through the dialog, carry over, edit, remove, undo — in the file."""

import sqlite3
from datetime import date
from pathlib import Path

from factories import OFFSCREEN_NOISE
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shell_data import show_active
from sprintjournal_ui.dialogs.standup_dialog import StandupDialog
from sprintjournal_ui.panels.standup import NO_DAY_HINT, StandupPanel
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal

pytestmark = OFFSCREEN_NOISE
THU, FRI, SAT = date(2011, 11, 3), date(2011, 11, 4), date(2011, 11, 5)


def make_panel(qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
               sprint_id: int | None, day: date | None) -> StandupPanel:
    panel = StandupPanel(store, undo_stack)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    show_active(qtbot, panel)
    panel.set_sprint(sprint_id)
    panel.set_day(day)
    return panel


def items_in_file(path: Path, day: date) -> list[tuple[str, str, str | None, str]]:
    """(section, text, status, people) of a day's items, read with a separate connection."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT id, section, text, status FROM standup_item WHERE day = ? "
            "ORDER BY section, position", (day.isoformat(),)).fetchall()
        return [(section, text, status, " & ".join(n for (n,) in conn.execute(
            "SELECT person.name FROM standup_person JOIN person ON person.id = person_id "
            "WHERE item_id = ? ORDER BY standup_person.position", (item_id,))))
            for item_id, section, text, status in rows]


def texts(panel: StandupPanel, section: str) -> list[str]:
    model = panel.models[section]
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_add_item_through_the_dialog(qtbot: QtBot, store: JournalStore,
                                     undo_stack: QUndoStack, panel_sprint: int,
                                     journal_path: Path) -> None:
    panel = make_panel(qtbot, store, undo_stack, panel_sprint, THU)
    assert panel.pages.currentWidget() is panel.hint
    assert "No stand-up items for Thu 3 Nov yet" in panel.hint.text()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, StandupDialog)
        assert dialog.section.currentData() == "today"
        qtbot.keyClicks(dialog.text, "specialised 2-tuples")
        dialog.people.set_checked("Mark Pearse")
        dialog.people.set_checked("Antonio Cuni")
        dialog.branch.setCurrentIndex(dialog.branch.findText("SpecialisedTuple"))
        dialog.ok_button.click()

    QTimer.singleShot(0, fill)
    panel.tables["today"].setFocus()
    qtbot.keyClick(panel.tables["today"], Qt.Key.Key_Insert)
    assert items_in_file(journal_path, THU) == [
        ("today", "specialised 2-tuples", None, "Antonio Cuni & Mark Pearse")]
    assert texts(panel, "today") == ["specialised 2-tuples"]
    branch = panel.models["today"].index(0, panel.models["today"].column_of("branch"))
    assert branch.data() == "SpecialisedTuple"
    assert panel.pages.currentWidget() is panel.content


def test_carry_over_is_one_undoable_step(qtbot: QtBot, store: JournalStore,
                                         undo_stack: QUndoStack, panel_sprint: int,
                                         journal: Journal, journal_path: Path) -> None:
    journal.add_standup_item(panel_sprint, THU, "today", "specialised 2-tuples",
                             ["Mark Pearse", "Antonio Cuni"])
    journal.add_standup_item(panel_sprint, THU, "today", "win64", ["Christian Tismer"],
                             status="in progress")
    journal.add_standup_item(panel_sprint, THU, "today", "merge ffistruct", ["Antonio Cuni"],
                             status="done")
    journal.add_standup_item(panel_sprint, THU, "done", "looked at f2py", ["Andrew Dalke"])
    panel = make_panel(qtbot, store, undo_stack, panel_sprint, SAT)  # Friday had no stand-up
    assert panel.previous_day() == THU
    panel.carry_action.trigger()
    assert texts(panel, "today") == ["specialised 2-tuples", "win64"]
    assert items_in_file(journal_path, SAT) == [
        ("today", "specialised 2-tuples", None, "Mark Pearse & Antonio Cuni"),
        ("today", "win64", "in progress", "Christian Tismer")]
    assert "2 items carried over from Thu 3 Nov" in panel.message.text()
    assert panel.message.isVisible()
    assert panel.message.parentWidget() is panel, "not in the toolbar, where it overflowed"
    assert undo_stack.count() == 1

    panel.carry_action.trigger()  # nothing new: no second step on the stack
    assert undo_stack.count() == 1
    assert "Nothing unfinished" in panel.message.text()

    undo_stack.undo()
    assert items_in_file(journal_path, SAT) == []
    assert texts(panel, "today") == []
    undo_stack.redo()
    assert len(items_in_file(journal_path, SAT)) == 2


def test_inline_status_edit_and_remove_with_undo(qtbot: QtBot, store: JournalStore,
                                                 undo_stack: QUndoStack, panel_sprint: int,
                                                 journal: Journal, journal_path: Path) -> None:
    item = journal.add_standup_item(panel_sprint, FRI, "done", "STM progress", ["Armin Rigo"]).id
    panel = make_panel(qtbot, store, undo_stack, panel_sprint, FRI)
    model = panel.models["done"]
    status = model.index(0, model.column_of("status"))
    assert model.setData(status, "blocked")
    assert items_in_file(journal_path, FRI) == [("done", "STM progress", "blocked", "Armin Rigo")]

    panel.select_item(item)
    qtbot.keyClick(panel.tables["done"], Qt.Key.Key_Delete)
    assert items_in_file(journal_path, FRI) == []
    undo_stack.undo()
    assert items_in_file(journal_path, FRI) == [("done", "STM progress", "blocked", "Armin Rigo")]
    undo_stack.undo()
    assert items_in_file(journal_path, FRI) == [("done", "STM progress", None, "Armin Rigo")]


def test_select_item_on_another_day_requests_that_day(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
    panel_sprint: int, journal: Journal,
) -> None:
    item = journal.add_standup_item(panel_sprint, SAT, "today", "review SpecialisedTuple").id
    panel = make_panel(qtbot, store, undo_stack, panel_sprint, THU)
    with qtbot.waitSignal(panel.day_requested) as blocker:
        panel.select_item(item)
    assert blocker.args == [SAT]
    assert panel.day == SAT
    assert [r.text for r in panel.selected_records()] == ["review SpecialisedTuple"]


def test_needs_review_item_is_marked_and_no_day_hint(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
    panel_sprint: int, journal: Journal,
) -> None:
    journal.add_standup_item(panel_sprint, FRI, "done", "Hakan refactors unrolling",
                             ["Hakan"], needs_review=True, review_reason="who is Hakan?")
    panel = make_panel(qtbot, store, undo_stack, panel_sprint, None)
    assert panel.hint.text() == NO_DAY_HINT
    panel.set_day(FRI)
    cell = panel.models["done"].index(0, 0)
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "Needs review: who is Hakan?"
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None


def test_a_narrow_dock_keeps_the_item_column_readable(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
    panel_sprint: int, journal: Journal,
) -> None:
    journal.add_standup_item(panel_sprint, FRI, "done", "Christian works on win64 support, "
                             "continuing the job started in Genova", ["Christian"])
    panel = make_panel(qtbot, store, undo_stack, panel_sprint, FRI)
    table = panel.tables["done"]
    text = panel.models["done"].column_of("text")
    for width in (1200, 520):
        panel.resize(width, 600)
        qtbot.waitUntil(lambda w=width: table.viewport().width() < w)
        viewport = table.viewport().width()
        widths = [table.columnWidth(c) for c in range(panel.models["done"].columnCount())]
        assert sum(widths) <= viewport + 1, "no column is pushed out of sight"
        assert widths[text] >= 0.35 * viewport, f"Item column {widths} at {viewport}"
        assert table.rowHeight(0) <= 3 * table.fontMetrics().height() + 8


def test_carry_over_follows_items_added_on_another_day(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
    panel_sprint: int,
) -> None:
    panel = make_panel(qtbot, store, undo_stack, panel_sprint, SAT)
    assert not panel.carry_action.isEnabled()
    item = store.add_standup_item(panel_sprint, THU, "today", "win64").id
    assert panel.carry_action.isEnabled() and panel.previous_day() == THU
    store.remove_standup_item(item)
    assert not panel.carry_action.isEnabled()
