"""Desktop integration as Linux apps do it, checked by the freedesktop tools themselves.

`desktop-file-validate` (desktop-file-utils) and `appstreamcli validate` (appstream) are Debian's
validators; `scripts/setup test` installs them."""

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from sprintjournal import cli, desktop
from sprintjournal.paths import APP_ID, ICON_SIZES, icon_file, shipped_resources

SHIPPED = shipped_resources() / "desktop"


def validator(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: scripts/setup test installs it"
    return found


def validate_desktop_entry(path: Path) -> None:
    run = subprocess.run([validator("desktop-file-validate"), str(path)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "error" not in run.stdout, run.stdout


def test_the_shipped_desktop_entry_is_valid() -> None:
    validate_desktop_entry(SHIPPED / f"{APP_ID}.desktop")


def test_the_appstream_metainfo_is_valid() -> None:
    metainfo = SHIPPED / f"{APP_ID}.metainfo.xml"
    run = subprocess.run([validator("appstreamcli"), "validate", "--no-net", str(metainfo)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_icon_has_the_size_its_name_says(size: int) -> None:
    with Image.open(icon_file(size)) as image:
        assert image.size == (size, size) and image.mode == "RGBA"
        assert image.getpixel((0, 0))[3] == 0  # rounded corners: transparent, not a white box


def test_install_desktop_puts_a_valid_entry_in_the_users_menu(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert cli.main(["install-desktop"]) == 0
    written = [Path(line) for line in capsys.readouterr().out.splitlines()]
    entry = tmp_path / "applications" / f"{APP_ID}.desktop"
    assert entry in written and all(p.is_file() and p.is_relative_to(tmp_path) for p in written)
    validate_desktop_entry(entry)
    text = entry.read_text(encoding="utf-8")
    assert f'Exec="{desktop.gui_script()}" %f' in text  # the installed script, by its full path
    assert (tmp_path / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (tmp_path / "mime" / "packages" / f"{APP_ID}.xml").is_file()

    assert cli.main(["install-desktop", "--remove"]) == 0
    assert not entry.exists()
    assert not any(p.exists() for p in written)
