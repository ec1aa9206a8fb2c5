"""The daily stand-up: "done so far" and "today" items, their people (pairs) and branch."""

from collections.abc import Iterable
from datetime import date

from sqlmodel import Session

from sprintjournal.errors import ValidationError
from sprintjournal.models import Sprint, StandupItem, StandupPerson
from sprintjournal.patches import StandupPatch, patch_fields
from sprintjournal.row_ids import saved
from sprintjournal.usecases.common import (
    apply_fields,
    get_or_fail,
    next_position,
    reads,
    remove_row,
    texts,
)
from sprintjournal.usecases.links import set_people
from sprintjournal.vocabulary import STANDUP_SECTIONS

FIELDS = patch_fields(StandupPatch, besides={"people"})
FINISHED = {"done", "merged", "finished", "abandoned", "dropped"}


def _validate(fields: dict[str, object]) -> None:
    if "section" in fields and fields["section"] not in STANDUP_SECTIONS:
        raise ValidationError(f"Unknown stand-up section {fields['section']!r}; use done or today.")
    if "text" in fields and not str(fields["text"] or "").strip():
        raise ValidationError("A stand-up item needs some text.")


def get(session: Session, item_id: int) -> StandupItem:
    return get_or_fail(session, StandupItem, item_id, "stand-up item")


def add(
    session: Session,
    sprint_id: int,
    day: date,
    section: str,
    text: str,
    people: Iterable[str] = (),
    **fields: object,
) -> tuple[StandupItem, list[str]]:
    get_or_fail(session, Sprint, sprint_id, "sprint")
    _validate({"section": section, "text": text, **fields})
    item = StandupItem(
        sprint_id=sprint_id,
        day=day,
        section=section,
        text=text,
        position=next_position(session, StandupItem, sprint_id=sprint_id, day=day, section=section),
    )
    apply_fields(item, fields, FIELDS, "stand-up item")
    session.add(item)
    session.flush()
    created = set_people(session, StandupPerson, "item_id", saved(item.id), people)
    return item, created


def update_item(session: Session, item_id: int, **fields: object) -> StandupItem:
    item = get(session, item_id)
    names = fields.pop("people", None)
    _validate(fields)
    apply_fields(item, fields, FIELDS, "stand-up item")
    session.add(item)
    if names is not None:
        set_people(session, StandupPerson, "item_id", item_id, texts(names, "people"))
    return item


def remove(session: Session, item_id: int) -> int:
    return remove_row(session, get(session, item_id))


def carry_over(session: Session, sprint_id: int, from_day: date, to_day: date) -> list[int]:
    """Copy yesterday's unfinished "today" items to another day's "today", people and branch too."""
    existing = {i.text for i in reads(session).list_standup(sprint_id, to_day)
                if i.section == "today"}
    created: list[int] = []
    for item in reads(session).list_standup(sprint_id, from_day):
        if item.section != "today" or item.text in existing:
            continue
        if (item.status or "").strip().casefold() in FINISHED:
            continue
        new, _ = add(
            session,
            sprint_id,
            to_day,
            "today",
            item.text,
            [p.name for p in item.people],
            status=item.status,
            branch_id=item.branch_id,
        )
        created.append(saved(new.id))
    return created
