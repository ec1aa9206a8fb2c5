"""`cli_verbs`: each verb called as the parser would call it, on a real journal file."""

import argparse
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sprintjournal import cli_verbs
from sprintjournal.errors import JournalError, UsageError
from sprintjournal.journal import Journal


def args(**values: Any) -> argparse.Namespace:
    base: dict[str, Any] = {"sprint": None, "format": "md", "long_edge": 640, "quality": 70,
                            "page_size": "A4", "group_by": None, "image_base_url": None}
    return argparse.Namespace(**(base | values))


@pytest.fixture
def three(journal: Journal) -> dict[str, int]:
    return {title: journal.add_sprint(title, start=start).id for title, start in (
        ("Leysin 2011", date(2011, 1, 16)), ("Gothenburg 2011", date(2011, 11, 2)),
        ("Gothenburg 2010", date(2010, 11, 20)))}


def test_find_sprint_by_id_title_or_unique_part_and_newest_by_default(
    journal: Journal, three: dict[str, int]
) -> None:
    assert cli_verbs.find_sprint(journal, None) == three["Gothenburg 2011"]
    assert cli_verbs.find_sprint(journal, str(three["Leysin 2011"])) == three["Leysin 2011"]
    assert cli_verbs.find_sprint(journal, "GOTHENBURG 2010") == three["Gothenburg 2010"]
    assert cli_verbs.find_sprint(journal, "leysin") == three["Leysin 2011"]


@pytest.mark.parametrize("spec", ["gothenburg", "Rome", "99"])
def test_an_ambiguous_or_unknown_sprint_is_a_usage_error(
    journal: Journal, three: dict[str, int], spec: str
) -> None:
    with pytest.raises(UsageError, match=f"no single sprint matches '{spec}'; "
                                         "`sprintjournal sprints` lists them"):
        cli_verbs.find_sprint(journal, spec)


def test_a_journal_without_sprints_says_so(journal: Journal, journal_path: Path) -> None:
    with pytest.raises(JournalError, match=f"{journal_path} has no sprints yet"):
        cli_verbs.find_sprint(journal, None)


def test_new_creates_an_empty_journal_and_prints_only_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fresh.sprintjournal"
    assert cli_verbs.new(path) == 0
    assert capsys.readouterr().out == f"{path}\n"
    with Journal(path, readonly=True) as j:
        assert j.list_sprints() == []


@pytest.mark.parametrize("what", ["file", "dangling link"])
def test_new_never_overwrites_anything(tmp_path: Path, what: str) -> None:
    path = tmp_path / "taken.sprintjournal"
    if what == "file":
        path.write_bytes(b"someone's notes")
    else:
        path.symlink_to(tmp_path / "nowhere")
    with pytest.raises(JournalError, match="already exists; choose a new file name"):
        cli_verbs.new(path)
    assert path.is_symlink() or path.read_bytes() == b"someone's notes"


def test_sprints_lists_them_with_unknown_dates_and_escaped_titles(
    journal: Journal, journal_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal.add_sprint("Gothenburg", start=date(2011, 11, 2), end=date(2011, 11, 9))
    journal.add_sprint("\x1b]0;pwned\x07Someday")
    journal.close()
    assert cli_verbs.sprints(journal_path, args(), {}) == 0
    assert capsys.readouterr().out.splitlines() == [
        "   1  2011-11-02 – 2011-11-09   Gothenburg",
        "   2  ? – ?" + " " * 21 + "\\x1b]0;pwned\\x07Someday",
    ]


def test_export_refuses_a_file_or_a_dangling_link_as_the_folder(
    journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    journal.add_sprint("Gothenburg")
    journal.close()
    a_file = tmp_path / "out.txt"
    a_file.write_text("keep me")
    with pytest.raises(UsageError, match="is a file, not a folder"):
        cli_verbs.export(journal_path, args(out=a_file), {})
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "missing")
    with pytest.raises(UsageError, match=r"is a link to .*missing, which does not exist"):
        cli_verbs.export(journal_path, args(out=link), {})
    assert a_file.read_text() == "keep me"


def test_pdf_needs_the_desktop_components_and_uses_them_when_given(
    journal: Journal, journal_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sid = journal.add_sprint("Gothenburg").id
    journal.close()
    with pytest.raises(UsageError, match="PDF export needs the desktop components"):
        cli_verbs.export(journal_path, args(format="pdf", out=tmp_path / "pdf"), {})
    asked: list[tuple[object, ...]] = []

    def write_pdf(journal: Journal, sprint_id: int, out: Path, *rest: object) -> Path:
        asked.append((sprint_id, out, *rest))
        return out / "report.pdf"

    cli_verbs.export(journal_path, args(format="pdf", out=tmp_path / "pdf", page_size="Letter"),
                     {"pdf": write_pdf})
    assert asked == [(sid, tmp_path / "pdf", "Letter", 640, 70)]
    assert capsys.readouterr().out == f"{tmp_path / 'pdf' / 'report.pdf'}\n"


def test_a_bad_image_address_is_a_usage_error(
    journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    journal.add_sprint("Gothenburg")
    journal.close()
    with pytest.raises(UsageError, match="must be a web address"):
        cli_verbs.export(journal_path, args(format="blogger", out=tmp_path / "o",
                                            image_base_url="ftp://x"), {})


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_an_unwritable_folder_is_named_not_the_hidden_temporary_file(
    journal: Journal, journal_path: Path, tmp_path: Path, fmt: str
) -> None:
    """The OSError names --out (what the user typed), never '.<name>.sj-….part'."""
    from fault_helpers import own_folder, read_only

    journal.add_sprint("Gothenburg", start=date(2011, 11, 2))
    journal.close()
    with (own_folder(tmp_path / "blog") as out, read_only(out),
          pytest.raises(OSError) as caught):
        cli_verbs.export(journal_path, args(format=fmt, out=out), {})
    assert caught.value.filename == str(out)
    assert caught.value.errno is not None and caught.value.strerror


def test_export_prints_each_file_written_page_last(
    journal: Journal, journal_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sid = journal.add_sprint("Gothenburg", start=date(2011, 11, 2)).id
    journal.save_report(sid, title="Gothenburg report", text="Hello.")
    journal.close()
    assert cli_verbs.export(journal_path, args(format="md", out=tmp_path / "o"), {}) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert Path(line).parent == tmp_path / "o" and Path(line).read_text().endswith("Hello.\n")


def test_import_refuses_a_bad_day_before_writing(
    journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    journal.add_sprint("Gothenburg", start=date(2011, 11, 2))
    journal.close()
    planning = tmp_path / "planning.txt"
    planning.write_text("Stand-up\n========\n\n* Armin: JIT\n", encoding="utf-8")
    with pytest.raises(UsageError, match="--day 'Friday' is not a date like 2011-11-04"):
        cli_verbs.import_(journal_path, args(file=planning, sprint="Gothenburg", day="Friday"),
                          {})


def test_check_exits_1_and_names_each_problem(
    journal: Journal, journal_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal.add_sprint("Gothenburg", description="as typed")
    journal.close()
    assert cli_verbs.check(journal_path) == 0
    assert capsys.readouterr().out == f"{journal_path}: ok\n"
    conn = sqlite3.connect(journal_path)
    conn.execute("DROP TRIGGER sprint_sum_au")  # change text behind the checksums' back
    conn.execute("UPDATE sprint SET description = 'changed'")
    conn.commit()
    conn.close()
    assert cli_verbs.check(journal_path) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("problem: ") and out[-1] == f"{journal_path}: 1 problem(s) found"


def test_backup_then_backups_then_restore(
    journal: Journal, journal_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal.add_sprint("kept")
    journal.close()
    assert cli_verbs.backup(journal_path, args(), {}) == 0
    made = Path(capsys.readouterr().out.strip())
    with Journal(journal_path) as j:
        j.add_sprint("added after the backup")
    assert cli_verbs.backups(journal_path) == 0
    listed = capsys.readouterr().out.splitlines()
    assert any(line.endswith(str(made)) for line in listed)
    assert cli_verbs.restore(journal_path, made) == 0
    assert capsys.readouterr().out.startswith(f"restored {made} into {journal_path}; the "
                                              "previous file was backed up to ")
    with Journal(journal_path, readonly=True) as j:
        assert [s.title for s in j.list_sprints()] == ["kept"]


def test_backup_while_the_app_holds_the_journal_copies_what_it_saved(
    journal: Journal, journal_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The open `journal` holds the file's lock as the app does; a nightly backup must not fail."""
    journal.add_sprint("saved by the app")
    assert cli_verbs.backup(journal_path, args(), {}) == 0
    made = Path(capsys.readouterr().out.strip())
    journal.add_sprint("saved after the backup")
    with Journal(made, readonly=True) as copy:
        assert [s.title for s in copy.list_sprints()] == ["saved by the app"]
    assert journal.list_sprints()[0].title in {"saved by the app", "saved after the backup"}


def test_schema_prints_json_schema_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_verbs.schema() == 0
    assert '"title": "SprintJournal interchange document, version 2"' in capsys.readouterr().out
