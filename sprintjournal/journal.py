"""Journal: the one façade over a journal file (SQLite as an application file format).

Each method is one use case in one short transaction; mutations return a `Change` saying what
changed, queries return plain records. The UI and the command line use nothing else.
"""

from __future__ import annotations  # annotations name lazily imported modules

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Unpack

from sprintjournal.changes import Change, Entity, Ordered
from sprintjournal.errors import ImportFailedError
from sprintjournal.journal_file import JournalBase
from sprintjournal.lazy import lazy_import, load
from sprintjournal.ordinals import Ordinal, ordinal_among
from sprintjournal.records import (
    AttendeeRec,
    BranchRec,
    NoteRec,
    NoteVersionRec,
    Pair,
    PersonRec,
    PhotoRec,
    ReportRec,
    SearchHit,
    SprintRec,
    StandupRec,
)
from sprintjournal.row_ids import saved

if TYPE_CHECKING:
    from sqlmodel import Session

    from sprintjournal import files as disk_files
    from sprintjournal import patches, photo_privacy
    from sprintjournal import photos as photo_codec
    from sprintjournal.exchange import json_io
    from sprintjournal.exchange.schema import JournalDoc
    from sprintjournal.usecases import (
        analysis,
        attendance,
        branches,
        common,
        exporting,
        gallery,
        import_checks,
        importing,
        notes,
        ordering,
        people,
        reports,
        sprints,
        standup,
        unmerge,
    )
    from sprintjournal.usecases.importing import ImportSummary, PreparedPhoto
    from sprintjournal.usecases.unmerge import Unmerge
else:  # SQLModel, SQLAlchemy, pydantic and Pillow load with the first use of one of these
    analysis, attendance, branches, common, exporting, gallery, import_checks, importing, \
        notes, ordering, people, reports, sprints, standup, unmerge = (
            lazy_import(f"sprintjournal.usecases.{name}") for name in (
                "analysis", "attendance", "branches", "common", "exporting", "gallery",
                "import_checks", "importing", "notes", "ordering", "people", "reports",
                "sprints", "standup", "unmerge"))
    json_io = lazy_import("sprintjournal.exchange.json_io")
    disk_files = lazy_import("sprintjournal.files")  # for writing files, not to read a journal
    photo_codec = lazy_import("sprintjournal.photos")
    photo_privacy = lazy_import("sprintjournal.photo_privacy")


def load_orm() -> None:
    """Import now what the first write (or ORM query) would: the use cases and SQLModel,
    SQLAlchemy, pydantic and Pillow behind them. For the thread that should pay for it (the
    GUI thread, under a busy cursor) or a process about to fork workers."""
    load(analysis, attendance, branches, exporting, gallery, import_checks, importing, notes,
         ordering, people, reports, sprints, standup, unmerge, json_io, photo_codec,
         photo_privacy)


class Journal(JournalBase):
    """The reads the UI makes (`reader.JournalReader`) come from plain sqlite3; everything else
    runs a use case in an ORM transaction."""

    def _load_orm(self) -> None:
        load_orm()

    def _remove(self, entity: Entity, remove: Callable[[Session, int], int], item_id: int
                ) -> Change:
        """One item off a sprint's list; the change names the sprint it was on."""
        with self.write() as s:
            sprint_id = remove(s, item_id)
        return Change(entity, "removed", (item_id,), sprint_id)

    # -- people -----------------------------------------------------------------------------
    def list_people(self) -> list[PersonRec]:
        return self._reader.list_people()

    def get_person(self, person_id: int) -> PersonRec:
        return self._reader.get_person(person_id)

    def find_person(self, name_or_alias: str) -> PersonRec | None:
        with self.read() as s:
            found = people.find(s, name_or_alias)
            return None if found is None else common.reads(s).get_person(saved(found.id))

    def add_person(
        self,
        name: str,
        aliases: Iterable[str] = (),
        email: str | None = None,
        url: str | None = None,
    ) -> Change:
        with self.write() as s:
            p = people.add(s, name, aliases, email, url)
        return Change("person", "added", (saved(p.id),))

    def update_person(self, person_id: int, **fields: Unpack[patches.PersonPatch]) -> Change:
        with self.write() as s:
            people.update_person(s, person_id, **fields)
        return Change("person", "updated", (person_id,))

    def remove_person(self, person_id: int) -> Change:
        with self.write() as s:
            people.remove(s, person_id)
        return Change("person", "removed", (person_id,))

    def merge_people(self, keep_id: int, other_id: int) -> Change:
        with self.write() as s:
            people.merge(s, keep_id, other_id)
        return Change("person", "merged", (keep_id, other_id))

    def merge_people_undoably(self, keep_id: int, other_id: int) -> tuple[Change, Unmerge]:
        """`merge_people`, with what `unmerge_people` needs to take it back."""
        with self.write() as s:
            undo = unmerge.merge(s, keep_id, other_id)
        return Change("person", "merged", (keep_id, other_id)), undo

    def unmerge_people(self, undo: Unmerge) -> Change:
        with self.write() as s:
            unmerge.unmerge(s, undo)
        return Change("person", "restored", (undo.keep_id, undo.other_id))

    # -- sprints ----------------------------------------------------------------------------
    def list_sprints(self) -> list[SprintRec]:
        return self._reader.list_sprints()

    def get_sprint(self, sprint_id: int) -> SprintRec:
        return self._reader.get_sprint(sprint_id)

    def add_sprint(self, title: str, **fields: Unpack[patches.SprintDetails]) -> Change:
        with self.write() as s:
            sp = sprints.add(s, title, **fields)
        return Change("sprint", "added", (saved(sp.id),), saved(sp.id))

    def update_sprint(self, sprint_id: int, **fields: Unpack[patches.SprintPatch]) -> Change:
        with self.write() as s:
            sprints.update_sprint(s, sprint_id, **fields)
        return Change("sprint", "updated", (sprint_id,), sprint_id)

    def remove_sprint(self, sprint_id: int) -> Change:
        with self.write() as s:
            sprints.remove(s, sprint_id)
        return Change("sprint", "removed", (sprint_id,), sprint_id)

    def sprint_ordinal(self, sprint_id: int) -> Ordinal | None:
        """Counted among the sprints of its year only: reading all 200 sprints of a journal
        took 3 ms of each sprint switch (the Needs Review list asks)."""
        sprint = self._reader.get_sprint(sprint_id)  # NotFoundError for an unknown sprint
        if sprint.start is None:
            return None
        return ordinal_among(self._reader.sprints_of_year(sprint.start.year), sprint_id)

    # -- attendees --------------------------------------------------------------------------
    def list_attendees(self, sprint_id: int) -> list[AttendeeRec]:
        return self._reader.list_attendees(sprint_id)

    def add_attendee(
        self, sprint_id: int, person_name: str, **fields: Unpack[patches.AttendancePatch]
    ) -> Change:
        with self.write() as s:
            row = attendance.add(s, sprint_id, person_name, **fields)
        return Change("attendance", "added", (saved(row.id),), sprint_id)

    def update_attendee(self, attendance_id: int,
                        **fields: Unpack[patches.AttendancePatch]) -> Change:
        with self.write() as s:
            row = attendance.update_attendee(s, attendance_id, **fields)
        return Change("attendance", "updated", (attendance_id,), row.sprint_id)

    def set_checked_in(self, attendance_id: int, day: date, here: bool = True) -> Change:
        """The one-key check-in: `attendance_id` is (or is not) here on `day`."""
        with self.write() as s:
            row = attendance.set_checked_in(s, attendance_id, day, here)
        return Change("attendance", "updated", (attendance_id,), row.sprint_id)

    def remove_attendee(self, attendance_id: int) -> Change:
        return self._remove("attendance", attendance.remove, attendance_id)

    def present_on(self, sprint_id: int, day: date) -> list[AttendeeRec]:
        return [a for a in self._reader.list_attendees(sprint_id) if a.present_on(day)]

    def newcomers(self, sprint_id: int) -> list[AttendeeRec]:
        return self._reader.run(lambda r: analysis.newcomers(r, sprint_id))

    # -- branches ---------------------------------------------------------------------------
    def list_branches(self, sprint_id: int) -> list[BranchRec]:
        return self._reader.list_branches(sprint_id)

    def add_branch(
        self, sprint_id: int, name: str, people: Iterable[str] = (),
        **fields: Unpack[patches.BranchDetails],
    ) -> Change:
        with self.write() as s:
            b = branches.add(s, sprint_id, name, people, **fields)
        return Change("branch", "added", (saved(b.id),), sprint_id)

    def update_branch(self, branch_id: int, **fields: Unpack[patches.BranchPatch]) -> Change:
        with self.write() as s:
            b = branches.update_branch(s, branch_id, **fields)
        return Change("branch", "updated", (branch_id,), b.sprint_id)

    def remove_branch(self, branch_id: int) -> Change:
        return self._remove("branch", branches.remove, branch_id)

    # -- order ------------------------------------------------------------------------------
    def reorder(self, entity: Ordered, ordered_ids: Sequence[int]) -> Change:
        """Put one list (attendees, branches, photos, a day's stand-up section) in this order."""
        with self.write() as s:
            sprint_id = ordering.reorder(s, entity, ordered_ids)
        return Change(entity, "reordered", tuple(ordered_ids), sprint_id)

    # -- stand-up ---------------------------------------------------------------------------
    def list_standup(self, sprint_id: int, day: date | None = None) -> list[StandupRec]:
        return self._reader.list_standup(sprint_id, day)

    def add_standup_item(
        self,
        sprint_id: int,
        day: date,
        section: str,
        text: str,
        people: Iterable[str] = (),
        **fields: Unpack[patches.StandupDetails],
    ) -> Change:
        with self.write() as s:
            item, _created = standup.add(s, sprint_id, day, section, text, people, **fields)
        return Change("standup", "added", (saved(item.id),), sprint_id)

    def update_standup_item(self, item_id: int, **fields: Unpack[patches.StandupPatch]) -> Change:
        with self.write() as s:
            item = standup.update_item(s, item_id, **fields)
        return Change("standup", "updated", (item_id,), item.sprint_id)

    def remove_standup_item(self, item_id: int) -> Change:
        return self._remove("standup", standup.remove, item_id)

    def carry_over(self, sprint_id: int, from_day: date, to_day: date) -> Change:
        with self.write() as s:
            ids = standup.carry_over(s, sprint_id, from_day, to_day)
        return Change("standup", "added", tuple(ids), sprint_id)

    def pairs(self, sprint_id: int, day: date | None = None) -> list[Pair]:
        return self._reader.run(lambda r: analysis.pairs(r, sprint_id, day))

    def person_summaries(self, sprint_id: int) -> list[analysis.PersonSummary]:
        return self._reader.run(lambda r: analysis.person_summaries(r, sprint_id))

    def branch_summaries(self, sprint_id: int) -> list[analysis.BranchSummary]:
        return self._reader.run(lambda r: analysis.branch_summaries(r, sprint_id))

    # -- notes ------------------------------------------------------------------------------
    def list_notes(self, sprint_id: int, day: date | None = None) -> list[NoteRec]:
        return self._reader.list_notes(sprint_id, day)

    def get_note(self, note_id: int) -> NoteRec:
        return self._reader.get_note(note_id)

    def add_note(self, sprint_id: int, day: date | None, text: str = "") -> Change:
        with self.write() as s:
            n = notes.add(s, sprint_id, day, text)
        return Change("note", "added", (saved(n.id),), sprint_id)

    def set_note_text(self, note_id: int, text: str) -> Change:
        """Autosave's target: a no-op (empty ids) when the text is unchanged."""
        with self.write() as s:
            n = notes.set_text(s, note_id, text)
            sprint_id = n.sprint_id if n else notes.get(s, note_id).sprint_id
        return Change("note", "updated", (note_id,) if n else (), sprint_id)

    def set_note_publish(self, note_id: int, marks: Iterable[str]) -> Change:
        """Which paragraphs of a note the report may print (fingerprints; empty = private)."""
        with self.write() as s:
            n = notes.set_publish(s, note_id, list(marks))
        return Change("note", "updated", (note_id,), n.sprint_id)

    def remove_note(self, note_id: int) -> Change:
        return self._remove("note", notes.remove, note_id)

    def days_with_content(self, sprint_id: int) -> list[date]:
        return self._reader.days_with_content(sprint_id)

    def note_versions(self, note_id: int) -> list[NoteVersionRec]:
        return self._reader.note_versions(note_id)

    def restore_note_version(self, version_id: int) -> Change:
        with self.write() as s:
            n = notes.restore_version(s, version_id)
        return Change("note", "restored", (saved(n.id),), n.sprint_id)

    # -- photos -----------------------------------------------------------------------------
    def list_photos(self, sprint_id: int) -> list[PhotoRec]:
        return self._reader.list_photos(sprint_id)

    def add_photo(
        self,
        sprint_id: int,
        data: bytes,
        filename: str,
        prepared: tuple[photo_codec.PhotoInfo, bytes] | None = None,
        **details: Unpack[patches.PhotoDetails],
    ) -> Change:
        """`prepared` is `photos.prepare(data, filename)` done earlier in a worker thread."""
        prepared = prepared or gallery.prepare(data, filename)
        with self.write() as s:
            p = gallery.add(s, sprint_id, data, filename, prepared, **details)
        return Change("photo", "added", (saved(p.id),), sprint_id)

    def update_photo(self, photo_id: int, **fields: Unpack[patches.PhotoPatch]) -> Change:
        with self.write() as s:
            p = gallery.update_photo(s, photo_id, **fields)
        return Change("photo", "updated", (photo_id,), p.sprint_id)

    def remove_photo(self, photo_id: int) -> Change:
        return self._remove("photo", gallery.remove, photo_id)

    def photo_bytes(self, photo_id: int) -> bytes:
        return self._reader.photo_bytes(photo_id)

    def photo_thumbnail(self, photo_id: int) -> bytes:
        return self._reader.photo_thumbnail(photo_id)

    def cached_rendition(
        self, photo_id: int, long_edge: int = 1600, quality: int = 85
    ) -> photo_codec.Rendition | None:
        """The export copy made earlier with these parameters, if the journal still has it."""
        return self.cached_renditions([photo_id], long_edge, quality).get(photo_id)

    def cached_renditions(
        self, photo_ids: Iterable[int], long_edge: int = 1600, quality: int = 85
    ) -> dict[int, photo_codec.Rendition]:
        """The export copies made earlier with these parameters that the journal still has, in
        one read (an export of 50 photos asked 50 times)."""
        key = _rendition_key(long_edge, quality)
        found = {}
        with self.read() as s:
            for pid in photo_ids:
                row = gallery.cached_rendition(s, pid, key)
                if row is not None:
                    ext = "png" if row.mime == "image/png" else "jpg"
                    found[pid] = photo_codec.Rendition(row.data, row.mime, row.width, row.height,
                                                       ext)
        return found

    def store_rendition(
        self, photo_id: int, long_edge: int, quality: int, rendition: photo_codec.Rendition
    ) -> None:
        """Keep an export copy so exporting again is instant; a cache, so no Change."""
        self.store_renditions({photo_id: rendition}, long_edge, quality)

    def store_renditions(
        self, renditions: dict[int, photo_codec.Rendition], long_edge: int, quality: int
    ) -> None:
        """Keep several export copies in one transaction (one wait for the disk, not one each)."""
        key = _rendition_key(long_edge, quality)
        with self.write() as s:
            for pid, rendition in renditions.items():
                gallery.store_rendition(s, pid, key, rendition)

    def rendition(
        self, photo_id: int, long_edge: int = 1600, quality: int = 85
    ) -> photo_codec.Rendition:
        """The web copy of a photo (upright, bounded, metadata-free), cached in the journal."""
        cached = self.cached_rendition(photo_id, long_edge, quality)
        if cached is not None:
            return cached
        made = photo_codec.web_rendition(self.photo_bytes(photo_id), long_edge, quality)
        if not self.readonly:
            self.store_rendition(photo_id, long_edge, quality, made)
        return made

    # -- report -----------------------------------------------------------------------------
    def get_report(self, sprint_id: int) -> ReportRec:
        return self._reader.get_report(sprint_id)

    def save_report(self, sprint_id: int, **fields: Unpack[patches.ReportPatch]) -> Change:
        with self.write() as s:
            reports.save(s, sprint_id, **fields)
        return Change("report", "updated", (sprint_id,), sprint_id)

    # -- search -----------------------------------------------------------------------------
    def search(self, text: str, sprint_id: int | None = None, limit: int = 100) -> list[SearchHit]:
        return self._reader.search(text, sprint_id, limit)

    # -- interchange ------------------------------------------------------------------------
    def import_document(
        self,
        doc: JournalDoc,
        photos: Mapping[tuple[int, int], PreparedPhoto] | None = None,
        source: str = "import",
    ) -> tuple[Change, ImportSummary]:
        """All or nothing: problems are found before writing; the writes share one transaction."""
        with self.write() as s:
            problems = import_checks.check_document(doc)
            problems += importing.existing_sprint_problems(s, doc)
            if problems:
                raise ImportFailedError(source, problems)
            summary = importing.apply_document(s, doc, photos or {})
        return Change("journal", "imported", tuple(summary.sprint_ids)), summary

    def export_document(
        self, sprint_ids: list[int] | None = None
    ) -> tuple[JournalDoc, exporting.PhotoFiles]:
        return self._reader.run(
            lambda r: exporting.build_document(r, sprint_ids, exporting.PhotoNamer()))

    def export_json(self, out_dir: Path, sprint_ids: list[int] | None = None,
                    left_out: list[str] | None = None) -> Path:
        """`out_dir/journal.json` plus the photos beside it; each file written atomically.

        Photos keep their pixels and metadata except the location (GPS, XMP): an export is
        shared, and where a photo was taken (often someone's flat) must not travel with it. A
        photo that cannot be decoded is left out; `left_out` receives a line saying which.
        """
        doc, files = self.export_document(sprint_ids)
        with disk_files.AtomicBatch(out_dir) as batch:
            doc, missing = json_io.export_photos(batch, doc, files, self.photo_bytes)
            if left_out is not None:
                left_out += missing
            return batch.add(json_io.JSON_NAME, json_io.document_json(doc).encode("utf-8"))

    def import_json(
        self, path: Path, progress: json_io.Progress | None = None
    ) -> tuple[Change, ImportSummary]:
        """Photos are checked first, then read again one at a time as they are written."""
        doc, photos = json_io.read_export(path, progress)
        return self.import_document(doc, photos, str(path))


def _rendition_key(long_edge: int, quality: int) -> str:
    """The cache key of a web rendition: a change of either parameter makes a new copy."""
    return f"web:{long_edge}:q{quality}"
