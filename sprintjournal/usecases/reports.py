"""The report draft of a sprint: the text the user edits, and the last generated text."""

from sqlmodel import Session

from sprintjournal.errors import ValidationError
from sprintjournal.models import Report, Sprint
from sprintjournal.usecases.common import get_or_fail, now

FIELDS = ("title", "text", "generated_text")


def save(session: Session, sprint_id: int, **fields: str | None) -> None:
    """Set any of title, text, generated_text; the others keep their value. Any other name is
    refused: a misspelt `txt=` must not report a draft saved that went nowhere."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValidationError(f"Unknown report fields: {', '.join(sorted(unknown))}")
    get_or_fail(session, Sprint, sprint_id, "sprint")
    row = session.get(Report, sprint_id) or Report(sprint_id=sprint_id, updated_at=now())
    for key in FIELDS:
        if key in fields:
            setattr(row, key, fields[key])
    row.updated_at = now()
    session.add(row)
