"""A Python for the start-up benches that starts the way a user's does: without this checkout's
editable install.

The project's venv holds the editable install's `.pth` file, which Python's `site` runs at every
start: it imports pathlib, re, enum, contextlib, urllib.parse and more (about 16 ms under
`-X importtime`) before the program's first line. A user's install (a wheel) has no such file.
Run with the venv's own interpreter, the bare window paid that import for nothing, and the app's
ratio to it was flattered by it. `user_python()` makes a venv without pip whose one `.pth` line
puts the project venv's site-packages (PySide6 and the app's dependencies) on `sys.path`: a
folder added that way is searched for modules, but its `.pth` files are not run.
"""

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path


def user_python(folder: Path) -> Path:
    """The interpreter of a new venv in `folder` that imports from this venv's site-packages."""
    venv.EnvBuilder(with_pip=False, symlinks=True).create(folder)
    python = folder / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; "
                              "print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    (Path(purelib) / "_bench_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


def editable_finder_runs(python: Path) -> bool:
    """Whether `python` still runs an editable install's finder at start (the bench's check)."""
    probe = "import sys; print(any('__editable__' in name for name in sys.modules))"
    out = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, check=True)
    return out.stdout.strip() == "True"


if __name__ == "__main__":
    made = user_python(Path(sys.argv[1]))
    print(made, "editable finder runs:", editable_finder_runs(made))
