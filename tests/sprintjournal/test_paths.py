"""Where journals, backups and shipped resources are found (the resources' folder without
importlib.resources)."""

from importlib import resources
from pathlib import Path

import pytest

from sprintjournal import paths
from sprintjournal.paths import ICON_SIZES, RESOURCES_PACKAGE, icon_file, shipped_resources


def test_the_data_folder_is_the_one_sprintjournal_home_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.ENV_HOME, str(tmp_path / "portable"))
    assert paths.data_dir() == tmp_path / "portable"
    assert paths.default_journal() == tmp_path / "portable" / "journal.sprintjournal"
    assert paths.demo_journal() == tmp_path / "portable" / "demo.sprintjournal"


def test_without_sprintjournal_home_the_platform_user_data_folder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(paths.ENV_HOME)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == tmp_path / "xdg" / "SprintJournal"


def test_without_a_choice_the_default_journal_is_used() -> None:
    assert paths.resolve_journal(None) == paths.default_journal()


def test_a_journal_path_may_start_with_the_home_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    home = Path.home()
    assert paths.resolve_journal("~/j.sprintjournal") == home / "j.sprintjournal"
    monkeypatch.setenv(paths.ENV_JOURNAL, "~/env.sprintjournal")
    assert paths.resolve_journal() == home / "env.sprintjournal"


def test_backups_sit_beside_the_real_file_not_beside_a_link_to_it(tmp_path: Path) -> None:
    real = tmp_path / "data" / "journal.sprintjournal"
    real.parent.mkdir()
    real.write_bytes(b"")
    link = tmp_path / "desktop" / "journal.sprintjournal"
    link.parent.mkdir()
    link.symlink_to(real)
    assert paths.backup_dir(link) == paths.backup_dir(real) == real.parent.resolve() / "backups"


def test_a_shipped_resource_is_read_and_a_missing_one_is_none() -> None:
    text = paths.resource_text("desktop", f"{paths.APP_ID}.desktop")
    assert text is not None and f"Icon={paths.APP_ID}" in text
    assert paths.resource_text("no-such-file.txt") is None


def test_the_environment_variable_and_explicit_path_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.ENV_JOURNAL, str(tmp_path / "env.sprintjournal"))
    assert paths.resolve_journal() == tmp_path / "env.sprintjournal"
    assert paths.resolve_journal(tmp_path / "cli.sprintjournal") == tmp_path / "cli.sprintjournal"
    assert paths.resolve_journal(str(tmp_path / "x.sprintjournal")) == tmp_path / "x.sprintjournal"


def test_backups_sit_beside_the_journal(tmp_path: Path) -> None:
    assert paths.backup_dir(tmp_path / "a" / "j.sprintjournal") == tmp_path / "a" / "backups"


def test_an_empty_explicit_path_means_no_choice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty `--journal ""` is no choice, not the current folder."""
    monkeypatch.setenv(paths.ENV_JOURNAL, str(tmp_path / "env.sprintjournal"))
    assert paths.resolve_journal("") == tmp_path / "env.sprintjournal"


def test_the_resources_folder_is_the_one_importlib_resources_gives() -> None:
    assert shipped_resources() == Path(str(resources.files(RESOURCES_PACKAGE)))
    assert (shipped_resources() / "__init__.py").is_file()


def test_every_shipped_icon_size_is_found_there() -> None:
    assert all(icon_file(size).is_file() for size in ICON_SIZES)
