"""Every panel model passes Qt's model tester, also while rows are added, edited and removed."""

from datetime import date

import pytest
from factories import jpeg_bytes
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sprintjournal_ui.models import photos_model
from sprintjournal_ui.models.attendees_model import AttendeesModel
from sprintjournal_ui.models.branches_model import BranchesModel, BranchFilter
from sprintjournal_ui.models.photos_model import PhotosModel
from sprintjournal_ui.models.standup_model import StandupModel
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


def test_branches_model_and_filter_through_changes(
    qtmodeltester: ModelTester, store: JournalStore, panel_sprint: int,
    journal: Journal,
) -> None:
    model = BranchesModel(store)
    store.branches_changed.connect(model.on_change)
    model.set_sprint(panel_sprint)
    proxy = BranchFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.set_status("in progress")
    added = store.add_branch(panel_sprint, "jit-targets", ["Håkan Ardö"],
                             status="in progress", results=["unrolling refactored around TARGET"])
    assert proxy.rowCount() == 3
    row = model.row_of(added.id)
    assert model.index(row, model.column_of("results")).data() == (
        "unrolling refactored around TARGET")
    store.update_branch(added.id, status="done")
    assert proxy.rowCount() == 2
    store.remove_branch(model.record(0).id)
    assert model.rowCount() == 4
    hakan = journal.find_person("Håkan Ardö")
    assert hakan is not None
    proxy.set_status(None)
    proxy.set_person(hakan.id)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["jit-targets"]


def test_standup_model_through_changes(qtmodeltester: ModelTester, store: JournalStore,
                                       panel_sprint: int, journal: Journal) -> None:
    day = date(2011, 11, 4)
    model = StandupModel(store, "today")
    store.standup_changed.connect(model.on_change)
    store.branches_changed.connect(model.on_change)
    model.set_scope(panel_sprint, day)
    qtmodeltester.check(model)
    first = store.add_standup_item(panel_sprint, day, "today", "win64",
                                   ["Christian Tismer"])
    store.add_standup_item(panel_sprint, day, "done", "ffistruct merged")
    store.add_standup_item(panel_sprint, date(2011, 11, 5), "today", "STM")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["win64"]
    win64 = next(b for b in journal.list_branches(panel_sprint) if b.name == "win64")
    store.update_standup_item(first.id, branch_id=win64.id)
    assert model.index(0, model.column_of("branch")).data() == "win64"
    store.remove_branch(win64.id)  # the link is dropped (SET NULL)
    assert model.index(0, model.column_of("branch")).data() == ""
    store.remove_standup_item(first.id)
    assert model.rowCount() == 0


def test_photos_model_decodes_thumbnails_off_the_gui_thread(
    qtmodeltester: ModelTester, qtbot: QtBot, store: JournalStore,
    panel_sprint: int, journal: Journal,
) -> None:
    journal.add_photo(panel_sprint, jpeg_bytes(120, 80), "whiteboard.jpg", caption="STM")
    model = PhotosModel(store)
    store.photos_changed.connect(model.on_change)
    with qtbot.waitSignal(model.thumbnails_loaded):
        model.set_sprint(panel_sprint)
    qtmodeltester.check(model)
    assert model.has_thumbnail(model.record(0).id)
    with qtbot.waitSignal(model.thumbnails_loaded):
        added = store.add_photo(panel_sprint, jpeg_bytes(80, 120), "pair.jpg")
    assert model.index(1, 0).data() == "pair.jpg"  # no caption yet: the file name
    store.update_photo(added.id, caption="Mark and Antonio pairing")
    assert model.index(1, 0).data() == "Mark and Antonio pairing"
    store.remove_photo(model.record(0).id)
    assert model.rowCount() == 1 and model.has_thumbnail(added.id)


def test_photos_model_keeps_a_bounded_number_of_other_sprints_thumbnails(
    qtbot: QtBot, store: JournalStore, panel_sprint: int, journal: Journal,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(photos_model, "ICON_CACHE", 2)
    sprints = [panel_sprint] + [journal.add_sprint(f"Sprint {n}").id for n in range(3)]
    for n, sid in enumerate(sprints):
        for k in range(2):
            journal.add_photo(sid, jpeg_bytes(60 + n, 40 + k, colour=(n * 60, k * 90, 30)),
                              f"p{n}{k}.jpg")
    model = PhotosModel(store)
    for sid in sprints:
        with qtbot.waitSignal(model.thumbnails_loaded):
            model.set_sprint(sid)
        assert all(model.has_thumbnail(model.record(r).id) for r in range(model.rowCount()))
    assert model.cached_icons() == 2 + 2  # the rows shown, and two others
    with qtbot.waitSignal(model.thumbnails_loaded):
        model.set_sprint(sprints[1])  # dropped from the cache: decoded again
    assert all(model.has_thumbnail(model.record(r).id) for r in range(model.rowCount()))
