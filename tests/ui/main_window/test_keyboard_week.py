"""Issue 13: the organiser's whole week with the keyboard alone, on real widgets.

Create the sprint, import PyPy's people.txt, answer the review flags, check people in (an
arrival typed, a one-key "here today"), hold the stand-up, write the day's notes, add a photo,
generate the report and export it. Every step is a key press or typed text sent to the focused
widget or the open dialog; no widget method stands in for a user's action.
"""

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from factories import jpeg_bytes
from locations import SAMPLES
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from shell_data import main_window, show_active
from sprintjournal_ui.main_window import MainWindow
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal

PEOPLE = SAMPLES / "gothenburg-2011-2" / "people.txt"
CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)


@pytest.fixture
def window(qtbot: QtBot, store: JournalStore) -> Iterator[MainWindow]:
    with main_window(qtbot, store, autosave_ms=100, size=(1280, 800)) as win:
        yield win


class Keyboard:
    """Keys and text to whatever has the focus, as a user's keyboard sends them."""

    def __init__(self, qtbot: QtBot, home: QWidget) -> None:
        self.qtbot, self.home = qtbot, home
        self.failures: list[BaseException] = []

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        if widget is None and QApplication.activeModalWidget() is None:
            # a window manager gives the main window back its focus when a dialog closes;
            # the offscreen platform needs asking
            show_active(self.qtbot, self.home)
            self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
            widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard"
        return widget

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
              ) -> None:
        self.qtbot.keyClick(self.focus(), key, modifiers)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus(), text)

    def dialogs(self, *answers: Callable[[QWidget], None]) -> list[str]:
        """Answer the next modal dialogs in turn (each a different one); their titles."""
        seen: list[str] = []
        pending = list(answers)
        last: list[QWidget] = []

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None or (last and dialog is last[-1]) or not dialog.isVisible():
                QTimer.singleShot(20, poll)
                return
            focus = QApplication.focusWidget()
            if not dialog.isActiveWindow() or focus is None or not dialog.isAncestorOf(focus):
                # a window manager activates a new dialog; the offscreen platform needs asking
                handle = dialog.windowHandle()
                if handle is not None:
                    handle.requestActivate()
                QTimer.singleShot(20, poll)
                return
            last.append(dialog)
            seen.append(dialog.windowTitle())
            answer = pending.pop(0)
            if pending:
                QTimer.singleShot(20, poll)
            try:
                answer(dialog)
            except BaseException as exc:  # a failed step must not leave the dialog open
                self.failures.append(exc)
                dialog.close()

        QTimer.singleShot(0, poll)
        return seen


def test_the_organisers_week_by_keyboard(qtbot: QtBot, window: MainWindow, journal: Journal,
                                         tmp_path: Path) -> None:
    keys = Keyboard(qtbot, window)

    # Monday morning: a new sprint (Ctrl+Shift+N), its dates typed as people write them
    def fill_sprint(_dialog: QWidget) -> None:
        keys.type("PyPy sprint in Gothenburg")
        keys.press(Qt.Key.Key_Tab)
        keys.type("PyPy")
        keys.press(Qt.Key.Key_L, ALT)  # P&lace
        keys.type("Gothenburg")
        keys.press(Qt.Key.Key_S, ALT)  # &Start
        keys.press(Qt.Key.Key_A, CTRL)
        keys.type("2011-11-02")
        keys.press(Qt.Key.Key_E, ALT)  # &End
        keys.press(Qt.Key.Key_A, CTRL)
        keys.type("8 nov")
        keys.press(Qt.Key.Key_Return)

    keys.dialogs(fill_sprint)
    keys.press(Qt.Key.Key_N, CTRL | SHIFT)
    assert not keys.failures, keys.failures
    [sprint] = journal.list_sprints()
    assert (sprint.start, sprint.end) == (date(2011, 11, 2), date(2011, 11, 8))

    # import people.txt (Ctrl+I): the path typed in the file dialog, the summary read and closed
    summary: list[str] = []

    def choose_file(_dialog: QWidget) -> None:
        keys.type(str(PEOPLE))
        keys.press(Qt.Key.Key_Return)

    def read_summary(dialog: QWidget) -> None:
        summary.append(dialog.findChild(QWidget, "qt_msgbox_label").text())  # type: ignore[union-attr]
        keys.press(Qt.Key.Key_Return)

    keys.dialogs(choose_file, read_summary)
    keys.press(Qt.Key.Key_I, CTRL)
    attendees = journal.list_attendees(sprint.id)
    assert len(attendees) == 8 and "8 attendees" in summary[0]

    # the review flags: Ctrl+6 goes to Needs Review; Enter confirms the first one
    flagged = sum(a.needs_review for a in attendees)
    number = list(window.docks).index("review") + 1
    keys.press(Qt.Key(Qt.Key.Key_0 + number), CTRL)
    assert window.panels["review"].tree.hasFocus()
    keys.press(Qt.Key.Key_Return)
    assert sum(a.needs_review for a in journal.list_attendees(sprint.id)) == flagged - 1

    # check in: Armin's arrival ("?" in the file) is today, Thursday: in Attendees, type his
    # name to find the row, Shift+F2, type the day in Arrives
    keys.press(Qt.Key(Qt.Key.Key_0 + list(window.docks).index("attendees") + 1), CTRL)
    keys.type("Armin")

    def arrive_thursday(_dialog: QWidget) -> None:
        keys.press(Qt.Key.Key_A, ALT)  # &Arrives
        keys.press(Qt.Key.Key_A, CTRL)
        keys.type("thu")
        keys.press(Qt.Key.Key_Return)

    keys.dialogs(arrive_thursday)
    keys.press(Qt.Key.Key_F2, SHIFT)
    armin = next(a for a in journal.list_attendees(sprint.id) if a.person.name == "Armin Rigo")
    assert armin.arrive == date(2011, 11, 3) and armin.present_on(date(2011, 11, 3))
    # and Maciej walks in on the first morning: find his row, Space checks him in for the day
    qtbot.wait(QApplication.keyboardInputInterval() + 100)  # a new search, not "ArminMaciej"
    keys.type("Maciej")
    keys.press(Qt.Key.Key_Space)
    maciej = next(a for a in journal.list_attendees(sprint.id)
                  if a.person.name.startswith("Maciej"))
    assert maciej.checked_in == (date(2011, 11, 2),) and window.day == date(2011, 11, 2)

    # Thursday's stand-up: the Day box (Alt+D, Down), then Ctrl+1 and Insert
    keys.press(Qt.Key.Key_1, CTRL)
    keys.press(Qt.Key.Key_D, ALT)
    assert window.toolbar.day_combo.hasFocus()
    keys.press(Qt.Key.Key_Down)
    assert window.day == date(2011, 11, 3)
    keys.press(Qt.Key.Key_1, CTRL)

    def add_item(_dialog: QWidget) -> None:
        keys.press(Qt.Key.Key_I, ALT)  # &Item
        keys.type("stm: a first transaction module")
        keys.press(Qt.Key.Key_Return)

    keys.dialogs(add_item)
    keys.press(Qt.Key.Key_Insert)
    [item] = journal.list_standup(sprint.id)
    assert (item.day, item.text) == (date(2011, 11, 3), "stm: a first transaction module")

    # the day's notes: Shift+F6 back to Notes, typed with a mention
    keys.press(Qt.Key.Key_F6, SHIFT)
    assert window.notes is not None and window.notes.editor.hasFocus()
    keys.type("Stand-up at 10. Armin explained STM.")
    qtbot.waitUntil(lambda: any("explained STM" in n.text
                                for n in journal.list_notes(sprint.id, date(2011, 11, 3))))

    # a photo: Photos (Ctrl+5), Insert, the file's path typed
    photo = tmp_path / "standup.jpg"
    photo.write_bytes(jpeg_bytes(320, 240))
    keys.press(Qt.Key(Qt.Key.Key_0 + list(window.docks).index("photos") + 1), CTRL)

    def choose_photo(_dialog: QWidget) -> None:
        keys.type(str(photo))
        keys.press(Qt.Key.Key_Return)

    keys.dialogs(choose_photo)
    keys.press(Qt.Key.Key_Insert)
    qtbot.waitUntil(lambda: len(journal.list_photos(sprint.id)) == 1, timeout=20_000)

    # Friday: the report (Ctrl+3), Ctrl+G for a draft, Ctrl+Shift+E to export it
    keys.press(Qt.Key(Qt.Key.Key_0 + list(window.docks).index("report") + 1), CTRL)
    keys.press(Qt.Key.Key_G, CTRL)
    report = window.panels["report"]
    qtbot.waitUntil(lambda: "Armin Rigo" in (journal.get_report(sprint.id).text or ""))
    out = tmp_path / "blog"

    def export_to(_dialog: QWidget) -> None:
        keys.press(Qt.Key.Key_O, ALT)  # F&older, the label that showed "&" before
        keys.press(Qt.Key.Key_A, CTRL)
        keys.type(str(out))
        keys.press(Qt.Key.Key_Return)

    keys.dialogs(export_to)
    with qtbot.waitSignal(report.export_finished, timeout=30_000) as done:
        keys.press(Qt.Key.Key_E, CTRL | SHIFT)
    assert isinstance(done.args[0], list)
    page = done.args[0][-1]
    assert page.parent == out and page.suffix == ".html"
    assert "Gothenburg" in page.read_text(encoding="utf-8")
