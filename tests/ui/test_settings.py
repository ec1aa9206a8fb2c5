"""remember_journal: File ▸ Open recent, rewritten only when its order changes."""

from sprintjournal_ui.settings import app_settings, recent_journals, remember_journal

from sprintjournal.paths import data_dir


def test_a_journal_goes_first_and_reopening_it_leaves_the_file_alone(qapp: object) -> None:
    remember_journal("/journals/gothenburg.sprintjournal")
    remember_journal("/journals/leysin.sprintjournal")
    assert recent_journals() == ["/journals/leysin.sprintjournal",
                                 "/journals/gothenburg.sprintjournal"]
    settings_file = data_dir() / "window-state.ini"
    written = settings_file.read_bytes()
    settings_file.write_bytes(written + b"\n; a mark the next write would drop\n")
    remember_journal("/journals/leysin.sprintjournal")  # already first: nothing to write
    app_settings().sync()
    assert settings_file.read_bytes().endswith(b"; a mark the next write would drop\n")
    remember_journal("/journals/gothenburg.sprintjournal")  # a change of order is written
    assert recent_journals()[0] == "/journals/gothenburg.sprintjournal"
    app_settings().sync()
    assert b"a mark the next write would drop" not in settings_file.read_bytes()
