"""The attendee dialog (issue 13, items 9, 12): dates typed from the keyboard, the attendee's
notes. Naming people: test_branch_dialog.py (completion), panels/test_attendees.py (merging)."""

from datetime import date

from factories import OFFSCREEN_NOISE
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shell_data import show_active, shown
from sprintjournal_ui.dialogs.attendee_dialog import AttendeeDialog
from sprintjournal_ui.panels.attendees import AttendeesPanel
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal

pytestmark = OFFSCREEN_NOISE


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
