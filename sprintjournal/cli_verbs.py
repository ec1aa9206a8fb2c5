"""One function per command-line verb; each prints plain lines and returns an exit code.

Each verb imports what only it needs inside itself (start-up speed): `sprintjournal check` does
not load the report renderer, nor `sprintjournal sprints` the desktop files.
"""

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TypedDict

from sprintjournal.errors import JournalError, UsageError
from sprintjournal.journal import Journal
from sprintjournal.terminal import printable


class Extras(TypedDict, total=False):
    """What only the app's installed command can do, handed in by `sprintjournal_ui.launcher`
    (both need Qt, which the core may not import)."""

    gui: Callable[[list[str]], int]
    """Start the app with these arguments; its exit status."""
    pdf: Callable[[Journal, int, Path, str, int, int], Path]
    """Write a sprint's report as PDF (journal, sprint, folder, page size, long edge,
    quality); the file written."""


def _out(text: str) -> None:
    """One line of output, with any terminal control sequence in user text escaped."""
    sys.stdout.write(printable(text) + "\n")


def demo(path: Path) -> int:
    from sprintjournal.demo import open_demo

    with open_demo(path):
        pass
    _out(str(path))  # the path alone, so that `$(sprintjournal demo)` can be used
    return 0


def new(path: Path) -> int:
    """An empty journal; an existing file is left alone (a journal is never overwritten)."""
    if path.exists() or path.is_symlink():
        raise JournalError(f"{path} already exists; choose a new file name")
    Journal(path).close()
    _out(str(path))
    return 0


def install_desktop(remove: bool) -> int:
    from sprintjournal import desktop

    for written in desktop.uninstall() if remove else desktop.install():
        _out(str(written))
    return 0


def schema() -> int:
    from sprintjournal.exchange.schema import json_schema

    _out(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def sprints(path: Path, _args: argparse.Namespace, _extras: Extras) -> int:
    with Journal(path, readonly=True) as journal:
        for s in journal.list_sprints():
            when = f"{s.start or '?'} – {s.end or '?'}"
            _out(f"{s.id:>4}  {when:<25} {s.title}")
    return 0


def find_sprint(journal: Journal, spec: str | None) -> int:
    """A sprint by id or (case-insensitive) title; the newest when not given."""
    all_sprints = journal.list_sprints()
    if not all_sprints:
        raise JournalError(f"{journal.path} has no sprints yet.")
    if spec is None:
        return all_sprints[0].id
    for s in all_sprints:
        if (spec.isdigit() and s.id == int(spec)) or s.title.casefold() == spec.casefold():
            return s.id
    matches = [s for s in all_sprints if spec.casefold() in s.title.casefold()]
    if len(matches) == 1:
        return matches[0].id
    raise UsageError(f"no single sprint matches {spec!r}; `sprintjournal sprints` lists them")


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(f"--day {text!r} is not a date like 2011-11-04") from exc


def _progress(done: int, total: int) -> None:
    """Photos checked then written, on a terminal's stderr (stdout keeps the summary)."""
    if total and sys.stderr.isatty():
        sys.stderr.write(f"\rphotos: {done * 100 // total}% ({done}/{total} steps)")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def import_(path: Path, args: argparse.Namespace, _extras: Extras) -> int:
    from sprintjournal.exchange.textfiles import import_file, read_import

    data = read_import(args.file)  # before the journal is locked: a FIFO must not hold it
    with Journal(path) as journal:
        sprint_id = find_sprint(journal, args.sprint) if args.sprint else None
        report = import_file(journal, args.file, sprint_id, _day(args.day), data, _progress)
    for line in report:
        _out(line)
    return 0


def _out_folder(out: Path) -> Path:
    """--out names a folder, or nothing yet; a file or a link to nothing gets a clear error."""
    if out.is_symlink() and not out.exists():
        raise UsageError(f"--out {out} is a link to {out.readlink()}, which does not exist")
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is a file, not a folder; name a folder to export into")
    return out


def export(path: Path, args: argparse.Namespace, extras: Extras) -> int:
    args.out = _out_folder(args.out)
    with Journal(path, readonly=True) as journal:
        if args.format == "json":
            ids = [find_sprint(journal, args.sprint)] if args.sprint else None
            left_out: list[str] = []
            with _naming_the_folder(args.out):
                _out(str(journal.export_json(args.out, ids, left_out)))
            for line in left_out:  # the rest is exported; say what is not
                print(printable(f"warning: {line}"), file=sys.stderr)
            return 0
        sprint_id = find_sprint(journal, args.sprint)
        with _naming_the_folder(args.out):
            written = _export_one(journal, sprint_id, args, extras)
        for file in written:
            _out(str(file))
    return 0


@contextmanager
def _naming_the_folder(out: Path) -> Iterator[None]:
    """A write error names the folder the user chose, not the hidden temporary file or the
    sub-folder the export was writing when it failed (`.report.html.sj-….part`, `images`)."""
    try:
        yield
    except OSError as exc:
        if exc.errno is None:
            raise
        raise OSError(exc.errno, exc.strerror, str(out)) from exc


def _export_one(
    journal: Journal, sprint_id: int, args: argparse.Namespace, extras: Extras
) -> list[Path]:
    if args.format == "people-txt":
        from sprintjournal.exchange.textfiles import export_people_txt

        return [export_people_txt(journal, sprint_id, args.out)]
    if args.format == "pdf":
        if "pdf" not in extras:
            raise UsageError(
                "PDF export needs the desktop components (run `sprintjournal` as installed)"
            )
        write_pdf = extras["pdf"]
        return [
            write_pdf(journal, sprint_id, args.out, args.page_size, args.long_edge, args.quality)
        ]
    from sprintjournal.report.export import export_report

    try:
        return export_report(
            journal, sprint_id, args.format, args.out, long_edge=args.long_edge,
            quality=args.quality, group_by=getattr(args, "group_by", None),
            image_base=getattr(args, "image_base_url", None),
        )
    except ValueError as exc:  # a bad --image-base-url
        raise UsageError(str(exc)) from exc


def check(path: Path) -> int:
    from sprintjournal.check import check_journal

    report = check_journal(path)
    for problem in report.problems:
        _out(f"problem: {problem}")
    _out(f"{path}: {'ok' if report.ok else f'{len(report.problems)} problem(s) found'}")
    return 0 if report.ok else 1


def backup(path: Path, _args: argparse.Namespace, _extras: Extras) -> int:
    from sprintjournal.backup import backup_now

    with _open_for_backup(path) as journal:
        _out(str(backup_now(journal)))
    return 0


def _open_for_backup(path: Path) -> Journal:
    """A backup only reads the file: while the app holds the journal (a nightly job, say), it
    copies what the app has saved, through a read-only connection (SQLite's backup is one
    consistent snapshot however the app writes meanwhile)."""
    from sprintjournal.errors import JournalLockedError

    try:
        return Journal(path)
    except JournalLockedError:
        return Journal(path, readonly=True)


def backups(path: Path) -> int:
    from sprintjournal.backup import list_backups

    for info in list_backups(path):
        when = info.created.strftime("%Y-%m-%d %H:%M:%S")
        _out(f"{when}  {info.size / (1024 * 1024):7.1f} MB  {info.reason or '-':<16} {info.path}")
    return 0


def restore(path: Path, backup_file: Path) -> int:
    from sprintjournal.backup import restore as restore_backup

    safety = restore_backup(path, backup_file)
    _out(f"restored {backup_file} into {path}; the previous file was backed up to {safety}")
    return 0
