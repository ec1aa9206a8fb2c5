"""StartupTrace, `--trace-startup`: every phase is recorded in order; when enabled, one line per
phase with its time, wall clock, CPU, resident memory and whether the ORM is loaded yet."""

import re
import sys

import pytest
from sprintjournal_ui.startup_trace import StartupTrace

LINE = re.compile(r"^startup (?P<phase>\S+) +(?P<ms>\d+\.\d) ms  wall=\d+\.\d{6}  "
                  r"cpu=(?P<cpu>\d+\.\d{4})  rss=(?P<rss>\d+\.\d) MiB  Qt (?P<qt>built|not built)  "
                  r"core (?P<core>.+)$")


def test_a_quiet_trace_records_the_phases_in_order_and_prints_nothing(
        capsys: pytest.CaptureFixture[str]) -> None:
    trace = StartupTrace(False)
    for phase in ("qapplication", "window", "first paint"):
        trace.mark(phase)
    assert [phase for phase, _ in trace.marks] == ["qapplication", "window", "first paint"]
    times = [elapsed for _, elapsed in trace.marks]
    assert times == sorted(times) and times[0] > 0  # counted from the module's import
    assert capsys.readouterr().out == ""


def test_an_enabled_trace_prints_one_line_per_phase(capsys: pytest.CaptureFixture[str]) -> None:
    trace = StartupTrace(True)
    trace.mark("window")
    trace.mark("journal")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    found = [LINE.match(line) for line in lines]
    assert all(found), lines
    first, second = (m for m in found if m is not None)
    assert (first["phase"], second["phase"]) == ("window", "journal")
    assert float(first["ms"]) == pytest.approx(trace.marks[0][1] * 1000, abs=0.051)
    assert float(second["cpu"]) >= float(first["cpu"]) > 0
    if sys.platform.startswith("linux"):
        assert float(first["rss"]) > 10  # a Python with Qt loaded


def test_the_trace_says_whether_the_orm_is_loaded(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlalchemy  # noqa: F401 - loaded, as once the journal is written

    trace = StartupTrace(True)
    trace.mark("all")
    monkeypatch.delitem(sys.modules, "sqlalchemy")
    trace.mark("first")
    loaded, not_loaded = capsys.readouterr().out.splitlines()
    assert loaded.endswith("core loaded") and not_loaded.endswith("core not loaded")


def test_the_trace_says_whether_the_qt_namespace_is_built(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from PySide6 import QtCore
    from PySide6.QtCore import Qt  # noqa: F401 - built, as by the first `Qt.` named

    trace = StartupTrace(True)
    trace.mark("after")
    monkeypatch.delitem(vars(QtCore), "Qt")  # as it is before PySide builds it
    trace.mark("before")
    after, before = capsys.readouterr().out.splitlines()
    assert "  Qt built  " in after and "  Qt not built  " in before
