"""Attendance: who comes to a sprint, when, where they sleep, what they eat, newcomer or not."""

from datetime import date

from sqlmodel import Session, select

from sprintjournal.errors import ValidationError
from sprintjournal.models import Attendance, Sprint
from sprintjournal.patches import AttendancePatch, patch_fields
from sprintjournal.row_ids import saved
from sprintjournal.usecases import people
from sprintjournal.usecases.common import apply_fields, get_or_fail, next_position, remove_row

FIELDS = patch_fields(AttendancePatch)


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
    return remove_row(session, get(session, attendance_id))

