"""Deleting rows in every table panel of the registry, in the main window: the status bar says
what went and how to undo it; Ctrl+Z brings the row back whole, selected and in view (its dock
raised, the list scrolled), and Ctrl+Shift+Z takes it away again, saying so.

Each list holds more rows than its dock shows, and the row removed is the last one, so "in
view" means the list was scrolled to it."""

from collections.abc import Iterator
from dataclasses import asdict
from datetime import date
from typing import Any

import pytest
from factories import OFFSCREEN_NOISE, build_gothenburg, jpeg_bytes
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from shell_data import main_window, panel_rows, show_active, when_modal
from sprintjournal_ui.main_window import MainWindow
from sprintjournal_ui.panels.panel_base import RecordPanel
from sprintjournal_ui.panels.registry import PANELS
from sprintjournal_ui.panels.row_steps import BULK_ROWS
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal

pytestmark = OFFSCREEN_NOISE
FRIDAY = date(2011, 11, 4)
FILLERS = 30
TABLE_PANELS = [spec.name for spec in PANELS if issubclass(spec.widget_class(), RecordPanel)]
REMOVED = {
    "attendees": "Removed Romain Guillebert from the attendees",
    "branches": "Removed branch jitviewer (2 stand-up items kept, without its branch)",
    "standup": "Removed “jitviewer shows the traces” from the stand-up of Fri 4 Nov",
    "photos": "Removed photo whiteboard.jpg",
}
"""What the status bar says when the last row of each table panel is deleted."""
UNDO_TEXT = {
    "attendees": "Remove attendee Romain Guillebert",
    "branches": "Remove branch jitviewer",
    "standup": "Remove stand-up item “jitviewer shows the traces”",
    "photos": "Remove photo whiteboard.jpg",
}


@pytest.fixture
def window(qtbot: QtBot, store: JournalStore, journal: Journal) -> Iterator[MainWindow]:
    """The panels' Gothenburg sprint with long lists, each ending in a row worth keeping: a
    checked-in attendee, a branch with people and stand-up work, an item marked for the report,
    a photo with a caption and people."""
    sid = build_gothenburg(journal)
    for n in range(FILLERS):
        journal.add_attendee(sid, f"Visitor {n:02d}")
        journal.add_branch(sid, f"topic-{n:02d}", goal="filler")
        journal.add_standup_item(sid, FRIDAY, "today", f"chore {n:02d}")
        journal.add_photo(sid, jpeg_bytes(colour=(n * 8, 90, 40)), f"crowd-{n:02d}.jpg")
    romain = journal.add_attendee(sid, "Romain Guillebert", arrive=FRIDAY, diet="vegan",
                                  notes="first sprint").id
    journal.set_checked_in(romain, FRIDAY)
    branch = journal.add_branch(sid, "jitviewer", ["Romain Guillebert", "Armin Rigo"],
                                status="in progress", goal="see the traces",
                                notes_publish=True).id
    journal.add_standup_item(sid, FRIDAY, "done", "jitviewer runs", ["Romain Guillebert"],
                             branch_id=branch)
    journal.add_standup_item(sid, FRIDAY, "today", "jitviewer shows the traces",
                             ["Romain Guillebert"], branch_id=branch, status="in progress",
                             publish=True)
    journal.add_photo(sid, jpeg_bytes(), "whiteboard.jpg", caption="The plan",
                      alt="A whiteboard", day=FRIDAY, people=["Armin Rigo"])
    with main_window(qtbot, store, size=(1280, 800), sprint_id=sid, day=FRIDAY) as win:
        yield win


def redo_key() -> str:
    """The platform's first Redo key: Ctrl+Y offscreen, Ctrl+Shift+Z on GNOME."""
    key = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)[0]
    return key.toString(QKeySequence.SequenceFormat.NativeText)


def records(window: MainWindow, name: str) -> list[Any]:
    """The panel's records as the journal has them now (not as the panel shows them)."""
    store, sid = window.store, window.sprint.id if window.sprint else 0
    read = {"attendees": store.list_attendees, "branches": store.list_branches,
            "photos": store.list_photos,
            "standup": lambda s: store.list_standup(s, FRIDAY)}[name]
    return list(read(sid))


def last_row(window: MainWindow, name: str) -> Any:
    panel = window.panels[name]
    assert isinstance(panel, RecordPanel)
    return panel_rows(panel)[-1]


def kept(record: Any) -> dict[str, Any]:
    """What must come back: everything but the id and the stored position."""
    fields = asdict(record)
    fields.pop("id")
    fields.pop("position", None)
    return fields


def on_screen(widget: QWidget) -> bool:
    """Shown to the user: a dock behind another tab is moved off the window, not hidden."""
    return not widget.visibleRegion().isEmpty()


def in_view(view: QAbstractItemView, item_rect: QRect) -> bool:
    return on_screen(view) and view.viewport().rect().contains(item_rect.center())


def delete_last_row(qtbot: QtBot, window: MainWindow, name: str) -> Any:
    """Select the panel's last row and press Delete in its view; the record it removed."""
    panel = window.panels[name]
    assert isinstance(panel, RecordPanel)
    window.go_to_panel(name)
    target = last_row(window, name)
    panel.select_item(target.id)
    found = panel.locate(target.id)
    assert found is not None
    found[0].setFocus()
    qtbot.keyClick(found[0], Qt.Key.Key_Delete)
    assert target.id not in [r.id for r in records(window, name)]
    return target


def test_every_table_panel_is_covered() -> None:
    """A new table panel in the registry fails here until it says what its Delete reports."""
    assert set(TABLE_PANELS) == set(REMOVED)


@pytest.mark.parametrize("name", TABLE_PANELS)
def test_delete_says_what_went_and_undo_brings_it_back_selected_in_view(
        qtbot: QtBot, window: MainWindow, name: str) -> None:
    panel = window.panels[name]
    assert isinstance(panel, RecordPanel)
    target = delete_last_row(qtbot, window, name)
    assert window.statusBar().currentMessage() == f"{REMOVED[name]} — Ctrl+Z to undo"
    assert window.undo_stack.undoText() == UNDO_TEXT[name]

    first = panel.model.records()[0] if name != "standup" else None
    if first is not None:  # the user moves on: another row, another panel on top
        panel.select_item(first.id)
    covering = [d for d in window.tabifiedDockWidgets(window.docks[name]) if not d.isHidden()]
    assert covering, "each table panel shares its place with another in the default layout"
    covering[0].raise_()
    assert not on_screen(panel)
    window.act_undo.trigger()

    back = [r for r in records(window, name) if kept(r) == kept(target)]
    assert len(back) == 1, "the row did not come back as it was"
    assert [r.id for r in panel.selected_records()] == [back[0].id]
    assert on_screen(panel), "the panel that got its row back is not the one shown"
    found = panel.locate(back[0].id)
    assert found is not None
    view, index = found
    assert in_view(view, view.visualRect(index))
    assert window.statusBar().currentMessage() == (
        f"Undone: {UNDO_TEXT[name]} — {redo_key()} to redo")

    window.act_redo.trigger()
    assert back[0].id not in [r.id for r in records(window, name)]
    assert window.statusBar().currentMessage() == f"Redone: {UNDO_TEXT[name]} — Ctrl+Z to undo"
    window.act_undo.trigger()
    again = [r for r in records(window, name) if kept(r) == kept(target)]
    assert [r.id for r in panel.selected_records()] == [again[0].id]


@pytest.mark.parametrize("name", TABLE_PANELS)
def test_several_rows_go_as_one_step_and_come_back_all_selected(
        qtbot: QtBot, window: MainWindow, name: str) -> None:
    panel = window.panels[name]
    assert isinstance(panel, RecordPanel)
    window.go_to_panel(name)
    rows = [r for r in records(window, name) if name != "standup" or r.section == "today"][-3:]
    panel.select_items([r.id for r in rows])
    assert sorted(r.id for r in panel.selected_records()) == sorted(r.id for r in rows)
    found = panel.locate(rows[0].id)
    assert found is not None
    found[0].setFocus()
    qtbot.keyClick(found[0], Qt.Key.Key_Delete)
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Removed 3 {panel.plural} (") and message.endswith(
        " — Ctrl+Z to undo")
    assert window.undo_stack.undoText() == f"Remove 3 {panel.plural}"
    assert not {r.id for r in rows} & {r.id for r in records(window, name)}

    window.act_undo.trigger()
    back = [r for r in records(window, name) if kept(r) in [kept(x) for x in rows]]
    assert len(back) == 3
    assert sorted(r.id for r in panel.selected_records()) == sorted(r.id for r in back)


def test_undone_branch_removal_links_its_stand_up_items_again(
        qtbot: QtBot, window: MainWindow) -> None:
    target = delete_last_row(qtbot, window, "branches")
    sid = window.sprint.id if window.sprint else 0
    assert all(i.branch_id is None for i in window.store.list_standup(sid, FRIDAY)
               if i.text.startswith("jitviewer"))
    window.act_undo.trigger()
    back = next(b for b in window.store.list_branches(sid) if b.name == target.name)
    assert [i.branch_id for i in window.store.list_standup(sid, FRIDAY)
            if i.text.startswith("jitviewer")] == [back.id, back.id]


def test_redo_of_an_edit_selects_the_row_it_changes(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.panels["attendees"]
    assert isinstance(panel, RecordPanel)
    window.go_to_panel("attendees")
    target = last_row(window, "attendees")
    panel._commit_edit(target, {"diet": "vegetarian"})  # type: ignore[attr-defined]
    window.act_undo.trigger()
    first = panel.model.records()[0]
    panel.select_item(first.id)
    window.act_redo.trigger()
    assert [r.id for r in panel.selected_records()] == [target.id]
    assert window.statusBar().currentMessage().startswith("Redone: Edit attendee Romain")


def test_many_rows_at_once_ask_first_and_enter_keeps_them(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    panel = window.panels["attendees"]
    assert isinstance(panel, RecordPanel)
    window.go_to_panel("attendees")
    rows = records(window, "attendees")[-BULK_ROWS:]
    panel.select_items([r.id for r in rows])
    found = panel.locate(rows[0].id)
    assert found is not None
    found[0].setFocus()
    asked: list[str] = []

    def press_enter(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(f"{box.text()} | {box.informativeText()}")
        qtbot.keyClick(box, Qt.Key.Key_Return)

    when_modal(press_enter)
    qtbot.keyClick(found[0], Qt.Key.Key_Delete)
    assert asked == [f"Remove the {BULK_ROWS} selected attendees? | You can bring them back "
                     "with Ctrl+Z (Edit ▸ Undo) until the journal is closed."]
    assert len(records(window, "attendees")) == FILLERS + 7  # Enter kept them all
    assert window.undo_stack.count() == 0

    def remove(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        next(b for b in box.buttons() if b.text() == f"Remove {BULK_ROWS} attendees").click()

    show_active(qtbot, window)  # active again after the box, the table focused
    found[0].setFocus()
    when_modal(remove)
    qtbot.keyClick(found[0], Qt.Key.Key_Delete)
    assert not {r.id for r in rows} & {r.id for r in records(window, "attendees")}
    assert window.statusBar().currentMessage().startswith(f"Removed {BULK_ROWS} attendees (")


@pytest.mark.parametrize("name", TABLE_PANELS)
def test_after_a_delete_the_next_row_is_selected(qtbot: QtBot, window: MainWindow,
                                                 name: str) -> None:
    """The user keeps their place: the row that took the removed one's place is selected (at
    the end of the list, the new last row)."""
    panel = window.panels[name]
    assert isinstance(panel, RecordPanel)
    window.go_to_panel(name)
    rows = panel_rows(panel)
    middle, after = rows[5], rows[6]
    panel.select_item(middle.id)
    found = panel.locate(middle.id)
    assert found is not None
    found[0].setFocus()
    qtbot.keyClick(found[0], Qt.Key.Key_Delete)
    assert [r.id for r in panel.selected_records()] == [after.id]
    before_last = rows[-2]
    delete_last_row(qtbot, window, name)
    assert [r.id for r in panel.selected_records()] == [before_last.id]


@pytest.mark.parametrize("name", TABLE_PANELS)
def test_a_redone_delete_selects_the_row_in_its_place_as_the_delete_did(
        qtbot: QtBot, window: MainWindow, name: str) -> None:
    """Ctrl+Shift+Z of a removal left nothing selected (wherever the user had gone meanwhile):
    the row that takes the removed one's place is selected, the panel shown."""
    panel = window.panels[name]
    assert isinstance(panel, RecordPanel)
    window.go_to_panel(name)
    rows = panel_rows(panel)
    middle, after, count = rows[5], rows[6], len(records(window, name))
    panel.select_item(middle.id)
    found = panel.locate(middle.id)
    assert found is not None
    found[0].setFocus()
    qtbot.keyClick(found[0], Qt.Key.Key_Delete)
    window.act_undo.trigger()
    panel.select_item(rows[0].id)  # the user moves on, to the first row, and another panel
    covering = [d for d in window.tabifiedDockWidgets(window.docks[name]) if not d.isHidden()]
    covering[0].raise_()
    window.act_redo.trigger()
    assert len(records(window, name)) == count - 1
    assert [r.id for r in panel.selected_records()] == [after.id]
    assert on_screen(panel)


@pytest.mark.parametrize("name", TABLE_PANELS)
def test_undo_after_switching_sprint_goes_back_to_the_rows_sprint(
        qtbot: QtBot, window: MainWindow, name: str) -> None:
    """The row came back in the sprint the user had left, out of sight: Ctrl+Z seemed to do
    nothing (and a second one undid something else)."""
    panel = window.panels[name]
    assert isinstance(panel, RecordPanel)
    assert window.sprint is not None
    sprint = window.sprint.id
    target = delete_last_row(qtbot, window, name)
    change = window.store.add_sprint("Leysin 2012", start=date(2012, 1, 15),
                                     end=date(2012, 1, 22))  # the switcher learns of it
    [other] = change.ids
    window.select_sprint(other)
    assert panel.sprint_id == other
    window.act_undo.trigger()
    assert window.sprint is not None and window.sprint.id == sprint
    assert window.toolbar.sprint_combo.currentData() == sprint
    back = [r for r in records(window, name) if kept(r) == kept(target)]
    assert [r.id for r in panel.selected_records()] == [back[0].id]
