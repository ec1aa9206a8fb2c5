"""The autosave debouncer: one call after a burst, `flush` at once, `cancel` drops it."""

from pytestqt.qtbot import QtBot
from sprintjournal_ui.throttle import Debouncer


def test_a_burst_of_triggers_runs_the_function_once(qtbot: QtBot) -> None:
    calls: list[int] = []
    debouncer = Debouncer(lambda: calls.append(1), delay_ms=20)
    for _ in range(5):
        debouncer.trigger()
    assert debouncer.pending
    qtbot.waitUntil(lambda: calls == [1])
    qtbot.wait(60)  # a second call would have come by now
    assert calls == [1] and not debouncer.pending


def test_flush_runs_a_pending_call_at_once_and_only_then(qtbot: QtBot) -> None:
    calls: list[int] = []
    debouncer = Debouncer(lambda: calls.append(1), delay_ms=60_000)
    debouncer.flush()
    assert calls == []  # nothing pending: nothing runs
    debouncer.trigger()
    debouncer.flush()
    assert calls == [1] and not debouncer.pending


def test_cancel_drops_the_pending_call(qtbot: QtBot) -> None:
    calls: list[int] = []
    debouncer = Debouncer(lambda: calls.append(1), delay_ms=10)
    debouncer.trigger()
    debouncer.cancel()
    qtbot.wait(50)
    assert calls == [] and not debouncer.pending


def test_set_delay_restarts_a_pending_wait_with_the_new_delay(qtbot: QtBot) -> None:
    calls: list[int] = []
    debouncer = Debouncer(lambda: calls.append(1), delay_ms=60_000)
    debouncer.trigger()
    debouncer.set_delay(5)
    assert debouncer.delay_ms == 5 and debouncer.pending
    qtbot.waitUntil(lambda: calls == [1])


def test_a_negative_delay_means_no_wait(qtbot: QtBot) -> None:
    debouncer = Debouncer(lambda: None, delay_ms=-5)
    assert debouncer.delay_ms == 0
