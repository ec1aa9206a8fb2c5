"""The journal's file, backups, review and report, as typed calls on the store.

These core functions take the journal itself (`backup_before(journal, …)`,
`compose.regenerate(journal, …)`); mixed into `JournalStore`, they let panels and dialogs ask
for them without holding the journal or importing the core's internals. The core loads lazily,
here as in the store: the window paints before SQLAlchemy does.
"""

import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sprintjournal.changes import Change

from .store_host import StoreHost

if TYPE_CHECKING:
    from sprintjournal.backup import BackupInfo as BackupInfo
    from sprintjournal.journal import Journal
    from sprintjournal.report.compose import RegenerateResult as RegenerateResult
    from sprintjournal.review import Group as Group
    from sprintjournal.review import ReviewItem as ReviewItem
    from sprintjournal.usecases.unmerge import Unmerge as Unmerge

Progress = Callable[[int, int, str], None]


class JournalServices(StoreHost):
    """Calls that hand the journal to a core function; the host provides the journal."""

    def replace_journal(self, journal: "Journal") -> None:
        raise NotImplementedError

    # -- the file ---------------------------------------------------------------------------
    @property
    def file(self) -> Path:
        return Path(self._reader().path)

    def close(self) -> None:
        self._reader().close()

    def file_problem(self) -> str | None:
        """Whether the file was moved or deleted while open (see `Journal.file_problem`)."""
        return self._writer().file_problem()

    def relocate(self, target: Path) -> Path | None:
        """Save the journal to `target` and carry on there (see `Journal.relocate`)."""
        return self._writer().relocate(target)

    def export_json(self, out_dir: Path, left_out: list[str] | None = None) -> Path:
        """The whole journal as JSON; photos that could not be exported are named in
        `left_out`."""
        return self._reader().export_json(out_dir, left_out=left_out)

    def import_file(self, path: Path, sprint_id: int | None, day: date | None) -> list[str]:
        """A JSON export, people.txt or planning.txt; the caller announces the change."""
        from sprintjournal.exchange.textfiles import import_file

        return import_file(self._writer(), path, sprint_id, day)

    # -- backups ----------------------------------------------------------------------------
    def backup_before(self, reason: str) -> Path:
        from sprintjournal.backup import backup_before

        return backup_before(self._writer(), reason)

    def backup_now(self, when: datetime | None = None) -> Path:
        from sprintjournal.backup import backup_now

        return backup_now(self._writer(), when=when)

    def maybe_backup(self) -> Path | None:
        """The every-30-minutes backup, if one is due."""
        from sprintjournal.backup import maybe_backup

        return maybe_backup(self._writer())

    def list_backups(self) -> list["BackupInfo"]:
        from sprintjournal.backup import list_backups

        return list_backups(self.file.resolve())

    def restore_backup(self, backup: Path) -> Path:
        """Replace the journal by `backup`; returns the safety copy of the current file.

        Callers flush pending edits first. On failure the current journal is reopened
        unchanged and the error is raised for the window to show."""
        from sprintjournal.backup import restore
        from sprintjournal.journal import Journal

        path = self.file
        self.close()
        try:
            return restore(path, backup)
        finally:
            self.replace_journal(Journal(path))

    # -- review ---------------------------------------------------------------------------
    def review_items(self, sprint_id: int, group: "Group | None" = None) -> list["ReviewItem"]:
        """What the Needs Review list shows: flagged rows, then the report's guesses. One group
        is taken from the whole list, read once while a sprint switch shares its reads: the
        list and the Report panel's suggestions each cost a full read of the sprint."""
        if group is not None:
            return [item for item in self.read(self.review_items, sprint_id) if item.group == group]
        from sprintjournal import review

        return review.review_items(self._reader(), sprint_id)

    def confirm_review(self, item: "ReviewItem", *, initiator: object = None) -> Change:
        from sprintjournal import review

        return self._apply(review.confirm, self._writer(), item, initiator=initiator)

    def decline_review(self, item: "ReviewItem", *, initiator: object = None) -> Change:
        from sprintjournal import review

        return self._apply(review.decline, self._writer(), item, initiator=initiator)

    def reopen_review(self, item: "ReviewItem", *, initiator: object = None) -> Change:
        """Take back a confirm or a decline: the item is open again, as it was listed."""
        from sprintjournal import review

        return self._apply(review.reopen, self._writer(), item, initiator=initiator)

    def merge_review(self, item: "ReviewItem", keep_id: int, *, initiator: object = None
                     ) -> tuple[Change, "Unmerge"]:
        """The item's person is `keep_id` under another spelling; `unmerge_people` with the
        second value takes it back."""
        from sprintjournal import review

        return self._apply_undoable(review.merge_into, self._writer(), item, keep_id,
                                    initiator=initiator)

    def merge_people_undoably(self, keep_id: int, other_id: int, *, initiator: object = None
                              ) -> tuple[Change, "Unmerge"]:
        return self._apply_undoable(self._writer().merge_people_undoably, keep_id, other_id,
                                    initiator=initiator)

    def unmerge_people(self, undo: "Unmerge", *, initiator: object = None) -> Change:
        return self._apply(self._writer().unmerge_people, undo, initiator=initiator)

    def _apply_undoable(self, op: Callable[..., tuple[Change, "Unmerge"]], *args: object,
                        initiator: object = None) -> tuple[Change, "Unmerge"]:
        """`_apply` for a write that also returns what takes it back."""
        kept: list[Unmerge] = []

        def run() -> Change:
            change, undo = op(*args)
            kept.append(undo)
            return change

        return self._apply(run, initiator=initiator), kept[0]

    # -- the report -------------------------------------------------------------------------
    def regenerate_report(self, sprint_id: int, group_by: str,
                          template: Path | None) -> "RegenerateResult":
        """A fresh draft compared with the saved one; nothing is written."""
        from sprintjournal.report import compose

        return compose.regenerate(self._reader(), sprint_id, group_by, template)

    def regenerate_report_section(self, sprint_id: int, title: str, group_by: str,
                                  template: Path | None) -> str:
        from sprintjournal.report import compose

        return compose.regenerate_section(self._reader(), sprint_id, title, group_by, template)

    def default_report_title(self, sprint_id: int) -> str:
        from sprintjournal.report import compose

        return compose.default_title(self._reader(), sprint_id)

    def export_report(self, sprint_id: int, fmt: str, folder: Path, *, page_size: str = "A4",
                      long_edge: int = 1600, quality: int = 85, progress: Progress | None = None,
                      cancel: threading.Event | None = None) -> list[Path]:
        """The report's files, as the command line writes them (callable on a pool thread)."""
        from .report_jobs import export_report

        return export_report(self._reader(), sprint_id, fmt, folder, page_size=page_size,
                             long_edge=long_edge, quality=quality, progress=progress,
                             cancel=cancel)

    def blogger_html(self, sprint_id: int, long_edge: int = 1600, quality: int = 85) -> str:
        """Blogger's fragment with the photos embedded (callable on a pool thread)."""
        from .report_jobs import blogger_clipboard_html

        return blogger_clipboard_html(self._reader(), sprint_id, long_edge, quality)
