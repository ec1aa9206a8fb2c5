"""AutoBackup: asks the core for a backup on a timer; a read-only journal is never backed up,
and a backup that fails is announced on the store's `error`, never raised."""

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot
from sprintjournal_ui.autobackup import AutoBackup
from sprintjournal_ui.store import JournalStore

from sprintjournal.backup import list_backups
from sprintjournal.journal import Journal
from sprintjournal.paths import backup_dir


def test_a_change_is_backed_up_and_no_change_is_not(qtbot: QtBot, store: JournalStore) -> None:
    auto = AutoBackup(store, interval_ms=50)
    auto.check()
    assert list_backups(store.file) == []  # nothing changed yet
    store.add_sprint("Gothenburg 2011", start=date(2011, 11, 2))
    qtbot.waitUntil(lambda: len(list_backups(store.file)) == 1, timeout=3000)
    (made,) = list_backups(store.file)
    assert made.reason == "auto"
    auto.check()  # within 30 minutes of the last one: no second copy
    assert len(list_backups(store.file)) == 1
    auto.timer.stop()


def test_the_timer_runs_at_the_given_interval_and_belongs_to_its_parent(
        qtbot: QtBot, store: JournalStore) -> None:
    owner = AutoBackup(store)
    assert owner.timer.interval() == 60_000 and owner.timer.isActive()
    child = AutoBackup(store, parent=owner, interval_ms=250)
    assert child.parent() is owner and child.timer.interval() == 250
    owner.timer.stop()
    child.timer.stop()


def test_a_read_only_journal_is_never_backed_up(qtbot: QtBot, journal: Journal,
                                               journal_path: Path) -> None:
    journal.add_sprint("Gothenburg 2011", start=date(2011, 11, 2))
    journal.close()  # backs up what this session changed
    before = list_backups(journal_path)
    readonly = Journal(journal_path, readonly=True)
    try:
        store = JournalStore(readonly)
        auto = AutoBackup(store, interval_ms=60_000)
        auto.timer.stop()
        with qtbot.assertNotEmitted(store.error):
            auto.check()
        assert list_backups(journal_path) == before
    finally:
        readonly.close()


def test_a_failed_backup_is_announced_and_the_journal_stays_usable(
        qtbot: QtBot, store: JournalStore, journal: Journal, journal_path: Path) -> None:
    backup_dir(journal_path).write_text("a file where the backups folder should be")
    auto = AutoBackup(store, interval_ms=60_000)
    auto.timer.stop()
    journal.add_sprint("Gothenburg 2011", start=date(2011, 11, 2))
    with qtbot.waitSignal(store.error) as announced:
        auto.check()  # must not raise
    [message] = announced.args
    assert message.startswith("Automatic backup failed: ")
    assert len(message) > len("Automatic backup failed: ")
    journal.add_sprint("Leysin 2011", start=date(2011, 1, 16))
    assert sorted(s.title for s in journal.list_sprints()) == ["Gothenburg 2011", "Leysin 2011"]
