"""The Attendees panel driven through its widgets, checked against the SQLite file."""

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from factories import OFFSCREEN_NOISE
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from shell_data import show_active, shown
from sprintjournal_ui.dialogs.attendee_dialog import AttendeeDialog
from sprintjournal_ui.panels.attendees import EMPTY_HINT, AttendeesPanel
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal

pytestmark = OFFSCREEN_NOISE


def make_panel(qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
               sprint_id: int | None, day: date | None = None) -> AttendeesPanel:
    panel = AttendeesPanel(store, undo_stack)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    show_active(qtbot, panel)
    panel.set_sprint(sprint_id)
    panel.set_day(day)
    panel.table.setFocus()
    return panel


def rows_in_file(path: Path) -> list[tuple[str, str | None, str | None]]:
    """Read the attendance rows straight from the file, with a separate connection."""
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT person.name, attendance.diet, attendance.arrive FROM attendance "
            "JOIN person ON person.id = attendance.person_id ORDER BY attendance.id"
        ).fetchall()


def test_add_attendee_through_the_dialog_reaches_the_file(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
    journal: Journal, journal_path: Path,
) -> None:
    sid = journal.add_sprint("Gothenburg", start=date(2011, 11, 2), end=date(2011, 11, 9)).id
    panel = make_panel(qtbot, store, undo_stack, sid)
    assert panel.pages.currentWidget() is panel.hint
    assert panel.hint.text() == EMPTY_HINT

    def fill_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AttendeeDialog)
        qtbot.keyClicks(dialog.name, "Mark Pearse")
        dialog.arrive.edit.selectAll()
        qtbot.keyClicks(dialog.arrive.edit, "3 nov")  # typed, not stepped through
        qtbot.keyClicks(dialog.diet, "vegetarian")
        dialog.ok_button.click()

    QTimer.singleShot(0, fill_dialog)
    qtbot.keyClick(panel.table, Qt.Key.Key_Insert)

    assert rows_in_file(journal_path) == [("Mark Pearse", "vegetarian", "2011-11-03")]
    assert panel.model.rowCount() == 1
    assert panel.pages.currentWidget() is panel.content
    assert panel.model.index(0, 0).data() == "Mark Pearse"
    assert panel.model.index(0, panel.model.column_of("arrive")).data() == "Thu 3 Nov"


def test_remove_undo_redo(qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
                          panel_sprint: int, journal_path: Path) -> None:
    panel = make_panel(qtbot, store, undo_stack, panel_sprint)
    before = rows_in_file(journal_path)
    panel.select_item(panel.model.record(3).id)  # Mark Pearse
    assert [r.person.name for r in panel.selected_records()] == ["Mark Pearse"]
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    names = [r[0] for r in rows_in_file(journal_path)]
    assert "Mark Pearse" not in names and len(names) == len(before) - 1
    assert panel.model.rowCount() == len(before) - 1

    undo_stack.undo()
    assert sorted(rows_in_file(journal_path)) == sorted(before)
    restored = next(r for r in panel.model.records() if r.person.name == "Mark Pearse")
    assert restored.newcomer_override is True and restored.accommodation == "SGS Veckobostäder"

    undo_stack.redo()
    assert "Mark Pearse" not in [r[0] for r in rows_in_file(journal_path)]
    assert "Mark Pearse" not in [r.person.name for r in panel.model.records()]


def test_needs_review_row_is_marked(qtbot: QtBot, store: JournalStore,
                                    undo_stack: QUndoStack, panel_sprint: int) -> None:
    panel = make_panel(qtbot, store, undo_stack, panel_sprint)
    armin = panel.model.row_of(next(r.id for r in panel.model.records()
                                    if r.person.name == "Armin Rigo"))
    mark = panel.model.row_of(next(r.id for r in panel.model.records()
                                   if r.person.name == "Mark Pearse"))
    name_cell = panel.model.index(armin, 0)
    assert "dates '?' could not be read" in name_cell.data(Qt.ItemDataRole.ToolTipRole)
    assert isinstance(name_cell.data(Qt.ItemDataRole.BackgroundRole), QColor)
    assert not name_cell.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert panel.model.index(mark, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert panel.model.index(mark, 0).data(Qt.ItemDataRole.DecorationRole) is None


def test_here_today_counts_and_diets(qtbot: QtBot, store: JournalStore,
                                     undo_stack: QUndoStack, panel_sprint: int,
                                     journal: Journal) -> None:
    panel = make_panel(qtbot, store, undo_stack, panel_sprint, date(2011, 11, 3))
    # Laura, Jacob (hosts), Mark, Maciej; Antonio arrives on the 4th; Armin's dates are unknown
    assert len(journal.present_on(panel_sprint, date(2011, 11, 3))) == 4
    assert panel.here_today.count.text() == "4 people"
    assert panel.here_today.title() == "Here on Thu 3 Nov"
    details = panel.here_today.details.text()
    assert "vegetarian: Mark, Maciej" in details
    assert "no peppers: Jacob" in details
    assert "no restrictions: 1" in details

    panel.set_day(date(2011, 11, 4))
    assert panel.here_today.count.text() == "5 people"
    assert "arriving: Antonio Cuni" in panel.here_today.details.text()


def test_inline_edit_and_host_checkbox_are_saved_and_undoable(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
    panel_sprint: int, journal_path: Path,
) -> None:
    panel = make_panel(qtbot, store, undo_stack, panel_sprint)
    row = next(n for n, r in enumerate(panel.model.records()) if r.person.name == "Antonio Cuni")
    diet = panel.model.index(row, panel.model.column_of("diet"))
    panel.table.setCurrentIndex(diet)
    panel.table.edit(diet)
    editor = panel.table.indexWidget(diet)
    assert isinstance(editor, QLineEdit)
    editor.setText("pescetarian")
    panel.flush()
    assert ("Antonio Cuni", "pescetarian", "2011-11-04") in rows_in_file(journal_path)

    host = panel.model.index(row, panel.model.column_of("host"))
    assert panel.model.setData(host, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert host.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    undo_stack.undo()
    assert host.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    undo_stack.undo()
    assert ("Antonio Cuni", None, "2011-11-04") in rows_in_file(journal_path)


def test_refused_edit_leaves_nothing_on_the_undo_stack(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, panel_sprint: int,
) -> None:
    panel = make_panel(qtbot, store, undo_stack, panel_sprint)
    errors: list[str] = []
    store.error.connect(errors.append)
    row = next(n for n, r in enumerate(panel.model.records()) if r.person.name == "Mark Pearse")
    depart = panel.model.index(row, panel.model.column_of("depart"))
    panel.model.setData(depart, QDate(2011, 11, 1))  # before his arrival on the 2nd
    assert errors and "before arrival" in errors[0]
    assert undo_stack.count() == 0
    assert depart.data() == "Wed 9 Nov"


def test_empty_and_no_sprint_hints(qtbot: QtBot, store: JournalStore,
                                   undo_stack: QUndoStack) -> None:
    panel = make_panel(qtbot, store, undo_stack, None)
    assert panel.pages.currentWidget() is panel.hint
    assert "No sprint selected" in panel.hint.text()
    assert not panel.add_action_.isEnabled()


def test_select_person_and_timeline_day_click(qtbot: QtBot, store: JournalStore,
                                              undo_stack: QUndoStack, panel_sprint: int,
                                              journal: Journal) -> None:
    panel = make_panel(qtbot, store, undo_stack, panel_sprint, date(2011, 11, 3))
    maciej = journal.find_person("Maciej Fijałkowski")
    assert maciej is not None
    panel.select_person(maciej.id)
    assert [r.person.name for r in panel.selected_records()] == ["Maciej Fijałkowski"]
    chart = panel.timeline
    qtbot.waitExposed(chart)
    target = date(2011, 11, 7)
    column = chart._column(panel.sprint.days().index(target))  # type: ignore[union-attr]
    with qtbot.waitSignal(chart.day_clicked) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=column.center().toPoint())
    assert blocker.args == [target]
    assert panel.here_today.title() == "Here on Mon 7 Nov"


def test_timeline_names_column_follows_the_font_and_the_attendees(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
        panel_sprint: int) -> None:
    """The names' width is measured once per data and font, and measured again on either."""
    panel = make_panel(qtbot, store, undo_stack, panel_sprint, date(2011, 11, 3))
    chart = panel.timeline
    first_day = chart._column(0).left()
    bigger = chart.font()
    bigger.setPointSizeF(bigger.pointSizeF() * 2)
    chart.setFont(bigger)
    assert chart._column(0).left() > first_day
    chart.set_data([], panel.sprint.days())  # type: ignore[union-attr]
    assert chart._column(0).left() < first_day


def test_two_people_are_merged_from_the_attendees_panel(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
        panel_sprint: int, monkeypatch: pytest.MonkeyPatch,
        journal: Journal) -> None:
    """Item 8: Merge with… (the table's context menu) folds one person into another."""
    journal.add_attendee(panel_sprint, "Maciej Fijalkowsky")
    panel = AttendeesPanel(store, undo_stack)
    shown(qtbot, panel, panel_sprint)
    hakan = next(r for r in panel.model.records() if r.person.name == "Maciej Fijalkowsky")
    panel.select_item(hakan.id)
    offered: list[str] = []

    def pick(_parent: object, _title: str, _label: str, items: list[str], *_a: object
             ) -> tuple[str, bool]:
        offered.extend(items)
        return "Maciej Fijałkowski", True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    assert panel.merge_action in panel.table.actions()
    panel.merge_action.trigger()
    assert offered[0] == "Maciej Fijałkowski"  # the similar name first
    names = [a.person.name for a in journal.list_attendees(panel_sprint)]
    assert "Maciej Fijalkowsky" not in names and names.count("Maciej Fijałkowski") == 1
    merged = journal.find_person("Maciej Fijałkowski")
    assert merged is not None and "Maciej Fijalkowsky" in merged.aliases
    # one undo step splits them again, the row under its old id
    assert undo_stack.undoText() == "Merge Maciej Fijalkowsky into Maciej Fijałkowski"
    undo_stack.undo()
    assert hakan.id in [a.id for a in journal.list_attendees(panel_sprint)
                        if a.person.name == "Maciej Fijalkowsky"]
    undo_stack.redo()
    assert journal.find_person("Maciej Fijalkowsky") == journal.find_person("Maciej Fijałkowski")


def test_space_checks_an_attendee_in_for_the_selected_day(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
        panel_sprint: int, journal: Journal) -> None:
    """Item 17: one key checks someone in as here today, beside what the dates say; the "Here
    today" box counts them; Ctrl+Z takes it back; the check-in survives export and import."""
    panel = AttendeesPanel(store, undo_stack)
    shown(qtbot, panel, panel_sprint)  # Friday 4 Nov
    armin = next(r for r in panel.model.records() if r.person.name == "Armin Rigo")
    assert not armin.present_on(date(2011, 11, 4))  # his dates are "?"
    count = int(panel.here_today.count.text().split()[0])
    panel.select_item(armin.id)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)
    saved = next(r for r in store.list_attendees(panel_sprint) if r.id == armin.id)
    assert saved.checked_in == (date(2011, 11, 4),)
    here = panel.model.index(panel.model.row_of(armin.id), panel.model.column_of("here"))
    assert here.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert "not expected" in here.data(Qt.ItemDataRole.ToolTipRole)
    assert panel.here_today.count.text() == f"{count + 1} people"
    panel.set_day(date(2011, 11, 5))
    assert here.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    panel.set_day(date(2011, 11, 4))
    undo_stack.undo()
    assert next(r for r in store.list_attendees(panel_sprint)
                if r.id == armin.id).checked_in == ()
    undo_stack.redo()
    doc, _photos = journal.export_document([panel_sprint])
    mine = next(a for a in doc.sprints[0].attendees if a.person == "Armin Rigo")
    assert mine.checked_in == [date(2011, 11, 4)]
