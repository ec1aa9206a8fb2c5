"""PhotoDialog: a photo's caption, alt text, day and people edited beside its thumbnail; the
answer is trimmed, a blank alt text is None, and Cancel answers None."""

from datetime import date

from factories import OFFSCREEN_NOISE, jpeg_bytes
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from shell_data import when_modal
from sprintjournal_ui.dialogs.photo_dialog import PhotoAnswer, PhotoDialog

from sprintjournal.journal import Journal
from sprintjournal.records import PhotoRec

pytestmark = OFFSCREEN_NOISE
DAYS = [date(2011, 11, 3), date(2011, 11, 2), date(2011, 11, 4)]
PEOPLE = ["Laura Creighton", "Antonio Cuni", "Mark Pearse"]


def a_photo(journal: Journal, sprint: int, caption: str = "", alt: str | None = None,
            day: date | None = None, people: tuple[str, ...] = ()) -> PhotoRec:
    journal.add_photo(sprint, jpeg_bytes(64, 48), "cake.jpg", caption=caption, alt=alt, day=day,
                      people=people)
    [photo] = journal.list_photos(sprint)
    return photo


def test_the_photo_is_shown_as_it_is_in_the_journal(
        qtbot: QtBot, journal: Journal, panel_sprint: int) -> None:
    photo = a_photo(journal, panel_sprint, caption="The cake", alt="A round cake",
                    day=date(2011, 11, 3), people=("Antonio Cuni",))
    red = QPixmap(64, 48)
    red.fill(Qt.GlobalColor.red)
    dialog = PhotoDialog(photo, DAYS, PEOPLE, QIcon(red))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Photo cake.jpg"
    assert (dialog.caption.text(), dialog.alt.text()) == ("The cake", "A round cake")
    assert dialog.day.currentText() == "Thu 3 Nov 2011"
    assert dialog.people.checked_names() == ["Antonio Cuni"]
    shown = dialog.preview.pixmap().toImage()
    assert not shown.isNull() and shown.pixelColor(5, 5).name() == "#ff0000"
    assert dialog.answer() == PhotoAnswer("The cake", "A round cake", date(2011, 11, 3),
                                          ["Antonio Cuni"])


def test_days_are_offered_in_order_with_no_day_first_and_the_photos_own_day_kept(
        qtbot: QtBot, journal: Journal, panel_sprint: int) -> None:
    outside = date(2011, 11, 12)  # taken after the sprint: still offered, still chosen
    dialog = PhotoDialog(a_photo(journal, panel_sprint, day=outside), DAYS, PEOPLE)
    qtbot.addWidget(dialog)
    offered = [dialog.day.itemText(i) for i in range(dialog.day.count())]
    assert offered == ["(no day)", "Wed 2 Nov 2011", "Thu 3 Nov 2011", "Fri 4 Nov 2011",
                       "Sat 12 Nov 2011"]
    assert dialog.day.currentText() == "Sat 12 Nov 2011"


def test_typed_answers_are_trimmed_and_a_blank_alt_text_is_none(
        qtbot: QtBot, journal: Journal, panel_sprint: int) -> None:
    dialog = PhotoDialog(a_photo(journal, panel_sprint), DAYS, PEOPLE)
    qtbot.addWidget(dialog)
    assert dialog.day.currentText() == "(no day)"
    qtbot.keyClicks(dialog.caption, "  Carl Friedrich at the whiteboard  ")
    qtbot.keyClicks(dialog.alt, "   ")
    dialog.day.setCurrentIndex(dialog.day.findText("Fri 4 Nov 2011"))
    dialog.people.set_checked("Mark Pearse")
    dialog.people.set_checked("Laura Creighton")
    assert dialog.answer() == PhotoAnswer("Carl Friedrich at the whiteboard", None,
                                          date(2011, 11, 4), ["Laura Creighton", "Mark Pearse"])


def test_ask_answers_on_ok_and_none_on_cancel(
        qtbot: QtBot, journal: Journal, panel_sprint: int) -> None:
    photo = a_photo(journal, panel_sprint, caption="old")

    def retitle(dialog: QWidget) -> None:
        assert isinstance(dialog, PhotoDialog)
        dialog.caption.setText("new")
        dialog.ok_button.click()

    seen = when_modal(retitle)
    answer = PhotoDialog.ask(None, photo, DAYS, PEOPLE)
    assert seen == ["Photo cake.jpg"]
    assert answer is not None and answer.caption == "new"

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, PhotoDialog)
        dialog.caption.setText("not kept")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_modal(cancel)
    assert PhotoDialog.ask(None, photo, DAYS, PEOPLE) is None


def test_the_rendered_dialog_shows_the_thumbnail_and_every_field(
        qtbot: QtBot, journal: Journal, panel_sprint: int) -> None:
    photo = a_photo(journal, panel_sprint, caption="The cake", day=date(2011, 11, 3))
    image = QImage.fromData(jpeg_bytes(64, 48))
    dialog = PhotoDialog(photo, DAYS, PEOPLE, QIcon(QPixmap.fromImage(image)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    facts = [w.text() for w in dialog.findChildren(QWidget) if hasattr(w, "text")
             and isinstance(w.text(), str)]
    assert "cake.jpg — 64×48" in facts
    for field in (dialog.preview, dialog.caption, dialog.alt, dialog.day, dialog.people):
        assert field.isVisible() and dialog.rect().contains(field.geometry())
