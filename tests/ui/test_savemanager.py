"""SaveManager: every registered flush runs, one failure never stops the others."""

import pytest
from pytestqt.qtbot import QtBot
from sprintjournal_ui.savemanager import SaveManager

from sprintjournal.errors import JournalError


def test_flush_all_runs_every_registered_flush_and_reports_success(qtbot: QtBot) -> None:
    ran: list[str] = []
    manager = SaveManager()
    manager.register("notes", lambda: ran.append("notes"))
    manager.register("report", lambda: ran.append("report"))
    with qtbot.waitSignal(manager.flushed) as blocker:
        assert manager.flush_all() == []
    assert ran == ["notes", "report"] and blocker.args == [True]


def test_a_failing_flush_does_not_stop_the_others(qtbot: QtBot,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    ran: list[str] = []

    def disk_full() -> None:
        raise JournalError("The disk is full: the note was not saved.")

    def bug() -> None:
        raise RuntimeError("boom")

    manager = SaveManager()
    manager.register("notes", disk_full)
    manager.register("photos", bug)
    manager.register("report", lambda: ran.append("report"))
    with qtbot.waitSignal(manager.flushed) as blocker:
        errors = manager.flush_all()
    assert ran == ["report"]
    assert errors == ["The disk is full: the note was not saved.", "photos: boom"]
    assert blocker.args == [False]
    assert "saving photos failed" in caplog.text  # the unexpected one keeps its traceback


def test_unregister_forgets_a_flush_and_tolerates_unknown_names() -> None:
    ran: list[str] = []
    manager = SaveManager()
    manager.register("notes", lambda: ran.append("notes"))
    manager.unregister("notes")
    manager.unregister("never-registered")
    assert manager.names == [] and manager.flush_all() == [] and ran == []
