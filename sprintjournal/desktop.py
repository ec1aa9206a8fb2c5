"""Add SprintJournal to the desktop's application menu for the current user, as Linux apps do.

`sprintjournal install-desktop` writes, under $XDG_DATA_HOME (~/.local/share by default):
the `.desktop` entry (applications/), the AppStream metainfo (metainfo/), the icon in each size
(icons/hicolor/), and the `*.sprintjournal` file type (mime/packages/). The entry's Exec points at
the `sprintjournal-gui` script installed beside this Python, so it works for a venv or pipx
install that is not on the menu's PATH. Nothing outside the user's own data folder is touched.
"""

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from sprintjournal.paths import APP_ID, ICON_SIZES, icon_file, shipped_resources


def _data_home() -> Path:
    env = os.environ.get("XDG_DATA_HOME")
    return Path(env) if env else Path.home() / ".local" / "share"


def gui_script() -> Path:
    """The installed `sprintjournal-gui` beside the running Python (venv, pipx or system)."""
    beside = Path(sys.executable).parent / "sprintjournal-gui"
    found = beside if beside.exists() else shutil.which("sprintjournal-gui")
    return Path(found) if found else beside


def targets(data_home: Path) -> Iterator[tuple[Path, Path]]:
    """(shipped file, where it goes) for every file of the desktop integration."""
    res = shipped_resources()
    yield res / "desktop" / f"{APP_ID}.desktop", data_home / "applications" / f"{APP_ID}.desktop"
    yield (res / "desktop" / f"{APP_ID}.metainfo.xml",
           data_home / "metainfo" / f"{APP_ID}.metainfo.xml")
    yield res / "desktop" / f"{APP_ID}.mime.xml", data_home / "mime" / "packages" / f"{APP_ID}.xml"
    icons = data_home / "icons" / "hicolor"
    yield res / "icons" / "sprintjournal.svg", icons / "scalable" / "apps" / f"{APP_ID}.svg"
    for size in ICON_SIZES:
        yield icon_file(size), icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def desktop_entry(shipped: Path, script: Path) -> str:
    """The shipped entry with Exec and TryExec naming the installed script by its full path."""
    lines = []
    for line in shipped.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f'Exec="{script}" %f'
        elif line.startswith("TryExec="):
            line = f"TryExec={script}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def install() -> list[Path]:
    data_home = _data_home()
    written = []
    for shipped, target in targets(data_home):
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.suffix == ".desktop":
            target.write_text(desktop_entry(shipped, gui_script()), encoding="utf-8")
        else:
            shutil.copyfile(shipped, target)
        written.append(target)
    _refresh_caches(data_home)
    return written


def uninstall() -> list[Path]:
    data_home = _data_home()
    removed = []
    for _shipped, target in targets(data_home):
        if target.exists():
            target.unlink()
            removed.append(target)
    _refresh_caches(data_home)
    return removed


def _refresh_caches(data_home: Path) -> None:
    """Tell the desktop about the change where its tools exist (menus also notice by themselves)."""
    for tool, folder in (("update-desktop-database", "applications"),
                         ("update-mime-database", "mime"),
                         ("gtk-update-icon-cache", "icons/hicolor")):
        target = data_home / folder
        if shutil.which(tool) and target.is_dir():
            args = [tool, str(target)]
            if tool.startswith("gtk"):
                args[1:1] = ["-q", "-t"]
            subprocess.run(args, check=False, capture_output=True, timeout=60)
