"""An earlier revision of the app, importable beside this one, for interleaved A/B benches.

`before_tree("main")` extracts that revision with `git archive` into a temporary folder laid
out as installed (ui/ as sprintjournal_ui, resources/ as sprintjournal_resources) and
byte-compiled; `current_tree()` does the same with this checkout as it is. A process started
with `cwd=` and `PYTHONPATH=` that folder (`before_env`) imports that code instead of this
checkout's editable install.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALLED_NAMES = {"ui": "sprintjournal_ui", "resources": "sprintjournal_resources"}


def before_tree(revision: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="sj-before-"))
    archive = subprocess.run(["git", "archive", revision], cwd=ROOT, check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return _as_installed(folder)


def current_tree() -> Path:
    """This checkout as it is now (uncommitted changes too), laid out as installed: the app as
    a user runs it, not through the editable install's import hook (which costs it about 7 %
    of its start-up), and run the same way as `before_tree`, so an A/B compares code only."""
    folder = Path(tempfile.mkdtemp(prefix="sj-current-"))
    for part in ("sprintjournal", *INSTALLED_NAMES):
        shutil.copytree(ROOT / part, folder / part,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return _as_installed(folder)


def _as_installed(folder: Path) -> Path:
    for source, name in INSTALLED_NAMES.items():
        (folder / source).rename(folder / name)
    subprocess.run([sys.executable, "-m", "compileall", "-q", "sprintjournal",
                    *INSTALLED_NAMES.values()], cwd=folder, check=True, capture_output=True)
    return folder


def before_env(tree: Path, env: dict[str, str]) -> dict[str, str]:
    return {**env, "PYTHONPATH": os.pathsep.join([str(tree), env.get("PYTHONPATH", "")])}
