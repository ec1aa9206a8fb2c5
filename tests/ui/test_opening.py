"""opening: a journal the core refuses gets the error dialog, and the user's answer decides what
is tried next (another file, a new journal, or nothing); the refused file is never touched."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from shell_data import when_modal
from sprintjournal_ui.dialogs.errors import JournalErrorDialog
from sprintjournal_ui.opening import ask_journal_path, open_journal

from sprintjournal.journal import Journal
from sprintjournal.paths import SUFFIX, data_dir


def give_up(dialog: QWidget) -> None:
    assert isinstance(dialog, JournalErrorDialog)
    dialog.quit_button.click()


def choose_file(path: Path | None, folders: list[str]) -> Callable[[QWidget], None]:
    """Pick `path` in the file dialog (None: cancel it), noting the folder it opened in."""
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        folders.append(dialog.directory().absolutePath())
        if path is None:
            dialog.reject()
            return
        dialog.selectFile(str(path))
        dialog.accept()
    return act


def not_a_journal(folder: Path) -> tuple[Path, bytes]:
    fake = folder / "cake.sprintjournal"
    data = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8
    fake.write_bytes(data)
    return fake, data


def test_a_journal_open_elsewhere_gets_a_clear_dialog(qtbot: QtBot, journal: Journal,
                                                      journal_path: Path) -> None:
    """The `journal` fixture holds the lock, like another SprintJournal window would."""
    texts: list[str] = []

    def read_and_quit(dialog: QWidget) -> None:
        assert isinstance(dialog, JournalErrorDialog)
        texts.append(dialog.text())
        give_up(dialog)

    seen = when_modal(read_and_quit)
    assert open_journal(None, journal_path, at_startup=True) is None
    assert seen == ["Journal already open"]
    assert str(journal_path) in texts[0] and "another SprintJournal" in texts[0]


def test_a_file_that_is_not_a_journal_is_refused_untouched(qtbot: QtBot, tmp_path: Path) -> None:
    fake = tmp_path / "cake.sprintjournal"
    data = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8
    fake.write_bytes(data)
    seen = when_modal(give_up)
    assert open_journal(None, fake, at_startup=False) is None
    assert seen == ["Not a SprintJournal file"]
    assert fake.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cake.sprintjournal"]




def test_a_good_journal_opens_without_a_question(qtbot: QtBot, journal_path: Path) -> None:
    Journal(journal_path).close()
    opened = open_journal(None, journal_path, at_startup=True)
    assert opened is not None
    try:
        assert opened.path == journal_path and not opened.readonly
    finally:
        opened.close()


def test_after_a_refusal_the_user_opens_another_journal(
        qtbot: QtBot, tmp_path: Path, journal_path: Path) -> None:
    Journal(journal_path).close()
    fake, data = not_a_journal(tmp_path)
    folders: list[str] = []

    def open_another(dialog: QWidget) -> None:
        assert isinstance(dialog, JournalErrorDialog)
        when_modal(choose_file(journal_path, folders))
        dialog.open_button.click()

    seen = when_modal(open_another)
    opened = open_journal(None, fake, at_startup=True)
    assert opened is not None
    try:
        assert opened.path == journal_path
    finally:
        opened.close()
    assert seen == ["Not a SprintJournal file"]
    assert folders == [str(data_dir())]
    assert fake.read_bytes() == data


def test_a_cancelled_file_dialog_asks_again_about_the_same_file(
        qtbot: QtBot, tmp_path: Path) -> None:
    fake, data = not_a_journal(tmp_path)
    cancel = choose_file(None, [])
    again: list[list[str]] = []

    def cancel_then_give_up(dialog: QWidget) -> None:
        again.append(when_modal(give_up))  # the same refusal, asked again
        cancel(dialog)

    def open_another(dialog: QWidget) -> None:
        assert isinstance(dialog, JournalErrorDialog)
        when_modal(cancel_then_give_up)
        dialog.open_button.click()

    first = when_modal(open_another)
    assert open_journal(None, fake, at_startup=False) is None
    assert first == again[0] == ["Not a SprintJournal file"]
    assert fake.read_bytes() == data


def test_a_new_journal_is_named_with_the_suffix(qtbot: QtBot, tmp_path: Path) -> None:
    folders: list[str] = []
    seen = when_modal(choose_file(tmp_path / "leysin-2012", folders))
    assert ask_journal_path(None, new=True) == tmp_path / f"leysin-2012{SUFFIX}"
    assert seen == ["New Journal"] and folders == [str(data_dir())]


def test_a_cancelled_file_dialog_answers_none(qtbot: QtBot) -> None:
    seen = when_modal(choose_file(None, []))
    assert ask_journal_path(None, new=False) is None
    assert seen == ["Open Journal"]


def test_a_damaged_journal_without_backups_is_not_sent_to_an_empty_folder(
        qtbot: QtBot, journal: Journal, journal_path: Path, tmp_path: Path) -> None:
    """A damaged file never backed up: "Backups are kept in …/backups" named a folder that
    did not exist; with a backup the advice names the folder and the restore verb."""
    journal.add_sprint("Gothenburg 2011")
    journal.close()
    damaged = tmp_path / "damaged" / "gothenburg.sprintjournal"
    damaged.parent.mkdir()
    damaged.write_bytes(journal_path.read_bytes()[:8192])
    advice: list[str] = []

    def read_and_quit(dialog: QWidget) -> None:
        assert isinstance(dialog, JournalErrorDialog)
        advice.append(dialog.informativeText())
        give_up(dialog)

    when_modal(read_and_quit)
    assert open_journal(None, damaged, at_startup=True) is None
    assert "No backup of it was found" in advice[0] and "backups" not in advice[0]
    kept = damaged.parent / "backups" / "gothenburg-20111103-101500-auto.sprintjournal"
    kept.parent.mkdir()
    kept.write_bytes(journal_path.read_bytes())
    when_modal(read_and_quit)
    assert open_journal(None, damaged, at_startup=True) is None
    assert str(kept.parent) in advice[1] and "sprintjournal restore" in advice[1]
