"""The Notes panel: the days of the sprint, the notes of a day, a Markdown editor and its preview.

Autosave, end to end: each key restarts a debounce; when it fires (one second after the last
key), or at once on focus-out, on switching note/day/sprint and on close, the text goes to
`Journal.set_note_text` through the store with the editor as initiator, and the panel ignores
that echo. A day without a note still accepts typing: the first save creates the note. Adding and
removing notes are undoable commands; undo of typing stays inside the editor.
"""

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QListWidgetItem, QWidget

from sprintjournal.changes import Change
from sprintjournal.errors import JournalError
from sprintjournal.note_history import LARGE_DELETION
from sprintjournal.records import NoteRec, SprintRec

from ..day_words import day_label
from ..qt_values import USER_ROLE
from ..read_only import REASON, set_editor_read_only, set_placeholder
from ..store import JournalStore
from ..throttle import Debouncer
from ..widgets.document_text import DocumentSnapshot
from ..widgets.notes_view import (
    NotesView,
    has_text,
    leading_text,
    long_day,
    note_title,
    written,
)
from ..workers.background_save import BackgroundSaver

if TYPE_CHECKING:
    from sprintjournal.markdown_render import PeopleDirectory

    from ..commands.report_marks import NoteMarks
    from ..widgets.empty_journal_hint import EmptyJournalHint

AUTOSAVE_MS = 1000


class NotesPanel(NotesView):
    """Central panel. Signals tell the main window what the user chose here."""

    day_selected = Signal(object)  # date | None, picked in the days list
    mention_activated = Signal(str, int)  # kind, id: a mention clicked in the preview
    pending_changed = Signal(bool)  # an edit is waiting for autosave
    new_sprint_requested = Signal()
    demo_requested = Signal()

    def __init__(self, store: JournalStore, undo_stack: QUndoStack, parent: QWidget | None = None,
                 *, autosave_ms: int = AUTOSAVE_MS) -> None:
        super().__init__(parent)
        self._store, self._undo = store, undo_stack
        self._sprint: SprintRec | None = None
        self._day: date | None = None
        self._notes: list[NoteRec] = []
        self._note_id: int | None = None
        self._dirty = False
        self._loading = False
        self._index_stale = True
        self._people: PeopleDirectory | None = None
        self._saving = True
        self._pending = False
        self._read_only = False
        self._tips = {button: button.toolTip() for button in (self.add_button, self.remove_button)}
        self._autosave = Debouncer(self._autosave_fired, autosave_ms, self)
        self._saver = BackgroundSaver(store, self)
        self._saver.finished.connect(self._on_background_saved)
        self._snapshot = DocumentSnapshot(self.editor.document(), self._save_in_background, self)
        self._wire()
        self._marks: NoteMarks | None = None
        QTimer.singleShot(0, self, self._make_marks)  # after the first screen: `report_marks`

    def _wire(self) -> None:
        self.days.currentItemChanged.connect(self._on_day_clicked)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.document().contentsChange.connect(self._on_contents_change)
        self.editor.focus_lost.connect(self._flush_quietly)
        self.preview.mention_activated.connect(self.mention_activated)
        self.add_button.clicked.connect(self.add_note)
        self.remove_button.clicked.connect(self.remove_note)
        self._connect_store(True)

    def _connect_store(self, connect: bool) -> None:
        store = self._store
        pairs = [(store.notes_changed, self._on_notes_changed),
                 *((signal, self._mark_index_stale) for signal in (
                     store.people_changed, store.branches_changed, store.attendees_changed))]
        for signal, slot in pairs:
            if connect:
                signal.connect(slot)
            else:
                signal.disconnect(slot)

    def rebind(self, store: JournalStore) -> None:
        """Move to `store` without reloading the editor: the app's start-up shows the notes
        before the other panels exist (`MainWindow.attach_early`), and attaches them while the
        user may already be typing. Saving starts then; a pending edit is saved after the usual
        pause. The same store (the start-up's case) keeps the mentions index and the preview
        the early view made from it: building and rendering them again cost the start-up a
        second read of people, attendees and branches and a second Markdown render."""
        if store is self._store and not self._index_stale:
            self._saving = True
            if self._dirty:
                self._autosave.trigger()
            return
        self._connect_store(False)
        self._store = self._saver.store = store
        self._connect_store(True)
        self._saving = True
        self._index_stale = True
        self._people = None
        self._refresh_index()
        if self._dirty:
            self._autosave.trigger()
        else:
            self.preview.schedule(self.editor.document())

    def hold_saving(self) -> None:
        """Keep edits pending (not an error) until `rebind` says the window can save them."""
        self._saving = False

    # -- the panel contract -----------------------------------------------------------------
    @property
    def sprint_id(self) -> int | None:
        return None if self._sprint is None else self._sprint.id

    @property
    def day(self) -> date | None:
        return self._day

    @property
    def note_id(self) -> int | None:
        return self._note_id

    @property
    def dirty(self) -> bool:
        """Something typed is not in the journal yet (waiting, or being written)."""
        return self._dirty or self._saver.busy

    @property
    def read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, readonly: bool) -> None:
        """Follow the journal (see `ui.read_only`): the editor keeps its text, selectable and
        copyable, and an edit still pending stays pending (shown "Not saved"), never dropped;
        nothing here invites a change that would fail."""
        self._read_only = readonly
        set_editor_read_only(self.editor, readonly)
        if self._marks is not None:
            self._marks.action.setEnabled(not readonly)
        for button, tip in self._tips.items():
            button.setToolTip(f"{tip}\n{REASON}" if readonly else tip)
        if self.hint is not None:
            self._hint_follows_journal(self.hint)
        self._enable_buttons()
        if self._sprint is not None:
            self._set_placeholder()

    @property
    def report_marks(self) -> "NoteMarks":
        """Ctrl+Shift+R and the shading of the note's marked paragraphs, made one turn of the
        event loop after the panel: at start-up the note's text is on screen first (its marks
        are a read of the journal, and their shading builds the text-format classes' enums)."""
        return self._make_marks()

    def _make_marks(self) -> "NoteMarks":
        if self._marks is None:
            from ..commands.report_marks import NoteMarks  # not with the notes' first screen

            self._marks = NoteMarks(self)
            self._marks.action.setEnabled(not self._read_only)
            self._marks.refresh()
        return self._marks

    def set_autosave_delay(self, delay_ms: int) -> None:
        self._autosave.set_delay(delay_ms)

    def set_sprint(self, sprint_id: int | None) -> None:
        self.flush()
        same_sprint = self._sprint is not None and self._sprint.id == sprint_id
        self._sprint = None if sprint_id is None else self._store.read(
            self._store.get_sprint, sprint_id)
        self._index_stale = True
        if self._sprint is None:
            self._show_empty()
            return
        self._fill_days()
        self.show_editor_page()
        keep = same_sprint and self._day in self.days.values()
        self._load_day(self._day if keep else self.days.default_day())

    def set_day(self, day: date | None) -> None:
        if self._sprint is None or (day == self._day and self._notes_loaded_for(day)):
            return
        self.flush()
        self._load_day(day)

    def select_item(self, item_id: int) -> None:
        """Show note `item_id` (a search result), moving to its day if needed."""
        note = self._store.read(self._store.get_note, item_id)
        if self._sprint is None or note.sprint_id != self._sprint.id:
            return
        if note.day != self._day:
            self.set_day(note.day)
            self.day_selected.emit(note.day)
        self._select_note(item_id)
        self.editor.setFocus()

    def flush(self) -> None:
        """Write the pending edit now; raises the core's error if it cannot be saved."""
        self._autosave.cancel()
        self._snapshot.cancel()
        self._saver.wait()
        self._save()

    # -- loading ----------------------------------------------------------------------------
    def _fill_days(self) -> None:
        assert self._sprint is not None
        days = set(self._sprint.days()) | set(self._store.days_with_content(self._sprint.id))
        counts: dict[date | None, int] = {}
        for note in self._store.read(self._store.list_notes, self._sprint.id):
            counts[note.day] = counts.get(note.day, 0) + written(note.text)
        self.days.fill([*sorted(days), None], counts)

    def _notes_loaded_for(self, day: date | None) -> bool:
        return not self.showing_hint and all(n.day == day for n in self._notes)

    def _load_day(self, day: date | None, select: int | None = None) -> None:
        assert self._sprint is not None
        self._day = day
        self.days.select(day)
        self._notes = self._store.read(self._store.list_notes, self._sprint.id, day)
        self.heading.setText(long_day(day))
        self._set_placeholder()
        self._fill_tabs()
        wanted = select if select is not None else (self._notes[0].id if self._notes else None)
        self._select_note(wanted)

    def _set_placeholder(self) -> None:
        day = day_label(self._day)
        set_placeholder(self.editor, f"Nothing written for {day} yet. Start typing: it saves "
                        "itself. Mention people with @Name and branches with #branch.",
                        self._read_only, f"Nothing written for {day}. {REASON}")

    def _enable_buttons(self) -> None:
        self.add_button.setEnabled(not self._read_only)
        self.remove_button.setEnabled(bool(self._notes) and not self._read_only)

    def _fill_tabs(self) -> None:
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for number, note in enumerate(self._notes, start=1):
            self.tabs.addTab(note_title(note.text, number))
            self.tabs.setTabData(self.tabs.count() - 1, note.id)
        self.tabs.setVisible(len(self._notes) > 1)
        self.tabs.blockSignals(False)
        self._enable_buttons()

    def _select_note(self, note_id: int | None) -> None:
        ids = [n.id for n in self._notes]
        if note_id not in ids:
            note_id = ids[0] if ids else None
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(ids.index(note_id) if note_id is not None else -1)
        self.tabs.blockSignals(False)
        self._note_id = note_id
        text = "" if note_id is None else self._store.read(self._store.get_note, note_id).text
        self._set_editor_text(text)

    def _set_editor_text(self, text: str) -> None:
        self._loading = True
        self.editor.setPlainText(text)
        self._loading = False
        self._set_dirty(False)
        if self._saving:
            self._render_preview()
        else:  # the startup view: the text first, its preview on the next turn of the loop
            QTimer.singleShot(0, self._render_preview)

    def _render_preview(self) -> None:
        self._refresh_index()
        self.preview.show_text(self.editor.document())

    def _show_empty(self) -> None:
        self._sprint, self._notes, self._note_id = None, [], None
        self.days.clear()
        self._set_editor_text("")
        self.show_hint()

    def hint_made(self, hint: "EmptyJournalHint") -> None:
        hint.new_sprint_requested.connect(self.new_sprint_requested)
        hint.demo_requested.connect(self.demo_requested)
        self._hint_follows_journal(hint)

    def _hint_follows_journal(self, hint: "EmptyJournalHint") -> None:
        """A read-only journal cannot take a new sprint: the button says why."""
        hint.new_sprint_button.setEnabled(not self._read_only)
        hint.new_sprint_button.setToolTip(REASON if self._read_only else "")

    # -- mentions ---------------------------------------------------------------------------
    def _mark_index_stale(self, change: Change, initiator: object) -> None:
        if change.entity in ("person", "journal"):
            self._people = None
        self._index_stale = True
        if not self._dirty and self._sprint is not None:
            self._refresh_index()
            self.preview.schedule(self.editor.document())

    def _refresh_index(self) -> None:
        if not self._index_stale or self._sprint is None:
            return
        from sprintjournal.markdown_render import MentionIndex, PeopleDirectory

        sprint_id = self._sprint.id
        if self._people is None:  # kept across sprints: thousands of people cost tens of ms
            self._people = PeopleDirectory(self._store.read(self._store.list_people))
        attendees = self._store.read(self._store.list_attendees, sprint_id)
        index = MentionIndex(self._people, self._store.read(self._store.list_branches, sprint_id),
                             {a.person.id for a in attendees})
        self.preview.set_resolver(index)
        here = [a.person.name for a in attendees]
        others = set(here)
        people = here + [name for name in index.person_names if name not in others]
        self.editor.set_candidates(people, index.branch_names)
        self._index_stale = False

    # -- user actions -----------------------------------------------------------------------
    def _on_day_clicked(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        day = current.data(USER_ROLE)
        self.set_day(day)
        self.day_selected.emit(day)

    def _on_tab_changed(self, index: int) -> None:
        self.flush()
        self._select_note(self.tabs.tabData(index) if index >= 0 else None)

    def _on_text_changed(self) -> None:
        if self._loading:
            return
        self._set_dirty(True)
        self._autosave.trigger()
        self.preview.schedule(self.editor.document())

    def _on_contents_change(self, _position: int, removed: int, added: int) -> None:
        """A large deletion is saved at once: the journal keeps the text before it as a version
        (Note History), which a 10-minute rhythm alone would not."""
        if not self._loading and removed - added >= LARGE_DELETION:
            QTimer.singleShot(0, self.flush)

    def _set_dirty(self, dirty: bool) -> None:
        """`dirty`: edits not yet handed to a save; pending also counts a save in flight."""
        self._dirty = dirty
        pending = dirty or self._saver.busy
        if pending != self._pending:
            self._pending = pending
            self.pending_changed.emit(pending)

    def add_note(self) -> None:
        """A new empty note on the current day (undoable)."""
        if self._sprint is None or self._read_only:
            return
        self.flush()
        from ..commands.note_commands import add_note_command, created_id  # on the first use

        command = add_note_command(self._store, self._sprint.id, self._day, self)
        self._undo.push(command)
        self._select_note(created_id(command))
        self.editor.setFocus()

    def remove_note(self) -> None:
        """Remove the current note (undoable: undo re-creates it with its text)."""
        if self._note_id is None or self._sprint is None or self._read_only:
            return
        self.flush()
        note = self._store.read(self._store.get_note, self._note_id)
        from ..commands.note_commands import remove_note_command  # on the first use

        self._undo.push(remove_note_command(self._store, note, self))

    # -- saving -----------------------------------------------------------------------------
    def _autosave_fired(self) -> None:
        if self._saver.busy:  # one save at a time, in order: this one comes next
            self._autosave.trigger()
            return
        if self._dirty and self._saving and self._note_id is not None:  # on the pool, any size
            self._snapshot.start()  # the text, read a slice per turn, then _save_in_background
            return
        try:
            self._save()
        except JournalError:
            self._autosave.trigger()  # the store has shown why; the text stays, retry later

    def _save_in_background(self, text: str) -> None:
        """The text of `_autosave_fired`, read: saved on the pool unless a flush came first."""
        if not self._dirty or not self._saving or self._note_id is None:
            return
        if self._saver.busy:
            self._autosave.trigger()
            return
        self._saver.start(self._note_id, text, self.editor)
        self._set_dirty(False)

    def _on_background_saved(self, ok: bool) -> None:
        if ok:
            self._set_dirty(self._dirty)  # may end "Saving…"
        else:
            self._set_dirty(True)
            self._autosave.trigger()

    def _flush_quietly(self) -> None:
        try:
            self.flush()
        except JournalError:
            self._autosave.trigger()

    def _save(self) -> None:
        if not self._dirty or self._sprint is None or not self._saving:
            return
        text = self.editor.toPlainText()
        if self._note_id is None:
            if not text:
                self._set_dirty(False)
                return
            change = self._store.add_note(self._sprint.id, self._day, text,
                                          initiator=self.editor)
            self._note_id = change.id
            self._notes = self._store.read(self._store.list_notes, self._sprint.id, self._day)
            self._fill_tabs()
            self._select_tab_quietly(self._note_id)
            self._refresh_titles()
        else:
            self._store.set_note_text(self._note_id, text, initiator=self.editor)
        self._set_dirty(False)

    def _select_tab_quietly(self, note_id: int | None) -> None:
        ids = [n.id for n in self._notes]
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(ids.index(note_id) if note_id in ids else -1)
        self.tabs.blockSignals(False)

    # -- echoes -----------------------------------------------------------------------------
    def _on_notes_changed(self, change: Change, initiator: object) -> None:
        if self._sprint is None or change.sprint_id not in (None, self._sprint.id):
            return
        if initiator is self.editor:
            self._refresh_titles()
            return
        keep = self._note_id
        self._fill_days()
        self.days.select(self._day)
        notes = self._store.read(self._store.list_notes, self._sprint.id, self._day)
        if self._dirty or self._text_unchanged(notes, keep):
            # The list changed around our text (another note, a mark for the report): the
            # editor keeps its text, cursor and scroll position.
            self._notes = notes
            self._fill_tabs()
            self._select_tab_quietly(keep)
            return
        self._load_day(self._day, select=keep)

    def _text_unchanged(self, notes: list[NoteRec], note_id: int | None) -> bool:
        shown = next((note for note in notes if note.id == note_id), None)
        return shown is not None and shown.text == self.editor.toPlainText()

    def _refresh_titles(self) -> None:
        """Our own save: only the tab title and the day's count can have changed."""
        index = self.tabs.currentIndex()
        if index >= 0:
            self.tabs.setTabText(index, note_title(leading_text(self.editor), index + 1))
        others = sum(written(n.text) for n in self._notes if n.id != self._note_id)
        self.days.set_count(self._day, others + has_text(self.editor))
