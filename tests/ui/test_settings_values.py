"""settings, the values kept: one INI file in SprintJournal's data folder (never the user's real
config) holding the recent journals, the file dialogs' folders and the theme."""

from pathlib import Path

import pytest
from sprintjournal_ui.settings import (
    MAX_RECENT,
    app_settings,
    last_folder,
    recent_journals,
    remember_folder,
    remember_journal,
    remember_theme,
    theme_choice,
)


@pytest.fixture
def data_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    home = tmp_path / "sj-home"
    monkeypatch.setenv("SPRINTJOURNAL_HOME", str(home))
    return home


def test_the_file_lives_in_the_data_folder(data_home: Path) -> None:
    remember_theme("dark")
    settings = app_settings()
    settings.sync()
    assert Path(settings.fileName()) == data_home / "window-state.ini"
    assert "theme=dark" in (data_home / "window-state.ini").read_text()


def test_nothing_remembered_yet(data_home: Path) -> None:
    assert recent_journals() == []
    assert theme_choice() == "system"
    assert last_folder("import") == str(Path.home())


def test_the_last_opened_journal_comes_first_once(data_home: Path) -> None:
    remember_journal("/sprints/leysin.sprintjournal")
    assert recent_journals() == ["/sprints/leysin.sprintjournal"]  # one item stays a list
    remember_journal("/sprints/gothenburg.sprintjournal")
    remember_journal("/sprints/leysin.sprintjournal")
    assert recent_journals() == ["/sprints/leysin.sprintjournal",
                                 "/sprints/gothenburg.sprintjournal"]


def test_only_the_most_recent_journals_are_kept(data_home: Path) -> None:
    names = [f"/sprints/{n}.sprintjournal" for n in range(MAX_RECENT + 3)]
    for name in names:
        remember_journal(name)
    assert recent_journals() == names[::-1][:MAX_RECENT]


def test_a_folder_is_remembered_per_purpose(data_home: Path, tmp_path: Path) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    remember_folder("photos", photos)
    assert last_folder("photos") == str(photos)
    assert last_folder("export") == str(Path.home())


def test_a_remembered_folder_that_is_gone_falls_back_to_home(
        data_home: Path, tmp_path: Path) -> None:
    gone = tmp_path / "unplugged-usb-stick"
    gone.mkdir()
    remember_folder("import", gone)
    gone.rmdir()
    assert last_folder("import") == str(Path.home())


@pytest.mark.parametrize("choice", ["light", "dark", "system"])
def test_a_theme_choice_is_remembered(data_home: Path, choice: str) -> None:
    remember_theme(choice)
    assert theme_choice() == choice


def test_an_unknown_theme_in_the_file_reads_as_system(data_home: Path) -> None:
    app_settings().setValue("theme", "solarized")
    assert theme_choice() == "system"
