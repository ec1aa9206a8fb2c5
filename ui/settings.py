"""QSettings for window state and small preferences (layout, recent journals, last folders,
theme).

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
    """Put `path` first in File ▸ Open recent. Reopening the journal opened last (every start-up,
    mostly) leaves the file alone: a write is a synced rewrite of the whole settings file."""
    current = recent_journals()
    recent = [path, *(p for p in current if p != path)][:MAX_RECENT]
    if recent != current:
        app_settings().setValue("recent", recent)


def last_folder(purpose: str) -> str:
    """The folder a file dialog for `purpose` ("import", "export", "photos") showed last, so
    the next one opens there instead of the home folder."""
    from pathlib import Path

    value = app_settings().value(f"folders/{purpose}", "")
    folder = Path(str(value)) if value else None
    return str(folder) if folder is not None and folder.is_dir() else str(Path.home())


def remember_folder(purpose: str, folder: object) -> None:
    app_settings().setValue(f"folders/{purpose}", str(folder))


def theme_choice() -> str:
    """"light", "dark" or "system" (the default), as chosen in View ▸ Theme."""
    value = str(app_settings().value("theme", "system"))
    return value if value in ("light", "dark", "system") else "system"


def remember_theme(choice: str) -> None:
    app_settings().setValue("theme", choice)
