"""Issue 13: the organiser's week without friction — one selected day, imports that can be
taken back, an honest summary, the Needs Review list, panels by keyboard, the theme."""

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from locations import SAMPLES
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, every_panel, main_window, when_modal
from sprintjournal_ui.main_window import MainWindow
from sprintjournal_ui.settings import theme_choice
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.theme_menu import ThemeMenu

from sprintjournal.journal import Journal
from sprintjournal.review import ROW, SUGGESTION, ReviewItem

DATA = SAMPLES
NOV = DATA / "gothenburg-2011-2"
MONDAY = date(2011, 11, 7)


@pytest.fixture
def window(qtbot: QtBot, store: JournalStore) -> Iterator[MainWindow]:
    with main_window(qtbot, store, autosave_ms=60_000, size=(1280, 800)) as win:
        yield win


def import_via_menu(window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch,
                    answer: str = "OK") -> list[str]:
    """File ▸ Import with `path` chosen; the summary box is answered with button `answer`;
    returns the summary's text."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    texts: list[str] = []

    def answer_box(box: object) -> None:
        assert isinstance(box, QMessageBox)
        texts.append(box.text() + "\n" + box.informativeText())
        button = next(b for b in box.buttons() if b.text().replace("&", "") == answer)
        button.click()

    when_modal(answer_box)
    window.act_import.trigger()
    return texts


def test_one_selected_day_everywhere_and_imports_land_on_it(
        window: MainWindow, gothenburg: Gothenburg, journal: Journal,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Item 1: pick Mon 7 Nov in the day list; two imports go into Mon 7 Nov and the Day box
    keeps saying so, in the same words as for every other day."""
    window.select_sprint(gothenburg.sprint_id)
    assert window.notes is not None
    days = window.notes.days
    days.setCurrentRow(days.values().index(MONDAY))
    assert window.day == MONDAY and window.panels["standup"].day == MONDAY
    planning = tmp_path / "planning.txt"
    shutil.copy(NOV / "planning.txt", planning)
    for _ in range(2):
        import_via_menu(window, planning, monkeypatch)
        assert window.toolbar.day_combo.currentData() == MONDAY
        assert window.toolbar.day_combo.currentText() == "Monday 7 Nov 2011"
        assert window.day == MONDAY and window.notes.day == MONDAY
        assert window.panels["standup"].day == MONDAY
    items = journal.list_standup(gothenburg.sprint_id)
    assert items and {i.day for i in items} == {MONDAY}
    labels = [window.toolbar.day_combo.itemText(i)
              for i in range(window.toolbar.day_combo.count())]
    assert labels[0] == "Wednesday 2 Nov 2011" and len(labels) == len(set(labels))


def test_an_import_is_undone_in_one_step_until_the_next_edit(
        window: MainWindow, gothenburg: Gothenburg, journal_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 1: Edit ▸ Undo Import takes the whole import back; after another edit it is gone."""
    window.select_sprint(gothenburg.sprint_id)
    before = [a.person.name for a in window.store.list_attendees(gothenburg.sprint_id)]
    import_via_menu(window, NOV / "people.txt", monkeypatch)
    after = [a.person.name for a in window.store.list_attendees(gothenburg.sprint_id)]
    assert len(after) > len(before)
    assert window.act_undo_import.isEnabled()
    assert window.act_undo_import.text().replace("&", "") == "Undo Import of people.txt"
    window.act_undo_import.trigger()
    names = [a.person.name for a in window.store.list_attendees(gothenburg.sprint_id)]
    assert names == before
    assert window.sprint is not None and window.sprint.id == gothenburg.sprint_id
    assert not window.act_undo_import.isEnabled()
    # offered only until the next change: restoring later would undo that too
    import_via_menu(window, NOV / "people.txt", monkeypatch)
    assert window.act_undo_import.isEnabled()
    window.store.add_branch(gothenburg.sprint_id, "stm", [])
    assert not window.act_undo_import.isEnabled()


def test_the_summary_button_undoes_the_import(
        window: MainWindow, gothenburg: Gothenburg, monkeypatch: pytest.MonkeyPatch) -> None:
    window.select_sprint(gothenburg.sprint_id)
    before = len(window.store.list_attendees(gothenburg.sprint_id))
    import_via_menu(window, NOV / "people.txt", monkeypatch, answer="Undo Import")
    assert len(window.store.list_attendees(gothenburg.sprint_id)) == before


def by_group(window: MainWindow) -> tuple[list[ReviewItem], list[ReviewItem]]:
    """The Needs Review list's rows to review and its suggestions to confirm."""
    items = window.panels["review"].items
    return ([i for i in items if i.group == ROW], [i for i in items if i.group == SUGGESTION])


def test_the_import_summary_counts_what_the_table_flags(
        window: MainWindow, gothenburg: Gothenburg, monkeypatch: pytest.MonkeyPatch) -> None:
    """Items 2 and 3: "(N to review)" is the number of flagged rows the table shows; the
    summary and the list's title count rows and suggestions apart, as the list holds them."""
    window.select_sprint(gothenburg.sprint_id)
    (summary,) = import_via_menu(window, NOV / "people.txt", monkeypatch)
    flagged = [a for a in window.store.list_attendees(gothenburg.sprint_id)
               if a.needs_review]
    assert len(flagged) >= 3  # Jacob, Laura, Maciej, Sam... are new to this journal
    assert f"8 attendees ({len(flagged)} rows to review)" in summary
    rows, suggested = by_group(window)
    assert sorted(i.item_id for i in rows) == sorted(a.id for a in flagged)
    assert {i.kind for i in suggested} >= {"newcomer", "ordinal"}
    assert (f"Needs Review (Ctrl+6) lists {len(rows)} rows to review and {len(suggested)} "
            "suggestions to confirm.") in summary
    assert window.panels["review"].heading.text() == (
        f"{len(rows)} rows to review and {len(suggested)} suggestions to confirm.")
    assert window.docks["review"].windowTitle() == f"Needs Review ({len(rows) + len(suggested)})"


def test_the_summary_tells_this_imports_rows_from_earlier_ones(
        window: MainWindow, gothenburg: Gothenburg, journal: Journal,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A row flagged before the import is in the list too: the summary says which are new, so
    "(4 rows to review)" and "5 rows to review" do not contradict each other."""
    sid = gothenburg.sprint_id
    journal.add_attendee(sid, "Romain", needs_review=True, review_reason="Romain added as new")
    window.select_sprint(sid)
    (summary,) = import_via_menu(window, NOV / "people.txt", monkeypatch)
    rows, suggested = by_group(window)
    new = [a for a in journal.list_attendees(sid) if a.needs_review and a.person.name != "Romain"]
    assert f"8 attendees ({len(new)} rows to review)" in summary
    assert len(rows) == len(new) + 1
    assert (f"lists {len(rows)} rows to review ({len(new)} from this import) and "
            f"{len(suggested)} suggestions to confirm.") in summary


def test_needs_review_confirm_correct_merge_one_key_each(
        qtbot: QtBot, window: MainWindow, gothenburg: Gothenburg, journal: Journal,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 3 (and 8's merge): Enter confirms, F2 opens the row's editor, M merges a person;
    each is one undo step."""
    sid = gothenburg.sprint_id
    window.select_sprint(sid)
    romain = journal.add_attendee(sid, "Romain", needs_review=True,
                                  review_reason="Romain added as new").id
    journal.add_person("Romain Guillebert")
    hakan = journal.add_attendee(sid, "Hakan", dates_text="?", needs_review=True,
                                 review_reason="dates '?' could not be read").id
    window.store.announce(journal.update_attendee(hakan, diet=None))
    window.go_actions["review"].trigger()
    review = window.panels["review"]
    assert review.tree.hasFocus()
    rows, suggested = by_group(window)
    assert review.heading.text() == f"2 rows to review and {len(suggested)} suggestions to confirm."
    assert window.docks["review"].windowTitle() == f"Needs Review ({2 + len(suggested)})"
    assert [item.title for item in rows] == ["Romain", "Hakan"]
    assert review.items[:2] == rows  # the rows first, then the report's guesses
    assert review.items[0].similar[0][1] == "Romain Guillebert"
    # M: merge Romain into Romain Guillebert
    review.ask_person = lambda item: item.similar[0]
    review.confirm_merge = lambda item, keep: True
    review.select_item(romain)
    qtbot.keyClick(review.tree, Qt.Key.Key_M)
    names = [a.person.name for a in journal.list_attendees(sid)]
    assert "Romain" not in names and "Romain Guillebert" in names
    assert "Romain" in journal.find_person("Romain Guillebert").aliases  # type: ignore[union-attr]
    assert [i.title for i in by_group(window)[0]] == ["Hakan"]
    # Ctrl+Z splits them again under the same ids, the row flagged as before; redo merges
    window.act_undo.trigger()
    assert romain in [a.id for a in journal.list_attendees(sid) if a.person.name == "Romain"]
    assert [i.title for i in by_group(window)[0]] == ["Romain", "Hakan"]
    assert journal.find_person("Romain Guillebert").aliases == ()  # type: ignore[union-attr]
    window.act_redo.trigger()
    assert [i.title for i in by_group(window)[0]] == ["Hakan"]
    # F2: the attendee dialog opens on Hakan's row (cancelled here)
    seen = when_modal(lambda dialog: dialog.reject())
    qtbot.keyClick(review.tree, Qt.Key.Key_F2)
    assert seen and window.docks["attendees"].isVisible()
    assert [r.id for r in window.panels["attendees"].selected_records()] == [hakan]
    # Enter: confirmed, the flag goes, the list empties; Ctrl+Z brings it back
    window.go_actions["review"].trigger()
    qtbot.keyClick(review.tree, Qt.Key.Key_Return)
    assert not next(a for a in journal.list_attendees(sid) if a.id == hakan).needs_review
    rows, suggested = by_group(window)
    assert rows == [] and review.heading.text() == f"{len(suggested)} suggestions to confirm."
    assert window.docks["review"].windowTitle() == f"Needs Review ({len(suggested)})"
    window.act_undo.trigger()
    assert [i.title for i in by_group(window)[0]] == ["Hakan"]
    # the report's guesses, answered one Enter each, empty the list
    window.act_redo.trigger()
    for _ in range(len(suggested)):  # two guesses at the sprint's number go with one answer
        if review.count():
            qtbot.keyClick(review.tree, Qt.Key.Key_Return)
    assert window.docks["review"].windowTitle() == "Needs Review"
    assert "Nothing needs review" in review.hint.text()


def test_tab_leaves_every_table_and_f6_reaches_every_panel(
        qtbot: QtBot, window: MainWindow, gothenburg: Gothenburg) -> None:
    """Item 10: no keyboard trap; F6 / Shift+F6 go round Notes and every panel."""
    window.select_sprint(gothenburg.sprint_id)
    for panel in every_panel(window).values():
        for view in panel.findChildren(QAbstractItemView):
            assert not view.tabKeyNavigation(), f"{type(panel).__name__} traps Tab"
    window.go_to_panel("attendees")
    table = window.panels["attendees"].table
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table
    assert window.notes is not None
    window.notes.editor.setFocus()
    reached = []
    for _ in range(len(window.docks)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        reached.append(next((n for n, d in window.docks.items()
                             if d.isAncestorOf(QApplication.focusWidget())), "notes"))
    assert set(reached) == {"standup", "branches", "report", "attendees", "photos", "review",
                            "notes"}
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.docks["review"].isAncestorOf(QApplication.focusWidget())


def test_ctrl_number_goes_to_the_panel_and_never_hides_it(
        qtbot: QtBot, window: MainWindow, gothenburg: Gothenburg) -> None:
    """Item 11: Ctrl+4 shows, raises and focuses a panel; pressed again it stays; hiding is
    Ctrl+Shift+4 (View ▸ Show or Hide)."""
    window.select_sprint(gothenburg.sprint_id)
    number = list(window.docks).index("attendees") + 1
    assert window.go_actions["attendees"].shortcut().toString() == f"Ctrl+{number}"
    for _ in range(2):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.docks["attendees"].isVisible()
        assert window.panels["attendees"].table.hasFocus()
    toggle = window.docks["attendees"].toggleViewAction()
    assert toggle.shortcut().toString() == f"Ctrl+Shift+{number}"
    toggle.trigger()
    assert window.docks["attendees"].isHidden()
    window.go_actions["attendees"].trigger()
    assert window.docks["attendees"].isVisible()


def test_the_theme_is_chosen_in_the_view_menu_and_remembered(window: MainWindow) -> None:
    """Item 20: View ▸ Theme ▸ Dark darkens the palette at once and is kept for next time."""
    from sprintjournal_ui.theme import is_dark

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    menu = window.findChild(ThemeMenu, "theme_menu")
    assert isinstance(menu, ThemeMenu)
    try:
        menu.choices["dark"].trigger()
        assert is_dark(app.palette()) and theme_choice() == "dark"
        menu.choices["light"].trigger()
        assert not is_dark(app.palette()) and theme_choice() == "light"
    finally:
        menu.choices["system"].trigger()
    assert theme_choice() == "system"


def test_delete_sprint_speaks_of_the_apps_backups(
        window: MainWindow, gothenburg: Gothenburg) -> None:
    """Item 19: no command-line verb in the Delete Sprint question."""
    window.select_sprint(gothenburg.sprint_id)
    texts: list[str] = []

    def cancel(box: object) -> None:
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        box.reject()

    when_modal(cancel)
    window.act_delete_sprint.trigger()
    assert "File ▸ Backups" in texts[0] and "sprintjournal backup" not in texts[0]


def test_carry_over_says_its_result_in_the_status_bar(
        window: MainWindow, gothenburg: Gothenburg, journal: Journal) -> None:
    """Item 15: the result shows where the user looks, not in an overflowing toolbar."""
    journal.add_standup_item(gothenburg.sprint_id, date(2011, 11, 3), "today", "win64",
                             ["Armin Rigo"], status="in progress")
    window.select_sprint(gothenburg.sprint_id)
    window.select_day(date(2011, 11, 4))
    window.go_to_panel("standup")
    window.panels["standup"].carry_action.trigger()
    assert window.statusBar().currentMessage() == "1 item carried over from Thu 3 Nov."
    assert window.panels["standup"].message.isVisible()
