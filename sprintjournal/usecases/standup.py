"""The daily stand-up: "done so far" and "today" items, their people (pairs) and branch."""

from collections.abc import Iterable
from datetime import date

from sqlmodel import Session, col, select

from sprintjournal.errors import ValidationError
from sprintjournal.models import Branch, Sprint, StandupItem, StandupPerson
from sprintjournal.records import PersonRef, StandupRec
from sprintjournal.row_ids import saved
from sprintjournal.usecases.common import apply_fields, get_or_fail, next_position
from sprintjournal.usecases.links import people_of, set_people
from sprintjournal.vocabulary import STANDUP_SECTIONS

FIELDS = {
    "day",
    "section",
    "text",
    "status",
    "branch_id",
    "position",
    "needs_review",
    "review_reason",
    "publish",
}
FINISHED = {"done", "merged", "finished", "abandoned", "dropped"}


def _validate(fields: dict[str, object]) -> None:
    if "section" in fields and fields["section"] not in STANDUP_SECTIONS:
        raise ValidationError(f"Unknown stand-up section {fields['section']!r}; use done or today.")
    if "text" in fields and not str(fields["text"] or "").strip():
        raise ValidationError("A stand-up item needs some text.")


def list_items(session: Session, sprint_id: int, day: date | None = None) -> list[StandupRec]:
    query = (
        select(StandupItem, Branch.name)
        .outerjoin(Branch, col(Branch.id) == StandupItem.branch_id)
        .where(StandupItem.sprint_id == sprint_id)
    )
    if day is not None:
        query = query.where(StandupItem.day == day)
    rows = session.exec(
        query.order_by(col(StandupItem.day), col(StandupItem.section), col(StandupItem.position))
    ).all()
    linked = people_of(session, StandupPerson, "item_id", [i.id for i, _ in rows if i.id])
    return [_to_rec(i, bname, linked.get(i.id or 0, ())) for i, bname in rows]


def _to_rec(i: StandupItem, branch_name: str | None, linked: tuple[PersonRef, ...]) -> StandupRec:
    assert i.id is not None
    return StandupRec(
        i.id,
        i.sprint_id,
        i.day,
        i.section,
        i.text,
        i.status,
        linked,
        i.branch_id,
        branch_name,
        i.position,
        i.needs_review,
        i.review_reason,
        bool(i.publish),
    )


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
        # mypy: the fields arrive as objects; the façade's patch type made "people" names
        set_people(session, StandupPerson, "item_id", item_id, names)  # type: ignore[arg-type]
    return item


def remove(session: Session, item_id: int) -> int:
    item = get(session, item_id)
    session.delete(item)
    return item.sprint_id


def carry_over(session: Session, sprint_id: int, from_day: date, to_day: date) -> list[int]:
    """Copy yesterday's unfinished "today" items to another day's "today", people and branch too."""
    existing = {i.text for i in list_items(session, sprint_id, to_day) if i.section == "today"}
    created: list[int] = []
    for item in list_items(session, sprint_id, from_day):
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
