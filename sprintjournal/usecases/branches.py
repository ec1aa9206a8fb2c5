"""Branches and topics: goal, status, people, results with their figures kept verbatim."""

from collections.abc import Iterable

from sqlmodel import Session, select

from sprintjournal.errors import ValidationError
from sprintjournal.models import Branch, BranchPerson, Sprint
from sprintjournal.names import nfc, title_key
from sprintjournal.patches import BranchPatch, patch_fields
from sprintjournal.records import FigureRec
from sprintjournal.row_ids import saved
from sprintjournal.usecases.common import (
    apply_fields,
    get_or_fail,
    listed,
    next_position,
    remove_row,
    texts,
)
from sprintjournal.usecases.links import set_people
from sprintjournal.vocabulary import BRANCH_KINDS, BRANCH_STATUSES

FIELDS = patch_fields(BranchPatch, besides={"people"})


def _validate(
    session: Session, sprint_id: int, fields: dict[str, object], own_id: int | None
) -> None:
    if "status" in fields and fields["status"] not in BRANCH_STATUSES:
        raise ValidationError(
            f"Unknown status {fields['status']!r}; use one of: {', '.join(BRANCH_STATUSES)}."
        )
    if "kind" in fields and fields["kind"] not in BRANCH_KINDS:
        raise ValidationError(
            f"Unknown kind {fields['kind']!r}; use one of: {', '.join(BRANCH_KINDS)}."
        )
    if "name" in fields:
        name = nfc(str(fields["name"] or ""))
        if not name:
            raise ValidationError("A branch needs a name.")
        fields["name"] = name
        clash = session.exec(
            select(Branch).where(Branch.sprint_id == sprint_id, Branch.name == name)
        ).first()
        if clash is not None and clash.id != own_id:
            raise ValidationError(f"This sprint already has a branch called {name}.")
    for key in ("results", "links"):
        if key in fields:
            fields[key] = texts(fields[key], key)
    if "figures" in fields:
        fields["figures"] = [_figure(f) for f in listed(fields["figures"], "figures")]


def _figure(raw: object) -> dict[str, str]:
    """A figure as stored: what was measured, the value and its comparison, verbatim."""
    if isinstance(raw, FigureRec):
        raw = {"what": raw.what, "value": raw.value, "compared_with": raw.compared_with}
    if not isinstance(raw, dict):
        raise ValidationError(f"A figure needs what, value and compared_with, not {raw!r}.")
    fig = {k: str(raw.get(k) or "").strip() for k in ("what", "value", "compared_with")}
    if not fig["value"]:
        raise ValidationError("A figure needs its value (for example: about 400 times faster).")
    return fig


def get(session: Session, branch_id: int) -> Branch:
    return get_or_fail(session, Branch, branch_id, "branch")


def find(session: Session, sprint_id: int, name: str) -> Branch | None:
    key = title_key(name.strip().lstrip("#"))
    for branch in session.exec(select(Branch).where(Branch.sprint_id == sprint_id)).all():
        if title_key(branch.name) == key:
            return branch
    return None


def add(
    session: Session, sprint_id: int, name: str, people: Iterable[str] = (), **fields: object
) -> Branch:
    get_or_fail(session, Sprint, sprint_id, "sprint")
    fields["name"] = name
    _validate(session, sprint_id, fields, None)
    branch = Branch(
        sprint_id=sprint_id,
        name=str(fields.pop("name")),
        position=next_position(session, Branch, sprint_id=sprint_id),
    )
    apply_fields(branch, fields, FIELDS, "branch")
    session.add(branch)
    session.flush()
    set_people(session, BranchPerson, "branch_id", saved(branch.id), people)
    return branch


def update_branch(session: Session, branch_id: int, **fields: object) -> Branch:
    branch = get(session, branch_id)
    names = fields.pop("people", None)
    _validate(session, branch.sprint_id, fields, branch.id)
    apply_fields(branch, fields, FIELDS, "branch")
    session.add(branch)
    if names is not None:
        set_people(session, BranchPerson, "branch_id", branch_id, texts(names, "people"))
    return branch


def remove(session: Session, branch_id: int) -> int:
    return remove_row(session, get(session, branch_id))
