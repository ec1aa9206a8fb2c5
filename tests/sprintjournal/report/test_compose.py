"""The composed draft of the demo sprint (PyPy, Gothenburg, November 2011) told as a story.

The fidelity checks read the draft as a reader would: rendered to HTML and back to plain text, so
Markdown escapes cannot hide or fake a fact. The facts come from the demo's own file, so a fact
added to the demo is checked without editing this test.
"""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from story_checks import (
    blocks,
    empty_headings,
    leaks,
    numeral_initial,
    plain,
    repeated_labels,
    repeated_sentences,
    sentences,
    told_count,
)

from sprintjournal.demo import build_demo, demo_text
from sprintjournal.exchange.json_io import parse_document
from sprintjournal.exchange.schema import SprintDoc
from sprintjournal.journal import Journal
from sprintjournal.report.compose import (
    ReportTemplateError,
    compose_draft,
    generate,
    regenerate,
)
from sprintjournal.report.sentences import lower_first

DOC = parse_document(demo_text(), "demo")
NOVEMBER: SprintDoc = DOC.sprints[-1]
PEOPLE = [p.name for p in DOC.people]
WITH_PEOPLE = [b for b in NOVEMBER.branches if b.people]
TOLD = [b for b in NOVEMBER.branches if b.people or b.results or b.figures]


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


@pytest.mark.parametrize("name", [a.person for a in NOVEMBER.attendees])
def test_every_attendee_is_named_in_full_once_in_the_opening(draft: str, name: str) -> None:
    opening = plain(draft.split("\n## ", 1)[0])
    assert name in opening


@pytest.mark.parametrize("branch", TOLD, ids=lambda b: b.name)
def test_each_strand_is_told_once_with_its_goal_results_figures_and_links(
        draft: str, branch: SprintDoc) -> None:
    text = plain(draft)
    assert told_count(draft, branch.name) == 1, "each strand is told once"
    if branch.goal:
        goal = branch.goal.rstrip(".")
        assert text.count(goal) + text.count(lower_first(goal)) == 1
    for result in branch.results:
        assert text.count(result) == 1, result
    for fig in branch.figures:
        assert fig.value in text and fig.compared_with in text
        assert f"{fig.value} than {fig.compared_with}".strip() in text or not fig.compared_with
    for link in branch.links:
        assert f"**[{branch.name}]({link})**" in draft


def test_a_planned_discussion_nobody_took_up_is_left_out(draft: str) -> None:
    untold = [b.name for b in NOVEMBER.branches if b not in TOLD]
    assert untold == ["numpy-py3k-kickoff"]
    assert "numpy-py3k-kickoff" not in draft


def test_marked_stand_up_items_and_paragraphs_are_told_once_in_day_order(draft: str) -> None:
    text = plain(draft)
    marked = [i for i in NOVEMBER.standup if i.publish]
    assert marked
    for item in marked:
        assert text.count(item.text) == 1, item.text
    by_branch: dict[str, list[int]] = {}
    for item in marked:
        by_branch.setdefault(item.branch or "", []).append(text.index(item.text))
    for branch, places in by_branch.items():
        assert places == sorted(places), f"{branch}: stand-up sentences out of day order"


def test_nothing_private_appears(draft: str) -> None:
    assert leaks(draft, NOVEMBER, PEOPLE) == []
    for private in ("Dinner", "Stand-up at 10", "blog post", "Wi-Fi", "taxi", "vegetarian",
                    "Hotel Poseidon", "SGS Veckob", "train home", "cats", "mushrooms"):
        assert private not in draft


def test_only_the_confirmed_newcomer_is_welcomed(draft: str) -> None:
    text = plain(draft)
    assert "A special welcome to Mark Pearse, who came to a PyPy sprint for the first time." in text
    assert text.count("welcome") == 1
    # Andrew Dalke's flag is unknown although this is his first sprint in the journal
    assert next(a for a in NOVEMBER.attendees if a.person == "Andrew Dalke").newcomer is None
    assert "first sprint with us" not in text


def test_the_confirmed_ordinal_is_printed_as_confirmed(draft: str) -> None:
    assert "It was the second PyPy sprint in Gothenburg in 2011." in plain(draft)


def test_people_are_woven_into_the_work_with_pairs_and_how_long(draft: str) -> None:
    text = plain(draft)
    assert "Mark, with some help from Antonio, worked on the SpecialisedTuple branch" in text
    assert "Mark paired with Antonio for a couple of days, then carried on alone." in text
    assert "Håkan, with some help from Armin," in text
    # the all-hands item of 4 November (nine people) pairs nobody
    assert len(re.findall(r"paired with", text)) == 4
    body = text.split("for the first time.", 1)[1].split("Thanks to", 1)[0]
    assert "Jacob" not in body


def test_no_numeral_initial_sentence_no_repeated_sentence_or_label(draft: str) -> None:
    assert numeral_initial(draft) == []
    assert repeated_sentences(draft) == []
    assert repeated_labels(draft) == []


def test_hosts_are_thanked_once(draft: str) -> None:
    thanks = [s for s in sentences(draft) if "thank" in s.casefold()]
    assert thanks == ["Thanks to everyone who came, and to Laura and Jacob for having us."]
    assert "hosted the sprint" not in draft
    assert "## Laura Creighton" not in draft and "## Jacob Hallén" not in draft


def test_no_empty_heading(draft: str) -> None:
    assert empty_headings(draft) == []


def test_the_topic_with_figures_but_no_people_is_told(draft: str) -> None:
    text = plain(draft)
    assert "There was also speed, whose goal is to celebrate PyPy" in text
    assert "The speed page today: 4.7 times faster than CPython 2.7." in text


def test_photo_sits_beside_its_strand_and_its_caption_names_who_is_in_it(draft: str) -> None:
    photo = re.search(r"!\[([^\]]*)\]\(photo:\d+\)\n\*([^*]+)\*", draft)
    assert photo is not None
    alt, caption = photo.group(1), photo.group(2)
    assert "Armin Rigo" in caption and "Håkan Ardö" in caption
    assert alt != caption
    section = draft[:photo.start()].rsplit("\n## ", 1)[1].split("\n", 1)[0]
    assert section == "speed"


def test_short_names_keep_every_given_name(draft: str) -> None:
    text = plain(draft)
    for word in ("Mark", "Antonio", "Armin", "Håkan", "Andrew", "Christian"):
        assert word in text


def test_the_real_post_strands_are_all_there(draft: str) -> None:
    """The facts of the real Gothenburg post, in our own words (see the demo resource)."""
    text = plain(draft)
    for fact in ("BLCR and DMTCP", "ctypes.Structure", "about 400 times faster",
                 "file.readlines() got faster", "software transactional memory",
                 "wrong calling convention", "jit-targets", "f2pypy", "BLAS",
                 "a C long is as wide as a void*", "the third 90%", "Genova-Pegli",
                 "2 to 4 person-weeks", "4.7", "5× faster than CPython",
                 "test-driven development"):
        assert fact in text, fact


def test_by_person_follows_the_attendee_order_and_by_topic_the_branch_order(
        demo: tuple[Journal, int]) -> None:
    journal, sprint_id = demo
    person = compose_draft(journal, sprint_id, "person")
    headings = re.findall(r"^## (.+)$", person, flags=re.MULTILINE)
    assert headings[:6] == ["Mark Pearse", "Antonio Cuni", "Armin Rigo", "Håkan Ardö",
                            "Andrew Dalke", "Christian Tismer"]
    topic = compose_draft(journal, sprint_id, "branch")
    headings = re.findall(r"^## (.+)$", topic, flags=re.MULTILINE)
    assert headings[:-1] == [b.name for b in TOLD]
    assert headings[-1] == "Wrapping up"


def test_paragraphs_are_prose_not_label_lines(draft: str) -> None:
    for block in blocks(draft):
        assert not block.startswith(("The goal:", "The result:", "The results:"))


# -- templates and regenerating ------------------------------------------------------------------

def test_user_template_sees_the_same_data(journal: Journal, tmp_path: Path) -> None:
    sid = journal.add_sprint("T", project="PyPy", place="Leysin").id
    journal.add_attendee(sid, "*Armin*", diet="vegan", accommodation="Hotel X")
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "Sprint at {{ r.sprint.place }} with "
        "{{ r.attendees | map(attribute='person.name') | map('md') | join_names }}"
    )
    assert compose_draft(journal, sid, template=template) == "Sprint at Leysin with \\*Armin\\*\n"


def test_a_user_template_cannot_reach_private_fields(journal: Journal, tmp_path: Path) -> None:
    sid = journal.add_sprint("T", project="PyPy", place="Leysin").id
    journal.add_attendee(sid, "Armin Rigo", diet="vegan", accommodation="Hotel X")
    template = tmp_path / "mine.md.j2"
    template.write_text("{{ r.attendees[0].diet }}")
    with pytest.raises(ReportTemplateError, match="diet"):
        compose_draft(journal, sid, template=template)


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
