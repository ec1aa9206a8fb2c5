"""The widgets of the Notes panel, laid out; `NotesPanel` adds the behaviour.

Kept apart so the panel's logic (autosave, echoes, undo) reads without a page of layout code.
"""

from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..day_words import day_label
from ..qt_values import (
    ELIDE_RIGHT,
    SCROLL_BAR_ALWAYS_OFF,
    TOOL_BUTTON_TEXT_ONLY,
    USER_ROLE,
)
from .elided_label import ElidedLabel
from .markdown_editor import MarkdownEditor
from .preview import NotePreview

if TYPE_CHECKING:
    from PySide6.QtCore import QRegularExpression

    from .empty_journal_hint import EmptyJournalHint


@cache
def _not_space() -> "QRegularExpression":
    """Made when first needed (a save's day count): its enums cost start-up about 1 ms."""
    from PySide6.QtCore import QRegularExpression

    return QRegularExpression(r"\S")


def long_day(day: date | None) -> str:
    return "Notes without a day" if day is None else f"{day:%A} {day.day} {day:%B %Y}"


def leading_text(editor: QPlainTextEdit) -> str:
    """The first few lines, without copying a huge note."""
    block, lines = editor.document().firstBlock(), list[str]()
    while block.isValid() and len(lines) < 5:
        lines.append(block.text()[:200])
        block = block.next()
    return "\n".join(lines)


def note_title(text: str, number: int) -> str:
    """The first line of a note, as a short tab title."""
    first = text.lstrip().split("\n", 1)[0].lstrip("# ").strip()
    if not first:
        return f"Note {number}"
    return first if len(first) <= 28 else first[:27] + "…"


def written(text: str) -> bool:
    """Whether a note counts in its day's number: an emptied note is kept (its versions with
    it, for Note History) but no longer counts, like a day nobody wrote about."""
    return bool(text.strip())


def has_text(editor: QPlainTextEdit) -> bool:
    """`written` for the editor's text, without copying a huge note: the first non-space."""
    return not editor.document().find(_not_space()).isNull()


def count_tip(count: int) -> str:
    return f"{count} note{'s' if count != 1 else ''}" if count else "No notes yet"


class DaysList(QListWidget):
    """The sprint's days and "No day", each with its number of notes."""

    def values(self) -> list[date | None]:
        return [self.item(i).data(USER_ROLE) for i in range(self.count())]

    def fill(self, days: list[date | None], counts: dict[date | None, int]) -> None:
        self.blockSignals(True)
        self.clear()
        for day in days:
            item = QListWidgetItem(day_label(day, counts.get(day, 0)))
            item.setToolTip(count_tip(counts.get(day, 0)))
            item.setData(USER_ROLE, day)
            self.addItem(item)
        self.blockSignals(False)

    def select(self, day: date | None) -> None:
        """Make `day` current without announcing it (the panel already shows it)."""
        values = self.values()
        self.blockSignals(True)
        self.setCurrentRow(values.index(day) if day in values else -1)
        self.blockSignals(False)

    def set_count(self, day: date | None, count: int) -> None:
        values = self.values()
        if day in values:
            item = self.item(values.index(day))
            item.setText(day_label(day, count))
            item.setToolTip(count_tip(count))

    def default_day(self) -> date | None:
        """Today during the sprint, else its first day (else "No day")."""
        values = self.values()
        if date.today() in values:
            return date.today()
        dated = [d for d in values if d is not None]
        return dated[0] if dated else None


class NotesView(QWidget):
    """Days list | (day heading, note tabs, buttons / editor | preview); or the empty hint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = QStackedWidget(self)
        self.editor_page = self._build_editor_page()
        self.stack.addWidget(self.editor_page)
        self.hint: EmptyJournalHint | None = None
        """The page for a journal without a sprint, made when first shown."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    @property
    def showing_hint(self) -> bool:
        return self.hint is not None and self.stack.currentWidget() is self.hint

    def show_hint(self) -> None:
        if self.hint is None:
            from .empty_journal_hint import EmptyJournalHint

            self.hint = EmptyJournalHint(self)
            self.stack.addWidget(self.hint)
            self.hint_made(self.hint)
        self.stack.setCurrentWidget(self.hint)

    def hint_made(self, hint: "EmptyJournalHint") -> None:
        """The hint page was just made: a subclass connects its buttons here."""

    def show_editor_page(self) -> None:
        self.stack.setCurrentWidget(self.editor_page)

    def _build_editor_page(self) -> QWidget:
        page = QSplitter(parent=self)  # horizontal; `QSplitter(self)` weighs `Qt.Orientation`
        page.setChildrenCollapsible(False)
        self.days = DaysList(page)
        self.days.setAccessibleName("Days of the sprint")
        self.days.setMinimumWidth(100)
        self.days.setSpacing(2)
        self.days.setProperty("horizontalScrollBarPolicy", SCROLL_BAR_ALWAYS_OFF)
        self.days.setProperty("textElideMode", ELIDE_RIGHT)
        page.addWidget(self.days)
        page.addWidget(self._build_note_area(page))
        page.setStretchFactor(0, 0)
        page.setStretchFactor(1, 1)
        page.setSizes([120, 800])
        return page

    def _build_note_area(self, parent: QWidget) -> QWidget:
        area = QWidget(parent)
        self.heading = ElidedLabel(area)  # cut rather than widen the window
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.tabs = QTabBar(area)
        self.tabs.setAccessibleName("Notes of the day")
        self.tabs.setExpanding(False)
        self.tabs.setDocumentMode(True)
        self.add_button = _tool_button("New note", "Add another note to this day", area)
        self.remove_button = _tool_button("Remove note", "Remove the note shown", area)
        bar = QHBoxLayout()
        bar.addWidget(self.heading)
        bar.addSpacing(12)
        bar.addWidget(self.tabs, 1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        split = QSplitter(parent=area)  # horizontal
        split.setChildrenCollapsible(False)
        self.editor = MarkdownEditor(split)  # made in the splitter: moved into it from `area`,
        self.preview = NotePreview(split)  # the two cost start-up 5 M instructions more
        split.addWidget(self.editor)
        split.addWidget(self.preview)
        split.setSizes([500, 500])
        layout = QVBoxLayout(area)
        layout.setContentsMargins(6, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        return area


def _tool_button(text: str, tip: str, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(text)
    button.setProperty("toolButtonStyle", TOOL_BUTTON_TEXT_ONLY)
    return button
