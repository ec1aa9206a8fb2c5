"""The desktop app's own command-line options, defined once.

Both `sprintjournal` (which starts the app when given no verb) and `sprintjournal-gui` add them
to their parsers, so `--help` shows them in both and a value may follow with a space or `=`.
Only argparse is imported: the app parses its arguments before its first paint."""

import argparse
from pathlib import Path

COLOR_SCHEMES = ("system", "light", "dark")
APP_DESCRIPTION = (
    "SprintJournal: an offline journal for the organiser of a developer sprint "
    "(attendees, branches, stand-ups, notes, photos) that ends with a blog-ready report."
)


def add_app_options(parser: argparse.ArgumentParser, *, with_journal: bool = True) -> None:
    """The options that choose what the app opens and how it looks."""
    group = parser.add_argument_group("starting the desktop app")
    if with_journal:
        group.add_argument("--journal", metavar="PATH", type=Path,
                           help="the journal file to open, created if new "
                                "(default: SPRINTJOURNAL_JOURNAL, else the user-data journal)")
    group.add_argument("--demo", action="store_true",
                       help="open the demo journal (PyPy's two Gothenburg sprints of 2011)")
    group.add_argument("--color-scheme", choices=COLOR_SCHEMES, default=None,
                       help="light, dark, or follow the system (default: the choice made in "
                            "View ▸ Theme, else the system's)")
    group.add_argument("--trace-startup", action="store_true",
                       help="print how long each start-up phase took")
    group.add_argument("--quit-after-startup", action="store_true", help=argparse.SUPPRESS)
