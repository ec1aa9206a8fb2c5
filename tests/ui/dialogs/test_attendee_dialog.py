"""Issue 13, items 8, 9, 12: naming people (completion, similar names, merging), the
attendee's notes and dates typed from the keyboard."""

from datetime import date

import pytest
from factories import OFFSCREEN_NOISE
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from shell_data import show_active
from sprintjournal_ui.dialogs.attendee_dialog import AttendeeDialog
from sprintjournal_ui.dialogs.branch_dialog import BranchDialog
from sprintjournal_ui.panels.attendees import AttendeesPanel
from sprintjournal_ui.panels.branches import BranchesPanel
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal
from sprintjournal.records import PersonRec

pytestmark = OFFSCREEN_NOISE


def shown(qtbot: QtBot, panel: AttendeesPanel | BranchesPanel, sprint: int) -> None:
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    show_active(qtbot, panel)
    panel.set_sprint(sprint)
    panel.set_day(date(2011, 11, 4))


def test_dates_are_typed_and_can_be_unknown(qtbot: QtBot, journal: Journal) -> None:
    """Item 12: "7", "7 nov", "mon", ISO: read near the sprint, shown as read; empty or "?"
    is unknown; what cannot be read keeps OK disabled."""
    sid = journal.add_sprint("G", start=date(2011, 11, 2), end=date(2011, 11, 9)).id
    dialog = AttendeeDialog(journal.get_sprint(sid), [])
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    qtbot.keyClicks(dialog.name, "Sam Lade")
    field = dialog.arrive
    for typed, expected in (("7", date(2011, 11, 7)), ("7 nov", date(2011, 11, 7)),
                            ("mon", date(2011, 11, 7)), ("2011-11-03", date(2011, 11, 3)),
                            ("?", None), ("", None)):
        field.edit.clear()
        qtbot.keyClicks(field.edit, typed)
        assert field.value() == expected, typed
        assert dialog.ok_button.isEnabled()
    assert field.read_as.text() == "unknown"
    qtbot.keyClicks(field.edit, "7 nov")
    assert field.read_as.text() == "→ Mon 7 Nov 2011"
    field.edit.clear()
    qtbot.keyClicks(field.edit, "soonish")
    assert field.read_as.text() == "not a date" and not dialog.ok_button.isEnabled()
    field.edit.clear()
    assert dialog.answer().fields["arrive"] is None


def test_attendee_notes_are_edited_in_the_dialog(qtbot: QtBot, store: JournalStore,
                                                 undo_stack: QUndoStack,
                                                 panel_sprint: int) -> None:
    """Item 9: the stored "notes" field is editable (Shift+F2 opens the dialog)."""
    panel = AttendeesPanel(store, undo_stack)
    shown(qtbot, panel, panel_sprint)
    mark = next(r for r in panel.model.records() if r.person.name == "Mark Pearse")
    panel.select_item(mark.id)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AttendeeDialog)
        assert dialog.arrive.value() == date(2011, 11, 2)
        dialog.notes.setFocus()
        qtbot.keyClicks(dialog.notes, "first sprint; pick up at the station")
        dialog.ok_button.click()

    QTimer.singleShot(0, fill)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    saved = next(r for r in store.list_attendees(panel_sprint) if r.id == mark.id)
    assert saved.notes == "first sprint; pick up at the station"
    assert saved.arrive == date(2011, 11, 2)  # the other fields kept
    undo_stack.undo()
    assert next(r for r in store.list_attendees(panel_sprint)
                if r.id == mark.id).notes is None


def test_someone_else_completes_and_asks_before_a_near_duplicate(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
        panel_sprint: int, journal: Journal) -> None:
    """Item 8: the branch dialog's "Someone else?" completes from people and aliases; a new
    name like a known one asks first; a known alias is read as the person."""
    romain = journal.add_person("Romain Guillebert").id
    journal.update_person(romain, aliases=["rguillebert"])
    panel = BranchesPanel(store, undo_stack)
    shown(qtbot, panel, panel_sprint)
    asked: list[tuple[str, list[str]]] = []

    failures: list[BaseException] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, BranchDialog)
        try:
            answer(dialog)
        except BaseException as exc:  # a failed check must not leave the dialog open
            failures.append(exc)
            dialog.reject()

    def answer(dialog: BranchDialog) -> None:
        picker = dialog.people

        def choose_known(_parent: object, typed: str, similar: list[PersonRec]) -> str:
            asked.append((typed, [p.name for p in similar]))
            return similar[0].name

        picker.ask_similar = choose_known
        completer = picker.extra.completer()
        completer.setCompletionPrefix("guil")
        offered = []
        for row in range(completer.completionCount()):
            completer.setCurrentRow(row)
            offered.append(completer.currentCompletion())
        assert offered == ["rguillebert", "Romain Guillebert"]  # the alias completes too
        qtbot.keyClicks(dialog.name, "pypy-jvm")
        for typed in ("Romain", "RGUILLEBERT", "Carl Friedrich Bolz"):
            picker.extra.setFocus()
            qtbot.keyClicks(picker.extra, typed)
            qtbot.keyClick(picker.extra, Qt.Key.Key_Return)
            assert picker.extra.text() == ""
        dialog.ok_button.click()

    QTimer.singleShot(0, fill)
    qtbot.keyClick(panel.table, Qt.Key.Key_Insert)
    assert not failures, failures
    assert asked == [("Romain", ["Romain Guillebert"])]
    branch = next(b for b in journal.list_branches(panel_sprint) if b.name == "pypy-jvm")
    assert sorted(p.name for p in branch.people) == ["Carl Friedrich Bolz", "Romain Guillebert"]
    assert [p.name for p in journal.list_people()].count("Romain Guillebert") == 1
    assert journal.find_person("Romain") is None


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
