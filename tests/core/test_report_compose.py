"""The composed draft of the demo sprint (PyPy, Gothenburg, November 2011): every fact, in prose.

The fidelity checks read the draft as a reader would: rendered to HTML and back to plain text, so
Markdown escapes cannot hide or fake a fact.
"""

import html
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from sprintjournal.demo import build_demo
from sprintjournal.journal import Journal
from sprintjournal.report.compose import (
    ReportTemplateError,
    compose_draft,
    generate,
    regenerate,
)
from sprintjournal.report.render import markdown_to_html

ATTENDEES = [
    "Jacob Hallén",
    "Laura Creighton",
    "Armin Rigo",
    "Maciej Fijałkowski",
    "Antonio Cuni",
    "Håkan Ardö",
    "Sam Lade",
    "Mark Pearse",
    "Christian Tismer",
    "Andrew Dalke",
]
BRANCHES = {
    "SpecialisedTuple": (
        "Specialise small tuples of ints, floats and strings so their items are stored unboxed.",
        "is still in progress",
        ["2-tuples of ints, floats and strings are specialised"],
    ),
    "ffistruct": (
        "Let the JIT read and write fields of C structs directly from _ffi.",
        "has been merged",
        ["field access about 400 times faster than ctypes"],
    ),
    "stm": (
        "Software transactional memory as a way to run Python threads without the GIL.",
        "is still in progress",
        ["a first transactional run of the interpreter loop"],
    ),
    "jit-targets": (
        "A TARGET resoperation so a loop can jump into the middle of another loop.",
        "is still in progress",
        ["unrolling refactored around TARGET"],
    ),
    "win64": ("Run PyPy on 64-bit Windows.", "is still in progress", ["the third 90%"]),
    "numpy-f2py": (
        "Find out how f2py-generated extensions could work with PyPy's numpy.",
        "is planned",
        [],
    ),
}
PAIRS = [
    ("Mark Pearse", "Antonio Cuni"),
    ("Håkan Ardö", "Armin Rigo"),
    ("Andrew Dalke", "Sam Lade"),
]
CAPTION = "A cake to celebrate PyPy being 5× faster than CPython"


def plain(markdown_text: str) -> str:
    """What a reader sees: rendered, tags removed, entities decoded, whitespace collapsed."""
    text = re.sub(r"</?(strong|em|code|a|span)\b[^>]*>", "", markdown_to_html(markdown_text))
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(html.unescape(text).split())


def sections(markdown_text: str) -> dict[str, str]:
    """The plain text of each ### section, by its heading."""
    parts = re.split(r"^### (.+)$", markdown_text, flags=re.MULTILINE)
    return {plain(title): plain(body) for title, body in zip(parts[1::2], parts[2::2], strict=True)}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Journal, int]]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SPRINTJOURNAL_HOME", str(tmp_path_factory.mktemp("home")))
        journal = Journal(tmp_path_factory.mktemp("demo") / "demo.sprintjournal")
        sprint_id = build_demo(journal)
        yield journal, sprint_id
        journal.close()


@pytest.fixture(scope="module", params=["person", "branch"])
def draft(request: pytest.FixtureRequest, demo: tuple[Journal, int]) -> str:
    journal, sprint_id = demo
    return compose_draft(journal, sprint_id, group_by=request.param)


@pytest.mark.parametrize("name", ATTENDEES)
def test_every_attendee_is_named(draft: str, name: str) -> None:
    assert name in plain(draft)


@pytest.mark.parametrize("branch", BRANCHES)
def test_every_branch_has_its_goal_status_and_exact_results(draft: str, branch: str) -> None:
    goal, status, results = BRANCHES[branch]
    text = plain(draft)
    assert branch in text
    assert goal in text
    assert f"The {'topic' if branch == 'numpy-f2py' else 'branch'} {status}" in text
    for result in results:
        assert result in text


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_every_pairing_is_told_in_one_section(draft: str, a: str, b: str) -> None:
    together = [
        t
        for t in sections(draft).values()
        if (a.split()[0] in t and b in t) or (b.split()[0] in t and a in t)
    ]
    assert together, f"{a} and {b} never appear as a pair"


def test_the_pairs_checked_above_are_all_the_journals_pairs(demo: tuple[Journal, int]) -> None:
    journal, sprint_id = demo
    assert len(journal.pairs(sprint_id)) == len(PAIRS)
    for pair in journal.pairs(sprint_id):
        assert (pair.a.name, pair.b.name) in PAIRS or (pair.b.name, pair.a.name) in PAIRS


def test_photo_caption_is_placed_under_its_photo(draft: str) -> None:
    assert re.search(r"!\[[^\]]*\]\(photo:\d+\)\n\*" + re.escape(CAPTION) + r"\*", draft)


def test_venue_and_dates(draft: str) -> None:
    text = plain(draft)
    assert "at Laura and Jacob's flat" in text
    assert "from 2 to 9 November 2011" in text


def test_hosts_are_thanked(draft: str) -> None:
    assert "Many thanks to Jacob Hallén and Laura Creighton for hosting us" in plain(draft)


def test_newcomer_is_welcomed_by_name(draft: str) -> None:
    assert "A special welcome to Mark Pearse, who came to a PyPy sprint for the first time." in (
        plain(draft)
    )


def test_ordinal_of_the_sprint_in_its_year(draft: str) -> None:
    assert "the second PyPy sprint of 2011" in plain(draft)


def test_closing_paragraph_has_the_headline_results(draft: str) -> None:
    closing = plain(draft.split("## Wrapping up", 1)[1])
    assert "ffistruct: field access about 400 times faster than ctypes" in closing
    assert "win64: the third 90%" in closing
    assert "One piece of work was finished during the sprint: ffistruct." in closing
    assert ("Work goes on after the sprint on SpecialisedTuple, stm, jit-targets and win64."
            in closing)


def test_day_notes_are_included_but_not_the_organisers_undated_note(draft: str) -> None:
    text = plain(draft)
    assert "PyPy is now 5× faster than CPython, so Laura baked one to celebrate." in text
    assert "Wi-Fi password" not in text
    assert "@Laura" not in draft


def test_note_headings_are_nested_under_their_day(draft: str) -> None:
    assert "### Wednesday 2 November\n\n#### Arrival day" in draft


def test_prose_follows_the_data_one_person_or_several(journal: Journal) -> None:
    sid = journal.add_sprint(
        "Solo", project="Demo", place="Oslo", start=date(2024, 3, 1), end=date(2024, 3, 2)
    ).id
    journal.add_attendee(sid, "Ada Lovelace", host=True)
    journal.add_branch(
        sid,
        "engine",
        ["Ada Lovelace"],
        goal="Compute Bernoulli numbers.",
        status="done",
        results=["first program"],
    )
    text = plain(compose_draft(journal, sid, "branch"))
    assert "One person came: Ada Lovelace." in text
    assert "Many thanks to Ada Lovelace for hosting us" in text
    assert "Ada Lovelace took care of engine." in text
    assert "The branch is done" in text
    assert "The result: first program." in text
    assert "A special welcome" not in text
    assert "the first Demo sprint of 2024" in text


def test_several_results_become_a_list(journal: Journal) -> None:
    sid = journal.add_sprint("Two", project="P", place="X").id
    journal.add_branch(sid, "b", ["A B", "C D"], results=["one", "two"], status="merged")
    draft = compose_draft(journal, sid, "branch")
    assert "The results:\n\n- one\n- two" in draft
    assert "A B and C D worked together on **b**." in draft


def test_user_template_sees_the_same_data(journal: Journal, tmp_path: Path) -> None:
    sid = journal.add_sprint("T", project="PyPy", place="Leysin").id
    journal.add_attendee(sid, "*Armin*")
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "Sprint at {{ r.sprint.place }} with "
        "{{ r.attendees | map(attribute='person.name') | map('md') | join_names }}"
    )
    assert compose_draft(journal, sid, template=template) == "Sprint at Leysin with \\*Armin\\*\n"


def test_group_by_must_be_person_or_branch(journal: Journal) -> None:
    sid = journal.add_sprint("T").id
    with pytest.raises(ValueError, match="group_by"):
        compose_draft(journal, sid, group_by="day")


def test_generate_saves_the_draft_and_regenerate_never_overwrites(journal: Journal) -> None:
    sid = journal.add_sprint("T", project="PyPy", place="Bern").id
    journal.add_attendee(sid, "Armin Rigo")
    first = generate(journal, sid)
    report = journal.get_report(sid)
    assert report.text == report.generated_text == first
    assert report.title == "PyPy Bern sprint report"
    assert regenerate(journal, sid).user_edited is False

    journal.save_report(sid, text=first + "\nMy own closing words.\n")
    journal.add_attendee(sid, "Maciej Fijałkowski")
    result = regenerate(journal, sid)
    assert result.user_edited is True
    assert "-My own closing words." in result.diff
    assert "+" in result.diff and "Maciej Fijałkowski" in result.diff
    assert journal.get_report(sid).text == first + "\nMy own closing words.\n"


@pytest.mark.parametrize(("text", "problem"), [
    ("{% for x in %}", "line 1"),
    ("Hello {{ r.sprint.no_such_field }}", "no_such_field"),
    (b"\xff\xfe\x00bad", "cannot be used"),
])
def test_a_broken_user_template_gives_a_clear_error(journal: Journal, tmp_path: Path,
                                                    text: str | bytes, problem: str) -> None:
    sid = journal.add_sprint("T").id
    template = tmp_path / "mine.md.j2"
    if isinstance(text, bytes):
        template.write_bytes(text)
    else:
        template.write_text(text)
    with pytest.raises(ReportTemplateError, match=problem) as caught:
        compose_draft(journal, sid, template=template)
    assert str(template) in str(caught.value)


def test_a_missing_user_template_is_reported(journal: Journal, tmp_path: Path) -> None:
    sid = journal.add_sprint("T").id
    with pytest.raises(ReportTemplateError, match=r"gone\.md\.j2"):
        compose_draft(journal, sid, template=tmp_path / "gone.md.j2")
