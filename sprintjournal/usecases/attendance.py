"""Attendance: who comes to a sprint, when, where they sleep, what they eat, newcomer or not."""

from datetime import date

from sqlmodel import Session, col, select

from sprintjournal.errors import ValidationError
from sprintjournal.models import Attendance, Person, Sprint
from sprintjournal.records import AttendeeRec, PersonRef
from sprintjournal.row_ids import saved
from sprintjournal.usecases import people
from sprintjournal.usecases.common import apply_fields, get_or_fail, next_position

FIELDS = {
    "arrive",
    "depart",
    "dates_text",
    "accommodation",
    "diet",
    "host",
    "newcomer",
    "notes",
    "needs_review",
    "review_reason",
    "position",
}


def _sprint_order(sprint: Sprint) -> tuple[date, int]:
    return (sprint.start or date.max, sprint.id or 0)


def first_sprints(session: Session, person_ids: list[int]) -> dict[int, int]:
    """person id -> id of that person's earliest sprint in the journal."""
    rows = session.exec(
        select(Attendance.person_id, Sprint)
        .join(Sprint, col(Sprint.id) == Attendance.sprint_id)
        .where(col(Attendance.person_id).in_(person_ids))
    ).all()
    first: dict[int, Sprint] = {}
    for pid, sprint in rows:
        if pid not in first or _sprint_order(sprint) < _sprint_order(first[pid]):
            first[pid] = sprint
    return {pid: s.id for pid, s in first.items() if s.id is not None}


def list_attendees(session: Session, sprint_id: int) -> list[AttendeeRec]:
    rows = session.exec(
        select(Attendance, Person)
        .join(Person, col(Person.id) == Attendance.person_id)
        .where(Attendance.sprint_id == sprint_id)
        .order_by(col(Attendance.position), col(Attendance.id))
    ).all()
    firsts = first_sprints(session, [p.id for _, p in rows if p.id is not None])
    return [_to_rec(a, p, firsts.get(a.person_id) == sprint_id) for a, p in rows]


def _to_rec(a: Attendance, p: Person, first_here: bool) -> AttendeeRec:
    assert a.id is not None and p.id is not None
    newcomer = a.newcomer if a.newcomer is not None else first_here
    return AttendeeRec(
        a.id,
        a.sprint_id,
        PersonRef(p.id, p.name),
        a.arrive,
        a.depart,
        a.dates_text,
        a.accommodation,
        a.diet,
        a.host,
        a.newcomer,
        newcomer,
        a.notes,
        a.needs_review,
        a.review_reason,
        tuple(sorted(date.fromisoformat(d) for d in a.checked_in or ())),
    )


def set_checked_in(session: Session, attendance_id: int, day: date, here: bool) -> Attendance:
    """Check the attendee in as here on `day`, or take that back."""
    row = get(session, attendance_id)
    days = set(row.checked_in or ())
    if here:
        days.add(day.isoformat())
    else:
        days.discard(day.isoformat())
    row.checked_in = sorted(days)
    session.add(row)
    return row


def get(session: Session, attendance_id: int) -> Attendance:
    return get_or_fail(session, Attendance, attendance_id, "attendee")


def add(session: Session, sprint_id: int, person_name: str, **fields: object) -> Attendance:
    get_or_fail(session, Sprint, sprint_id, "sprint")
    person, _created = people.ensure(session, person_name)
    taken = session.exec(
        select(Attendance).where(
            Attendance.sprint_id == sprint_id, Attendance.person_id == person.id
        )
    ).first()
    if taken is not None:
        raise ValidationError(f"{person.name} is already an attendee of this sprint.")
    _check_dates(fields)
    row = Attendance(
        sprint_id=sprint_id,
        person_id=saved(person.id),
        position=next_position(session, Attendance, sprint_id=sprint_id),
    )
    apply_fields(row, fields, FIELDS, "attendee")
    session.add(row)
    session.flush()
    return row


def _check_dates(fields: dict[str, object]) -> None:
    arrive, depart = fields.get("arrive"), fields.get("depart")
    if isinstance(arrive, date) and isinstance(depart, date) and depart < arrive:
        raise ValidationError(f"Departure ({depart}) is before arrival ({arrive}).")


def update_attendee(session: Session, attendance_id: int, **fields: object) -> Attendance:
    row = get(session, attendance_id)
    _check_dates({"arrive": row.arrive, "depart": row.depart, **fields})
    apply_fields(row, fields, FIELDS, "attendee")
    session.add(row)
    return row


def remove(session: Session, attendance_id: int) -> int:
    row = get(session, attendance_id)
    session.delete(row)
    return row.sprint_id


def present_on(session: Session, sprint_id: int, day: date) -> list[AttendeeRec]:
    return [a for a in list_attendees(session, sprint_id) if a.present_on(day)]
