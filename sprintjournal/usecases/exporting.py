"""Build the interchange document from the journal (the inverse of importing.py).

Everything is read through a `JournalReader` (the reader's one statement of each record), so
an export says exactly what the app shows; the journal runs it in one read snapshot.
"""

from sprintjournal.exchange.schema import (
    AttendeeDoc,
    BlogDoc,
    BranchDoc,
    FigureDoc,
    JournalDoc,
    NoteDoc,
    OrdinalDoc,
    PersonDoc,
    PhotoDoc,
    ReportDoc,
    SprintDoc,
    StandupDoc,
)
from sprintjournal.publish import marked_indexes, paragraphs
from sprintjournal.reader import JournalReader
from sprintjournal.records import FigureRec, NoteRec, PersonRef, PhotoRec, SprintRec
from sprintjournal.safe_names import UniqueNames, safe_filename
from sprintjournal.usecases.doc_fields import doc_fields

PhotoFiles = list[tuple[PhotoRec, str]]  # photo and its relative file name in the export


def build_document(
    reader: JournalReader, sprint_ids: list[int] | None, photo_name: "PhotoNamer"
) -> tuple[JournalDoc, PhotoFiles]:
    """Sprints oldest first; people: everyone, or those the chosen sprints name."""
    chosen = [
        s
        for s in reversed(reader.list_sprints())
        if sprint_ids is None or s.id in sprint_ids
    ]
    files: PhotoFiles = []
    sprint_docs = [_sprint_doc(reader, s, photo_name, files) for s in chosen]
    return JournalDoc(
        people=_people_docs(reader, sprint_ids, sprint_docs), sprints=sprint_docs
    ), files


class PhotoNamer:
    """Unique, safe relative file names for exported photos."""

    def __init__(self) -> None:
        self.names = UniqueNames()

    def __call__(self, sprint: SprintRec, photo: PhotoRec) -> str:
        folder = safe_filename(sprint.title, fallback="sprint")
        name = safe_filename(photo.filename, fallback=f"photo-{photo.id}")
        return self.names.claim(f"photos/{folder}/{name}")


def _people_docs(
    reader: JournalReader, sprint_ids: list[int] | None, docs: list[SprintDoc]
) -> list[PersonDoc]:
    everyone = reader.list_people()
    if sprint_ids is not None:
        used = {name for d in docs for name in _names_in(d)}
        everyone = [p for p in everyone if p.name in used]
    return [PersonDoc(aliases=list(p.aliases), **doc_fields(p, PersonDoc)) for p in everyone]


def _names_in(d: SprintDoc) -> set[str]:
    names = {a.person for a in d.attendees}
    for group in [
        *(b.people for b in d.branches),
        *(i.people for i in d.standup),
        *(p.people for p in d.photos),
    ]:
        names.update(group)
    return names


def _sprint_doc(
    reader: JournalReader, s: SprintRec, photo_name: PhotoNamer, files: PhotoFiles
) -> SprintDoc:
    """Each document's plain copies come from the one field table (`doc_fields`); what is
    built here is what `doc_fields.BY_HAND` names."""
    photo_docs = []
    for photo in reader.list_photos(s.id):
        rel = photo_name(s, photo)
        files.append((photo, rel))
        photo_docs.append(PhotoDoc(file=rel, people=_names(photo.people),
                                   **doc_fields(photo, PhotoDoc)))
    return SprintDoc(
        ordinal=OrdinalDoc(number=s.ordinal, scope=s.ordinal_scope) if s.ordinal else None,
        blog=BlogDoc(authors=list(s.blog_authors), tags=list(s.blog_tags)),
        attendees=[AttendeeDoc(person=a.person.name, checked_in=list(a.checked_in),
                               **doc_fields(a, AttendeeDoc))
                   for a in reader.list_attendees(s.id)],
        branches=[BranchDoc(people=_names(b.people), figures=[_figure_doc(f) for f in b.figures],
                            **doc_fields(b, BranchDoc))
                  for b in reader.list_branches(s.id)],
        standup=[StandupDoc(people=_names(i.people), branch=i.branch_name,
                            **doc_fields(i, StandupDoc))
                 for i in reader.list_standup(s.id)],
        notes=[NoteDoc(publish=_note_marks(n), **doc_fields(n, NoteDoc))
               for n in reader.list_notes(s.id)],
        photos=photo_docs,
        report=ReportDoc(**doc_fields(reader.get_report(s.id), ReportDoc)),
        **doc_fields(s, SprintDoc),
    )


def _names(people: tuple[PersonRef, ...]) -> list[str]:
    return [p.name for p in people]


def _figure_doc(f: FigureRec) -> FigureDoc:
    return FigureDoc(what=f.what, value=f.value, compared_with=f.compared_with)


def _note_marks(n: NoteRec) -> bool | list[int]:
    """false, true (every paragraph) or the numbers of the marked paragraphs."""
    marked = marked_indexes(n.text, n.publish)
    if not marked:
        return False
    return True if len(marked) == len(paragraphs(n.text)) else marked
