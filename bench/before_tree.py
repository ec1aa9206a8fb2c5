"""An earlier revision of the app, importable beside this one, for interleaved A/B benches.

`before_tree("main")` extracts that revision with `git archive` into a temporary folder laid
out as installed (ui/ as sprintjournal_ui, resources/ as sprintjournal_resources) and
byte-compiled; `current_tree()` does the same with this checkout as it is. A process started
with `cwd=` and `PYTHONPATH=` that folder (`before_env`) imports that code instead of this
checkout's editable install. `gui_script(tree)` writes the `sprintjournal-gui` script pip
installs for that revision (the desktop entry's command), so a bench starts the app as a user's
menu does, through whatever entry function that revision names.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
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
    shutil.copyfile(ROOT / "pyproject.toml", folder / "pyproject.toml")  # its entry points
    return _as_installed(folder)


PIP_SCRIPT = """import sys
from {module} import {function}
if __name__ == '__main__':
    sys.argv[0] = sys.argv[0].removesuffix('.exe')
    sys.exit({function}())
"""
"""What pip writes for a console or GUI script (pip 26's template, without the shebang: a
bench runs it with the Python it chooses)."""


def gui_script(tree: Path) -> Path:
    """The tree's `sprintjournal-gui`, as pip writes it from `[project.gui-scripts]`."""
    project = tomllib.loads((tree / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    module, function = project["gui-scripts"]["sprintjournal-gui"].split(":")
    script = tree / "sprintjournal-gui"
    script.write_text(PIP_SCRIPT.format(module=module, function=function), encoding="utf-8")
    return script


def _as_installed(folder: Path) -> Path:
    for source, name in INSTALLED_NAMES.items():
        (folder / source).rename(folder / name)
    subprocess.run([sys.executable, "-m", "compileall", "-q", "sprintjournal",
                    *INSTALLED_NAMES.values()], cwd=folder, check=True, capture_output=True)
    return folder


def before_env(tree: Path, env: dict[str, str]) -> dict[str, str]:
    return {**env, "PYTHONPATH": os.pathsep.join([str(tree), env.get("PYTHONPATH", "")])}
