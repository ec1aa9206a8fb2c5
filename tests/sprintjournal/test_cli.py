"""The `sprintjournal` command: verbs in-process (capsys) and through the installed script.

Exit codes: 0 success, 1 an error, 2 a usage error; an error is one clear line on stderr.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from story_checks import plain

from sprintjournal import cli
from sprintjournal.cli import main as cli_main
from sprintjournal.demo import build_demo, open_demo
from sprintjournal.exchange.schema import json_schema
from sprintjournal.journal import Journal


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sprintjournal"
    open_demo(path).close()
    return path


@pytest.fixture
def demo_path(tmp_path: Path, demo_template: Path) -> Path:
    """A copy of the demo journal, built once per module (the `demo` verb is tested itself)."""
    path = tmp_path / "demo.sprintjournal"
    shutil.copyfile(demo_template, path)
    return path


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_demo_creates_the_demo_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    demo_path = tmp_path / "demo.sprintjournal"
    for _ in range(2):  # the second run opens the demo and does not add it again
        code, out, _ = run(capsys, "--journal", str(demo_path), "demo")
        assert (code, out) == (0, f"{demo_path}\n")
    with Journal(demo_path, readonly=True) as j:
        assert len(j.list_sprints()) == 2 and len(j.list_people()) == 13


def test_demo_defaults_to_the_data_directory(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo")
    home = Path(os.environ["SPRINTJOURNAL_HOME"])
    assert (code, out) == (0, f"{home / 'demo.sprintjournal'}\n")


def test_sprints_lists_newest_first(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--journal", str(demo_path), "sprints")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 2
    assert "2011-11-02 – 2011-11-09" in lines[0] and lines[0].endswith(
        "PyPy sprint in Gothenburg, November 2011"
    )
    assert lines[1].endswith("PyPy sprint in Gothenburg, spring 2011")


def test_the_journal_environment_variable_is_used(
    demo_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPRINTJOURNAL_JOURNAL", str(demo_path))
    code, out, _ = run(capsys, "sprints")
    assert code == 0 and len(out.splitlines()) == 2


def test_export_json_then_import_into_another_journal(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "export"
    code, out, err = run(
        capsys, "--journal", str(demo_path), "export", "--format", "json", "--out", str(out_dir)
    )
    assert (code, out, err) == (0, f"{out_dir / 'journal.json'}\n", "")
    doc = json.loads((out_dir / "journal.json").read_text(encoding="utf-8"))
    assert len(doc["sprints"]) == 2 and (out_dir / doc["sprints"][1]["photos"][0]["file"]).is_file()

    other = tmp_path / "other.sprintjournal"
    code, out, err = run(capsys, "--journal", str(other), "import", str(out_dir / "journal.json"))
    assert (code, err) == (0, "")
    assert "imported" in out and "18 attendees" in out
    with Journal(other, readonly=True) as j, Journal(demo_path, readonly=True) as d:
        assert [s.title for s in j.list_sprints()] == [s.title for s in d.list_sprints()]
        assert j.export_document()[0] == d.export_document()[0]


def test_export_one_sprint_by_title(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "spring"
    code, _out, _ = run(
        capsys, "--journal", str(demo_path), "export", "--sprint", "spring", "--out", str(out_dir)
    )
    assert code == 0
    doc = json.loads((out_dir / "journal.json").read_text(encoding="utf-8"))
    assert [s["title"] for s in doc["sprints"]] == ["PyPy sprint in Gothenburg, spring 2011"]


def test_importing_the_same_export_twice_fails_and_lists_the_problems(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--journal", str(demo_path), "export", "--out", str(tmp_path / "e"))
    code, out, err = run(
        capsys, "--journal", str(demo_path), "import", str(tmp_path / "e" / "journal.json")
    )
    assert code == 1 and out == ""
    first, *problems = err.splitlines()
    assert (
        first.startswith("sprintjournal import: ") and "2 problems, nothing was imported" in first
    )
    assert [p.split(":")[0].strip() for p in problems] == ["$.sprints[0]", "$.sprints[1]"]


def test_schema_prints_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0 and json.loads(out) == json_schema()


# -- errors: exit codes and one clear line -----------------------------------------------------


def test_a_missing_journal_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.sprintjournal"
    code, out, err = run(capsys, "--journal", str(missing), "sprints")
    assert (code, out) == (1, "")
    assert one_line(err) == f"sprintjournal sprints: There is no journal at {missing}."
    assert not missing.exists()


def test_a_file_that_is_not_a_journal_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = tmp_path / "photo.sprintjournal"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not really a journal")
    for verb in (["sprints"], ["export", "--out", str(tmp_path / "x")], ["import", str(photo)]):
        code, _out, err = run(capsys, "--journal", str(photo), *verb)
        assert code == 1, verb
        assert "is not a SprintJournal file" in one_line(err)
    assert photo.read_bytes() == b"\xff\xd8\xff\xe0 not really a journal"


def test_an_unknown_sprint_is_a_usage_error(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys, "--journal", str(demo_path), "export", "--sprint", "Leysin", "--out", str(tmp_path)
    )
    assert code == 2
    assert one_line(err) == (
        "sprintjournal export: no single sprint matches 'Leysin'; "
        "`sprintjournal sprints` lists them"
    )
    code, _out, err = run(
        capsys,
        "--journal",
        str(demo_path),
        "export",
        "--sprint",
        "Gothenburg",
        "--out",
        str(tmp_path),
    )
    assert code == 2 and "no single sprint matches 'Gothenburg'" in one_line(err)  # two match


def test_a_bad_day_is_a_usage_error(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    planning = tmp_path / "planning.txt"
    planning.write_text("people present: Armin, Anto\n\ntoday:\n - stm (Armin)\n", encoding="utf-8")
    before = Journal(demo_path, readonly=True)
    items = len(before.list_standup(before.list_sprints()[0].id))
    before.close()
    code, out, err = run(
        capsys, "--journal", str(demo_path), "import", str(planning), "--day", "2011-11-31"
    )
    assert (code, out) == (2, "")
    assert one_line(err) == "sprintjournal import: --day '2011-11-31' is not a date like 2011-11-04"
    with Journal(demo_path, readonly=True) as j:
        assert len(j.list_standup(j.list_sprints()[0].id)) == items


def test_argparse_errors_exit_with_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["export"], ["frobnicate"], ["export", "--format", "docx", "--out", "x"]):
        with pytest.raises(SystemExit) as caught:
            cli.main(argv)
        assert caught.value.code == 2
        assert "usage: sprintjournal" in capsys.readouterr().err


def test_no_verb_without_the_desktop_components_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _out, err = run(capsys)
    assert code == 2 and "sprintjournal-gui" in one_line(err)


# -- the installed command, in a real process ------------------------------------------------


def installed() -> Path:
    script = Path(sys.executable).parent / "sprintjournal"
    if not script.is_file() and not os.environ.get("CI"):  # CI installs it (pip install -e)
        pytest.skip(f"the sprintjournal script is not installed beside {sys.executable}")
    return script


def test_the_installed_command_end_to_end(tmp_path: Path) -> None:
    script = installed()
    env = {
        **os.environ,
        "SPRINTJOURNAL_HOME": str(tmp_path / "home"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("SPRINTJOURNAL_JOURNAL", None)

    def sj(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(script), *argv], capture_output=True, text=True, env=env, timeout=120, check=False
        )

    demo = sj("demo")
    assert demo.returncode == 0, demo.stderr
    demo_file = tmp_path / "home" / "demo.sprintjournal"
    assert demo.stdout == f"{demo_file}\n"  # the path alone: $(sprintjournal demo) works
    exported = sj(
        "--journal", str(demo_file), "export", "--format", "json", "--out", str(tmp_path / "out")
    )
    assert exported.returncode == 0, exported.stderr
    copy = tmp_path / "copy.sprintjournal"
    imported = sj("--journal", str(copy), "import", str(tmp_path / "out" / "journal.json"))
    assert imported.returncode == 0, imported.stderr
    listed = sj("--journal", str(copy), "sprints")
    assert listed.returncode == 0
    assert [line.split("  ")[-1].strip() for line in listed.stdout.splitlines()] == [
        "PyPy sprint in Gothenburg, November 2011",
        "PyPy sprint in Gothenburg, spring 2011",
    ]
    missing = sj("--journal", str(tmp_path / "nope.sprintjournal"), "sprints")
    assert (
        missing.returncode == 1 and len(missing.stderr.splitlines()) == 1 and missing.stdout == ""
    )
    usage = sj("--journal", str(copy), "export", "--sprint", "Leysin", "--out", str(tmp_path / "x"))
    assert usage.returncode == 2 and len(usage.stderr.splitlines()) == 1
    assert "Traceback" not in missing.stderr + usage.stderr


def test_the_apps_own_options_start_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """`sprintjournal --demo` / `--trace-startup` (the README's scripts/run) reach the GUI."""
    from sprintjournal.cli import main as cli_main

    seen: list[list[str]] = []
    code = cli_main(["--demo", "--trace-startup"], extras={"gui": lambda a: seen.append(a) or 0})
    assert code == 0 and seen == [["--demo", "--trace-startup"]]


def test_unknown_options_after_a_verb_are_still_usage_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from sprintjournal.cli import main as cli_main

    with pytest.raises(SystemExit) as caught:
        cli_main(["sprints", "--demo"], extras={"gui": lambda a: 0})
    assert caught.value.code == 2
    assert "unrecognized arguments: --demo" in capsys.readouterr().err


def test_cli_group_by_orders_the_exported_report(journal: Journal, tmp_path: Path,
                                                 journal_path: Path) -> None:
    build_demo(journal)
    journal.close()
    for group_by, first in (("person", "## Mark Pearse"), ("branch", "## SpecialisedTuple")):
        out = tmp_path / group_by
        assert cli_main(["--journal", str(journal_path), "export", "--format", "md",
                         "--sprint", "November", "--out", str(out),
                         "--group-by", group_by]) == 0
        (page,) = out.glob("*.md")
        text = page.read_text(encoding="utf-8")
        assert re.findall(r"^## .+$", text, flags=re.MULTILINE)[0] == first
        assert "Mark, with some help from Antonio" in plain(text)
