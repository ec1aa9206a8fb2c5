"""Sprints: the container of everything else; ordinal within the year for the report."""

from datetime import date

from sqlmodel import Session

from sprintjournal.errors import ValidationError
from sprintjournal.models import Sprint
from sprintjournal.names import nfc
from sprintjournal.patches import SprintPatch, patch_fields
from sprintjournal.usecases.common import apply_fields, get_or_fail, now, texts

FIELDS = patch_fields(SprintPatch)


def get(session: Session, sprint_id: int) -> Sprint:
    return get_or_fail(session, Sprint, sprint_id, "sprint")


def _validate(fields: dict[str, object]) -> None:
    if "title" in fields:
        if not str(fields["title"] or "").strip():
            raise ValidationError("A sprint needs a title.")
        fields["title"] = nfc(str(fields["title"]))
    start, end = fields.get("start"), fields.get("end")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        raise ValidationError(f"The sprint ends ({end}) before it starts ({start}).")
    ordinal = fields.get("ordinal")
    if ordinal is not None and (not isinstance(ordinal, int) or ordinal < 1):
        raise ValidationError(f"A sprint's number must be 1 or more, not {ordinal!r}.")
    for key in ("blog_authors", "blog_tags"):
        if key in fields:
            fields[key] = texts(fields[key], key)


def add(session: Session, title: str, **fields: object) -> Sprint:
    fields["title"] = title
    _validate(fields)
    sprint = Sprint(title=str(fields["title"]), created_at=now())
    apply_fields(sprint, {k: v for k, v in fields.items() if k != "title"}, FIELDS, "sprint")
    session.add(sprint)
    session.flush()
    return sprint


def update_sprint(session: Session, sprint_id: int, **fields: object) -> Sprint:
    sprint = get(session, sprint_id)
    merged = {"start": sprint.start, "end": sprint.end, **fields}
    _validate(merged)
    apply_fields(sprint, {k: merged[k] for k in fields}, FIELDS, "sprint")
    session.add(sprint)
    return sprint


def remove(session: Session, sprint_id: int) -> None:
    session.delete(get(session, sprint_id))

