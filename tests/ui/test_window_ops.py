"""window_ops, what the main window's menu actions do: export, delete a sprint, jump to a search
hit, switch journals, confirm a lossy close; each asked of a real main window."""

import json
import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, main_window, when_modal
from sprintjournal_ui import window_ops
from sprintjournal_ui.main_window import MainWindow
from sprintjournal_ui.settings import last_folder, recent_journals
from sprintjournal_ui.store import JournalStore

from sprintjournal.backup import list_backups
from sprintjournal.errors import JournalError
from sprintjournal.journal import Journal
from sprintjournal.records import SearchHit

THURSDAY, FRIDAY = date(2011, 11, 3), date(2011, 11, 4)


@pytest.fixture
def window(qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> Iterator[MainWindow]:
    with main_window(qtbot, store, sprint_id=gothenburg.sprint_id, day=THURSDAY) as win:
        yield win


def choose_folder(folder: Path | None, seen: list[str]) -> None:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        seen.append(dialog.windowTitle())
        if folder is None:
            dialog.reject()
            return
        dialog.setDirectory(str(folder))
        dialog.accept()

    when_modal(act)


def click(text: str, seen: list[str]) -> None:
    """Click the button labelled `text` in the next message box, noting the box's text."""
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        [button] = [b for b in dialog.findChildren(QPushButton) if b.text() == text]
        button.click()

    when_modal(act)


def test_export_writes_the_journal_to_the_chosen_folder_and_remembers_it(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "for the blog"
    folder.mkdir()
    seen: list[str] = []
    choose_folder(folder, seen)
    window_ops.export_json(window)
    assert seen == ["Export the journal to a folder"]
    assert last_folder("export") == str(folder)
    message = window.statusBar().currentMessage()
    assert message.startswith("Exported to ")
    target = Path(message.removeprefix("Exported to "))
    assert target == folder / "journal.json"
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert "Gothenburg 2011" in json.dumps(exported) and "ffistruct" in json.dumps(exported)


def test_a_cancelled_export_writes_and_remembers_nothing(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    seen: list[str] = []
    choose_folder(None, seen)
    window_ops.export_json(window)
    assert seen == ["Export the journal to a folder"]
    assert last_folder("export") == str(Path.home())
    assert window.statusBar().currentMessage() == ""


def test_delete_sprint_backs_up_first_and_cancel_keeps_it(
        qtbot: QtBot, window: MainWindow, gothenburg: Gothenburg, journal: Journal) -> None:
    seen: list[str] = []
    click("Cancel", seen)
    window_ops.delete_sprint(window)
    assert "Gothenburg 2011" in seen[0]
    assert [s.id for s in journal.list_sprints()] == [gothenburg.sprint_id]
    assert list_backups(journal.path) == []
    click("&Yes", seen)
    window_ops.delete_sprint(window)
    assert journal.list_sprints() == []
    assert [b.reason for b in list_backups(journal.path)] == ["before-delete-sprint"]


def test_a_note_hit_shows_that_note(qtbot: QtBot, window: MainWindow, gothenburg: Gothenburg,
                                    journal: Journal) -> None:
    friday = journal.add_note(gothenburg.sprint_id, FRIDAY, "# Friday\n\nJIT targets.").id
    window_ops.select_hit(window, SearchHit("note", friday, gothenburg.sprint_id, "JIT"))
    assert window.notes is not None
    qtbot.waitUntil(lambda: window.notes is not None and window.notes.note_id == friday)
    assert window.notes.editor.toPlainText().endswith("JIT targets.")


def test_a_person_hit_selects_them_in_the_attendees_panel(
        qtbot: QtBot, window: MainWindow, gothenburg: Gothenburg) -> None:
    window_ops.select_hit(window, SearchHit("person", gothenburg.antonio_id,
                                            gothenburg.sprint_id, "Antonio"))
    attendees = window.panels["attendees"]
    assert window.docks["attendees"].isVisible()
    assert [r.person.name for r in attendees.selected_records()] == ["Antonio Cuni"]


def test_a_standup_hit_on_another_day_moves_to_that_day(
        qtbot: QtBot, window: MainWindow, gothenburg: Gothenburg, journal: Journal) -> None:
    journal.add_standup_item(gothenburg.sprint_id, FRIDAY, "today", "ffistruct merge",
                             ["Antonio Cuni"])
    [item] = journal.list_standup(gothenburg.sprint_id, FRIDAY)
    window_ops.select_hit(window, SearchHit("standup", item.id, gothenburg.sprint_id, "merge"))
    standup = window.panels["standup"]
    assert window.docks["standup"].isVisible()
    qtbot.waitUntil(lambda: [r.id for r in standup.selected_records()] == [item.id])
    assert window.notes is not None and window.notes.day == FRIDAY


def test_a_hit_of_an_unknown_kind_changes_nothing(qtbot: QtBot, window: MainWindow,
                                                  gothenburg: Gothenburg) -> None:
    visible = {name for name, dock in window.docks.items() if dock.isVisible()}
    window_ops.select_hit(window, SearchHit("sprint", gothenburg.sprint_id, None, "Gothenburg"))
    assert {name for name, dock in window.docks.items() if dock.isVisible()} == visible


def test_opening_the_open_journal_again_keeps_it(
        qtbot: QtBot, window: MainWindow, journal: Journal, tmp_path: Path) -> None:
    """Whatever path names it (here a link): reopening would meet its own lock."""
    link = tmp_path / "link.sprintjournal"
    link.symlink_to(journal.path)
    remembered = recent_journals()
    with qtbot.assertNotEmitted(window.store.journal_replaced):
        window_ops.open_path(window, str(link))
    assert window.store.path == str(journal.path)
    assert recent_journals() == remembered
    other = tmp_path / "leysin.sprintjournal"
    with Journal(other) as leysin:
        leysin.add_sprint("Leysin 2012", start=date(2012, 1, 15))
    with qtbot.waitSignal(window.store.journal_replaced):
        window_ops.open_path(window, str(other))
    assert window.store.path == str(other)
    assert window.sprint is not None and window.sprint.title == "Leysin 2012"
    assert recent_journals() == [str(other), *remembered]
    window.store.close()


def test_a_lossy_close_happens_only_when_the_user_says_so(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    errors = ["Thursday's note: the disk is full."]
    seen: list[str] = []
    click("Keep Open", seen)
    assert window_ops.confirm_close(parent, errors) is False
    click("Close and Lose Them", seen)
    assert window_ops.confirm_close(parent, errors) is True
    assert seen[0] == seen[1] == ("Some changes could not be saved:\n\n"
                                  "Thursday's note: the disk is full.")


class Panel:
    """Stands for a panel whose contract method fails."""

    def __init__(self, error: Exception | None) -> None:
        self.error = error
        self.calls: list[tuple[object, ...]] = []

    def set_sprint(self, *args: object) -> None:
        self.calls.append(args)
        if self.error is not None:
            raise self.error


def test_call_panel_passes_the_arguments_and_lets_core_errors_go(
        caplog: pytest.LogCaptureFixture) -> None:
    fine, refused = Panel(None), Panel(JournalError("The journal was deleted."))
    window_ops.call_panel(fine, "set_sprint", 7)
    window_ops.call_panel(refused, "set_sprint", 7)  # announced by the store: not raised
    assert fine.calls == refused.calls == [(7,)]
    assert caplog.records == []


def test_call_panel_logs_and_raises_a_bug(caplog: pytest.LogCaptureFixture) -> None:
    broken = Panel(ValueError("row -1"))
    with caplog.at_level(logging.ERROR), pytest.raises(ValueError, match="row -1"):
        window_ops.call_panel(broken, "set_sprint", 7)
    assert "Panel.set_sprint failed" in caplog.text


def test_note_history_without_a_note_says_what_to_do(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    with main_window(qtbot, store, sprint_id=gothenburg.sprint_id, day=FRIDAY) as win:
        assert win.notes is not None and win.notes.note_id is None  # no note on Friday
        window_ops.show_note_history(win)
        assert win.statusBar().currentMessage() == "Choose a note first to see its history."
