"""The sprint dialog: what it gives back, and OK only once a title is typed."""

from datetime import date

from pytestqt.qtbot import QtBot
from sprintjournal_ui.dialogs.sprint_dialog import SprintDialog


def test_sprint_dialog_values_and_validation(qtbot: QtBot) -> None:
    dialog = SprintDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()  # no title yet
    dialog.title.setText("  Leysin 2012 ")
    dialog.authors.setText("Laura, , Jacob")
    dialog.end.set_value(None)
    dialog.start.set_value(date(2012, 1, 15))
    assert ok.isEnabled()
    values = dialog.values()
    assert values["title"] == "Leysin 2012" and values["end"] is None
    assert values["blog_authors"] == ["Laura", "Jacob"] and values["start"] == date(2012, 1, 15)
    qtbot.keyClicks(dialog.end.edit, "10")  # read in the start's month
    assert dialog.end.value() == date(2012, 1, 10) and not ok.isEnabled()
    assert dialog.end.read_as.text() == "before the start"
    dialog.end.edit.setText("21")
    assert dialog.end.value() == date(2012, 1, 21) and ok.isEnabled()
