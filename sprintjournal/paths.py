"""Where journals live: the platform user-data directory, unless told otherwise.

Order of precedence: an explicit `--journal PATH`, then the SPRINTJOURNAL_JOURNAL environment
variable, then `<user data dir>/journal.sprintjournal`. SPRINTJOURNAL_HOME moves the whole data
directory (tests and portable installs use it).
"""

import os
from pathlib import Path

APP_NAME = "SprintJournal"
APP_ID = "org.sprintjournal.SprintJournal"  # the desktop entry's and AppStream's id
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # PNGs shipped in resources/icons/
SUFFIX = ".sprintjournal"
ENV_JOURNAL = "SPRINTJOURNAL_JOURNAL"
ENV_HOME = "SPRINTJOURNAL_HOME"


def data_dir() -> Path:
    home = os.environ.get(ENV_HOME)
    if home:
        return Path(home)
    from platformdirs import user_data_path  # here: the app's first paint need not wait for it

    return user_data_path(APP_NAME, appauthor=False)


def default_journal() -> Path:
    return data_dir() / f"journal{SUFFIX}"


def demo_journal() -> Path:
    return data_dir() / f"demo{SUFFIX}"


def resolve_journal(explicit: str | Path | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_JOURNAL)
    return Path(env).expanduser() if env else default_journal()


def backup_dir(journal: Path) -> Path:
    """Backups sit beside the journal, so moving the folder moves them together.

    Beside the file itself, not beside a symlink to it: one journal has one backups folder
    whatever path names it."""
    return Path(journal).expanduser().resolve().parent / "backups"


RESOURCES_PACKAGE = "sprintjournal_resources"  # the installed name of `resources/` (setup.py)


def resource_text(*parts: str) -> str | None:
    """A shipped resource file's text, or None when there is no such file.

    Read through importlib.resources, so it works the same from a wheel and a checkout."""
    from importlib import resources

    item = resources.files(RESOURCES_PACKAGE).joinpath(*parts)
    return item.read_text(encoding="utf-8") if item.is_file() else None


def shipped_resources() -> Path:
    """The folder of the shipped resources (`resources/` in a checkout, or in site-packages).

    The package's own folder, as `importlib.resources.files` gives it for a package on disk, but
    without importing `importlib.resources` (about 10 ms before the window can show its icon)."""
    import importlib

    package = importlib.import_module(RESOURCES_PACKAGE)
    return Path(str(package.__file__)).parent


def icon_file(size: int) -> Path:
    return shipped_resources() / "icons" / f"sprintjournal-{size}.png"
