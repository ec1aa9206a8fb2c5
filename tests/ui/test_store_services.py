"""The journal's file, backups, review and report as typed calls on the store: what each hands
back, what it announces, and that a failed restore leaves the journal open as it was."""

import json
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from shell_data import Gothenburg
from sprintjournal_ui.store import JournalStore
from sprintjournal_ui.store_services import JournalServices

from sprintjournal import review
from sprintjournal.errors import JournalError
from sprintjournal.journal import Journal
from sprintjournal.review import ROW, SUGGESTION


def test_the_store_offers_every_service_as_written_here(store: JournalStore) -> None:
    """The store is made of mixins; a same-named method in another would shadow a service.
    Only swapping the journal is the store's own: it holds the journal the services use."""
    services = [name for name in vars(JournalServices)
                if not name.startswith("_") and callable(getattr(JournalServices, name))]
    assert isinstance(store, JournalServices) and services
    shadowed = [n for n in services if getattr(JournalStore, n) is not getattr(JournalServices, n)]
    assert shadowed == ["replace_journal"]


def test_the_file_is_the_journals_and_its_problems_are_told(
        store: JournalStore, gothenburg: Gothenburg, journal_path: Path) -> None:
    assert store.file == journal_path
    assert store.file_problem() is None
    journal_path.rename(journal_path.with_suffix(".moved"))
    problem = store.file_problem()
    assert problem is not None and problem


def test_relocate_saves_to_the_new_place_and_carries_on_there(
        store: JournalStore, gothenburg: Gothenburg, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "gothenburg.sprintjournal"
    target.parent.mkdir()
    store.relocate(target)
    assert store.file == target
    store.set_note_text(gothenburg.note_id, "written after the move")
    assert store.get_note(gothenburg.note_id).text == "written after the move"
    assert target.stat().st_size > 0


def test_a_json_export_comes_back_through_import_file(
        store: JournalStore, gothenburg: Gothenburg, tmp_path: Path, journal: Journal) -> None:
    left_out: list[str] = []
    exported = store.export_json(tmp_path / "out", left_out=left_out)
    assert left_out == []
    doc = json.loads(exported.read_text(encoding="utf-8"))
    assert "Gothenburg 2011" in json.dumps(doc, ensure_ascii=False)

    other = JournalStore(Journal(tmp_path / "other.sprintjournal"))
    try:
        messages = other.import_file(exported, None, None)
        assert isinstance(messages, list)
        assert [s.title for s in other.list_sprints()] == ["Gothenburg 2011"]
        sprint = other.list_sprints()[0].id
        assert [n.text for n in other.list_notes(sprint)] == [
            "# Thursday\n\n@Armin explained STM."]
    finally:
        other.close()


def test_backups_are_listed_newest_first_and_restored(
        qtbot: QtBot, store: JournalStore, gothenburg: Gothenburg) -> None:
    first = store.backup_now(datetime(2011, 11, 3, 9, 0))
    store.set_note_text(gothenburg.note_id, "changed after the backup")
    second = store.backup_before("merge")
    assert first.exists() and second.exists() and first != second
    listed = [b.path for b in store.list_backups()]
    assert set(listed) >= {first, second}

    safety = store.restore_backup(first)
    assert safety.exists()
    assert store.get_note(gothenburg.note_id).text == "# Thursday\n\n@Armin explained STM."
    store.set_note_text(gothenburg.note_id, "the restored journal is open for writing")


def test_a_failed_restore_reopens_the_journal_unchanged(
        store: JournalStore, gothenburg: Gothenburg, tmp_path: Path) -> None:
    store.set_note_text(gothenburg.note_id, "kept through a failed restore")
    not_a_backup = tmp_path / "junk.sprintjournal"
    not_a_backup.write_bytes(b"this is not a journal" * 100)
    with pytest.raises(JournalError):
        store.restore_backup(not_a_backup)
    assert store.get_note(gothenburg.note_id).text == "kept through a failed restore"
    store.set_note_text(gothenburg.note_id, "and it still takes writes")


def test_maybe_backup_makes_one_only_when_due(store: JournalStore, gothenburg: Gothenburg
                                              ) -> None:
    first = store.maybe_backup()
    assert first is not None and first.exists()
    assert store.maybe_backup() is None  # not 30 minutes later yet


def test_review_answers_are_announced_and_can_be_reopened(
        qtbot: QtBot, store: JournalStore, panel_sprint: int) -> None:
    rows = store.review_items(panel_sprint, "row")
    assert [i.title for i in rows] == ["Armin Rigo"]
    assert all(i.group == "suggestion" for i in store.review_items(panel_sprint, "suggestion"))
    with qtbot.waitSignal(store.attendees_changed):
        store.confirm_review(rows[0])
    assert store.review_items(panel_sprint, "row") == []
    store.reopen_review(rows[0])
    assert store.review_items(panel_sprint, "row") == rows


def test_merge_review_folds_the_spelling_in_and_unmerge_takes_it_back(
        qtbot: QtBot, store: JournalStore, panel_sprint: int, journal: Journal) -> None:
    keep = journal.add_person("A. Rigo").id
    item = store.review_items(panel_sprint, "row")[0]
    with qtbot.waitSignal(store.people_changed):
        change, unmerge = store.merge_review(item, keep)
    assert change.op == "merged"
    names = {p.name: p for p in store.list_people()}
    assert "Armin Rigo" not in names
    assert "Armin Rigo" in names["A. Rigo"].aliases
    assert store.review_items(panel_sprint, "row") == []
    store.unmerge_people(unmerge)
    assert {p.name for p in store.list_people()} >= {"Armin Rigo", "A. Rigo"}


def test_the_reports_title_and_a_fresh_draft_write_nothing(
        store: JournalStore, panel_sprint: int) -> None:
    title = store.default_report_title(panel_sprint)
    assert "Gothenburg" in title
    result = store.regenerate_report(panel_sprint, "branch", None)
    assert "SpecialisedTuple" in result.new_text and not result.user_edited
    assert store.get_report(panel_sprint).text in ("", None)


def test_report_exports_run_through_the_store(
        qtbot: QtBot, store: JournalStore, panel_sprint: int, tmp_path: Path) -> None:
    files = store.export_report(panel_sprint, "md", tmp_path)
    assert files[-1].read_text(encoding="utf-8").count("ffistruct") >= 1
    assert "ffistruct" in store.blogger_html(panel_sprint)


# -- one group of the Needs Review list is that group of the whole list, read once a switch ----
def test_a_group_of_the_review_list_is_the_cores_group(
        store: JournalStore, journal: Journal, panel_sprint: int) -> None:
    whole = review.review_items(journal, panel_sprint)
    assert {item.group for item in whole} == {ROW, SUGGESTION}  # the sprint has both
    for group in (ROW, SUGGESTION):
        expected = review.review_items(journal, panel_sprint, group)
        assert store.review_items(panel_sprint, group) == expected
        with store.shared_reads():
            assert store.read(store.review_items, panel_sprint) == whole
            assert store.read(store.review_items, panel_sprint, group) == expected


def test_a_write_inside_shared_reads_is_seen_by_the_next_group_read(
        store: JournalStore, journal: Journal, panel_sprint: int) -> None:
    with store.shared_reads():
        rows = store.read(store.review_items, panel_sprint, ROW)
        store.confirm_review(rows[0])  # announced: what was shared is forgotten
        assert store.read(store.review_items, panel_sprint, ROW) == rows[1:]
