"""A Python for the start-up benches that starts the way a user's does: without this checkout's
editable install.

The project's venv holds the editable install's `.pth` file, which Python's `site` runs at every
start: it imports the install's finder (and with it pathlib, re, enum...) before the program's
first line. A user's install (a wheel) has no such file. PySide imports those standard modules
itself, so the difference measured about 1 ms; the benches still start both programs as a
user's install would. `user_python()` makes a venv without pip whose one `.pth` line puts the
project venv's site-packages (PySide6 and the app's dependencies) on `sys.path`: a folder added
that way is searched for modules, but its `.pth` files are not run.
"""

import subprocess
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
