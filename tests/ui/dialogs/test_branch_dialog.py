"""The branch dialog: figures typed in it (one undoable edit, printed in the report verbatim) and
its "Someone else?" field, which completes from people and aliases."""

from collections.abc import Callable

from factories import OFFSCREEN_NOISE
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shell_data import show_active, shown
from sprintjournal_ui.dialogs.branch_dialog import BranchDialog
from sprintjournal_ui.panels.branches import BranchesPanel
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal
from sprintjournal.records import FigureRec, PersonRec
from sprintjournal.report.compose import compose_draft

pytestmark = OFFSCREEN_NOISE

TYPED = FigureRec("allocating a tuple of two ints", "about 3 times faster", "the generic tuple")
PRINTED = "Allocating a tuple of two ints: about 3 times faster than the generic tuple."


def edit_branch(qtbot: QtBot, panel: BranchesPanel, name: str,
                fill: Callable[[BranchDialog], None]) -> None:
    """Select `name`, open the panel's edit dialog and let `fill` drive the modal dialog."""
    row = [r.name for r in panel.model.records()].index(name)
    panel.table.setCurrentIndex(panel.proxy.mapFromSource(panel.model.index(row, 0)))

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, BranchDialog)
        try:
            fill(dialog)
        finally:
            if dialog.isVisible():  # a failed step must not leave the modal loop running
                dialog.reject()

    assert [r.name for r in panel.selected_records()] == [name]
    QTimer.singleShot(0, run)
    panel.edit_selected()


def figures_of(journal: Journal, sid: int, name: str) -> tuple[FigureRec, ...]:
    return next(b for b in journal.list_branches(sid) if b.name == name).figures


def test_a_typed_figure_is_saved_undoable_and_printed_exactly(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
    panel_sprint: int, journal: Journal,
) -> None:
    panel = BranchesPanel(store, undo_stack)
    qtbot.addWidget(panel)
    show_active(qtbot, panel)
    panel.set_sprint(panel_sprint)
    assert PRINTED not in compose_draft(journal, panel_sprint)

    def type_figure(dialog: BranchDialog) -> None:
        assert dialog.figures.rows == []
        qtbot.mouseClick(dialog.figures.add_button, Qt.MouseButton.LeftButton)
        what, value, compared = dialog.figures.rows[0]
        qtbot.keyClicks(what, TYPED.what)
        qtbot.keyClicks(value, f" {TYPED.value} ")
        qtbot.keyClicks(compared, TYPED.compared_with)
        dialog.ok_button.click()

    edit_branch(qtbot, panel, "SpecialisedTuple", type_figure)
    assert figures_of(journal, panel_sprint, "SpecialisedTuple") == (TYPED,)
    assert PRINTED in compose_draft(journal, panel_sprint)
    assert undo_stack.undoText() == "Edit branch SpecialisedTuple"
    undo_stack.undo()
    assert figures_of(journal, panel_sprint, "SpecialisedTuple") == ()
    undo_stack.redo()
    assert figures_of(journal, panel_sprint, "SpecialisedTuple") == (TYPED,)

    def remove_it(dialog: BranchDialog) -> None:
        assert [tuple(f.text() for f in row) for row in dialog.figures.rows] == [
            (TYPED.what, TYPED.value, TYPED.compared_with)]  # existing figures show
        dialog.figures.remove_row(dialog.figures.rows[0])
        dialog.ok_button.click()

    edit_branch(qtbot, panel, "SpecialisedTuple", remove_it)
    assert figures_of(journal, panel_sprint, "SpecialisedTuple") == ()
    assert PRINTED not in compose_draft(journal, panel_sprint)


def test_a_figure_without_its_value_keeps_the_dialog_open(
    qtbot: QtBot, panel_sprint: int, journal: Journal,
) -> None:
    dialog = BranchDialog(["Antonio Cuni"])
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    qtbot.keyClicks(dialog.name, "ffistruct-2")
    dialog.figures.add_row()
    dialog.figures.rows[0][0].setText("field access")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.result() != BranchDialog.DialogCode.Accepted
    assert dialog.figures.error.text() == "A figure needs its value."
    assert dialog.figures.rows[0][1].hasFocus()
    dialog.figures.rows[0][1].setText("about 400 times faster")
    dialog.ok_button.click()
    assert dialog.result() == BranchDialog.DialogCode.Accepted
    assert dialog.answer().fields["figures"] == [FigureRec("field access",
                                                           "about 400 times faster")]


def test_undoing_a_removal_brings_the_figures_back(
    qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
    panel_sprint: int, journal: Journal,
) -> None:
    bid = next(b.id for b in journal.list_branches(panel_sprint) if b.name == "SpecialisedTuple")
    journal.update_branch(bid, figures=[TYPED])
    panel = BranchesPanel(store, undo_stack)
    qtbot.addWidget(panel)
    panel.set_sprint(panel_sprint)
    row = [r.name for r in panel.model.records()].index("SpecialisedTuple")
    panel.table.setCurrentIndex(panel.proxy.mapFromSource(panel.model.index(row, 0)))
    panel.remove_selected()
    assert "SpecialisedTuple" not in [b.name for b in journal.list_branches(panel_sprint)]
    undo_stack.undo()
    assert figures_of(journal, panel_sprint, "SpecialisedTuple") == (TYPED,)


def test_someone_else_completes_and_asks_before_a_near_duplicate(
        qtbot: QtBot, store: JournalStore, undo_stack: QUndoStack,
        panel_sprint: int, journal: Journal) -> None:
    """Item 8: the branch dialog's "Someone else?" completes from people and aliases; a new
    name like a known one asks first; a known alias is read as the person."""
    romain = journal.add_person("Romain Guillebert").id
    journal.update_person(romain, aliases=["rguillebert"])
    panel = BranchesPanel(store, undo_stack)
    shown(qtbot, panel, panel_sprint)
    asked: list[tuple[str, list[str]]] = []

    failures: list[BaseException] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, BranchDialog)
        try:
            answer(dialog)
        except BaseException as exc:  # a failed check must not leave the dialog open
            failures.append(exc)
            dialog.reject()

    def answer(dialog: BranchDialog) -> None:
        picker = dialog.people

        def choose_known(_parent: object, typed: str, similar: list[PersonRec]) -> str:
            asked.append((typed, [p.name for p in similar]))
            return similar[0].name

        picker.ask_similar = choose_known
        completer = picker.extra.completer()
        completer.setCompletionPrefix("guil")
        offered = []
        for row in range(completer.completionCount()):
            completer.setCurrentRow(row)
            offered.append(completer.currentCompletion())
        assert offered == ["rguillebert", "Romain Guillebert"]  # the alias completes too
        qtbot.keyClicks(dialog.name, "pypy-jvm")
        for typed in ("Romain", "RGUILLEBERT", "Carl Friedrich Bolz"):
            picker.extra.setFocus()
            qtbot.keyClicks(picker.extra, typed)
            qtbot.keyClick(picker.extra, Qt.Key.Key_Return)
            assert picker.extra.text() == ""
        dialog.ok_button.click()

    QTimer.singleShot(0, fill)
    qtbot.keyClick(panel.table, Qt.Key.Key_Insert)
    assert not failures, failures
    assert asked == [("Romain", ["Romain Guillebert"])]
    branch = next(b for b in journal.list_branches(panel_sprint) if b.name == "pypy-jvm")
    assert sorted(p.name for p in branch.people) == ["Carl Friedrich Bolz", "Romain Guillebert"]
    assert [p.name for p in journal.list_people()].count("Romain Guillebert") == 1
    assert journal.find_person("Romain") is None
