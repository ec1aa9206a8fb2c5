"""Edit a photo's caption, alt text, day and people, with the thumbnail in view."""

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from sprintjournal.records import PhotoRec

from .form import add_ok_cancel, add_rows, run_form
from .people_picker import PeoplePicker


@dataclass(frozen=True)
class PhotoAnswer:
    caption: str
    alt: str | None
    day: date | None
    people: list[str] = field(default_factory=list)


class PhotoDialog(QDialog):
    def __init__(self, photo: PhotoRec, days: list[date], attendees: list[str],
                 icon: QIcon | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Photo {photo.filename}")
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if icon is not None:
            self.preview.setPixmap(icon.pixmap(220, 220))
        self.caption = QLineEdit(photo.caption)
        self.caption.setPlaceholderText("What happened here? Shown under the photo")
        self.alt = QLineEdit(photo.alt or "")
        self.alt.setPlaceholderText("What the photo shows, for readers who cannot see it")
        self.day = QComboBox()
        self.day.addItem("(no day)", "")
        for d in sorted({*days, *([photo.day] if photo.day else [])}):
            # ISO text as item data: QComboBox.findData cannot match Python date objects
            self.day.addItem(f"{d:%a} {d.day} {d:%b %Y}", d.isoformat())
        self.day.setCurrentIndex(max(0, self.day.findData(
            photo.day.isoformat() if photo.day else "")))
        self.people = PeoplePicker(attendees, [p.name for p in photo.people])
        self._build(photo)

    def _build(self, photo: PhotoRec) -> None:
        form = QFormLayout(self)
        form.addRow(self.preview)
        facts = QLabel(f"{photo.filename} — {photo.width}×{photo.height}")
        facts.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(facts)
        add_rows(form, (("&Caption:", self.caption), ("&Alt text:", self.alt),
                        ("&Day:", self.day), ("&People:", self.people)))
        self.ok_button = add_ok_cancel(self, form)
        self.resize(460, 600)

    def answer(self) -> PhotoAnswer:
        day = self.day.currentData()
        return PhotoAnswer(self.caption.text().strip(), self.alt.text().strip() or None,
                           date.fromisoformat(day) if day else None, self.people.checked_names())

    @classmethod
    def ask(cls, parent: QWidget | None, photo: PhotoRec, days: list[date],
            attendees: list[str], icon: QIcon | None = None, *,
            read_only: bool = False) -> PhotoAnswer | None:
        """Show the dialog modally; the answer, or None when cancelled (or opened to read)."""
        return run_form(cls(photo, days, attendees, icon, parent), cls.answer,
                        read_only=read_only)

