"""The Notes panel: autosave to the real file, no character lost, undo, preview and completion."""

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextCursor, QUndoStack
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg, show_active
from sprintjournal_ui.panels.notes import NotesPanel
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.widgets.preview import PREVIEW_LIMIT

from sprintjournal.journal import Journal

THURSDAY, FRIDAY = date(2011, 11, 3), date(2011, 11, 4)
T = TypeVar("T")


def file_text(path: Path, note_id: int) -> str | None:
    """The note as stored in the SQLite file, read by a separate connection (what a crash keeps)."""
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT text FROM note WHERE id = ?", (note_id,)).fetchone()
    finally:
        conn.close()
    return None if row is None else str(row[0])


def make_panel(qtbot: QtBot, store: JournalStore, undo: QUndoStack, sprint: int,
               autosave_ms: int = 0) -> NotesPanel:
    panel = NotesPanel(store, undo, autosave_ms=autosave_ms)
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    show_active(qtbot, panel)
    panel.set_sprint(sprint)
    return panel


def type_at_end(qtbot: QtBot, panel: NotesPanel, text: str) -> None:
    panel.editor.setFocus()
    panel.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(panel.editor, text)


def test_typing_is_saved_to_the_file_after_the_debounce(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg,
        journal_path: Path) -> None:
    panel = make_panel(qtbot, store, undo_stack, gothenburg.sprint_id, autosave_ms=50)
    panel.set_day(THURSDAY)
    on_the_pool: list[bool] = []
    panel._saver.finished.connect(on_the_pool.append)  # even a short note's commit waits on disk
    type_at_end(qtbot, panel, " jit-targets")
    panel.editor.insertPlainText(" Håkan 😀")  # QTest can only type ASCII; this is a paste
    assert panel.dirty
    qtbot.waitUntil(lambda: not panel.dirty, timeout=3000)
    assert on_the_pool and all(on_the_pool)
    assert file_text(journal_path, gothenburg.note_id) == (
        "# Thursday\n\n@Armin explained STM. jit-targets Håkan 😀")


def test_fault_07_switching_day_right_after_typing_loses_nothing(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg,
        journal_path: Path) -> None:
    panel = make_panel(qtbot, store, undo_stack, gothenburg.sprint_id, autosave_ms=60_000)
    panel.set_day(THURSDAY)
    type_at_end(qtbot, panel, " and pairing")
    panel.days.setCurrentRow(panel.days.currentRow() + 1)  # the user clicks Friday
    assert panel.day == FRIDAY
    assert file_text(journal_path, gothenburg.note_id) == (
        "# Thursday\n\n@Armin explained STM. and pairing")
    assert panel.editor.toPlainText() == ""


def test_focus_out_saves(qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
                         gothenburg: Gothenburg, journal_path: Path) -> None:
    panel = make_panel(qtbot, store, undo_stack, gothenburg.sprint_id, autosave_ms=60_000)
    panel.set_day(THURSDAY)
    type_at_end(qtbot, panel, "!")
    panel.days.setFocus()
    qtbot.waitUntil(lambda: not panel.dirty, timeout=2000)
    assert file_text(journal_path, gothenburg.note_id) == "# Thursday\n\n@Armin explained STM.!"


def test_typing_on_an_empty_day_creates_its_note(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg,
        journal: Journal) -> None:
    panel = make_panel(qtbot, store, undo_stack, gothenburg.sprint_id, autosave_ms=60_000)
    panel.set_day(FRIDAY)
    assert panel.note_id is None and "Nothing written" in panel.editor.placeholderText()
    type_at_end(qtbot, panel, "Cake: 5x faster than CPython")
    panel.flush()
    notes = journal.list_notes(gothenburg.sprint_id, FRIDAY)
    assert [n.text for n in notes] == ["Cake: 5x faster than CPython"]
    assert panel.note_id == notes[0].id
    assert panel.days.currentItem().text() == "Fri 4 Nov · 1"
    assert panel.days.currentItem().toolTip() == "1 note"


def test_own_save_is_not_reloaded_into_the_editor(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg) -> None:
    """The echo of our save must not reset the cursor or the editor's own undo history."""
    panel = make_panel(qtbot, store, undo_stack, gothenburg.sprint_id)
    panel.set_day(THURSDAY)
    panel.editor.setFocus()
    panel.editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(panel.editor, "X")
    panel.flush()
    assert panel.editor.textCursor().position() == 1
    assert panel.editor.document().isUndoAvailable()


def test_a_change_made_elsewhere_is_shown(qtbot: QtBot, store: JournalStore,
                                          undo_stack: QUndoStack, gothenburg: Gothenburg) -> None:
    panel = make_panel(qtbot, store, undo_stack, gothenburg.sprint_id)
    panel.set_day(THURSDAY)
    store.set_note_text(gothenburg.note_id, "restored text", initiator=None)
    assert panel.editor.toPlainText() == "restored text"


def test_add_and_remove_notes_undo_and_redo(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg,
        journal: Journal) -> None:
    panel = make_panel(qtbot, store, undo_stack, gothenburg.sprint_id)
    panel.set_day(THURSDAY)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert len(journal.list_notes(gothenburg.sprint_id, THURSDAY)) == 2
    assert panel.tabs.isVisible() and panel.tabs.count() == 2
    type_at_end(qtbot, panel, "second note")
    panel.flush()
    undo_stack.undo()
    assert [n.text for n in journal.list_notes(gothenburg.sprint_id, THURSDAY)] == [
        "# Thursday\n\n@Armin explained STM."]
    undo_stack.redo()
    texts = [n.text for n in journal.list_notes(gothenburg.sprint_id, THURSDAY)]
    assert texts[1] == "second note"  # redo brings the note back with what was typed in it
    panel.tabs.setCurrentIndex(0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert [n.text for n in journal.list_notes(gothenburg.sprint_id, THURSDAY)] == ["second note"]
    undo_stack.undo()
    texts = sorted(n.text for n in journal.list_notes(gothenburg.sprint_id, THURSDAY))
    assert texts == ["# Thursday\n\n@Armin explained STM.", "second note"]


def test_mentions_are_links_in_the_preview(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg) -> None:
    panel = make_panel(qtbot, store, undo_stack, gothenburg.sprint_id)
    panel.set_day(THURSDAY)
    type_at_end(qtbot, panel, " With @Antonio on #ffistruct.")
    qtbot.waitUntil(lambda: not panel.preview.busy, timeout=3000)
    html = panel.preview.toHtml()
    assert f'href="sj://person/{gothenburg.armin_id}"' in html
    assert f'href="sj://person/{gothenburg.antonio_id}"' in html
    assert f'href="sj://branch/{gothenburg.branch_id}"' in html
    with qtbot.waitSignal(panel.mention_activated) as blocker:
        panel.preview.anchorClicked.emit(QUrl(f"sj://person/{gothenburg.antonio_id}"))
    assert blocker.args == ["person", gothenburg.antonio_id]


def test_script_and_handlers_never_reach_the_preview(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg) -> None:
    panel = make_panel(qtbot, store, undo_stack, gothenburg.sprint_id)
    panel.set_day(THURSDAY)
    attack = ('<script>alert(1)</script> <img src=x onerror=alert(2)> '
              '[x](javascript:alert(3)) <a href="jav&#x61;script:alert(4)">y</a>')
    panel.editor.setPlainText(attack)
    qtbot.waitUntil(lambda: not panel.preview.busy, timeout=3000)
    html = panel.preview.toHtml().lower()
    assert "<script" not in html and "onerror" not in html and "javascript" not in html
    assert panel.editor.toPlainText() == attack  # the source itself is kept as typed


def test_completion_inserts_the_full_name(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg) -> None:
    panel = make_panel(qtbot, store, undo_stack, gothenburg.sprint_id)
    panel.set_day(FRIDAY)
    panel.editor.setFocus()
    qtbot.keyClicks(panel.editor, "Pairing with @Pea")
    popup = panel.editor.completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert panel.editor.completer.currentCompletion() == "Mark Pearse"
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert panel.editor.toPlainText() == "Pairing with @[Mark Pearse]"
    qtbot.keyClicks(panel.editor, " on #ffi")
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert panel.editor.toPlainText() == "Pairing with @[Mark Pearse] on #ffistruct"


def test_fault_37_a_ten_megabyte_paste_is_saved_whole_and_previewed_in_part(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg,
        journal_path: Path) -> None:
    panel = make_panel(qtbot, store, undo_stack, gothenburg.sprint_id, autosave_ms=60_000)
    panel.set_day(THURSDAY)
    big = "".join(f"line {n}: the JIT log says nothing interesting\n" for n in range(230_000))
    assert len(big) > 10_000_000
    panel.editor.selectAll()
    panel.editor.insertPlainText(big)
    panel.flush()
    assert file_text(journal_path, gothenburg.note_id) == big
    qtbot.waitUntil(lambda: not panel.preview.busy, timeout=30_000)
    shown = panel.preview.toPlainText()
    assert "line 0:" in shown and "line 229999" not in shown
    assert f"first {PREVIEW_LIMIT:,}" in shown


@pytest.fixture
def readonly_store(journal: Journal, journal_path: Path) -> Iterator[JournalStore]:
    """The same file, opened as the app opens one it cannot write."""
    journal.close()
    readonly = Journal(journal_path, readonly=True)
    yield JournalStore(readonly)
    readonly.close()


def test_fault_11_a_save_refused_by_the_core_keeps_the_text(
        qtbot: QtBot, gothenburg: Gothenburg, readonly_store: JournalStore,
        undo_stack: QUndoStack) -> None:
    """A read-only journal: the save fails with the core's message; the typing stays."""
    store = readonly_store
    panel = make_panel(qtbot, store, undo_stack, gothenburg.sprint_id, autosave_ms=60_000)
    panel.set_day(THURSDAY)
    type_at_end(qtbot, panel, " more")
    with qtbot.waitSignal(store.error) as blocker:
        panel.days.setFocus()  # focus-out tries to save
    assert "read-only" in blocker.args[0]
    assert panel.dirty and panel.editor.toPlainText().endswith("STM. more")


def test_a_long_note_autosaves_off_the_gui_thread_in_order(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg,
        journal_path: Path) -> None:
    """The autosave of a note of 300,000 characters runs on the pool; a flush right after it
    waits for that save, then writes what was typed since, so the newest text wins."""
    panel = make_panel(qtbot, store, undo_stack, gothenburg.sprint_id, autosave_ms=0)
    panel.set_day(THURSDAY)
    log = "".join(f"trace {n}: guard failed, blackhole\n" for n in range(300_000 // 20))
    assert len(log) > 300_000
    background: list[bool] = []
    panel._saver.finished.connect(background.append)  # only the pool's saves report here
    panel.editor.selectAll()
    panel.editor.insertPlainText(log)
    qtbot.waitUntil(lambda: panel._saver.busy or bool(background), timeout=3000)
    type_at_end(qtbot, panel, "END")
    panel.flush()
    assert background == [True]
    assert not panel.dirty
    assert file_text(journal_path, gothenburg.note_id) == log + "END"


def test_rebinding_to_the_same_store_keeps_the_early_preview_and_starts_saving(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg,
        journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The start-up's early view (saving held) moves to the same store: its mention links stay,
    nothing is read or rendered again, and typing is saved from then on."""
    panel = NotesPanel(store, undo_stack, autosave_ms=50)
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    panel.hold_saving()
    show_active(qtbot, panel)
    panel.set_sprint(gothenburg.sprint_id)
    panel.set_day(THURSDAY)
    qtbot.waitUntil(lambda: f'href="sj://person/{gothenburg.armin_id}"'
                    in panel.preview.toHtml(), timeout=3000)
    renders: list[bool] = []
    panel.preview.rendered.connect(lambda: renders.append(True))
    reads: list[object] = []
    real_read = store.read

    def counted_read(call: Callable[..., T], *args: object) -> T:
        reads.append(call)
        return real_read(call, *args)

    monkeypatch.setattr(store, "read", counted_read)
    panel.rebind(store)
    qtbot.wait(300)  # longer than the preview's pause after a change
    assert renders == [] and reads == []
    assert f'href="sj://person/{gothenburg.armin_id}"' in panel.preview.toHtml()
    type_at_end(qtbot, panel, " kept")
    qtbot.waitUntil(lambda: not panel.dirty, timeout=3000)
    assert file_text(journal_path, gothenburg.note_id) == "# Thursday\n\n@Armin explained STM. kept"


def _day_label(panel: NotesPanel, day: date) -> str:
    return next(panel.days.item(i).text() for i in range(panel.days.count())
                if panel.days.item(i).data(Qt.ItemDataRole.UserRole) == day)


def test_an_emptied_note_no_longer_counts_in_its_day_and_keeps_its_versions(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg,
        journal_path: Path) -> None:
    """All its text deleted and saved: "Thu 3 Nov", not "Thu 3 Nov · 1", in the list as it is
    and as it is filled again (another sprint and back); the note itself stays, with the text
    it had as a version (Note History), and counts again once written in."""
    panel = make_panel(qtbot, store, undo_stack, gothenburg.sprint_id, autosave_ms=60_000)
    panel.set_day(THURSDAY)
    assert _day_label(panel, THURSDAY) == "Thu 3 Nov · 1"
    panel.editor.setFocus()
    panel.editor.selectAll()
    qtbot.keyClick(panel.editor, Qt.Key.Key_Delete)
    panel.flush()
    assert file_text(journal_path, gothenburg.note_id) == ""
    assert _day_label(panel, THURSDAY) == "Thu 3 Nov"
    assert panel.days.item(panel.days.currentRow()).toolTip() == "No notes yet"
    panel.set_sprint(None)
    panel.set_sprint(gothenburg.sprint_id)
    assert _day_label(panel, THURSDAY) == "Thu 3 Nov"
    versions = store.note_versions(gothenburg.note_id)
    assert [v.text for v in versions][:1] == ["# Thursday\n\n@Armin explained STM."]
    panel.set_day(THURSDAY)
    assert panel.note_id == gothenburg.note_id
    type_at_end(qtbot, panel, "  ")
    panel.flush()
    assert _day_label(panel, THURSDAY) == "Thu 3 Nov", "spaces alone write nothing"
    type_at_end(qtbot, panel, "Back.")
    panel.flush()
    assert _day_label(panel, THURSDAY) == "Thu 3 Nov · 1"


def test_a_read_only_panel_takes_no_typing_and_says_why(
        qtbot: QtBot, gothenburg: Gothenburg, readonly_store: JournalStore,
        undo_stack: QUndoStack) -> None:
    store = readonly_store
    panel = make_panel(qtbot, store, undo_stack, gothenburg.sprint_id, autosave_ms=0)
    panel.set_read_only(store.readonly)
    panel.set_day(THURSDAY)
    errors: list[str] = []
    store.error.connect(errors.append)
    type_at_end(qtbot, panel, "typed")
    qtbot.keyClick(panel.editor, Qt.Key.Key_Return)
    qtbot.keyClick(panel.editor, Qt.Key.Key_Backspace)
    assert panel.editor.toPlainText() == "# Thursday\n\n@Armin explained STM."
    assert not panel.dirty and errors == []
    assert panel.editor.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    panel.editor.selectAll()
    panel.editor.copy()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "# Thursday\n\n@Armin explained STM."
    for button in (panel.add_button, panel.remove_button):
        assert not button.isEnabled()
        assert "This journal is open read-only" in button.toolTip()
    panel.set_day(FRIDAY)  # reading goes on: another day, its placeholder says why
    assert panel.heading.text().startswith("Friday 4")
    assert panel.editor.placeholderText().startswith("Nothing written for Fri 4 Nov.")
    assert "open read-only" in panel.editor.placeholderText()
    panel.add_note()  # called anyway (a stray shortcut): nothing is written, nothing fails
    assert errors == [] and store.list_notes(gothenburg.sprint_id, FRIDAY) == []


def test_text_waiting_to_be_saved_stays_when_the_panel_turns_read_only(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg,
        journal_path: Path) -> None:
    """Nothing typed is dropped: the editor keeps it (pending, as for any refused save) and
    saves it once the journal can be written again."""
    panel = make_panel(qtbot, store, undo_stack, gothenburg.sprint_id, autosave_ms=60_000)
    panel.set_day(THURSDAY)
    type_at_end(qtbot, panel, " kept")
    panel.set_read_only(True)
    assert panel.editor.isReadOnly() and panel.dirty
    assert panel.editor.toPlainText().endswith("STM. kept")
    panel.set_read_only(False)
    assert not panel.editor.isReadOnly()
    assert panel.editor.placeholderText().startswith("Nothing written for Thu 3 Nov yet.")
    panel.flush()
    assert file_text(journal_path, gothenburg.note_id) == "# Thursday\n\n@Armin explained STM. kept"


def test_the_hint_page_is_made_for_a_journal_without_a_sprint_and_follows_read_only(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack, gothenburg: Gothenburg) -> None:
    """Made when first needed (a returning user's start-up never pays for it); its New sprint
    button is disabled, saying why, while the journal is read-only, whenever the page is made."""
    panel = make_panel(qtbot, store, undo_stack, gothenburg.sprint_id)
    assert panel.hint is None and panel.editor.isVisible()
    panel.set_read_only(True)
    panel.set_sprint(None)
    assert panel.hint is not None and panel.showing_hint
    button = panel.hint.new_sprint_button
    assert not button.isEnabled() and "read-only" in button.toolTip()
    panel.set_read_only(False)
    assert button.isEnabled() and button.toolTip() == ""
    requested: list[str] = []
    panel.new_sprint_requested.connect(lambda: requested.append("sprint"))
    panel.demo_requested.connect(lambda: requested.append("demo"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.hint.demo_button, Qt.MouseButton.LeftButton)
    assert requested == ["sprint", "demo"]
    panel.set_sprint(gothenburg.sprint_id)
    assert not panel.showing_hint and panel.editor.isVisible()
