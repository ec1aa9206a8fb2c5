"""The pool worker: results, errors and progress come back on the GUI thread; cancel drops them."""

import threading

from pytestqt.qtbot import QtBot
from sprintjournal_ui.workers.pool import Job, run_in_pool, running_jobs

from sprintjournal.errors import PhotoError


def test_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    gui = threading.get_ident()
    seen: list[tuple[str, object, bool]] = []

    def work(n: int, job: Job) -> int:
        for i in range(n):
            job.progress(i + 1, n)
        return threading.get_ident()

    def on_done(worker_thread: object) -> None:
        seen.append(("done", worker_thread != gui, threading.get_ident() == gui))

    def on_progress(done: int, total: int) -> None:
        seen.append(("progress", (done, total), threading.get_ident() == gui))

    run_in_pool(work, 3, on_done=on_done, on_progress=on_progress)
    qtbot.waitUntil(lambda: running_jobs() == 0)
    assert seen[-1] == ("done", True, True)  # worked elsewhere, reported here
    assert [v for kind, v, _ in seen if kind == "progress"] == [(1, 3), (2, 3), (3, 3)]
    assert all(on_gui for _, _, on_gui in seen)


def test_fault_10_errors_are_handed_over_not_raised(qtbot: QtBot) -> None:
    def fail() -> None:
        raise PhotoError("notes.txt: not an image")

    errors: list[Exception] = []
    run_in_pool(fail, on_error=errors.append)
    qtbot.waitUntil(lambda: running_jobs() == 0)
    assert str(errors[0]) == "notes.txt: not an image"


def test_cancelled_job_reports_nothing(qtbot: QtBot) -> None:
    release = threading.Event()
    results: list[object] = []

    def slow() -> str:
        release.wait(5)
        return "late"

    job = run_in_pool(slow, on_done=results.append)
    job.cancel()
    release.set()
    qtbot.waitUntil(lambda: running_jobs() == 0)
    qtbot.wait(50)
    assert job.cancelled and results == []
