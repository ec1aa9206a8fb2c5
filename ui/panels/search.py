"""The Search panel: a field (Ctrl+F) and the hits of SQLite FTS5, each with a snippet.

Search runs as you type, after a short pause; Enter in the field opens the first hit, the arrow
keys move into the list, and choosing a hit emits `result_chosen` — the main window then selects
the item in its panel (switching sprint and day when needed).
"""

from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from sprintjournal.records import SearchHit

from ..models.search_model import HitRole, SearchModel
from ..models.search_where import hit_location
from ..store import JournalStore
from ..throttle import Debouncer
from ..widgets.search_delegate import SnippetDelegate

SEARCH_DELAY_MS = 150


class SearchPanel(QWidget):
    result_chosen = Signal(SearchHit)

    def __init__(self, store: JournalStore, undo_stack: QUndoStack | None = None,
                 parent: QWidget | None = None, *, delay_ms: int = SEARCH_DELAY_MS) -> None:
        super().__init__(parent)
        self._store = store
        self._sprint_id: int | None = None
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Search notes, stand-up, branches, people, photos")
        self.field.setAccessibleName("Search")
        self.field.setClearButtonEnabled(True)
        self.all_sprints = QCheckBox("All sprints", self)
        self.model = SearchModel(self)
        self.model.locate = hit_location
        self.results = QListView(self)
        self.results.setAccessibleName("Search results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(SnippetDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)  # rows are wrapped text of their own heights
        self.empty_hint = QLabel("Type a word to search this sprint's notes, stand-up items, "
                                 "branches, people and photo captions.", self)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setForegroundRole(self.palette().ColorRole.PlaceholderText)
        self._debounce = Debouncer(self.run_search, delay_ms, self)
        self._lay_out()
        self.field.textChanged.connect(self._debounce.trigger)
        self.field.returnPressed.connect(self._choose_first)
        self.all_sprints.toggled.connect(self.run_search)
        self.results.activated.connect(self._choose)
        self.results.clicked.connect(self._choose)
        self.field.installEventFilter(self)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.field)
        layout.addWidget(self.all_sprints)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.empty_hint)

    def focus_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def set_sprint(self, sprint_id: int | None) -> None:
        self._sprint_id = sprint_id
        if self.field.text():
            self.run_search()

    def set_day(self, day: date | None) -> None:
        """Search covers the whole sprint; the day does not narrow it."""

    def select_item(self, item_id: int) -> None:
        """Nothing to select: the results are the items of other panels."""

    def flush(self) -> None:
        """Nothing is edited here."""

    def run_search(self) -> list[SearchHit]:
        self._debounce.cancel()
        text = self.field.text().strip()
        scope = None if self.all_sprints.isChecked() else self._sprint_id
        hits = self._store.read(self._store.search, text, scope) if text else []
        self.model.set_hits(hits)
        self.empty_hint.setVisible(not hits)
        if text and not hits:
            self.empty_hint.setText(f"Nothing found for “{text}”.")
        return hits

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down arrow in the field moves into the results."""
        if (watched is self.field and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down
                and self.model.rowCount()):
            self.results.setFocus()
            self.results.setCurrentIndex(self.model.index(0))
            return True
        return super().eventFilter(watched, event)

    def _choose_first(self) -> None:
        if self._debounce.pending:
            self.run_search()
        if self.model.rowCount():
            self._choose(self.model.index(0))

    def _choose(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if isinstance(hit, SearchHit):
            self.result_chosen.emit(hit)
