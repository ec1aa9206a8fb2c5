"""Daily notes in Markdown, with a checksum per note and a version history for undoing regrets."""

from datetime import date, timedelta

from sqlalchemy import delete
from sqlmodel import Session, col, select

from sprintjournal.models import Note, NoteVersion, Sprint
from sprintjournal.note_history import is_large_deletion
from sprintjournal.row_ids import saved
from sprintjournal.usecases.common import get_or_fail, next_position, now, remove_row, sha256_text

VERSION_EVERY = timedelta(minutes=10)
VERSIONS_KEPT = timedelta(days=90)


def get(session: Session, note_id: int) -> Note:
    return get_or_fail(session, Note, note_id, "note")


def add(session: Session, sprint_id: int, day: date | None, text: str = "") -> Note:
    get_or_fail(session, Sprint, sprint_id, "sprint")
    stamp = now()
    note = Note(
        sprint_id=sprint_id,
        day=day,
        text=text,
        sha256=sha256_text(text),
        position=next_position(session, Note, sprint_id=sprint_id, day=day),
        created_at=stamp,
        updated_at=stamp,
    )
    session.add(note)
    session.flush()
    return note


def set_text(session: Session, note_id: int, text: str) -> Note | None:
    """Save new text; None when it is unchanged (no write, no history entry)."""
    note = get(session, note_id)
    if note.text == text:
        return None
    _maybe_keep_version(session, note, text)
    note.text, note.sha256, note.updated_at = text, sha256_text(text), now()
    session.add(note)
    return note


def set_publish(session: Session, note_id: int, marks: list[str]) -> Note:
    """Mark paragraphs for the report (fingerprints, see sprintjournal.publish)."""
    note = get(session, note_id)
    note.publish = [str(m) for m in marks]
    session.add(note)
    return note


def _maybe_keep_version(session: Session, note: Note, new_text: str = "") -> None:
    """Keep the text being replaced, at most one version per 10 minutes of editing, and always
    before a large deletion (the 10 minutes would lose what select-all + delete wiped).

    Ordering uses the version id, not the clock, so a clock moved backwards cannot make an old
    version look like the latest.
    """
    if not note.text:
        return
    last = session.exec(
        select(NoteVersion)
        .where(NoteVersion.note_id == note.id)
        .order_by(col(NoteVersion.id).desc())
    ).first()
    stamp = now()
    recent = last is not None and timedelta(0) <= stamp - last.saved_at < VERSION_EVERY
    wiped = is_large_deletion(note.text, new_text) and (last is None or last.text != note.text)
    if recent and not wiped:
        return
    session.add(NoteVersion(note_id=saved(note.id), text=note.text, sha256=note.sha256,
                            saved_at=stamp))
    session.exec(delete(NoteVersion).where(col(NoteVersion.saved_at) < stamp - VERSIONS_KEPT))


def restore_version(session: Session, version_id: int) -> Note:
    """Make an old version current; the current text is kept as a version first."""
    version = get_or_fail(session, NoteVersion, version_id, "note version")
    note = get(session, version.note_id)
    if note.text != version.text:
        session.add(
            NoteVersion(note_id=saved(note.id), text=note.text, sha256=note.sha256, saved_at=now())
        )
        note.text, note.sha256, note.updated_at = version.text, version.sha256, now()
        session.add(note)
    return note


def remove(session: Session, note_id: int) -> int:
    return remove_row(session, get(session, note_id))
