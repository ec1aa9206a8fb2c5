"""QSettings for window state only (geometry, dock layout, recent journals).

The file lives in SprintJournal's data directory (`sprintjournal.paths.data_dir`), so
SPRINTJOURNAL_HOME moves it with everything else and a test never touches the user's settings.
"""

from PySide6.QtCore import QSettings

from sprintjournal.paths import data_dir

MAX_RECENT = 8


def app_settings() -> QSettings:
    return QSettings(str(data_dir() / "window-state.ini"), QSettings.Format.IniFormat)


def recent_journals() -> list[str]:
    value = app_settings().value("recent", [])
    if isinstance(value, str):  # QSettings gives back a lone string for a one-item list
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def remember_journal(path: str) -> None:
    """Put `path` first in File ▸ Open recent."""
    recent = [path, *(p for p in recent_journals() if p != path)][:MAX_RECENT]
    app_settings().setValue("recent", recent)
