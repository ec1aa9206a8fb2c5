"""Import any supported file by its content, and write people.txt back.

The user drops a file on the app or names it on the command line; whether it is our JSON, a
people.txt or a planning.txt is decided from what is inside, not from its name.
"""

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Literal

from sqlmodel import Session

from sprintjournal.backup import backup_before
from sprintjournal.errors import ImportFailedError, Problem
from sprintjournal.exchange.json_io import JSON_NAME, Progress
from sprintjournal.exchange.people_txt import (
    PastName,
    PeopleFile,
    decode_text,
    open_people_txt,
    write_people_txt,
)
from sprintjournal.exchange.planning_txt import (
    ParsedPlanning,
    iter_plan_items,
    present_names,
    standup_doc,
)
from sprintjournal.exchange.problems import LISTED, import_failed, listed
from sprintjournal.exchange.schema import AttendeeDoc, JournalDoc, PersonDoc, SprintDoc
from sprintjournal.files import atomic_write_bytes
from sprintjournal.input_files import FileTooLargeError, NotARegularFileError, read_regular_file
from sprintjournal.journal import Journal
from sprintjournal.names import clean_name, name_key
from sprintjournal.terminal import is_text
from sprintjournal.usecases.import_checks import check_document
from sprintjournal.usecases.importing import (
    StreamedPeople,
    existing_sprint_problems,
    stream_into_sprint,
    stream_new_sprint,
    stream_standup,
)

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
    if path.is_dir() and not file.exists():
        raise ImportFailedError(str(path), [Problem(
            "", f"a folder without {JSON_NAME} (a JSON export's folder holds one); choose a "
                "JSON export, people.txt or planning.txt")])
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
    """Rows go into the journal as they are read, in one transaction (issue 11 item 12)."""
    people = open_people_txt(data, keep_problems=LISTED, keep_paragraphs=False)
    if sprint_id is not None:
        journal.get_sprint(sprint_id)  # a clear error for a sprint that is not there
    with journal.write() as session:
        if sprint_id is None:
            done = _people_into_new_sprint(session, path, people)
        else:
            done = stream_into_sprint(session, sprint_id, _past_people(data),
                                      (e for e in people.entries() if isinstance(e, AttendeeDoc)))
    sprint_id = done.summary.sprint_ids[0]
    warnings = [f"warning: {p}" for p in people.problems.kept]
    lines = listed(warnings, people.problems.total, "warnings")
    attendees = done.summary.counts.get("attendees", 0)  # rows naming one person count once
    lines.append(
        f"sprint {sprint_id}: {attendees} attendees ({done.to_review} rows to review), "
        f"{done.past} people from earlier sprints"
    )
    return lines


def _people_into_new_sprint(session: Session, path: Path, people: PeopleFile) -> StreamedPeople:
    title = _sprint_title(people.title, path)
    sprint = SprintDoc(
        title=title,
        place=title.split(" sprint", 1)[0] if " sprint" in title else "",
        start=people.sprint.start,
        end=people.sprint.end,
    )
    doc = JournalDoc(sprints=[sprint])
    problems = check_document(doc) + existing_sprint_problems(session, doc)
    if problems:
        raise ImportFailedError(str(path), problems)
    done = stream_new_sprint(session, sprint, _items(people), LISTED)
    if done.refused:  # raised inside the transaction: nothing stays written
        raise import_failed(str(path), done.problems, done.refused)
    return done


def _items(people: PeopleFile) -> Iterator[AttendeeDoc | PersonDoc]:
    for entry in people.entries():
        if isinstance(entry, PastName):
            if entry.name.strip():
                yield PersonDoc(name=entry.name)
        else:
            yield entry


def _past_people(data: bytes) -> Iterator[PersonDoc]:
    """The people from earlier sprints, read first (a second reading of the file) so that the
    attendees merged after them count as known, as they did when the file was read whole."""
    for entry in open_people_txt(data, keep_problems=0, keep_paragraphs=False).entries():
        if isinstance(entry, PastName) and entry.name.strip():
            yield PersonDoc(name=entry.name)


def _import_planning(
    journal: Journal, path: Path, text: str, sprint_id: int | None, day: date | None
) -> list[str]:
    """Items are read and written as they come, in one transaction (FAULTS 73): the present
    list first (a first, light reading), as the items' people are told by it."""
    sprints = journal.list_sprints()
    if sprint_id is None:
        if not sprints:
            raise ImportFailedError(str(path), [Problem("", "create or import the sprint first")])
        sprint_id = sprints[0].id
    sprint = journal.get_sprint(sprint_id)
    when = day or sprint.start or date.today()
    attending = {a.person.id for a in journal.list_attendees(sprint_id)}
    known = [n for p in journal.list_people() for n in (p.name, *p.aliases)]
    known += [p.name.split(" ", 1)[0] for p in journal.list_people() if p.id in attending]
    known += [name_key(n) for n in known]
    present = present_names(text)
    known += [n.split(" ", 1)[0] for n in present]
    parsed = ParsedPlanning(keep=LISTED)
    items = (standup_doc(item, when) for item in iter_plan_items(text, known, parsed))
    with journal.write() as session:
        summary = stream_standup(session, sprint_id, [AttendeeDoc(person=n) for n in present],
                                 items)
    lines = listed((f"warning: {p}" for p in parsed.problems[:LISTED]), len(parsed.problems),
                   "warnings")
    review = summary.to_review  # counted as written: listing 300,000 items back is a crash
    lines.append(
        f"sprint {sprint_id}, {when}: {summary.counts.get('stand-up items', 0)} stand-up items "
        f"({review} to review), {summary.counts.get('attendees', 0)} people present"
    )
    lines += listed((f"kept as text: {t}" for t in parsed.free_text), parsed.free_text_total,
                    "lines kept as text")
    return lines


def export_people_txt(journal: Journal, sprint_id: int, out_dir: Path) -> Path:
    """The sprint's attendees in PyPy's people.txt table, as the JSON export sees them."""
    (sprint,) = journal.export_document([sprint_id])[0].sprints
    text = write_people_txt(f"People coming to the {sprint.title}", sprint.attendees)
    return atomic_write_bytes(out_dir / "people.txt", text.encode("utf-8"))
