"""The demo journal: PyPy's two Gothenburg sprints of 2011, retold, with a generated cake photo.

Used by `sprintjournal demo`, the app's first start, the tests and the README screenshots, so it
is built from a resource file through the same import path users take.
"""

from datetime import date
from pathlib import Path

from sprintjournal.journal import Journal
from sprintjournal.paths import resource_text

DEMO_RESOURCE = "gothenburg-2011.json"
CAKE_CAPTION = "Laura's cake for PyPy's new speed: 5× faster than CPython"


def demo_text() -> str:
    text = resource_text("demo", DEMO_RESOURCE)
    assert text is not None, "the demo journal ships with the app"
    return text


def build_demo(journal: Journal) -> int:
    """Fill an empty journal with the demo; returns the November 2011 sprint's id."""
    # Here, not at the top: reopening the demo (`--demo`) then shows it without loading
    # pydantic, SQLAlchemy and Pillow first, which building it needs (about 400 ms).
    from sprintjournal.demo_cake import make_demo_cake
    from sprintjournal.exchange.json_io import parse_document

    doc = parse_document(demo_text(), DEMO_RESOURCE)
    _change, summary = journal.import_document(doc, source=DEMO_RESOURCE)
    november = summary.sprint_ids[-1]
    journal.add_photo(
        november,
        make_demo_cake(),
        "cake.jpg",
        caption=CAKE_CAPTION,
        alt="Two men at a table behind a round cake iced with the words 5× faster than CPython",
        day=date(2011, 11, 6),
        people=["Armin Rigo", "Håkan Ardö"],
    )
    return november


def open_demo(path: Path) -> Journal:
    """Open the demo journal at `path`, building it on first use."""
    journal = Journal(path)
    if not journal.list_sprints():
        build_demo(journal)
    return journal
