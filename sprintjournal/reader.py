"""Everything the app shows, read with plain sqlite3: the one reader of a journal file.

Importing SQLModel/SQLAlchemy/pydantic costs about 48 MiB and most of a second of CPU, and
showing a journal needs none of it. So the `Journal` façade answers the reads the UI makes
(`JournalReader`) through `SqliteReader`, and loads the ORM only for its first write. The SQL
here is the only statement of what a record holds and in which order lists come (columns,
ORDER BY, the newcomer rule). The use cases (a write checking what is there, the JSON export,
the analysis) run the same `Reads` on their session's connection (`usecases.common.reads`),
inside their own transaction, so a write and what it reads back can never disagree.
"""

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from sprintjournal import db, full_text
from sprintjournal.errors import JournalError, NotFoundError, from_sqlite
from sprintjournal.records import (
    AttendeeRec,
    BranchRec,
    FigureRec,
    NoteRec,
    NoteVersionRec,
    PersonRec,
    PersonRef,
    PhotoRec,
    ReportRec,
    SearchHit,
    SprintRec,
    StandupRec,
)

T = TypeVar("T")
Row = tuple[Any, ...]
"""A result row: sqlite3 hands each value out as Any (int, float, str, bytes or None, by what
the column holds); each record builder below says what its columns are."""


class JournalReader(Protocol):
    """The reads the UI makes; the `Journal` façade and `SqliteReader` both provide them."""

    def list_sprints(self) -> list[SprintRec]: ...
    def get_sprint(self, sprint_id: int) -> SprintRec: ...
    def list_people(self) -> list[PersonRec]: ...
    def get_person(self, person_id: int) -> PersonRec: ...
    def list_attendees(self, sprint_id: int) -> list[AttendeeRec]: ...
    def list_branches(self, sprint_id: int) -> list[BranchRec]: ...
    def list_standup(self, sprint_id: int, day: date | None = None) -> list[StandupRec]: ...
    def list_notes(self, sprint_id: int, day: date | None = None) -> list[NoteRec]: ...
    def get_note(self, note_id: int) -> NoteRec: ...
    def days_with_content(self, sprint_id: int) -> list[date]: ...
    def note_versions(self, note_id: int) -> list[NoteVersionRec]: ...
    def list_photos(self, sprint_id: int) -> list[PhotoRec]: ...
    def photo_thumbnail(self, photo_id: int) -> bytes: ...
    def photo_bytes(self, photo_id: int) -> bytes: ...
    def get_report(self, sprint_id: int) -> ReportRec: ...
    def search(self, text: str, sprint_id: int | None = None, limit: int = 100
               ) -> list[SearchHit]: ...


def _date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _utc(text: str) -> datetime:
    """Stored naive in UTC (SQLAlchemy's format); handed out UTC-aware, as written."""
    stamp = datetime.fromisoformat(text)
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def _local(text: str | None) -> datetime | None:
    """A camera's local time (EXIF has no zone): naive, as stored."""
    return None if text is None else datetime.fromisoformat(text)


def _figures(text: str) -> tuple[FigureRec, ...]:
    return tuple(FigureRec(f.get("what", ""), f.get("value", ""), f.get("compared_with", ""))
                 for f in json.loads(text))


def _missing(what: str, item_id: int) -> NotFoundError:
    return NotFoundError(f"No {what} with id {item_id} in this journal.")


_SPRINT = ("SELECT id, title, project, place, venue, start, \"end\", description, "
           "blog_authors, blog_tags, ordinal, ordinal_scope FROM sprint")
_PERSON = "SELECT id, name, email, url FROM person"
_NOTE = "SELECT id, sprint_id, day, text, sha256, updated_at, position, publish FROM note"
_PHOTO = ("SELECT id, sprint_id, filename, mime, width, height, byte_size, sha256, caption, alt, "
          "day, taken_at, position FROM photo")
OWNERS_PER_QUERY = 900
"""A sprint may hold more stand-up items than SQLite takes variables in one statement (32,766
in many builds, 999 in old ones), so their people are asked for this many owners at a time."""
_LINKS = {  # link table -> its owner's column
    "branch_person": "branch_id",
    "standup_person": "item_id",
    "photo_person": "photo_id",
}


class Reads:
    """The record-building queries over one sqlite3 connection, in the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def _rows(self, sql: str, *params: object) -> list[Row]:
        return self._conn.execute(sql, params).fetchall()

    def _one(self, what: str, item_id: int, sql: str) -> Row:
        rows = self._rows(sql, item_id)
        if not rows:
            raise _missing(what, item_id)
        return rows[0]

    # -- sprints ----------------------------------------------------------------------------
    @staticmethod
    def _sprint(row: Row) -> SprintRec:
        sid, title, project, place, venue, start, end, description, authors, tags, nth, scope = row
        return SprintRec(sid, title, project, place, venue, _date(start), _date(end),
                         description, tuple(json.loads(authors)), tuple(json.loads(tags)),
                         nth, scope or "")

    def list_sprints(self) -> list[SprintRec]:
        """Newest first (unknown dates last): the organiser almost always wants the current one."""
        rows = self._rows(_SPRINT + " ORDER BY start IS NULL, start DESC, id DESC")
        return [self._sprint(r) for r in rows]

    def get_sprint(self, sprint_id: int) -> SprintRec:
        return self._sprint(self._one("sprint", sprint_id, _SPRINT + " WHERE id = ?"))

    def sprints_of_year(self, year: int) -> list[SprintRec]:
        """The sprints that start in `year`, in no particular order: what a sprint's ordinal
        counts, without reading the journal's other years."""
        rows = self._rows(_SPRINT + " WHERE start >= ? AND start < ?",
                          f"{year:04d}-01-01", f"{year + 1:04d}-01-01")
        return [self._sprint(r) for r in rows]

    # -- people -----------------------------------------------------------------------------
    def list_people(self) -> list[PersonRec]:
        """By name key (accents and case folded), so "Håkan" sorts with "Hakan"."""
        aliases = self._aliases("")
        rows = self._rows(_PERSON + " ORDER BY name_key")
        return [PersonRec(pid, name, aliases.get(pid, ()), email, url)
                for pid, name, email, url in rows]

    def get_person(self, person_id: int) -> PersonRec:
        pid, name, email, url = self._one("person", person_id, _PERSON + " WHERE id = ?")
        aliases = self._aliases(" WHERE person_id = ?", person_id)
        return PersonRec(pid, name, aliases.get(pid, ()), email, url)

    def _aliases(self, where: str, *params: object) -> dict[int, tuple[str, ...]]:
        """person id -> aliases in the order they were given."""
        aliases: dict[int, list[str]] = {}
        for pid, alias in self._rows(
                f"SELECT person_id, alias FROM person_alias{where} ORDER BY id", *params):
            aliases.setdefault(pid, []).append(alias)
        return {pid: tuple(names) for pid, names in aliases.items()}

    def people_of(self, link: str, owner_ids: list[int]) -> dict[int, tuple[PersonRef, ...]]:
        """owner id -> its linked people in their recorded order (`link` one of `_LINKS`)."""
        owner = _LINKS[link]
        linked: dict[int, list[PersonRef]] = {}
        for start in range(0, len(owner_ids), OWNERS_PER_QUERY):
            chunk = owner_ids[start:start + OWNERS_PER_QUERY]
            marks = ",".join("?" * len(chunk))
            for oid, pid, name in self._rows(
                    f"SELECT l.{owner}, p.id, p.name FROM {link} l JOIN person p "
                    f"ON p.id = l.person_id WHERE l.{owner} IN ({marks}) "
                    f"ORDER BY l.{owner}, l.position, p.id", *chunk):
                linked.setdefault(oid, []).append(PersonRef(pid, name))
        return {oid: tuple(refs) for oid, refs in linked.items()}

    # -- attendees --------------------------------------------------------------------------
    def list_attendees(self, sprint_id: int) -> list[AttendeeRec]:
        rows = self._rows(
            "SELECT a.id, a.sprint_id, p.id, p.name, a.arrive, a.depart, a.dates_text, "
            "a.accommodation, a.diet, a.host, a.newcomer, a.notes, a.needs_review, "
            "a.review_reason, a.checked_in FROM attendance a JOIN person p ON p.id = a.person_id "
            "WHERE a.sprint_id = ? ORDER BY a.position, a.id", sprint_id)
        first = self.first_sprints([r[2] for r in rows])
        return [AttendeeRec(aid, sid, PersonRef(pid, name), _date(arrive), _date(depart), text,
                            room, diet, bool(host), None if new is None else bool(new),
                            bool(new) if new is not None
                            else not host and first.get(pid) == sprint_id,
                            notes, bool(review), reason,
                            tuple(sorted(_day(d) for d in json.loads(here or "[]"))))
                for (aid, sid, pid, name, arrive, depart, text, room, diet, host, new, notes,
                     review, reason, here) in rows]

    def first_sprints(self, person_ids: list[int]) -> dict[int, int]:
        """person id -> that person's earliest sprint (by start, unknown dates last, then id):
        someone whose first sprint this is counts as a newcomer unless the organiser said."""
        # Only the wanted people's attendances (by index): scanning every attendance of 200
        # sprints cost 3-4 ms each time a sprint's attendees were listed.
        wanted = list(dict.fromkeys(person_ids))
        first: dict[int, int] = {}
        for start in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
            chunk = wanted[start:start + 500]
            for pid, sid in self._rows(
                    "SELECT a.person_id, s.id FROM attendance a JOIN sprint s "
                    f"ON s.id = a.sprint_id WHERE a.person_id IN ({','.join('?' * len(chunk))}) "
                    "ORDER BY s.start IS NULL, s.start, s.id", *chunk):
                first.setdefault(pid, sid)
        return first

    # -- branches ---------------------------------------------------------------------------
    def list_branches(self, sprint_id: int) -> list[BranchRec]:
        rows = self._rows("SELECT id, sprint_id, name, kind, goal, status, results, links, notes, "
                          "position, figures, notes_publish FROM branch WHERE sprint_id = ? "
                          "ORDER BY position, id", sprint_id)
        people = self.people_of("branch_person", [r[0] for r in rows])
        return [BranchRec(bid, sid, name, kind, goal, status, people.get(bid, ()),
                          tuple(json.loads(results)), tuple(json.loads(links)), notes, position,
                          _figures(figures), bool(public))
                for (bid, sid, name, kind, goal, status, results, links, notes, position,
                     figures, public) in rows]

    # -- stand-up ---------------------------------------------------------------------------
    def list_standup(self, sprint_id: int, day: date | None = None) -> list[StandupRec]:
        sql = ("SELECT i.id, i.sprint_id, i.day, i.section, i.text, i.status, "
               "i.branch_id, b.name, i.position, i.needs_review, i.review_reason, "
               "i.publish FROM standup_item i LEFT JOIN branch b ON b.id = i.branch_id "
               "WHERE i.sprint_id = ?")
        params: list[int | str] = [sprint_id]
        if day is not None:
            sql += " AND i.day = ?"
            params.append(day.isoformat())
        rows = self._rows(sql + " ORDER BY i.day, i.section, i.position, i.id", *params)
        people = self.people_of("standup_person", [r[0] for r in rows])
        return [StandupRec(iid, sid, _day(day_), section, text, status, people.get(iid, ()),
                           bid, bname, position, bool(review), reason, bool(publish))
                for (iid, sid, day_, section, text, status, bid, bname, position, review, reason,
                     publish) in rows]

    # -- notes ------------------------------------------------------------------------------
    @staticmethod
    def _note(row: Row) -> NoteRec:
        nid, sid, day, text, sha, updated, position, publish = row
        return NoteRec(nid, sid, _date(day), text, sha, _utc(updated), position,
                       tuple(json.loads(publish or "[]")))

    def list_notes(self, sprint_id: int, day: date | None = None) -> list[NoteRec]:
        """Undated notes first, then by day, position and id."""
        sql = _NOTE + " WHERE sprint_id = ?"
        params: list[int | str] = [sprint_id]
        if day is not None:
            sql += " AND day = ?"
            params.append(day.isoformat())
        rows = self._rows(sql + " ORDER BY day IS NOT NULL, day, position, id", *params)
        return [self._note(r) for r in rows]

    def get_note(self, note_id: int) -> NoteRec:
        return self._note(self._one("note", note_id, _NOTE + " WHERE id = ?"))

    def days_with_content(self, sprint_id: int) -> list[date]:
        """Days that have notes or stand-up items (for sprints whose dates are unknown)."""
        rows = self._rows("SELECT day FROM note WHERE sprint_id = ? AND day IS NOT NULL UNION "
                          "SELECT day FROM standup_item WHERE sprint_id = ?", sprint_id, sprint_id)
        return sorted(_day(r[0]) for r in rows)

    def note_versions(self, note_id: int) -> list[NoteVersionRec]:
        """Newest first."""
        rows = self._rows("SELECT id, note_id, text, saved_at FROM note_version "
                          "WHERE note_id = ? ORDER BY id DESC", note_id)
        return [NoteVersionRec(vid, nid, text, _utc(saved)) for vid, nid, text, saved in rows]

    # -- photos -----------------------------------------------------------------------------
    def list_photos(self, sprint_id: int) -> list[PhotoRec]:
        """Rows without the thumbnail: listing stays cheap however many photos there are."""
        rows = self._rows(_PHOTO + " WHERE sprint_id = ? ORDER BY position, id", sprint_id)
        people = self.people_of("photo_person", [r[0] for r in rows])
        return [PhotoRec(pid, sid, filename, mime, width, height, size, sha, caption, alt,
                         _date(day), _local(taken), people.get(pid, ()), position)
                for (pid, sid, filename, mime, width, height, size, sha, caption, alt, day,
                     taken, position) in rows]

    def photo_thumbnail(self, photo_id: int) -> bytes:
        return bytes(self._one("photo", photo_id, "SELECT thumbnail FROM photo WHERE id = ?")[0])

    def photo_bytes(self, photo_id: int) -> bytes:
        return bytes(self._one("photo", photo_id,
                               "SELECT data FROM photo_data WHERE photo_id = ?")[0])

    # -- report -----------------------------------------------------------------------------
    def get_report(self, sprint_id: int) -> ReportRec:
        rows = self._rows("SELECT sprint_id, title, text, generated_text, updated_at FROM report "
                          "WHERE sprint_id = ?", sprint_id)
        if not rows:
            return ReportRec(sprint_id, None, None, None, None)
        sid, title, text, generated, updated = rows[0]
        return ReportRec(sid, title, text, generated, _utc(updated))

    # -- search -----------------------------------------------------------------------------
    def search(self, text: str, sprint_id: int | None = None, limit: int = 100
               ) -> list[SearchHit]:
        return full_text.search(self._conn, text, sprint_id, limit)


class SqliteReader:
    """`JournalReader` over its own connection: each call one read transaction (a consistent
    snapshot even when it takes several queries), one call at a time across threads."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self._conn = db.connect_reader(self.path, readonly)
        self._reads = Reads(self._conn)
        self._mutex = threading.Lock()
        self._closed = False

    def close(self) -> None:
        with self._mutex:
            self._conn.close()
            self._closed = True

    @contextmanager
    def _snapshot(self) -> Iterator[Reads]:
        with self._mutex:
            if self._closed:
                raise JournalError(f"{self.path} is closed.")
            try:
                self._conn.execute("BEGIN")
                try:
                    yield self._reads
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                raise from_sqlite(exc, self.path) from exc

    def run(self, query: Callable[[Reads], T]) -> T:
        """Several reads in one snapshot (an export, an analysis): `Reads` is a JournalReader."""
        with self._snapshot() as reads:
            return query(reads)

    def list_sprints(self) -> list[SprintRec]:
        return self.run(lambda r: r.list_sprints())

    def get_sprint(self, sprint_id: int) -> SprintRec:
        return self.run(lambda r: r.get_sprint(sprint_id))

    def sprints_of_year(self, year: int) -> list[SprintRec]:
        return self.run(lambda r: r.sprints_of_year(year))

    def list_people(self) -> list[PersonRec]:
        return self.run(lambda r: r.list_people())

    def get_person(self, person_id: int) -> PersonRec:
        return self.run(lambda r: r.get_person(person_id))

    def list_attendees(self, sprint_id: int) -> list[AttendeeRec]:
        return self.run(lambda r: r.list_attendees(sprint_id))

    def list_branches(self, sprint_id: int) -> list[BranchRec]:
        return self.run(lambda r: r.list_branches(sprint_id))

    def list_standup(self, sprint_id: int, day: date | None = None) -> list[StandupRec]:
        return self.run(lambda r: r.list_standup(sprint_id, day))

    def list_notes(self, sprint_id: int, day: date | None = None) -> list[NoteRec]:
        return self.run(lambda r: r.list_notes(sprint_id, day))

    def get_note(self, note_id: int) -> NoteRec:
        return self.run(lambda r: r.get_note(note_id))

    def days_with_content(self, sprint_id: int) -> list[date]:
        return self.run(lambda r: r.days_with_content(sprint_id))

    def note_versions(self, note_id: int) -> list[NoteVersionRec]:
        return self.run(lambda r: r.note_versions(note_id))

    def list_photos(self, sprint_id: int) -> list[PhotoRec]:
        return self.run(lambda r: r.list_photos(sprint_id))

    def photo_thumbnail(self, photo_id: int) -> bytes:
        return self.run(lambda r: r.photo_thumbnail(photo_id))

    def photo_bytes(self, photo_id: int) -> bytes:
        return self.run(lambda r: r.photo_bytes(photo_id))

    def get_report(self, sprint_id: int) -> ReportRec:
        return self.run(lambda r: r.get_report(sprint_id))

    def search(self, text: str, sprint_id: int | None = None, limit: int = 100
               ) -> list[SearchHit]:
        return self.run(lambda r: r.search(text, sprint_id, limit))
