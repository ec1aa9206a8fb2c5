"""FAULTS 58 in the app: the import summary of a file with thousands of bad rows shows the
first warnings and the count of the others, and lists the ones the core kept under Show
Details; the box stays a box (every warning was one line of it)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from shell_data import main_window, when_modal
from sprintjournal_ui.import_flow import SHOWN_WARNINGS, import_path
from sprintjournal_ui.main_window import MainWindow
from sprintjournal_ui.store import JournalStore

from sprintjournal.exchange.problems import LISTED

BORDER = "=========== =============== ====="
TITLE = "People coming to the Gothenburg sprint Nov 2nd - 9th, 2011"


@pytest.fixture
def window(qtbot: QtBot, store: JournalStore) -> Iterator[MainWindow]:
    with main_window(qtbot, store, autosave_ms=60_000) as win:
        yield win


def test_fault_58_the_import_summary_shows_a_few_warnings_and_counts_the_rest(
        window: MainWindow, tmp_path: Path) -> None:
    rows = [f"{2 + i % 3}/11-8/11   {f'Ann {i:05d}' if i % 3 == 0 else '':15} vegan"
            for i in range(1200)]
    path = tmp_path / "people.txt"
    path.write_text(f"{TITLE}\n{'=' * len(TITLE)}\n\n{BORDER}\nArrive      Name            Food\n"
                    f"{BORDER}\n" + "\n".join(rows) + f"\n{BORDER}\n", encoding="utf-8")
    seen: list[tuple[str, str]] = []

    def read_summary(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.objectName() == "import_summary"
        seen.append((box.text(), box.detailedText()))
        box.accept()

    when_modal(read_summary)
    import_path(window, path)
    ((text, details),) = seen
    lines = text.splitlines()
    assert [line for line in lines if line.startswith("warning: ")] == [
        line for line in details.splitlines() if line.startswith("warning: ")][:SHOWN_WARNINGS]
    assert f"… and {800 - SHOWN_WARNINGS:,} more warnings (Show Details lists the first " \
           f"{LISTED})" in lines
    assert lines[0].startswith("sprint 1: 400 attendees (0 rows to review)")  # the outcome first
    assert len([line for line in details.splitlines() if line.startswith("warning: ")]) == LISTED
    assert details.splitlines()[-1] == f"… and {800 - LISTED:,} more warnings"
