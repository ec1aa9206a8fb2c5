"""The checkable list of people with a field for someone else: names once each (case aside),
Enter adds a name without pressing the dialog's OK, and the journal's people come from the
panel that opened the dialog."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from shell_data import show_active
from sprintjournal_ui.dialogs.people_picker import PeoplePicker
from sprintjournal_ui.store import JournalStore

from sprintjournal.records import PersonRec


def listed(picker: PeoplePicker) -> list[tuple[str, bool]]:
    return [(picker.list.item(r).text(),
             picker.list.item(r).checkState() == Qt.CheckState.Checked)
            for r in range(picker.list.count())]


def test_the_checked_come_first_and_each_name_once(qtbot: QtBot) -> None:
    picker = PeoplePicker(["Armin Rigo", "Antonio Cuni", "Mark Pearse"],
                          checked=["antonio cuni", "Christian Tismer"])
    qtbot.addWidget(picker)
    assert listed(picker) == [("antonio cuni", True), ("Christian Tismer", True),
                              ("Armin Rigo", False), ("Mark Pearse", False)]
    picker.add_name("  ", True)
    picker.add_name("ARMIN RIGO", True)  # checks the one listed, adds no second
    assert listed(picker)[2] == ("Armin Rigo", True)
    assert picker.checked_names() == ["antonio cuni", "Christian Tismer", "Armin Rigo"]


def test_set_checked_checks_and_unchecks(qtbot: QtBot) -> None:
    picker = PeoplePicker(["Armin Rigo", "Antonio Cuni"], checked=["Armin Rigo"])
    qtbot.addWidget(picker)
    picker.set_checked("Armin Rigo", False)
    picker.set_checked("Antonio Cuni")
    picker.set_checked("Samuele Pedroni")
    assert picker.checked_names() == ["Antonio Cuni", "Samuele Pedroni"]


def test_a_space_toggles_the_current_person(qtbot: QtBot) -> None:
    picker = PeoplePicker(["Armin Rigo", "Antonio Cuni"])
    qtbot.addWidget(picker)
    show_active(qtbot, picker)
    picker.list.setFocus()
    picker.list.setCurrentRow(1)
    qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    assert picker.checked_names() == ["Antonio Cuni"]


class _Dialog(QDialog):
    """A dialog with an OK button as default, like the branch and stand-up dialogs."""

    def __init__(self) -> None:
        super().__init__()
        self.picker = PeoplePicker(["Armin Rigo"], parent=self)
        self.picker.set_people([])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(buttons)


def test_enter_in_the_field_adds_the_name_and_leaves_the_dialog_open(qtbot: QtBot) -> None:
    dialog = _Dialog()
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    field = dialog.picker.extra
    field.setFocus()
    qtbot.keyClicks(field, "  Carl Friedrich Bolz ")
    with qtbot.assertNotEmitted(dialog.accepted):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.isVisible() and field.text() == ""
    assert listed(dialog.picker)[-1] == ("Carl Friedrich Bolz", True)
    qtbot.keyClick(field, Qt.Key.Key_Return)  # an empty field adds nobody
    assert dialog.picker.list.count() == 2


def test_a_cancelled_question_keeps_the_typed_name_to_correct(qtbot: QtBot) -> None:
    picker = PeoplePicker([])
    qtbot.addWidget(picker)
    picker.set_people([PersonRec(id=1, name="Romain Guillebert")])
    picker.ask_similar = lambda _parent, _typed, _similar: None
    qtbot.keyClicks(picker.extra, "Romain")
    qtbot.keyClick(picker.extra, Qt.Key.Key_Return)
    assert picker.extra.text() == "Romain" and picker.list.count() == 0


def test_a_name_pending_in_the_field_counts_as_checked(qtbot: QtBot) -> None:
    picker = PeoplePicker(["Armin Rigo"])
    qtbot.addWidget(picker)
    picker.set_people([])
    qtbot.keyClicks(picker.extra, "Lukas Diekmann")
    assert picker.checked_names() == ["Lukas Diekmann"]
    assert picker.extra.text() == ""


class _Panel(QWidget):
    """What opens the dialogs: a widget holding the store."""

    def __init__(self, store: JournalStore) -> None:
        super().__init__()
        self.store = store


def test_the_people_come_from_the_panel_that_opened_the_dialog(
        qtbot: QtBot, store: JournalStore, panel_sprint: int) -> None:
    store.update_person(next(p.id for p in store.list_people() if p.name == "Armin Rigo"),
                        aliases=["arigo"])
    panel = _Panel(store)
    qtbot.addWidget(panel)
    dialog = QDialog(panel)
    picker = PeoplePicker([], parent=dialog)
    QVBoxLayout(dialog).addWidget(picker)
    assert picker.people is None
    dialog.show()
    qtbot.waitExposed(dialog)
    assert picker.people is not None
    assert {p.name for p in picker.people} >= {"Armin Rigo", "Laura Creighton"}
    qtbot.keyClicks(picker.extra, "ARIGO")
    qtbot.keyClick(picker.extra, Qt.Key.Key_Return)
    assert picker.checked_names() == ["Armin Rigo"]  # the alias is read as the person
    completer = picker.extra.completer()
    assert completer is not None
    completer.setCompletionPrefix("arig")
    assert completer.completionCount() == 1
    dialog.close()


def test_without_a_panel_the_picker_knows_nobody(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    picker = PeoplePicker([], parent=dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert picker.people == []
