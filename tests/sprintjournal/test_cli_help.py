"""The command line explains itself: how to start the app, its options, every verb.

The README's command table is checked against the parser, so the two cannot drift apart."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from locations import ROOT

from sprintjournal import cli
from sprintjournal.journal import Journal


def help_text(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as stop:
        cli.main([*argv, "--help"])
    assert stop.value.code == 0
    return capsys.readouterr().out


def test_help_says_how_to_start_the_app_and_shows_its_options(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = help_text(capsys)
    assert "With no verb, the desktop app starts" in text
    for option in ("--demo", "--color-scheme", "--journal PATH", "--trace-startup"):
        assert option in text
    assert "--quit-after-startup" not in text  # a testing switch, not for users


@pytest.mark.parametrize("argv", [["--color-scheme", "dark"], ["--color-scheme=dark"],
                                  ["--demo", "--color-scheme", "light"]])
def test_app_options_take_their_value_with_a_space_or_equals(argv: list[str]) -> None:
    started: list[list[str]] = []

    def gui(args: list[str]) -> int:
        started.append(args)
        return 0

    assert cli.main(argv, extras={"gui": gui}) == 0
    assert started == [argv]  # the app gets exactly what was typed


def test_journal_may_follow_the_verb(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "after.sprintjournal"
    assert cli.main(["new", "--journal", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}\n"
    assert cli.main(["sprints", "--journal", str(path)]) == 0


def test_new_creates_an_empty_journal_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "leysin.sprintjournal"
    assert cli.main(["new", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}\n"
    with Journal(path, readonly=True) as journal:
        assert journal.list_sprints() == []
    before = path.read_bytes()
    assert cli.main(["new", str(path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_bytes() == before


def readme_verbs() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^\| `sprintjournal ([a-z-]+)", readme, flags=re.M)


def test_the_readme_lists_exactly_the_verbs_of_help(capsys: pytest.CaptureFixture[str]) -> None:
    listed = re.findall(r"^    ([a-z-]+)\s{2,}", help_text(capsys), flags=re.M)
    assert listed == list(cli.VERBS)
    assert readme_verbs() == list(cli.VERBS)


@pytest.mark.parametrize("verb", list(cli.VERBS))
def test_each_verb_has_its_own_help(verb: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert help_text(capsys, verb).startswith(f"usage: sprintjournal {verb}")


def test_python_dash_m_is_the_installed_command(tmp_path: Path) -> None:
    env = {**os.environ, "SPRINTJOURNAL_HOME": str(tmp_path)}
    demo = subprocess.run([sys.executable, "-m", "sprintjournal", "demo"], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=120, check=False)
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout == f"{tmp_path / 'demo.sprintjournal'}\n"
    shown = subprocess.run([sys.executable, "-m", "sprintjournal", "--help"], capture_output=True,
                           text=True, env=env, cwd=tmp_path, timeout=60, check=False)
    assert shown.returncode == 0 and "With no verb, the desktop app starts" in shown.stdout
