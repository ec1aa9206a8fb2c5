"""Apply a validated interchange document to the journal, in one transaction, in bulk.

Bulk inserts (SQLAlchemy Core executemany) rather than one ORM object at a time: a 20,000-note
journal imports in about a second instead of a minute. Everything that can be checked is checked
before the first write (see `check_document`), so a failed import changes nothing.
"""

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from sqlalchemy import Table, insert
from sqlmodel import Session, SQLModel, col, func, select

from sprintjournal.errors import Problem
from sprintjournal.exchange.schema import (
    AttendeeDoc,
    JournalDoc,
    PersonDoc,
    SprintDoc,
    StandupDoc,
)
from sprintjournal.models import (
    Attendance,
    Branch,
    BranchPerson,
    Note,
    Person,
    PersonAlias,
    Photo,
    PhotoData,
    PhotoPerson,
    Report,
    Sprint,
    StandupItem,
    StandupPerson,
)
from sprintjournal.names import clean_name, is_variant_spelling, name_key, title_key
from sprintjournal.photos import PhotoInfo
from sprintjournal.publish import marks_for
from sprintjournal.row_ids import saved
from sprintjournal.usecases import people
from sprintjournal.usecases.common import now, sha256_text
from sprintjournal.usecases.doc_fields import row_fields

PreparedPhoto = tuple[bytes, PhotoInfo, bytes]  # original bytes, info, thumbnail
BATCH = 2_000  # rows written per executemany while a text file streams in
_T = TypeVar("_T")


@dataclass
class ImportSummary:
    sprint_ids: list[int] = field(default_factory=list)
    people_created: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    to_review: int = 0  # stand-up items merged into a sprint flagged for review

    def add(self, what: str, n: int) -> None:
        self.counts[what] = self.counts.get(what, 0) + n


class PeopleIndex:
    """name/alias key -> person id, loaded once, extended as people are created."""

    def __init__(self, session: Session, summary: ImportSummary) -> None:
        self.session, self.summary = session, summary
        self.keys: dict[str, int] = {}
        self.first_names: dict[str, tuple[int, str]] = {}
        self.names: dict[int, str] = {}  # person id -> name, to spot another spelling
        for pid, key, display in session.exec(select(Person.id, Person.name_key, Person.name)):
            self.keys[key] = saved(pid)
            self.names[saved(pid)] = display
        aliases: dict[str, set[int]] = {}
        for pid, key in session.exec(select(PersonAlias.person_id, PersonAlias.alias_key)):
            aliases.setdefault(key, set()).add(pid)
        for key, owners in aliases.items():
            if len(owners) == 1 and key not in self.keys:
                self.keys[key] = next(iter(owners))

    def resolve(self, name: str) -> int:
        key = name_key(name)
        if key not in self.keys:
            found = self.guess(name)
            self.keys[key] = found[0] if found else self._create(clean_name(name))
        pid = self.keys[key]
        if self.names.get(pid, name) != name and is_variant_spelling(name, self.names[pid]):
            self._prefer(pid, name)
        return pid

    def _prefer(self, pid: int, spelling: str) -> None:
        """"Fijalkowski" met "Fijałkowski": the richer spelling is the name (FAULTS 56)."""
        person = self.session.get(Person, pid)
        assert person is not None
        people.prefer_spelling(self.session, person, spelling)
        self.names[pid] = person.name

    def knows(self, name: str) -> bool:
        """Known by name, alias or the first name of one attendee; not a mere prefix guess."""
        key = name_key(name)
        return key in self.keys or key in self.first_names

    def guess(self, name: str) -> tuple[int, str] | None:
        """An attendee of the sprint whose first name is `name`, or starts with it ("Anto").

        Real planning files use first names and nicknames; only a single match counts.
        """
        key = name_key(name)
        if " " in key or len(key) < 3:
            return None
        exact = [v for k, v in self.first_names.items() if k == key]
        prefix = [v for k, v in self.first_names.items() if k.startswith(key)]
        matches = exact or prefix
        return matches[0] if len(matches) == 1 else None

    def allow_first_names(self, session: Session, sprint_id: int) -> None:
        """Collect the first names of the sprint's attendees for `guess`."""
        rows = session.exec(
            select(Person.id, Person.name_key, Person.name)
            .join(Attendance, col(Attendance.person_id) == Person.id)
            .where(Attendance.sprint_id == sprint_id)
        ).all()
        by_first: dict[str, list[tuple[int, str]]] = {}
        for pid, key, display in rows:
            by_first.setdefault(key.split(" ", 1)[0], []).append((saved(pid), display))
        self.first_names = {k: v[0] for k, v in by_first.items() if len(v) == 1}

    def create_many(self, names: list[str]) -> None:
        """Create every unknown name in one executemany; order of first mention is kept."""
        fresh: dict[str, str] = {}
        for name in names:
            key = name_key(name)
            if key and key not in self.keys and key not in fresh:
                fresh[key] = clean_name(name)
        if not fresh:
            return
        # One executemany, then the ids by their unique key: RETURNING in parameter order
        # makes SQLite insert one row per statement (200,000 statements for a big people.txt).
        self.session.execute(
            insert(_table(Person)),
            [{"name": display, "name_key": key} for key, display in fresh.items()],
        )
        keys = list(fresh)
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            found = select(Person.id, Person.name_key).where(col(Person.name_key).in_(chunk))
            for pid, key in self.session.exec(found):
                self.keys[key] = saved(pid)
                self.names[saved(pid)] = fresh[key]
        self.summary.people_created.extend(fresh.values())

    def _create(self, display: str) -> int:
        person = Person(name=display, name_key=name_key(display))
        self.session.add(person)
        self.session.flush()
        self.summary.people_created.append(display)
        self.names[saved(person.id)] = display
        return saved(person.id)


def existing_sprint_problems(session: Session, doc: JournalDoc) -> list[Problem]:
    """A sprint with the same title and start is already here: importing again would duplicate."""
    known = {(title_key(s.title), s.start) for s in session.exec(select(Sprint)).all()}
    return [
        Problem(
            f"$.sprints[{i}]",
            f"the sprint {s.title!r} ({s.start or 'no date'}) is already in this journal",
        )
        for i, s in enumerate(doc.sprints)
        if (title_key(s.title), s.start) in known
    ]


def apply_document(
    session: Session, doc: JournalDoc, photos: Mapping[tuple[int, int], PreparedPhoto]
) -> ImportSummary:
    """`photos` may read each photo only when asked (`json_io.LazyPhotos`): they are written
    one at a time and let go, so an import's memory does not grow with its photos."""
    summary = ImportSummary()
    index = PeopleIndex(session, summary)
    _apply_people(session, doc, index)
    for s_index, sprint_doc in enumerate(doc.sprints):
        sprint_id = _insert_sprint(session, sprint_doc)
        summary.sprint_ids.append(sprint_id)
        _apply_sprint(session, sprint_id, sprint_doc, index, _SprintPhotos(photos, s_index),
                      summary)
    return summary


class _SprintPhotos:
    """One sprint's photos out of an import's, by position, fetched only when written."""

    def __init__(self, photos: Mapping[tuple[int, int], PreparedPhoto], sprint: int) -> None:
        self._photos, self._sprint = photos, sprint

    def get(self, position: int) -> PreparedPhoto:
        return self._photos[(self._sprint, position)]


def apply_people(session: Session, people: list[PersonDoc]) -> None:
    """Known people without a sprint (people.txt's "present at previous sprints")."""
    _apply_people(session, JournalDoc(people=people), PeopleIndex(session, ImportSummary()))


def _apply_people(session: Session, doc: JournalDoc, index: PeopleIndex) -> None:
    """People of the file first (so their aliases resolve), then everyone merely named."""
    index.create_many([p.name for p in doc.people])
    existing = {
        (pid, key)
        for pid, key in session.exec(select(PersonAlias.person_id, PersonAlias.alias_key))
    }
    rows: list[dict[str, object]] = []
    for person in doc.people:
        pid = index.resolve(person.name)
        if person.email is not None or person.url is not None:
            _fill_contact(session, pid, person.email, person.url)
        for alias in person.aliases:
            key = name_key(alias)
            if key and key != name_key(person.name) and (pid, key) not in existing:
                existing.add((pid, key))
                rows.append({"person_id": pid, "alias": clean_name(alias), "alias_key": key})
                index.keys.setdefault(key, pid)
    _bulk(session, PersonAlias, rows)
    index.create_many(sorted(_names_in(doc), key=name_key))


def _fill_contact(session: Session, pid: int, email: str | None, url: str | None) -> None:
    row = session.get(Person, pid)
    assert row is not None
    row.email = row.email or email
    row.url = row.url or url
    session.add(row)


def _names_in(doc: JournalDoc) -> set[str]:
    names: set[str] = set()
    for s in doc.sprints:
        names.update(a.person for a in s.attendees)
        for group in (*(b.people for b in s.branches), *(i.people for i in s.standup)):
            names.update(group)
        for photo in s.photos:
            names.update(photo.people)
    return names


def _insert_sprint(session: Session, s: SprintDoc) -> int:
    sprint = Sprint.model_validate({
        **row_fields(s),
        "blog_authors": list(s.blog.authors),
        "blog_tags": list(s.blog.tags),
        "ordinal": s.ordinal.number if s.ordinal else None,
        "ordinal_scope": s.ordinal.scope if s.ordinal else "",
        "created_at": now(),
    })
    session.add(sprint)
    session.flush()
    if s.report.title is not None or s.report.text is not None:
        session.add(
            Report.model_validate({"sprint_id": saved(sprint.id), "updated_at": now(),
                                   **row_fields(s.report)})
        )
    return saved(sprint.id)


def _apply_sprint(
    session: Session,
    sprint_id: int,
    s: SprintDoc,
    index: PeopleIndex,
    photos: "_SprintPhotos",
    summary: ImportSummary,
) -> None:
    attendees = _insert_attendees(session, sprint_id, s, index)
    branch_ids = _insert_branches(session, sprint_id, s, index)
    _insert_standup(session, sprint_id, s, index, branch_ids)
    _insert_notes(session, sprint_id, s)
    _insert_photos(session, sprint_id, s, index, photos)
    summary.add("attendees", attendees)  # a person listed twice is one attendee (FAULTS 53)
    for what, items in (
        ("branches", s.branches),
        ("stand-up items", s.standup),
        ("notes", s.notes),
        ("photos", s.photos),
    ):
        summary.add(what, len(items))


def _table(model: type[SQLModel]) -> Table:
    """The model's table, for Core executemany (the ORM's bulk insert splits rows by which
    fields are None, and with RETURNING goes one row per statement on SQLite)."""
    return SQLModel.metadata.tables[str(model.__tablename__)]


def _bulk(session: Session, table: type, rows: list[dict[str, object]]) -> None:
    if rows:
        session.execute(insert(table), rows)


def _insert_attendees(session: Session, sprint_id: int, s: SprintDoc, index: PeopleIndex) -> int:
    rows: dict[int, dict[str, object]] = {}
    for position, a in enumerate(s.attendees):
        pid = index.resolve(a.person)
        rows.setdefault(
            pid, {"sprint_id": sprint_id, "person_id": pid, "position": position,
                  **_attendee_columns(a)}
        )
    _bulk(session, Attendance, list(rows.values()))
    return len(rows)


def _attendee_columns(a: AttendeeDoc) -> dict[str, object]:
    """A new attendance row's columns (the checked-in days are kept as ISO text)."""
    return {**row_fields(a), "checked_in": [d.isoformat() for d in a.checked_in]}


def _insert_branches(
    session: Session, sprint_id: int, s: SprintDoc, index: PeopleIndex
) -> dict[str, int]:
    ids: dict[str, int] = {}
    links: list[dict[str, object]] = []
    for position, b in enumerate(s.branches):
        branch = Branch.model_validate({
            "sprint_id": sprint_id,
            "position": position,
            "figures": [f.model_dump() for f in b.figures],
            **row_fields(b),
        })
        session.add(branch)
        session.flush()
        ids[b.name] = saved(branch.id)
        links += _link_rows("branch_id", saved(branch.id), b.people, index)
    _bulk(session, BranchPerson, links)
    return ids


def _link_rows(
    owner: str, owner_id: int, names: Iterable[str], index: PeopleIndex
) -> list[dict[str, object]]:
    seen: dict[int, dict[str, object]] = {}
    for position, name in enumerate(names):
        pid = index.resolve(name)
        seen.setdefault(pid, {owner: owner_id, "person_id": pid, "position": position})
    return list(seen.values())


def _insert_standup(
    session: Session,
    sprint_id: int,
    s: SprintDoc,
    index: PeopleIndex,
    branch_ids: dict[str, int],
    positions: dict[tuple[date, str], int] | None = None,
) -> None:
    positions = {} if positions is None else positions
    for start in range(0, len(s.standup), BATCH):
        _write_standup(session, sprint_id, s.standup[start : start + BATCH], index, branch_ids,
                       positions)


def _write_standup(
    session: Session,
    sprint_id: int,
    items: list[StandupDoc],
    index: PeopleIndex,
    branch_ids: dict[str, int],
    positions: dict[tuple[date, str], int],
) -> None:
    """One executemany, then the new ids by rowid (SQLite gives each row the next one, in
    parameter order, and the caller's transaction holds the write lock). RETURNING in parameter
    order went one row per statement and spliced the results quadratically: 10,000 items took
    30 s (FAULTS 73)."""
    if not items:
        return
    rows = []
    for item in items:
        slot = (item.day, item.section)
        positions[slot] = positions.get(slot, -1) + 1
        rows.append({"sprint_id": sprint_id, "branch_id": branch_ids.get(item.branch or ""),
                     "position": positions[slot], **row_fields(item)})
    last = session.exec(select(func.max(StandupItem.id))).one() or 0
    session.execute(insert(_table(StandupItem)), rows)
    new_ids = session.exec(
        select(StandupItem.id).where(col(StandupItem.id) > last).order_by(col(StandupItem.id))
    ).all()
    links: list[dict[str, object]] = []
    for item_id, item in zip(new_ids, items, strict=True):
        links += _link_rows("item_id", saved(item_id), item.people, index)
    _bulk(session, StandupPerson, links)


def _insert_notes(session: Session, sprint_id: int, s: SprintDoc) -> None:
    stamp = now()
    positions: dict[date | None, int] = {}
    rows = []
    for n in s.notes:
        positions[n.day] = positions.get(n.day, -1) + 1
        rows.append(
            {
                "sprint_id": sprint_id,
                **row_fields(n),
                "sha256": sha256_text(n.text),
                "position": positions[n.day],
                "created_at": stamp,
                "updated_at": stamp,
                "publish": marks_for(n.text, n.publish),
            }
        )
    _bulk(session, Note, rows)


def _insert_photos(
    session: Session,
    sprint_id: int,
    s: SprintDoc,
    index: PeopleIndex,
    photos: "_SprintPhotos",
) -> None:
    for position, p in enumerate(s.photos):
        data, info, thumb = photos.get(position)
        photo = Photo.model_validate({
            "sprint_id": sprint_id,
            "filename": p.file.rsplit("/", 1)[-1],
            "mime": info.mime,
            "width": info.width,
            "height": info.height,
            "byte_size": len(data),
            "sha256": info.sha256,
            "taken_at": info.taken,
            "thumbnail": thumb,
            "position": position,
            **row_fields(p),
        })
        session.add(photo)
        session.flush()
        original = PhotoData(photo_id=saved(photo.id), data=data)
        session.add(original)
        _bulk(session, PhotoPerson, _link_rows("photo_id", saved(photo.id), p.people, index))
        session.flush()
        session.expunge(original)  # written: the session must not keep every original
        session.expunge(photo)
        del data, original


def apply_to_sprint(session: Session, sprint_id: int, doc: SprintDoc) -> ImportSummary:
    """Merge attendees and stand-up items of a text file into an existing sprint.

    An attendee already present gets the file's non-empty fields; unknown names are created
    and the rows naming them are flagged for review rather than guessed.
    """
    return stream_standup(session, sprint_id, doc.attendees, doc.standup)


def stream_standup(
    session: Session, sprint_id: int, attendees: Iterable[AttendeeDoc],
    items: Iterable[StandupDoc],
) -> ImportSummary:
    """`apply_to_sprint` with the stand-up items read as they come and written `BATCH` at a
    time in the caller's transaction (a planning.txt of 100,000 items, FAULTS 73). An item is
    flagged by whom the journal knew before the items were written, as when all were flagged
    at once: a name that the items themselves add stays unknown to the items after it."""
    summary = ImportSummary(sprint_ids=[sprint_id])
    index = PeopleIndex(session, summary)
    index.allow_first_names(session, sprint_id)
    merged = {_merge_attendee(session, sprint_id, a, index)[0] for a in attendees}
    session.flush()
    index.allow_first_names(session, sprint_id)
    positions = _standup_positions(session, sprint_id)
    branch_ids: dict[str, int] = {
        name: bid or 0
        for bid, name in session.exec(
            select(Branch.id, Branch.name).where(Branch.sprint_id == sprint_id))
    }
    added: set[str] = set()  # people the items create: unknown to every item
    written = 0
    for batch in _batches(items):
        flagged = [_flag_unknown(item, index, added) for item in batch]
        added.update(key for item in batch for name in item.people
                     if (key := name_key(name)) not in index.keys)
        _write_standup(session, sprint_id, flagged, index, branch_ids, positions)
        summary.to_review += sum(item.needs_review for item in flagged)
        written += len(flagged)
    summary.add("attendees", len(merged))
    summary.add("stand-up items", written)
    return summary


def _flag_unknown(item: StandupDoc, index: PeopleIndex, added: set[str]) -> StandupDoc:
    notes = []
    for name in item.people:
        if index.knows(name) and name_key(name) not in added:
            continue
        guess = index.guess(name)
        notes.append(f"{name} taken to be {guess[1]}" if guess else f"{name} added as a new person")
    if not notes:
        return item
    joined = "; ".join(r for r in (item.review_reason, *notes) if r)
    return item.model_copy(update={"needs_review": True, "review_reason": joined})


def _standup_positions(session: Session, sprint_id: int) -> dict[tuple[date, str], int]:
    found = session.exec(
        select(col(StandupItem.day), col(StandupItem.section),
               func.max(StandupItem.position))
        .where(StandupItem.sprint_id == sprint_id)
        .group_by(col(StandupItem.day), col(StandupItem.section))
    )
    return {(day, section): top for day, section, top in found}


def _merge_attendee(
    session: Session, sprint_id: int, a: AttendeeDoc, index: PeopleIndex,
    position: int | None = None,
) -> tuple[int, int]:
    """Merge one attendee row; returns the person's id (two rows may name one person) and 1
    when a row was added. `position` is the next free one, when the caller counts them."""
    known, guess = index.knows(a.person), index.guess(a.person)
    pid = index.resolve(a.person)
    row = session.exec(
        select(Attendance).where(Attendance.sprint_id == sprint_id, Attendance.person_id == pid)
    ).first()
    fields = a.model_dump(exclude={"person"}, exclude_none=True, exclude_defaults=True)
    if "checked_in" in fields:
        fields["checked_in"] = sorted({*(row.checked_in if row else ()),
                                       *(d.isoformat() for d in a.checked_in)})
    if not known:
        fields["needs_review"] = True
        fields["review_reason"] = "; ".join(
            r
            for r in (
                a.review_reason,
                f"{a.person} taken to be {guess[1]}" if guess else f"{a.person} added as new",
            )
            if r
        )
    added = row is None
    if row is None:
        if position is None:
            position = len(
                session.exec(select(Attendance.id).where(Attendance.sprint_id == sprint_id)).all()
            )
        row = Attendance(sprint_id=sprint_id, person_id=pid, position=position)
    for key, value in fields.items():
        setattr(row, key, value)
    session.add(row)
    return pid, int(added)


# --- people.txt, streamed -------------------------------------------------------------------

PeopleItem = AttendeeDoc | PersonDoc  # an attendee, or a name from an earlier sprint


@dataclass
class StreamedPeople:
    """What a streamed people.txt import did, counted as it went (nothing kept per row but
    the person ids the journal needs to resolve names)."""

    summary: ImportSummary
    past: int = 0
    to_review: int = 0
    problems: list[Problem] = field(default_factory=list)  # the first few that refuse it
    refused: int = 0  # how many problems refuse it


def stream_new_sprint(
    session: Session, sprint: SprintDoc, items: Iterable[PeopleItem], keep_problems: int
) -> StreamedPeople:
    """A new sprint and its attendees, written `BATCH` rows at a time as the file is read, in
    the caller's one transaction: the caller rolls back when `refused` is not 0 (a blank name,
    a departure before the arrival), so a refused file still changes nothing."""
    summary = ImportSummary()
    index = PeopleIndex(session, summary)
    done = StreamedPeople(summary)
    sprint_id = _insert_sprint(session, sprint)
    summary.sprint_ids.append(sprint_id)
    attending: set[int] = set()
    position = 0
    for batch in _batches(items):
        done.past += _stream_past(batch, index)
        attendees = [item for item in batch if isinstance(item, AttendeeDoc)]
        for offset, attendee in enumerate(attendees):
            _refuse(done, f"$.sprints[0].attendees[{position + offset}]", attendee, keep_problems)
        if not done.refused:
            done.to_review += _stream_attendees(session, sprint_id, attendees, position,
                                                index, attending)
        position += len(attendees)
    summary.add("attendees", len(attending))
    return done


def stream_into_sprint(
    session: Session, sprint_id: int, past: Iterable[PersonDoc], items: Iterable[AttendeeDoc]
) -> StreamedPeople:
    """A people.txt merged into an existing sprint: first the people it lists from earlier
    sprints (so they count as known), then its attendees, merged `BATCH` at a time."""
    summary = ImportSummary(sprint_ids=[sprint_id])
    index = PeopleIndex(session, summary)
    done = StreamedPeople(summary)
    for named in _batches(past):
        done.past += _stream_past(named, index)
    index.allow_first_names(session, sprint_id)
    position = len(session.exec(select(Attendance.id).where(Attendance.sprint_id == sprint_id))
                   .all())
    merged: set[int] = set()
    for batch in _batches(items):
        for attendee in batch:
            if isinstance(attendee, AttendeeDoc):
                pid, added = _merge_attendee(session, sprint_id, attendee, index, position)
                merged.add(pid)
                position += added
        session.flush()
        session.expunge_all()  # merged rows are written: the session must not keep them all
    summary.add("attendees", len(merged))
    flagged = select(Attendance.person_id).where(
        Attendance.sprint_id == sprint_id, col(Attendance.needs_review))
    done.to_review = sum(pid in merged for pid in session.exec(flagged))
    return done


def _batches(items: Iterable[_T]) -> Iterator[list[_T]]:
    batch: list[_T] = []
    for item in items:
        batch.append(item)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _stream_past(batch: Sequence[PeopleItem], index: PeopleIndex) -> int:
    names = [item.name for item in batch if isinstance(item, PersonDoc)]
    index.create_many(names)
    for name in names:
        index.resolve(name)
    return len(names)


def _refuse(done: StreamedPeople, where: str, a: AttendeeDoc, keep: int) -> None:
    """What `check_document` refuses in an attendee, counted; the first `keep` kept."""
    found = []
    if not a.person.strip():
        found.append(Problem(f"{where}.person", "a name cannot be blank"))
    if a.arrive and a.depart and a.depart < a.arrive:
        found.append(Problem(f"{where}.depart",
                             f"departure ({a.depart}) is before arrival ({a.arrive})"))
    done.refused += len(found)
    done.problems += found[: max(0, keep - len(done.problems))]


def _stream_attendees(
    session: Session,
    sprint_id: int,
    attendees: list[AttendeeDoc],
    position: int,
    index: PeopleIndex,
    attending: set[int],
) -> int:
    """One batch of a new sprint's attendees; a person listed twice is one attendee (FAULTS
    53), with the first row's fields. Returns how many rows written need review."""
    index.create_many([a.person for a in attendees])
    rows = []
    for offset, a in enumerate(attendees):
        pid = index.resolve(a.person)
        if pid in attending:
            continue
        attending.add(pid)
        rows.append({"sprint_id": sprint_id, "person_id": pid, "position": position + offset,
                     **_attendee_columns(a)})
    if rows:
        session.execute(insert(_table(Attendance)), rows)
    return sum(bool(row["needs_review"]) for row in rows)
