"""After start-up its objects are frozen out of later collections, once; `release` undoes it."""

import gc
from collections.abc import Iterator

import pytest
from sprintjournal_ui.gc_policy import release, settle


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
    assert gc.get_freeze_count() == frozen
    del kept


def test_release_returns_to_normal(unfrozen: None) -> None:
    settle()
    release()
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()
