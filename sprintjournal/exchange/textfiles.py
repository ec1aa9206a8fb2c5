"""Import any supported file by its content, and write people.txt back.

The user drops a file on the app or names it on the command line; whether it is our JSON, a
people.txt or a planning.txt is decided from what is inside, not from its name.
"""

from datetime import date
from pathlib import Path
from typing import Literal

from sprintjournal.backup import backup_before
from sprintjournal.errors import ImportFailedError, Problem
from sprintjournal.exchange.json_io import JSON_NAME, Progress
from sprintjournal.exchange.people_txt import decode_text, parse_people_txt, write_people_txt
from sprintjournal.exchange.planning_txt import parse_planning_txt, to_standup_docs
from sprintjournal.exchange.schema import AttendeeDoc, JournalDoc, PersonDoc, SprintDoc
from sprintjournal.files import atomic_write_bytes
from sprintjournal.input_files import FileTooLargeError, NotARegularFileError, read_regular_file
from sprintjournal.journal import Journal
from sprintjournal.names import clean_name, name_key
from sprintjournal.terminal import is_text

Kind = Literal["json", "people", "planning"]
MAX_TEXT_BYTES = 20 * 1024 * 1024


def detect_kind(text: str) -> Kind | None:
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        return "json"
    lower = text.lower()
    if "=====" in text and "name" in lower:
        return "people"
    markers = ("people present", "present ", "done so far", "today:", "tasks:")
    if any(m in lower for m in markers):
        return "planning"
    return None


def read_import(path: Path) -> bytes:
    """The bytes of a file to import (or of the journal.json in a folder), read before the
    journal is locked: only a regular file of at most 20 MB (FAULTS 44)."""
    file = path / JSON_NAME if path.is_dir() else path
    try:
        return read_regular_file(file, MAX_TEXT_BYTES, "file to import")
    except (NotARegularFileError, FileTooLargeError) as exc:
        raise ImportFailedError(str(path), [Problem("", str(exc).split(": ", 1)[1])]) from exc
    except OSError as exc:
        raise ImportFailedError(str(path), [Problem("", exc.strerror or str(exc))]) from exc


def import_file(journal: Journal, path: Path, sprint_id: int | None, day: date | None,
                data: bytes | None = None, progress: Progress | None = None) -> list[str]:
    """Import one file; returns lines for the user (what was imported, what needs review).

    `data` is the file as `read_import` read it (the command line reads before it locks);
    `progress(done, total)` follows a JSON export's photos (checked, then written).
    """
    if data is None:
        data = read_import(path)
    text, _encoding = decode_text(data)
    if not is_text(data, text):  # binary that happens to hold "today:" is not a planning.txt
        raise ImportFailedError(str(path), [Problem(
            "", "not a text file (binary data); choose a JSON export, people.txt or planning.txt")])
    kind = detect_kind(text)
    if kind is not None and not journal.readonly and journal.list_sprints():
        backup_before(journal, "import")  # the journal as it was, should the import disappoint
    if kind == "json":
        _change, summary = journal.import_json(path, progress)
        return [f"imported {_counts(summary.counts)} into sprint(s) {summary.sprint_ids}"]
    if kind == "people":
        return _import_people(journal, path, data, sprint_id)
    if kind == "planning":
        return _import_planning(journal, path, text, sprint_id, day)
    raise ImportFailedError(
        str(path), [Problem("", "not a SprintJournal JSON, people.txt or planning.txt file")]
    )


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {what}" for what, n in counts.items() if n) or "nothing"


def _sprint_title(title: str | None, path: Path) -> str:
    if not title:
        return path.parent.name or path.stem
    for prefix in ("People coming to the ", "People coming to "):
        if title.startswith(prefix):
            return clean_name(title[len(prefix) :])
    return clean_name(title)


def _import_people(journal: Journal, path: Path, data: bytes, sprint_id: int | None) -> list[str]:
    parsed = parse_people_txt(data)
    lines = [f"warning: {p}" for p in parsed.problems]
    past = [PersonDoc(name=n) for n in parsed.past_attendees if n.strip()]
    if sprint_id is None:
        title = _sprint_title(parsed.title, path)
        sprint = SprintDoc(
            title=title,
            place=title.split(" sprint", 1)[0] if " sprint" in title else "",
            start=parsed.start,
            end=parsed.end,
            attendees=parsed.attendees,
        )
        _change, summary = journal.import_document(
            JournalDoc(people=past, sprints=[sprint]), source=str(path)
        )
        sprint_id = summary.sprint_ids[0]
    else:
        _change, summary = journal.merge_into_sprint(
            sprint_id, SprintDoc(title="-", attendees=parsed.attendees), past)
    review = _attendees_to_review(journal, sprint_id, [a.person for a in parsed.attendees])
    attendees = summary.counts.get("attendees", 0)  # rows naming one person count once
    lines.append(
        f"sprint {sprint_id}: {attendees} attendees ({review} rows to review), "
        f"{len(past)} people from earlier sprints"
    )
    return lines


def _import_planning(
    journal: Journal, path: Path, text: str, sprint_id: int | None, day: date | None
) -> list[str]:
    sprints = journal.list_sprints()
    if sprint_id is None:
        if not sprints:
            raise ImportFailedError(str(path), [Problem("", "create or import the sprint first")])
        sprint_id = sprints[0].id
    sprint = journal.get_sprint(sprint_id)
    when = day or sprint.start or date.today()
    attending = {a.person.id for a in journal.list_attendees(sprint_id)}
    before = {i.id for i in journal.list_standup(sprint_id)}
    known = [n for p in journal.list_people() for n in (p.name, *p.aliases)]
    known += [p.name.split(" ", 1)[0] for p in journal.list_people() if p.id in attending]
    known += [name_key(n) for n in known]
    parsed = parse_planning_txt(text, known_names=known)
    if parsed.present:
        known += [n.split(" ", 1)[0] for n in parsed.present]
        parsed = parse_planning_txt(text, known_names=known)
    present = [AttendeeDoc(person=name) for name in parsed.present]
    doc = SprintDoc(title="-", attendees=present, standup=to_standup_docs(parsed, when))
    _change, summary = journal.merge_into_sprint(sprint_id, doc)
    lines = [f"warning: {p}" for p in parsed.problems]
    review = sum(i.needs_review for i in journal.list_standup(sprint_id) if i.id not in before)
    lines.append(
        f"sprint {sprint_id}, {when}: {len(doc.standup)} stand-up items ({review} to review), "
        f"{summary.counts.get('attendees', 0)} people present"
    )
    lines += [f"kept as text: {t}" for t in parsed.free_text]
    return lines


def _attendees_to_review(journal: Journal, sprint_id: int, names: list[str]) -> int:
    """The file's attendees whose rows are flagged now (the import flags names it did not know),
    counted from the journal: the summary says what the table shows."""
    ids = {p.id for p in (journal.find_person(n) for n in names) if p is not None}
    return sum(a.needs_review for a in journal.list_attendees(sprint_id) if a.person.id in ids)


def export_people_txt(journal: Journal, sprint_id: int, out_dir: Path) -> Path:
    """The sprint's attendees in PyPy's people.txt table, as the JSON export sees them."""
    (sprint,) = journal.export_document([sprint_id])[0].sprints
    text = write_people_txt(f"People coming to the {sprint.title}", sprint.attendees)
    return atomic_write_bytes(out_dir / "people.txt", text.encode("utf-8"))
