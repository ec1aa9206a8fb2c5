"""The typed calls on the journal that widgets use: one method per `Journal` use case they need.

Mixed into `JournalStore`, so `store.list_attendees(sprint_id)` is the way in and the journal
itself stays private. Reads are plain delegations returning the core's frozen records: wrap one
as `store.read(store.list_people)` when a failure should reach the user and the panels following
a sprint switch may share its result. Writes take the façade's own arguments and patch types,
plus the `initiator` their announcement carries, and return the core's `Change`.

Each call is a one-line delegation on purpose: where the journal lives (opened at once, read
quickly first, built lazily) is the store's business, behind `_reader()` and `_writer()`.
"""

from __future__ import annotations  # the patch types are for type checkers only

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Unpack

from sprintjournal.changes import Change, Ordered
from sprintjournal.errors import JournalError
from sprintjournal.records import (
    AttendeeRec,
    BranchRec,
    NoteRec,
    NoteVersionRec,
    PersonRec,
    PhotoRec,
    ReportRec,
    SearchHit,
    SprintRec,
    StandupRec,
)

from . import gc_policy
from .store_host import StoreHost

if TYPE_CHECKING:
    from sprintjournal import patches
    from sprintjournal.journal import Journal
    from sprintjournal.photos import PhotoInfo

PreparedInfo = tuple["PhotoInfo", bytes]
"""A photo decoded, checked and thumbnailed beforehand (see `photo_process`)."""


class JournalCalls(StoreHost):
    """Typed reads and writes; the host provides the journal and the announcing `_apply`."""

    def announce(self, change: Change, initiator: object = None) -> None:
        raise NotImplementedError

    # -- reads ------------------------------------------------------------------------------
    def list_people(self) -> list[PersonRec]:
        return self._reader().list_people()

    def list_sprints(self) -> list[SprintRec]:
        return self._reader().list_sprints()

    def get_sprint(self, sprint_id: int) -> SprintRec:
        return self._reader().get_sprint(sprint_id)

    def list_attendees(self, sprint_id: int) -> list[AttendeeRec]:
        return self._reader().list_attendees(sprint_id)

    def list_branches(self, sprint_id: int) -> list[BranchRec]:
        return self._reader().list_branches(sprint_id)

    def list_standup(self, sprint_id: int, day: date | None = None) -> list[StandupRec]:
        return self._reader().list_standup(sprint_id, day)

    def list_notes(self, sprint_id: int, day: date | None = None) -> list[NoteRec]:
        return self._reader().list_notes(sprint_id, day)

    def get_note(self, note_id: int) -> NoteRec:
        return self._reader().get_note(note_id)

    def days_with_content(self, sprint_id: int) -> list[date]:
        return self._reader().days_with_content(sprint_id)

    def note_versions(self, note_id: int) -> list[NoteVersionRec]:
        return self._reader().note_versions(note_id)

    def list_photos(self, sprint_id: int) -> list[PhotoRec]:
        return self._reader().list_photos(sprint_id)

    def photo_bytes(self, photo_id: int) -> bytes:
        return self._reader().photo_bytes(photo_id)

    def photo_thumbnail(self, photo_id: int) -> bytes:
        return self._reader().photo_thumbnail(photo_id)

    def get_report(self, sprint_id: int) -> ReportRec:
        return self._reader().get_report(sprint_id)

    def search(self, text: str, sprint_id: int | None = None, limit: int = 100
               ) -> list[SearchHit]:
        return self._reader().search(text, sprint_id, limit)

    # -- people and sprints -----------------------------------------------------------------
    def update_person(self, person_id: int, *, initiator: object = None,
                      **fields: Unpack[patches.PersonPatch]) -> Change:
        return self._apply(self._writer().update_person, person_id, initiator=initiator,
                           **fields)

    def merge_people(self, keep_id: int, other_id: int, *, initiator: object = None) -> Change:
        return self._apply(self._writer().merge_people, keep_id, other_id, initiator=initiator)

    def add_sprint(self, title: str, *, initiator: object = None,
                   **fields: Unpack[patches.SprintDetails]) -> Change:
        return self._apply(self._writer().add_sprint, title, initiator=initiator, **fields)

    def update_sprint(self, sprint_id: int, *, initiator: object = None,
                      **fields: Unpack[patches.SprintPatch]) -> Change:
        return self._apply(self._writer().update_sprint, sprint_id, initiator=initiator,
                           **fields)

    def remove_sprint(self, sprint_id: int, *, initiator: object = None) -> Change:
        return self._apply(self._writer().remove_sprint, sprint_id, initiator=initiator)

    # -- attendees --------------------------------------------------------------------------
    def add_attendee(self, sprint_id: int, person_name: str, *, initiator: object = None,
                     **fields: Unpack[patches.AttendancePatch]) -> Change:
        return self._apply(self._writer().add_attendee, sprint_id, person_name,
                           initiator=initiator, **fields)

    def update_attendee(self, attendance_id: int, *, initiator: object = None,
                        **fields: Unpack[patches.AttendancePatch]) -> Change:
        return self._apply(self._writer().update_attendee, attendance_id, initiator=initiator,
                           **fields)

    def set_checked_in(self, attendance_id: int, day: date, here: bool = True, *,
                       initiator: object = None) -> Change:
        return self._apply(self._writer().set_checked_in, attendance_id, day, here,
                           initiator=initiator)

    def remove_attendee(self, attendance_id: int, *, initiator: object = None) -> Change:
        return self._apply(self._writer().remove_attendee, attendance_id, initiator=initiator)

    # -- branches and order -----------------------------------------------------------------
    def add_branch(self, sprint_id: int, name: str, people: Iterable[str] = (), *,
                   initiator: object = None, **fields: Unpack[patches.BranchDetails]) -> Change:
        return self._apply(self._writer().add_branch, sprint_id, name, people,
                           initiator=initiator, **fields)

    def update_branch(self, branch_id: int, *, initiator: object = None,
                      **fields: Unpack[patches.BranchPatch]) -> Change:
        return self._apply(self._writer().update_branch, branch_id, initiator=initiator,
                           **fields)

    def remove_branch(self, branch_id: int, *, initiator: object = None) -> Change:
        return self._apply(self._writer().remove_branch, branch_id, initiator=initiator)

    def reorder(self, entity: Ordered, ordered_ids: Sequence[int], *,
                initiator: object = None) -> Change:
        return self._apply(self._writer().reorder, entity, ordered_ids, initiator=initiator)

    def reorder_unless_changed(self, entity: Ordered, ordered_ids: Sequence[int]) -> bool:
        """Put a list back in an earlier order, if it still holds those items (an undone
        removal); refusing is no error to show, so only a done reorder is announced."""
        try:
            change = self._writer().reorder(entity, ordered_ids)
        except JournalError:
            return False
        self.announce(change)
        return True

    # -- stand-up ---------------------------------------------------------------------------
    def add_standup_item(self, sprint_id: int, day: date, section: str, text: str,
                         people: Iterable[str] = (), *, initiator: object = None,
                         **fields: Unpack[patches.StandupDetails]) -> Change:
        return self._apply(self._writer().add_standup_item, sprint_id, day, section, text,
                           people, initiator=initiator, **fields)

    def update_standup_item(self, item_id: int, *, initiator: object = None,
                            **fields: Unpack[patches.StandupPatch]) -> Change:
        return self._apply(self._writer().update_standup_item, item_id, initiator=initiator,
                           **fields)

    def remove_standup_item(self, item_id: int, *, initiator: object = None) -> Change:
        return self._apply(self._writer().remove_standup_item, item_id, initiator=initiator)

    def carry_over(self, sprint_id: int, from_day: date, to_day: date, *,
                   initiator: object = None) -> Change:
        return self._apply(self._writer().carry_over, sprint_id, from_day, to_day,
                           initiator=initiator)

    # -- notes ------------------------------------------------------------------------------
    def add_note(self, sprint_id: int, day: date | None, text: str = "", *,
                 initiator: object = None) -> Change:
        return self._apply(self._writer().add_note, sprint_id, day, text, initiator=initiator)

    def set_note_text(self, note_id: int, text: str, *, initiator: object = None) -> Change:
        return self._apply(self._writer().set_note_text, note_id, text, initiator=initiator)

    def set_note_publish(self, note_id: int, marks: Iterable[str], *,
                         initiator: object = None) -> Change:
        return self._apply(self._writer().set_note_publish, note_id, marks, initiator=initiator)

    def remove_note(self, note_id: int, *, initiator: object = None) -> Change:
        return self._apply(self._writer().remove_note, note_id, initiator=initiator)

    def restore_note_version(self, version_id: int, *, initiator: object = None) -> Change:
        return self._apply(self._writer().restore_note_version, version_id,
                           initiator=initiator)

    # -- photos and report ------------------------------------------------------------------
    def add_photo(self, sprint_id: int, data: bytes, filename: str, *,
                  prepared: PreparedInfo | None = None, initiator: object = None,
                  **details: Unpack[patches.PhotoDetails]) -> Change:
        return self._apply(self._writer().add_photo, sprint_id, data, filename, prepared,
                           initiator=initiator, **details)

    def update_photo(self, photo_id: int, *, initiator: object = None,
                     **fields: Unpack[patches.PhotoPatch]) -> Change:
        return self._apply(self._writer().update_photo, photo_id, initiator=initiator, **fields)

    def remove_photo(self, photo_id: int, *, initiator: object = None) -> Change:
        return self._apply(self._writer().remove_photo, photo_id, initiator=initiator)

    def save_report(self, sprint_id: int, *, initiator: object = None,
                    **fields: Unpack[patches.ReportPatch]) -> Change:
        return self._apply(self._writer().save_report, sprint_id, initiator=initiator, **fields)

    # -- off the GUI thread -----------------------------------------------------------------
    def background_writer(self) -> BackgroundWriter:
        """The journal open now, for a job on the pool (see `BackgroundWriter`)."""
        return BackgroundWriter(self._writer())

    def is_current(self, writer: BackgroundWriter) -> bool:
        """Whether `writer` still writes to the journal open now (none was opened since)."""
        return writer.journal_is(self._writer())


class BackgroundWriter:
    """Writes from a pool thread to the journal that was open when a job began.

    Nothing is announced from there (signals belong to the GUI thread): the job hands its
    `Change` back and the GUI thread calls `store.announce`. A journal opened meanwhile does not
    receive the job's writes (`store.is_current` tells the job's end apart)."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def journal_is(self, journal: object) -> bool:
        return self._journal is journal

    def set_note_text(self, note_id: int, text: str) -> Change:
        self._prepared()
        return self._journal.set_note_text(note_id, text)

    def add_photo(self, sprint_id: int, data: bytes, filename: str, *, day: date | None,
                  prepared: PreparedInfo) -> Change:
        self._prepared()
        return self._journal.add_photo(sprint_id, data, filename, day=day, prepared=prepared)

    def _prepared(self) -> None:
        """The ORM loaded (the first write imports it, here on the pool) and, once loaded,
        kept out of the collections like start-up's objects (`gc_policy.keep_loaded`)."""
        if not self._journal.writes_prepared:
            with gc_policy.loading():
                self._journal.prepare_writes()

    def list_photos(self, sprint_id: int) -> list[PhotoRec]:
        return self._journal.list_photos(sprint_id)
