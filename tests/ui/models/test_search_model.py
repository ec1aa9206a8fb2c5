"""The search model hands its hits to the list a screenful at a time, as the list asks."""

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from sprintjournal_ui.models.search_model import ROWS_AT_ONCE, HitRole, SearchModel, SpansRole

from sprintjournal.records import SearchHit


def _hits(count: int) -> list[SearchHit]:
    return [SearchHit("person", n, None, f"[Person] {n:04d}") for n in range(count)]


def test_rows_come_a_batch_at_a_time_until_every_hit_is_shown(qapp: object) -> None:
    model = SearchModel()
    hits = _hits(2 * ROWS_AT_ONCE + 5)
    model.set_hits(hits)
    assert model.rowCount() == ROWS_AT_ONCE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * ROWS_AT_ONCE
    model.fetchMore(QModelIndex())
    assert model.rowCount() == len(hits)
    assert not model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # nothing more: no row invented
    assert model.rowCount() == len(hits)
    assert [model.index(r).data(HitRole) for r in range(model.rowCount())] == hits
    model.set_hits(hits[:3])  # a new search starts over
    assert (model.rowCount(), model.canFetchMore(QModelIndex())) == (3, False)


def test_rows_not_fetched_yet_have_no_data(qapp: object) -> None:
    model = SearchModel()
    model.set_hits(_hits(ROWS_AT_ONCE + 1))
    assert model.index(ROWS_AT_ONCE).data() is None
    assert model.createIndex(ROWS_AT_ONCE, 0).data(HitRole) is None


def test_a_row_answers_what_the_list_draws_and_nothing_else(qapp: object) -> None:
    model = SearchModel()
    model.set_hits([SearchHit("note", 1, 1, "a [jit] b")])
    row = model.index(0)
    assert row.data() == "Note: a jit b" == row.data()  # asked again on every paint
    assert row.data(Qt.ItemDataRole.AccessibleTextRole) == "Note: a jit b"
    assert row.data(SpansRole).text == "Note — a jit b"
    assert row.data(Qt.ItemDataRole.DecorationRole) is None
    assert row.data(Qt.ItemDataRole.FontRole) is None


def test_the_model_tester_with_more_hits_than_a_batch(qtmodeltester: ModelTester) -> None:
    model = SearchModel()
    model.set_hits(_hits(ROWS_AT_ONCE * 3))
    qtmodeltester.check(model)


def test_search_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = SearchModel()
    model.set_hits([SearchHit("note", 1, 1, "a [b] c"), SearchHit("person", 2, None, "[Armin]")])
    qtmodeltester.check(model)
