"""Regenerating one section of the draft leaves every other section as the user edited it."""

from datetime import date

from sprintjournal.journal import Journal
from sprintjournal.report.compose import generate, regenerate_section
from sprintjournal.report.sections import replace_section, section_titles, split_sections


def _sprint(journal: Journal) -> int:
    sid = journal.add_sprint("S", project="PyPy", place="Leysin", start=date(2024, 1, 8),
                             end=date(2024, 1, 12)).id
    journal.add_attendee(sid, "Armin Rigo")
    journal.add_branch(sid, "stm", ["Armin Rigo"], goal="Run threads without a GIL.")
    journal.add_branch(sid, "jit", ["Armin Rigo"], goal="Make the JIT faster.")
    return sid


def test_sections_are_split_by_level_two_headings_outside_code() -> None:
    text = "Opening.\n\n## A\n\nText\n\n```\n## not a heading\n```\n\n## B\n\nMore\n"
    assert section_titles(text) == ["", "A", "B"]
    assert "".join(t for _title, t in split_sections(text)) == text


def test_one_section_is_regenerated_and_the_others_keep_their_edits(journal: Journal) -> None:
    sid = _sprint(journal)
    draft = generate(journal, sid, "branch")
    assert section_titles(draft) == ["", "stm", "jit", "Wrapping up"]
    edited = draft.replace("make the JIT faster", "make the JIT faster (my words)").replace(
        "Thanks to everyone", "Big thanks to everyone")
    edited = edited.replace("run threads without a GIL", "OLD GOAL TEXT")
    journal.save_report(sid, text=edited)
    journal.update_branch(journal.list_branches(sid)[0].id, goal="Run threads, no GIL at all.")

    new = regenerate_section(journal, sid, "stm", "branch")
    assert "run threads, no GIL at all" in new and "OLD GOAL TEXT" not in new
    assert "(my words)" in new and "Big thanks to everyone" in new
    assert journal.get_report(sid).text == edited, "nothing is saved by the composer"


def test_a_section_new_in_the_fresh_draft_is_inserted_in_its_place() -> None:
    current = "Opening.\n\n## A\n\nmine A\n\n## C\n\nmine C\n"
    fresh = "Opening.\n\n## A\n\nnew A\n\n## B\n\nnew B\n\n## C\n\nnew C\n"
    assert replace_section(current, fresh, "B") == (
        "Opening.\n\n## A\n\nmine A\n\n## B\n\nnew B\n\n## C\n\nmine C\n")
    assert replace_section(current, fresh, "") == current
    assert replace_section(current, "Opening.\n\n## A\n\nnew A\n", "C") == (
        "Opening.\n\n## A\n\nmine A\n\n")
