"""The attendees' model passes Qt's model tester, also while rows are added, edited and removed.

(The other panel models: test_branches_model.py, test_standup_model.py, test_photos_model.py.)
"""

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from sprintjournal_ui.models.attendees_model import AttendeesModel
from sprintjournal_ui.store import JournalStore

from sprintjournal.changes import Change
from sprintjournal.journal import Journal


def test_attendees_model_through_changes(qtmodeltester: ModelTester, store: JournalStore,
                                         panel_sprint: int, journal: Journal) -> None:
    model = AttendeesModel(store)
    store.attendees_changed.connect(model.on_change)
    model.set_sprint(panel_sprint)
    qtmodeltester.check(model)
    assert model.rowCount() == 6

    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    added = store.add_attendee(panel_sprint, "Håkan Ardö",
                               arrive=date(2011, 11, 3), depart=date(2011, 11, 8))
    assert inserted == [(6, 6)]

    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.row()))
    store.update_attendee(added.id, diet="vegan")
    assert changed == [6]
    assert model.index(6, model.column_of("diet")).data() == "vegan"

    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    first_id = model.record(0).id
    store.remove_attendee(first_id)
    assert removed == [(0, 0)]
    assert model.row_of(first_id) == -1

    person = journal.find_person("Håkan Ardö")
    assert person is not None
    store.update_person(person.id, name="Hakan Ardo")
    assert model.index(model.row_of(added.id), 0).data() == "Hakan Ardo"

    model.set_sprint(None)
    assert model.rowCount() == 0


def test_attendees_model_ignores_other_sprints(store: JournalStore, panel_sprint: int,
                                               journal: Journal) -> None:
    other = journal.add_sprint("Leysin 2011").id
    model = AttendeesModel(store)
    store.attendees_changed.connect(model.on_change)
    model.set_sprint(panel_sprint)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.rowsInserted.connect(lambda *_: resets.append(False))
    store.add_attendee(other, "Armin Rigo")
    assert resets == [] and model.rowCount() == 6
    model.on_change(Change("attendance", "imported", (), panel_sprint))
    assert resets == [True] and model.rowCount() == 6


def test_a_guessed_newcomer_keeps_its_question_mark(store: JournalStore, journal: Journal,
                                                    panel_sprint: int) -> None:
    """First sprint in this journal is a guess: "newcomer?" with a tooltip saying so; the
    organiser's answer reads "newcomer"; "not a newcomer" shows nothing."""
    model = AttendeesModel(store)
    model.set_sprint(panel_sprint)
    unsaid = [r for r in model.records() if r.newcomer_override is None and not r.host]
    guess, answered = unsaid[0], unsaid[1]
    confirmed = next(r for r in model.records() if r.newcomer_override)
    journal.update_attendee(answered.id, newcomer=False)
    model.on_change(Change("attendance", "updated", (answered.id,), panel_sprint))
    column = model.column_of("newcomer")

    def cell(rec_id: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> object:
        return model.index(model.row_of(rec_id), column).data(role)

    assert cell(guess.id) == "newcomer?"
    assert "guess" in str(cell(guess.id, Qt.ItemDataRole.ToolTipRole))
    assert cell(confirmed.id) == "newcomer"
    assert cell(confirmed.id, Qt.ItemDataRole.ToolTipRole) == "Confirmed as a newcomer"
    assert cell(answered.id) == ""
