"""The note editor: a plain-text Markdown editor that completes `@person` and `#branch`.

It says when it loses focus (autosave flushes then) and offers completion as soon as a sigil is
typed, following Qt's "Custom Completer" example: the popup takes Enter/Tab/Escape while shown.
"""

from __future__ import annotations  # the completer's classes load with the first mention

import re
import time
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QStringListModel
    from PySide6.QtGui import QFocusEvent, QKeyEvent  # resolved by the first key: not at start
    from PySide6.QtWidgets import QAbstractItemView, QCompleter

from ..qt_values import CASE_INSENSITIVE, MATCH_CONTAINS

_LOOK_BACK = 80  # characters before the cursor searched for a mention being typed
_WORD_ENDS = ".,;:!?)"
_SHORTENING = ("\b", "\x7f")
"""The text of Backspace and Delete, which change the prefix being completed."""
UNDO_PAUSE_S = 1.5
"""Seconds without a key after which the next one starts a new undo step."""


@cache
def _mention_prefixes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A person's and a branch's mention being typed: compiled at the first key, not with the
    notes' first screen."""
    return (re.compile(r"(?:^|[^\w@])@(?P<bracket>\[)?(?P<prefix>[^\]\n@\[]*)$"),
            re.compile(r"(?:^|[^\w#&])#(?P<prefix>[\w.\-/]*)$"))


@cache
def _popup_keys() -> frozenset[int]:
    """What the completer's popup takes while shown (on the first key: `Qt` is not named before
    the notes are shown, see ui/qt_values.py)."""
    from PySide6.QtCore import Qt

    return frozenset({Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab,
                      Qt.Key.Key_Backtab})


def prefix_first(words: list[str], prefix: str) -> list[str]:
    """Names starting with what was typed, then names with a word starting with it, then the
    rest that contain it: "#st" offers stm before ffistruct. Each group keeps its order."""
    typed = prefix.casefold()

    def rank(word: str) -> int:
        folded = word.casefold()
        if folded.startswith(typed):
            return 0
        if any(part.startswith(typed) for part in re.split(r"[\s\-_./]+", folded)):
            return 1
        return 2

    return sorted(words, key=rank)


class MarkdownEditor(QPlainTextEdit):
    """QPlainTextEdit with mention completion and a `focus_lost` signal."""

    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Note text (Markdown)")
        self.setTabChangesFocus(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.setFont(font)
        self._people: list[str] = []
        self._branches: list[str] = []
        self._sigil_start = -1
        self._last_key = 0.0
        self._after_word = False
        self._model: QStringListModel | None = None
        self._completer: QCompleter | None = None

    @property
    def completer(self) -> QCompleter:
        """Made with the first mention typed (its classes' enums cost the notes' first screen
        about a millisecond)."""
        if self._completer is None:
            from PySide6.QtCore import QStringListModel
            from PySide6.QtWidgets import QCompleter

            self._model = QStringListModel(self)
            self._completer = QCompleter(self._model, self)
            self._completer.setWidget(self)
            self._completer.setProperty("caseSensitivity", CASE_INSENSITIVE)  # no `Qt`
            self._completer.setProperty("filterMode", MATCH_CONTAINS)
            self._completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            self._completer.activated.connect(self.insert_completion)
        return self._completer

    def _popup(self) -> QAbstractItemView:
        popup = self.completer.popup()
        assert popup is not None  # QCompleter creates its popup on demand
        return popup

    def _popup_shown(self) -> bool:
        return self._completer is not None and self._popup().isVisible()

    def set_candidates(self, people: list[str], branches: list[str]) -> None:
        self._people, self._branches = people, branches

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if not self._popup_shown():
            self.focus_lost.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._popup_shown() and event.key() in _popup_keys():
            event.ignore()  # the completer's popup handles these
            return
        if self._starts_undo_step(event):
            # the first key of a word (or after a pause) is typed in an edit block of its
            # own: Qt never merges a block into the typing before it, so each word is one
            # Ctrl+Z, as in other editors (the keys after it merge into it)
            cursor = self.textCursor()
            cursor.beginEditBlock()
            super().keyPressEvent(event)
            cursor.endEditBlock()
        else:
            super().keyPressEvent(event)
        text = event.text()
        if text:
            self._after_word = text.isspace() or text in _WORD_ENDS
        self._last_key = time.monotonic()
        if text and not self.isReadOnly():  # a read-only journal: no mention to insert
            self._follow_completion(text)

    def _follow_completion(self, text: str) -> None:
        """A character typed, or the prefix cut short (Backspace, Delete): offer what fits.
        Another key with text (Ctrl+Z's, Ctrl+B's control character) closes the popup and
        never opens it: once open it takes the keys typed next, a Ctrl+F among them."""
        if text.isprintable() or text in _SHORTENING:
            self.update_completion()
        elif self._popup_shown():
            self._popup().hide()

    def _starts_undo_step(self, event: QKeyEvent) -> bool:
        """A character typed after a space, punctuation, Enter or a pause starts a step."""
        from PySide6.QtCore import Qt

        text = event.text()
        if self.isReadOnly():  # no step, and no empty edit block announcing a change
            return False
        if not text or not text.isprintable() or text.isspace() or event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        paused = time.monotonic() - self._last_key >= UNDO_PAUSE_S
        return paused or self._after_word

    def update_completion(self) -> None:
        """Show or hide the popup for the mention (if any) ending at the cursor."""
        cursor = self.textCursor()
        before = cursor.block().text()[: cursor.positionInBlock()][-_LOOK_BACK:]
        found = self._match(before)
        if found is None:
            if self._popup_shown():
                self._popup().hide()
            return
        words, prefix, start = found
        self._sigil_start = cursor.position() - (len(before) - start)
        completer = self.completer
        assert self._model is not None  # made with the completer
        self._model.setStringList(prefix_first(words, prefix))
        completer.setCompletionPrefix(prefix)
        if completer.completionCount() == 0:
            self._popup().hide()
            return
        rect = self.cursorRect()
        rect.setWidth(max(220, self._popup().sizeHintForColumn(0) + 24))
        completer.complete(rect)
        completion_model = completer.completionModel()
        if completion_model is not None:
            self._popup().setCurrentIndex(completion_model.index(0, 0))

    def _match(self, before: str) -> tuple[list[str], str, int] | None:
        """(candidates, typed prefix, offset of the sigil in `before`) or None."""
        person_prefix, branch_prefix = _mention_prefixes()
        person = person_prefix.search(before)
        if person and self._people and (person.group("bracket") or " " not in person["prefix"]):
            return self._people, person["prefix"], before.rindex("@")
        branch = branch_prefix.search(before)
        if branch and self._branches:
            return self._branches, branch["prefix"], before.rindex("#")
        return None

    def insert_completion(self, name: str) -> None:
        """Replace the sigil and prefix typed so far by the complete mention."""
        cursor = self.textCursor()
        if self._sigil_start < 0 or self._sigil_start > cursor.position() or self.isReadOnly():
            return
        sigil = self.document().characterAt(self._sigil_start)
        needs_brackets = sigil == "@" and (" " in name or not name.isidentifier())
        mention = f"{sigil}[{name}]" if needs_brackets else f"{sigil}{name}"
        from PySide6.QtGui import QTextCursor

        cursor.setPosition(self._sigil_start)
        cursor.setPosition(self.textCursor().position(), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(mention)
        self.setTextCursor(cursor)
        self._popup().hide()
