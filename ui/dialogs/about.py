"""Help ▸ About: what SprintJournal is, its version, and where this journal lives."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sprintjournal import __version__

ABOUT = (
    "<h2>SprintJournal {version}</h2>"
    "<p>An offline journal for the organiser of a developer sprint: who comes when, what is "
    "being worked on, the daily stand-up, notes and photos — and the blog report at the "
    "end.</p>"
    "<p>Everything lives in one journal file on this computer; nothing is sent anywhere.</p>"
    "<p>Built with Qt for Python (PySide6), SQLite, Python-Markdown, nh3 and Pillow.</p>"
)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, journal_path: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("About SprintJournal")
        text = QLabel(ABOUT.format(version=__version__), self)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        if journal_path:
            where = QLabel(f"This journal: {journal_path}", self)
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(where)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
