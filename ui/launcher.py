"""The `sprintjournal` entry point: a verb runs the core command line, no verb starts the app.

Qt is imported only when needed (the app, or PDF export), so command-line verbs stay fast and
work on machines without a display.
"""

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .gc_pace import collect_less
from .import_hook import install_first


def gui() -> int:
    """`sprintjournal-gui` (the desktop entry's command): the app, with the arguments it was
    given."""
    return _gui(sys.argv[1:])


def _gui(argv: list[str]) -> int:
    collect_less()  # before Qt is imported: see ui/gc_pace.py
    install_first()  # before the app's modules are: see ui/import_hook.py
    from .app import main as app_main

    return app_main(argv)


def _pdf(
    journal: Any, sprint_id: int, out_dir: Path, page_size: str, long_edge: int, quality: int
) -> Path:
    from .report_pdf import export_pdf

    return export_pdf(journal, sprint_id, out_dir, page_size, long_edge=long_edge, quality=quality)


def main(argv: Sequence[str] | None = None) -> int:
    from sprintjournal.cli import main as cli_main

    args = list(sys.argv[1:] if argv is None else argv)
    return cli_main(args, extras={"gui": _gui, "pdf": _pdf})
