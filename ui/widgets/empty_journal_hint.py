"""The Notes panel's page for a journal without a sprint: what to do first, and the demo.

Made the first time it is shown (`NotesView.show_hint`), not with the panel: a hidden page of
a QStackedWidget is still measured whenever the stack lays out, and this word-wrapped rich-text
label took 6 % of start-up's work from the first paint to a returning user's notes (QLabel
measures wrapped text by laying it out at several widths).
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..qt_values import RICH_TEXT, with_text

TEXT = (
    "<h3>No sprint to write about yet</h3>"
    "<p>Create one with <b>Sprint ▸ New sprint…</b> (Ctrl+Shift+N): give it a title, a place "
    "and its dates, and each day of the sprint gets its page of notes here.</p>"
    "<p>Or look around the demo journal first: PyPy's Gothenburg sprint of November 2011.</p>"
)


class EmptyJournalHint(QWidget):
    """The hint, centred, with a button for each way to start."""

    new_sprint_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(TEXT, self)
        self.label.setWordWrap(True)
        self.label.setProperty("textFormat", RICH_TEXT)  # no `Qt`: see ui/qt_values.py
        self.label.setMaximumWidth(520)
        self.new_sprint_button = with_text(QPushButton, "New sprint…", self)
        self.demo_button = with_text(QPushButton, "Open the demo journal", self)
        self.new_sprint_button.setDefault(True)
        self.new_sprint_button.clicked.connect(self.new_sprint_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_sprint_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(self.label)
        column.addLayout(buttons)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)
