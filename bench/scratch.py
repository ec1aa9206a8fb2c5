"""Scratch folders of a bench run, removed when the bench exits.

A bench builds journals (the 20,000-note one of `startup_interaction.py` is 34 MB), homes and
installed-layout trees of the app; left behind, every run added folders to the temporary
folder (several hundred after a few days of runs on one machine).
"""

import atexit
import shutil
import tempfile
from pathlib import Path


def scratch_folder(prefix: str) -> Path:
    """A new empty folder, removed with everything in it when the process exits."""
    return remove_at_exit(Path(tempfile.mkdtemp(prefix=prefix)))


def remove_at_exit(path: Path) -> Path:
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path
