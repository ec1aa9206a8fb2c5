"""After start-up its objects are frozen out of later collections, once, and collections run on
the GUI thread only; what the first write imports is frozen too; `release` undoes it all."""

import gc
import sys
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sprintjournal_ui.gc_policy import (
    LOADING_SWITCH_S,
    GuiCollector,
    keep_loaded,
    loading,
    release,
    settle,
)


@pytest.fixture
def unfrozen() -> Iterator[None]:
    release()
    yield
    release()


def test_settle_freezes_what_exists_once(unfrozen: None) -> None:
    assert gc.get_freeze_count() == 0
    settle()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    kept = [[n] for n in range(1000)]  # objects made after start-up
    settle()  # a second call freezes nothing more: they stay collectable
    collectable = {id(thing) for thing in gc.get_objects()}  # the frozen are not listed
    assert all(id(thing) in collectable for thing in kept)
    # not equal: a frozen object may die meanwhile (the count fell by two in a shuffled run)
    assert gc.get_freeze_count() <= frozen
    del kept


def test_release_returns_to_normal(unfrozen: None) -> None:
    settle()
    release()
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_after_start_up_collections_run_on_the_gui_thread_only(qapp: object, qtbot: QtBot,
                                                                 unfrozen: None) -> None:
    """Garbage made in a pool thread (a background save) is collected by the GUI thread's
    timer, never by the thread that made it: there it held the GIL while the GUI waited."""
    threads: list[str] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    settle()
    assert not gc.isenabled()
    gc.callbacks.append(note)
    try:
        worker = threading.Thread(target=_cycles, args=(50_000,), name="pool")
        worker.start()
        worker.join()
        assert threads == []  # 50,000 cycles, far over the threshold, and nothing ran there
        qtbot.waitUntil(lambda: bool(threads), timeout=5000)
        assert set(threads) == {threading.main_thread().name}
        assert gc.get_count()[0] < gc.get_threshold()[0] * 10
    finally:
        gc.callbacks.remove(note)


def test_the_check_collects_the_generation_the_thresholds_call_for(qapp: object,
                                                                    unfrozen: None) -> None:
    collector = GuiCollector()
    collector.start()
    try:
        gc.collect()
        assert collector.check() == -1  # nothing due right after a collection
        _cycles(gc.get_threshold()[0] + 100)
        assert collector.check() in (0, 1, 2)
        assert gc.get_count()[0] < 100
    finally:
        collector.stop()
    assert gc.isenabled()


def test_what_the_first_write_imports_is_kept_out_of_collections(unfrozen: None) -> None:
    settle()
    before = gc.get_freeze_count()
    loaded = [[n] for n in range(1000)]  # as the ORM's modules and classes, made after start-up
    keep_loaded()
    assert gc.get_freeze_count() >= before + 1000
    del loaded


def test_nothing_is_collected_while_a_pool_thread_loads_the_orm(qapp: object,
                                                                 unfrozen: None) -> None:
    """Its objects are frozen when the load ends: walking them meanwhile cost the GUI thread a
    35 ms collection in the middle of typing."""
    collector = GuiCollector()
    collector.start()
    try:
        with loading():
            made = [[n] for n in range(5000)]
            _cycles(gc.get_threshold()[0] + 100)
            assert collector.check() == -1
            frozen_before = gc.get_freeze_count()
        assert gc.get_freeze_count() > frozen_before  # what the load made leaves collections
    finally:
        collector.stop()
    del made


def test_the_gil_comes_back_quickly_while_a_pool_thread_loads_the_orm(unfrozen: None) -> None:
    """The GUI thread's many short Python calls each wait up to the switch interval for the GIL
    while the ORM imports: at Python's 5 ms, a keystroke stalled 20-35 ms."""
    before = sys.getswitchinterval()
    with loading():
        assert sys.getswitchinterval() == pytest.approx(LOADING_SWITCH_S)
        assert before > LOADING_SWITCH_S
    assert sys.getswitchinterval() == before


def test_the_interval_is_restored_when_the_load_fails(unfrozen: None) -> None:
    before = sys.getswitchinterval()
    with pytest.raises(ImportError), loading():
        raise ImportError("no ORM")
    assert sys.getswitchinterval() == before


def _cycles(count: int) -> None:
    for _ in range(count):
        a: list[object] = []
        a.append(a)
