"""Marking things for the report: one key (Ctrl+Shift+R) in the Notes, Stand-up and Branches panels.

Nothing the organiser writes reaches the report unless marked here. In a note, the key marks or
unmarks the paragraph under the cursor, and marked paragraphs are shaded green; in the stand-up
table it toggles the selected items, shaded green alike; in the branches table it toggles
whether a branch's notes may be printed (its name cell is shaded).
"""

from __future__ import annotations  # QAction loads with the first action made, after the notes

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from sprintjournal.publish import marked_indexes, paragraph_at, paragraphs, toggle

from ..qt_values import WIDGET_WITH_CHILDREN_SHORTCUT, set_shortcut, with_text
from ..theme import MARKED
from ..throttle import Debouncer
from .store_command import StoreCommand

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QPlainTextEdit

MARK_KEY = "Ctrl+Shift+R"
TICK = "✓"
REFRESH_MS = 400
"""The pause in typing after which a marked note's shading is brought up to date."""


def add_row_mark_action(panel: Any, field: str, update: str, what: str) -> QAction:
    """A panel action toggling `field` (publish, notes_publish) of the selected records."""
    from PySide6.QtGui import QKeySequence  # not for the notes' first screen (2 ms)

    def run() -> None:
        records = panel.selected_records()
        if not records or panel.store.readonly:
            return
        on = not all(getattr(r, field) for r in records)
        before = {r.id: getattr(r, field) for r in records}

        def do(_state: dict[str, Any]) -> Any:
            change = None
            for rid in before:
                change = getattr(panel.store, update)(rid, **{field: on})
            return change

        def undo(_state: dict[str, Any]) -> Any:
            change = None
            for rid, was in before.items():
                change = getattr(panel.store, update)(rid, **{field: was})
            return change

        label = "Mark for the report" if on else "Keep out of the report"
        panel.undo_stack.push(StoreCommand(f"{label}: {what}", do, undo))

    action: QAction = panel.add_action(
        "For the report", run, "copy", QKeySequence(MARK_KEY),
        tip=f"Mark the selected {what} for the report, or unmark it (Ctrl+Shift+R); only "
            "marked ones are published", toolbar=False)
    return action


class NoteMarks(QObject):
    """Ctrl+Shift+R in a note marks the paragraph under the cursor; marked ones are shaded."""

    def __init__(self, panel: Any) -> None:
        from PySide6.QtGui import QAction

        super().__init__(panel)
        self.panel = panel
        self.editor: QPlainTextEdit = panel.editor
        self.action = with_text(QAction, "Mark paragraph for the report", panel)
        set_shortcut(self.action, MARK_KEY)  # no `Qt` on the notes' first screen: ui/qt_values.py
        self.action.setProperty("shortcutContext", WIDGET_WITH_CHILDREN_SHORTCUT)
        self.action.triggered.connect(lambda _checked=False: self.toggle_here())
        self.editor.addAction(self.action)
        self._known: tuple[int | None, tuple[str, ...]] | None = None  # (note id, its marks)
        self._shaded = False
        self._later = Debouncer(self.refresh, REFRESH_MS, self)
        self.editor.textChanged.connect(self._on_text_changed)
        panel._store.notes_changed.connect(self._on_notes_changed)

    def _marks(self) -> tuple[str, ...]:
        """The current note's marks, read once per note: typing never changes them."""
        note_id = self.panel.note_id
        if self._known is not None and self._known[0] == note_id:
            return self._known[1]
        marks: tuple[str, ...] = ()
        if note_id is not None:
            try:
                marks = tuple(self.panel._store.get_note(note_id).publish)
            except Exception:
                marks = ()
        self._known = (note_id, marks)
        return marks

    def _on_notes_changed(self, _change: object, initiator: object) -> None:
        """Autosave of the editor's own text keeps the marks; anything else may change them."""
        if initiator is not self.editor:
            self._known = None
        self.refresh()

    def _on_text_changed(self) -> None:
        """Another note shown: shade at once. A key typed: nothing to do in a note without
        marks; otherwise the shading follows after a pause (on every key, finding the
        paragraphs of a note of megabytes froze typing for a tenth of a second)."""
        if self._known is None or self._known[0] != self.panel.note_id:
            self.refresh()
        elif self._known[1] or self._shaded:
            self._later.trigger()

    def toggle_here(self) -> None:
        """Save the text first, so the mark names the paragraph as it now reads."""
        note_id = self.panel.note_id
        store = self.panel._store
        if note_id is None or store.readonly:
            return
        self.panel.flush()
        text = self.editor.toPlainText()
        index = paragraph_at(text, self.editor.textCursor().position())
        if index is None:
            return
        before = self._marks()
        after = tuple(toggle(text, before, index))

        def do(_state: dict[str, Any]) -> Any:
            return store.set_note_publish(note_id, after)

        def undo(_state: dict[str, Any]) -> Any:
            return store.set_note_publish(note_id, before)

        on = len(after) > len([m for m in before if m in after])
        label = "Mark paragraph for the report" if on else "Keep paragraph out of the report"
        self.panel._undo.push(StoreCommand(label, do, undo))
        self.refresh()

    def refresh(self) -> None:
        """Shade the marked paragraphs (the marks follow the saved text)."""
        self._later.cancel()
        marks = self._marks()
        if not marks:
            if self._shaded:
                self.editor.setExtraSelections([])
                self._shaded = False
            return
        text = self.editor.toPlainText()
        marked = set(marked_indexes(text, marks))
        spans = []
        pos = 0
        for index, para in enumerate(paragraphs(text)):
            start = text.find(para, pos)
            pos = start + len(para)
            if index in marked and start >= 0:
                spans.append((start, pos))
        shade(self.editor, spans)
        self._shaded = bool(spans)

    def marked_paragraphs(self) -> list[int]:
        return sorted(marked_indexes(self.editor.toPlainText(), self._marks()))


def shade(editor: QPlainTextEdit, spans: list[tuple[int, int]]) -> None:
    """Shade each (start, end) of the editor's text across the whole width.

    Its classes are imported here: PySide builds their enums on import (about 4 ms), and most
    notes shown at start-up have no marked paragraph."""
    from PySide6.QtGui import QTextCursor, QTextFormat
    from PySide6.QtWidgets import QTextEdit

    selections = []
    for start, end in spans:
        selection = QTextEdit.ExtraSelection()
        selection.format.setBackground(MARKED)
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        cursor = QTextCursor(editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selections.append(selection)
    editor.setExtraSelections(selections)
