"""`app_options.add_app_options`: the desktop app's options, as any parser gets them."""

import argparse
from pathlib import Path

import pytest

from sprintjournal.app_options import APP_DESCRIPTION, COLOR_SCHEMES, add_app_options


def parser(with_journal: bool = True) -> argparse.ArgumentParser:
    made = argparse.ArgumentParser(prog="sprintjournal-gui", description=APP_DESCRIPTION)
    add_app_options(made, with_journal=with_journal)
    return made


def test_the_defaults_choose_nothing() -> None:
    assert vars(parser().parse_args([])) == {
        "journal": None, "demo": False, "color_scheme": None, "trace_startup": False,
        "quit_after_startup": False}


def test_every_option_takes_its_value() -> None:
    got = parser().parse_args(["--journal=~/j.sprintjournal", "--demo", "--color-scheme",
                               "dark", "--trace-startup", "--quit-after-startup"])
    assert got.journal == Path("~/j.sprintjournal") and isinstance(got.journal, Path)
    assert (got.demo, got.color_scheme, got.trace_startup, got.quit_after_startup) == (
        True, "dark", True, True)


@pytest.mark.parametrize("scheme", COLOR_SCHEMES)
def test_each_colour_scheme_is_accepted(scheme: str) -> None:
    assert parser().parse_args(["--color-scheme", scheme]).color_scheme == scheme


def test_an_unknown_colour_scheme_is_refused_naming_the_choices(
    capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        parser().parse_args(["--color-scheme", "solarized"])
    assert exit_.value.code == 2
    assert "invalid choice: 'solarized' (choose from" in capsys.readouterr().err
    assert COLOR_SCHEMES == ("system", "light", "dark")


def test_a_parser_with_its_own_journal_option_gets_none_from_here() -> None:
    got = parser(with_journal=False).parse_args(["--demo"])
    assert "journal" not in vars(got)
    with pytest.raises(SystemExit):
        parser(with_journal=False).parse_args(["--journal", "x"])


def test_help_groups_the_options_and_hides_the_test_only_one() -> None:
    shown = parser().format_help()
    assert "starting the desktop app:" in shown
    for option in ("--journal PATH", "--demo", "--color-scheme", "--trace-startup"):
        assert option in shown
    assert "--quit-after-startup" not in shown
    assert "offline journal for the organiser of a developer sprint" in shown
