"""StandupDialog: add or edit a stand-up item (section, text, status, pair, branch); OK needs a
text, an edited item comes back as it was stored, Cancel answers None."""

from datetime import date

from factories import OFFSCREEN_NOISE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from shell_data import when_modal
from sprintjournal_ui.dialogs.standup_dialog import StandupAnswer, StandupDialog

from sprintjournal.journal import Journal
from sprintjournal.records import BranchRec
from sprintjournal.vocabulary import BRANCH_STATUSES

pytestmark = OFFSCREEN_NOISE
THU = date(2011, 11, 3)
PEOPLE = ["Antonio Cuni", "Mark Pearse", "Armin Rigo"]


def branches(journal: Journal, sprint: int) -> list[BranchRec]:
    return journal.list_branches(sprint)


def test_a_new_item_starts_empty_in_the_asked_section_and_needs_a_text(
        qtbot: QtBot, journal: Journal, panel_sprint: int) -> None:
    dialog = StandupDialog(PEOPLE, branches(journal, panel_sprint), section="done")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Add stand-up item"
    assert dialog.section.currentText() == "Done so far"
    assert dialog.status.currentText() == "" and dialog.branch.currentText() == "(no branch)"
    assert [dialog.status.itemText(i) for i in range(dialog.status.count())] == [
        "", *BRANCH_STATUSES]
    assert [dialog.branch.itemText(i) for i in range(dialog.branch.count())] == [
        "(no branch)", "SpecialisedTuple", "ffistruct", "stm", "win64"]
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.text, "   ")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.text, "specialised 2-tuples")
    assert dialog.ok_button.isEnabled()


def test_the_answer_carries_every_field(qtbot: QtBot, journal: Journal,
                                        panel_sprint: int) -> None:
    known = branches(journal, panel_sprint)
    dialog = StandupDialog(PEOPLE, known)
    qtbot.addWidget(dialog)
    dialog.section.setCurrentIndex(dialog.section.findData("today"))
    qtbot.keyClicks(dialog.text, "  specialised 2-tuples ")
    qtbot.keyClicks(dialog.status.lineEdit(), "nearly there")  # typed, not from the list
    dialog.people.set_checked("Mark Pearse")
    dialog.people.set_checked("Antonio Cuni")
    dialog.branch.setCurrentIndex(dialog.branch.findText("SpecialisedTuple"))
    tuple_branch = next(b.id for b in known if b.name == "SpecialisedTuple")
    assert dialog.answer() == StandupAnswer(
        "today", "specialised 2-tuples", ["Antonio Cuni", "Mark Pearse"],
        {"status": "nearly there", "branch_id": tuple_branch})


def test_no_status_and_no_branch_answer_none(qtbot: QtBot, journal: Journal,
                                             panel_sprint: int) -> None:
    dialog = StandupDialog(PEOPLE, branches(journal, panel_sprint))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.text, "sprint report")
    assert dialog.answer().fields == {"status": None, "branch_id": None}
    assert dialog.answer().section == "today"


def test_an_item_being_edited_comes_back_as_stored(qtbot: QtBot, journal: Journal,
                                                   panel_sprint: int) -> None:
    known = branches(journal, panel_sprint)
    ffi = next(b for b in known if b.name == "ffistruct")
    journal.add_standup_item(panel_sprint, THU, "done", "ffistruct merged",
                             ["Antonio Cuni", "Armin Rigo"], status="merged", branch_id=ffi.id)
    [item] = journal.list_standup(panel_sprint, THU)
    dialog = StandupDialog(PEOPLE, known, current=item)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit stand-up item"
    assert (dialog.section.currentData(), dialog.text.text()) == ("done", "ffistruct merged")
    assert dialog.status.currentText() == "merged" and dialog.branch.currentText() == "ffistruct"
    assert dialog.ok_button.isEnabled()
    assert dialog.answer() == StandupAnswer("done", "ffistruct merged",
                                            ["Antonio Cuni", "Armin Rigo"],
                                            {"status": "merged", "branch_id": ffi.id})


def test_ask_answers_on_ok_and_none_on_escape(qtbot: QtBot, journal: Journal,
                                              panel_sprint: int) -> None:
    known = branches(journal, panel_sprint)

    def type_and_accept(dialog: QWidget) -> None:
        assert isinstance(dialog, StandupDialog)
        qtbot.keyClicks(dialog.text, "jit-targets")
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return)

    seen = when_modal(type_and_accept)
    answer = StandupDialog.ask(None, PEOPLE, known, section="done")
    assert seen == ["Add stand-up item"]
    assert answer is not None and (answer.section, answer.text) == ("done", "jit-targets")

    def type_and_escape(dialog: QWidget) -> None:
        assert isinstance(dialog, StandupDialog)
        qtbot.keyClicks(dialog.text, "lost")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_modal(type_and_escape)
    assert StandupDialog.ask(None, PEOPLE, known) is None
