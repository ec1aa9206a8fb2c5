"""A first, read-only look at a journal with plain sqlite3, while SQLAlchemy is still loading.

Importing SQLModel/SQLAlchemy costs most of a second; the app shows the newest sprint's notes
from this reader right after its first paint and swaps in the real `Journal` when the import has
finished in the background. It reads only what the Notes panel shows and returns the same
records as the `Journal` façade (a test compares the two), never writes, and refuses any file it
is not sure about (`QuickReadUnavailableError`): the app then simply waits for the real journal.
"""

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from sprintjournal.records import (
    AttendeeRec,
    BranchRec,
    FigureRec,
    NoteRec,
    PersonRec,
    PersonRef,
    SprintRec,
)

APPLICATION_ID = 0x534A524E  # must equal db.APPLICATION_ID (db imports SQLAlchemy)
SCHEMA_VERSION = 5  # the schema this reader knows; any other version is refused


class QuickReadUnavailableError(Exception):
    """The file cannot be read this way (missing, foreign, other version): use the Journal."""


def _date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _utc(text: str) -> datetime:
    """Stored naive; the Journal hands out UTC-aware times, and so does this reader."""
    stamp = datetime.fromisoformat(text)
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def _figures(text: str) -> tuple[FigureRec, ...]:
    return tuple(FigureRec(f.get("what", ""), f.get("value", ""), f.get("compared_with", ""))
                 for f in json.loads(text))


class QuickReader:
    """Journal-compatible read methods over a read-only sqlite3 connection."""

    readonly = True

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.is_file() or self.path.stat().st_size == 0:
            raise QuickReadUnavailableError(f"{self.path}: no journal to read yet")
        try:
            self._conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            app_id = self._conn.execute("PRAGMA application_id").fetchone()[0]
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise QuickReadUnavailableError(str(exc)) from exc
        if (app_id, version) != (APPLICATION_ID, SCHEMA_VERSION):
            self._conn.close()
            raise QuickReadUnavailableError(f"{self.path}: not a version {SCHEMA_VERSION} journal")

    def close(self) -> None:
        self._conn.close()

    def _rows(self, sql: str, *params: object) -> list[tuple]:
        return self._conn.execute(sql, params).fetchall()

    # -- sprints ----------------------------------------------------------------------------
    _SPRINT = ("SELECT id, title, project, place, venue, start, \"end\", description, "
               "blog_authors, blog_tags, ordinal, ordinal_scope FROM sprint")

    @staticmethod
    def _sprint(row: tuple) -> SprintRec:
        sid, title, project, place, venue, start, end, description, authors, tags, nth, scope = row
        return SprintRec(sid, title, project, place, venue, _date(start), _date(end),
                         description, tuple(json.loads(authors)), tuple(json.loads(tags)),
                         nth, scope or "")

    def list_sprints(self) -> list[SprintRec]:
        rows = self._rows(self._SPRINT + " ORDER BY start IS NULL, start DESC, id DESC")
        return [self._sprint(r) for r in rows]

    def get_sprint(self, sprint_id: int) -> SprintRec:
        rows = self._rows(self._SPRINT + " WHERE id = ?", sprint_id)
        if not rows:
            raise QuickReadUnavailableError(f"no sprint {sprint_id}")
        return self._sprint(rows[0])

    # -- notes ------------------------------------------------------------------------------
    _NOTE = "SELECT id, sprint_id, day, text, sha256, updated_at, position, publish FROM note"

    @staticmethod
    def _note(row: tuple) -> NoteRec:
        nid, sid, day, text, sha, updated, position, publish = row
        return NoteRec(nid, sid, _date(day), text, sha, _utc(updated), position,
                       tuple(json.loads(publish)))

    def list_notes(self, sprint_id: int, day: date | None = None) -> list[NoteRec]:
        sql, params = self._NOTE + " WHERE sprint_id = ?", [sprint_id]
        if day is not None:
            sql += " AND day = ?"
            params.append(day.isoformat())  # type: ignore[arg-type]
        rows = self._rows(sql + " ORDER BY day IS NOT NULL, day, position, id", *params)
        return [self._note(r) for r in rows]

    def get_note(self, note_id: int) -> NoteRec:
        rows = self._rows(self._NOTE + " WHERE id = ?", note_id)
        if not rows:
            raise QuickReadUnavailableError(f"no note {note_id}")
        return self._note(rows[0])

    def days_with_content(self, sprint_id: int) -> list[date]:
        rows = self._rows("SELECT day FROM note WHERE sprint_id = ? AND day IS NOT NULL UNION "
                          "SELECT day FROM standup_item WHERE sprint_id = ?", sprint_id, sprint_id)
        return sorted(d for d in (_date(r[0]) for r in rows) if d is not None)

    # -- what mentions resolve to -----------------------------------------------------------
    def list_people(self) -> list[PersonRec]:
        aliases: dict[int, list[str]] = {}
        for pid, alias in self._rows("SELECT person_id, alias FROM person_alias ORDER BY id"):
            aliases.setdefault(pid, []).append(alias)
        rows = self._rows("SELECT id, name, email, url FROM person ORDER BY name_key")
        return [PersonRec(pid, name, tuple(aliases.get(pid, ())), email, url)
                for pid, name, email, url in rows]

    def list_branches(self, sprint_id: int) -> list[BranchRec]:
        people: dict[int, list[PersonRef]] = {}
        for bid, pid, name in self._rows(
                "SELECT bp.branch_id, p.id, p.name FROM branch_person bp JOIN person p "
                "ON p.id = bp.person_id JOIN branch b ON b.id = bp.branch_id "
                "WHERE b.sprint_id = ? ORDER BY bp.position, p.id", sprint_id):
            people.setdefault(bid, []).append(PersonRef(pid, name))
        rows = self._rows("SELECT id, sprint_id, name, kind, goal, status, results, links, notes, "
                          "position, figures, notes_publish FROM branch WHERE sprint_id = ? "
                          "ORDER BY position, id", sprint_id)
        return [BranchRec(bid, sid, name, kind, goal, status, tuple(people.get(bid, ())),
                          tuple(json.loads(results)), tuple(json.loads(links)), notes, position,
                          _figures(figures), bool(public))
                for (bid, sid, name, kind, goal, status, results, links, notes, position,
                     figures, public) in rows]

    def list_attendees(self, sprint_id: int) -> list[AttendeeRec]:
        rows = self._rows(
            "SELECT a.id, a.sprint_id, p.id, p.name, a.arrive, a.depart, a.dates_text, "
            "a.accommodation, a.diet, a.host, a.newcomer, a.notes, a.needs_review, "
            "a.review_reason FROM attendance a JOIN person p ON p.id = a.person_id "
            "WHERE a.sprint_id = ? ORDER BY a.position, a.id", sprint_id)
        first = self._first_sprints()
        return [AttendeeRec(aid, sid, PersonRef(pid, name), _date(arrive), _date(depart), text,
                            room, diet, bool(host), None if new is None else bool(new),
                            bool(new) if new is not None else first.get(pid) == sprint_id,
                            notes, bool(review), reason)
                for (aid, sid, pid, name, arrive, depart, text, room, diet, host, new, notes,
                     review, reason) in rows]

    def _first_sprints(self) -> dict[int, int]:
        """person id -> that person's earliest sprint (by start, unknown last, then id)."""
        first: dict[int, int] = {}
        for pid, sid in self._rows(
                "SELECT a.person_id, s.id FROM attendance a JOIN sprint s ON s.id = a.sprint_id "
                "ORDER BY s.start IS NULL, s.start, s.id"):
            first.setdefault(pid, sid)
        return first
