"""Test data for the data-panel tests: a small Gothenburg 2011 sprint and generated photos.

Built through the Journal API (the same path the app takes), so the tests read back real rows
from a real SQLite file. The fixtures that use them (`panel_sprint`, `store`, `undo_stack`) live
in conftest.py, the one fixtures module of the GUI tests.
"""

import io
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from sprintjournal.journal import Journal

START, END = date(2011, 11, 2), date(2011, 11, 9)
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
"""Qt's offscreen platform warns on every shown top-level window with a layout; not our bug."""


def build_gothenburg(journal: Journal) -> int:
    """Hosts, a newcomer, a row needing review, two branches and a stand-up; the sprint id."""
    sid = journal.add_sprint("PyPy sprint in Gothenburg, November 2011", project="PyPy",
                             place="Gothenburg", start=START, end=END).id
    journal.add_attendee(sid, "Laura Creighton", host=True, dates_text="lives there")
    journal.add_attendee(sid, "Jacob Hallén", host=True, diet="no peppers")
    journal.add_attendee(sid, "Antonio Cuni", arrive=date(2011, 11, 4), depart=date(2011, 11, 9),
                         accommodation="Laura's and Jacob's")
    journal.add_attendee(sid, "Mark Pearse", arrive=START, depart=date(2011, 11, 9),
                         accommodation="SGS Veckobostäder", diet="vegetarian", newcomer=True)
    journal.add_attendee(sid, "Armin Rigo", dates_text="?", needs_review=True,
                         review_reason="dates '?' could not be read")
    journal.add_attendee(sid, "Maciej Fijałkowski", arrive=START, depart=date(2011, 11, 8),
                         diet="vegetarian")
    journal.add_branch(sid, "SpecialisedTuple", ["Mark Pearse", "Antonio Cuni"],
                       status="in progress", goal="specialise 2-tuples of ints, floats, strings")
    journal.add_branch(sid, "ffistruct", ["Antonio Cuni"], status="merged",
                       results=["field access about 400 times faster than ctypes"])
    journal.add_branch(sid, "stm", ["Armin Rigo"], status="in progress")
    journal.add_branch(sid, "win64", ["Christian Tismer"], status="blocked",
                       results=["the third 90%"])
    return sid


def jpeg_bytes(width: int = 64, height: int = 48, orientation: int | None = None,
               colour: tuple[int, int, int] = (200, 60, 40)) -> bytes:
    """A real JPEG; with `orientation`, its EXIF says how to turn it upright."""
    image = Image.new("RGB", (width, height), colour)
    image.paste((20, 20, 200), (0, 0, width // 2, height // 4))  # a marker in the top-left
    buffer = io.BytesIO()
    if orientation is None:
        image.save(buffer, "JPEG", quality=90)
    else:
        exif = Image.Exif()
        exif[0x0112] = orientation
        image.save(buffer, "JPEG", quality=90, exif=exif.tobytes())
    return buffer.getvalue()


def write_file(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path
