"""The photos' model: thumbnails decoded off the GUI thread, a bounded cache of other sprints'."""

import pytest
from factories import jpeg_bytes
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sprintjournal_ui.models import photos_model
from sprintjournal_ui.models.photos_model import PhotosModel
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal


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
