"""The crash harness's child: real journal work through the `Journal` façade until it is killed.

Every operation prints `TRY <kind> <id> <sha256>` before it starts and `ACK <kind> <id> <sha256>`
only after its commit has returned, each line in one unbuffered `write`, so the parent knows
exactly which changes the journal promised to keep and which single one was in flight.

Two entries, both making one fresh process per kill:
- `python crash_child.py run JOURNAL SEED MIX`: a brand-new interpreter (about 0.5 s of imports);
- `python crash_child.py serve`: a zygote that imports everything once, then reads
  `RUN JOURNAL SEED MIX` lines and forks one child per line. Each forked child opens the journal
  itself (lock, checks, engine), so it is as fresh as a spawned one without paying the imports
  again; the zygote prints `EXIT <pid> <status>` once the child is dead and reaped.
"""

import hashlib
import io
import os
import random
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PIL import Image

from sprintjournal import db
from sprintjournal.backup import backup_now
from sprintjournal.exchange.schema import JournalDoc, NoteDoc, SprintDoc, StandupDoc
from sprintjournal.files import AtomicBatch
from sprintjournal.journal import Journal, load_orm
from sprintjournal.report.export import export_report

FIRST_DAY = date(2011, 11, 2)
WORDS = (
    "Håkan Ardö jit-targets",
    "Antonio Cuni ffistruct 400× faster than ctypes",
    "Armin STM",
    "Christian Tismer Win64 the third 90%",
    "🎂 5× faster than CPython",
    "עברית מימין לשמאל",
    "Mark Pearse SpecialisedTuple",
    "e\u0301te\u0301",
    "line\r\nbreak",
    "Laura & Jacob",
)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def say(*parts: object) -> None:
    """One line, one write(2): a kill can stop it only before or after, never half-way."""
    os.write(1, (" ".join(str(p) for p in parts) + "\n").encode("ascii"))


def random_text(rng: random.Random) -> str:
    """Mostly short notes; some of a few hundred kB, so kills land inside long commits."""
    size = rng.choice((1, 3, 10, 40)) if rng.random() < 0.85 else rng.randint(2000, 12000)
    words = [rng.choice(WORDS) for _ in range(size)]
    return f"{rng.getrandbits(64):x} " + " ".join(words)


def random_photo(rng: random.Random) -> bytes:
    """A small noisy PNG (unique bytes), sometimes a larger JPEG so the commit takes longer."""
    large = rng.random() < 0.25
    size = (480, 360) if large else (40, 30)
    image = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))
    out = io.BytesIO()
    image.save(out, "JPEG" if large else "PNG", quality=90)
    return out.getvalue()


class Worker:
    """Random operations on one journal, each announced and acknowledged."""

    def __init__(self, journal: Journal, rng: random.Random) -> None:
        self.journal, self.rng = journal, rng
        mine = [s for s in journal.list_sprints() if s.title == "Gothenburg 2011"]
        if mine:
            self.sprint_id = mine[0].id
        else:
            self.sprint_id = journal.add_sprint(
                "Gothenburg 2011", start=FIRST_DAY, end=FIRST_DAY + timedelta(days=7)
            ).ids[0]
        self.ops: list[tuple[int, Callable[[], None]]] = [
            (40, self.edit_note),
            (12, self.add_note),
            (4, self.remove_note),
            (14, self.edit_standup),
            (10, self.add_standup),
            (10, self.add_photo),
            (6, self.import_json),
        ]

    def day(self) -> date:
        return FIRST_DAY + timedelta(days=self.rng.randrange(7))

    def step(self) -> None:
        choice = self.rng.choices([op for _w, op in self.ops], [w for w, _op in self.ops])[0]
        choice()

    def edit_note(self) -> None:
        notes = self.journal.list_notes(self.sprint_id)
        if not notes:
            return self.add_note()
        note, text = self.rng.choice(notes), random_text(self.rng)
        say("TRY note", note.id, sha(text))
        self.journal.set_note_text(note.id, text)
        say("ACK note", note.id, sha(text))

    def add_note(self) -> None:
        text = random_text(self.rng)
        say("TRY note-add -", sha(text))
        note_id = self.journal.add_note(self.sprint_id, self.day(), text).ids[0]
        say("ACK note-add", note_id, sha(text))

    def remove_note(self) -> None:
        notes = self.journal.list_notes(self.sprint_id)
        if len(notes) < 3:
            return self.add_note()
        note_id = self.rng.choice(notes).id
        say("TRY note-del", note_id, "-")
        self.journal.remove_note(note_id)
        say("ACK note-del", note_id, "-")

    def edit_standup(self) -> None:
        items = self.journal.list_standup(self.sprint_id)
        if not items:
            return self.add_standup()
        item, text = self.rng.choice(items), random_text(self.rng)[:400]
        say("TRY standup", item.id, sha(text))
        self.journal.update_standup_item(item.id, text=text)
        say("ACK standup", item.id, sha(text))

    def add_standup(self) -> None:
        text = random_text(self.rng)[:400]
        section = self.rng.choice(("done", "today"))
        say("TRY standup-add -", sha(text))
        change = self.journal.add_standup_item(self.sprint_id, self.day(), section, text)
        say("ACK standup-add", change.ids[0], sha(text))

    def add_photo(self) -> None:
        data = random_photo(self.rng)
        digest = hashlib.sha256(data).hexdigest()
        say("TRY photo-add -", digest)
        photo_id = self.journal.add_photo(self.sprint_id, data, "cake.png", caption="🎂").ids[0]
        say("ACK photo-add", photo_id, digest)

    def import_json(self) -> None:
        """An interchange document whose sprint description says what a whole import holds."""
        texts = [random_text(self.rng) for _ in range(self.rng.randint(1, 6))]
        digest = import_digest(texts)
        doc = JournalDoc(
            sprints=[
                SprintDoc(
                    title=f"Imported {self.rng.getrandbits(48):x}",
                    description=f"expect {len(texts)} {digest}",
                    notes=[NoteDoc(day=FIRST_DAY, text=t) for t in texts],
                    standup=[
                        StandupDoc(day=FIRST_DAY, section="done", text=t[:200]) for t in texts
                    ],
                )
            ]
        )
        say("TRY import-add -", digest)
        _change, summary = self.journal.import_document(doc, source="crash-test")
        say("ACK import-add", summary.sprint_ids[0], digest)


def import_digest(texts: list[str]) -> str:
    return sha("\x00".join(texts))


MIGRATION_ROWS = 60000


def slow_migration_step(conn: sqlite3.Connection) -> None:
    """A test-only step after the last real one, long enough (0.1 s) for kills to land in it."""
    conn.execute("CREATE TABLE colour(id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    rows = ((f"shade {i} of sprint blue " * 8,) for i in range(MIGRATION_ROWS))
    conn.executemany("INSERT INTO colour(name) VALUES (?)", rows)
    conn.execute("UPDATE note SET position = position + 1")


def work(journal_path: Path, seed: int) -> None:
    journal = Journal(journal_path)
    worker = Worker(journal, random.Random(seed))
    say("OPEN", os.getpid())
    while True:
        worker.step()


def photos_only(journal_path: Path, seed: int) -> None:
    journal = Journal(journal_path)
    worker = Worker(journal, random.Random(seed))
    say("OPEN", os.getpid())
    while True:
        worker.add_photo()


def migrate(journal_path: Path, _seed: int) -> None:
    def announced_step(conn: sqlite3.Connection) -> None:
        say("STEP", os.getpid())  # the backup is written: lets the parent aim into the step
        slow_migration_step(conn)

    db.MIGRATIONS = [*db.MIGRATIONS, announced_step]
    Journal(journal_path)
    say("MIGRATED", os.getpid())
    time.sleep(60)


def backups(journal_path: Path, _seed: int) -> None:
    journal = Journal(journal_path)
    say("OPEN", os.getpid())
    while True:
        made = backup_now(journal)
        say("ACK backup", made.name, hashlib.sha256(made.read_bytes()).hexdigest())


def export_text(n: int) -> str:
    """A report of about 1 MB (so writing it takes a while) carrying its version once."""
    filler = "Antonio: ffistruct field access about 400× faster than ctypes. " * 16_000
    return f"# Gothenburg 2011\n\nexport-version-{n}\n\n![The cake](photo:1)\n\n{filler}\n"


def exports(journal_path: Path, seed: int) -> None:
    """Save a new report version and export it as an HTML folder, again and again."""
    journal = Journal(journal_path)
    sprint_id = journal.list_sprints()[0].id
    say("OPEN", os.getpid())
    reserve = AtomicBatch._reserve

    def announced_reserve(batch: AtomicBatch, relative: str) -> tuple[int, Path]:
        """Every file of an export is reserved just before it is written, whether alone (`add`)
        or side by side with others (`add_all`): the parent aims its kills at these lines."""
        say("WRITING", relative.replace(" ", "_"))
        return reserve(batch, relative)

    AtomicBatch._reserve = announced_reserve  # type: ignore[method-assign]
    for n in range(seed * 1000, seed * 1000 + 1000):
        journal.save_report(sprint_id, text=export_text(n))
        export_report(journal, sprint_id, "html-dir", journal_path.parent / "export")
        say("ACK export", n, "-")


MIXES: dict[str, Callable[[Path, int], None]] = {
    "all": work,
    "photos": photos_only,
    "migrate": migrate,
    "backup": backups,
    "export": exports,
}


def run(journal_path: Path, seed: int, mix: str) -> None:
    """Work until killed (or until an error, which the parent reports as a failure)."""
    say("START", os.getpid())
    try:
        MIXES[mix](journal_path, seed)
    except BaseException as exc:
        message = f"{type(exc).__name__}: {exc}".encode("ascii", "replace").decode("ascii")
        say("ERROR", message.replace("\n", " | "))
        os._exit(3)


def serve() -> None:
    """The zygote: one forked child per request; reports each child's death."""
    load_orm()  # the Journal imports it on its first write: once here, not in every child
    for line in sys.stdin:
        command, path, seed, mix = line.split()
        assert command == "RUN"
        pid = os.fork()
        if pid == 0:
            run(Path(path), int(seed), mix)
            os._exit(0)
        _pid, status = os.waitpid(pid, 0)
        say("EXIT", pid, status)
    os._exit(0)


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve()
    else:
        run(Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
