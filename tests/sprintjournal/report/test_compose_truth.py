"""The draft of generated journals: truthful, private by default, a story in either order.

Each journal is built from a seed: attendees with private logistics, branches with and without
people, stand-up items shared by one, two or many people, notes with marked and unmarked
paragraphs. Private text carries the token PRIVATE and public text the token PUBLIC, so a
check can say exactly which sentence leaked or went missing.
"""

import random
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from story_checks import (
    empty_headings,
    numeral_initial,
    plain,
    repeated_labels,
    sentences,
    told_count,
)

from sprintjournal.journal import Journal
from sprintjournal.publish import marks_for
from sprintjournal.report.compose import compose_draft
from sprintjournal.report.export import export_report
from sprintjournal.report.formats import formats
from sprintjournal.report.suggestions import confirm, decline, suggestions

FORMATS = tuple(formats())

NAMES = ["Carl Friedrich Bolz", "Guido van Rossum", "Ada Lovelace", "Ada Byron",
         "Maciej Fijałkowski", "Håkan Ardö", "Armin Rigo", "Laura Creighton", "Jacob Hallén",
         "Mark Pearse", "Antonio Cuni", "Samuele Pedroni"]
START = date(2024, 3, 4)
STATUSES = ["planned", "in progress", "blocked", "done", "merged", "abandoned"]


def build(journal: Journal, seed: int) -> tuple[int, dict[str, object]]:
    """A random sprint; returns its id and what was entered that the checks need."""
    rnd = random.Random(seed)
    sid = journal.add_sprint(f"Sprint {seed}", project="PyPy", place="Leysin", venue="the chalet",
                             start=START, end=START + timedelta(days=5)).id
    people = rnd.sample(NAMES, rnd.randint(3, len(NAMES)))
    confirmed = []
    for n, name in enumerate(people):
        newcomer = rnd.choice([None, None, True, False])
        host = n < 2 and rnd.random() < 0.5
        if newcomer and not host:
            confirmed.append(name)
        journal.add_attendee(sid, name, host=host, newcomer=newcomer,
                             diet=f"PRIVATE diet {n}", accommodation=f"PRIVATE room {n}",
                             notes=f"PRIVATE attendee note {n}")
    branches, public_items, public_paras, planned_worked = [], [], [], []
    for b in range(rnd.randint(1, 6)):
        who = rnd.sample(people, rnd.randint(0, min(3, len(people))))
        results = rnd.choice([[], [f"{b + 2} PUBLIC result of b{b}"], [f"PUBLIC result b{b}",
                                                                      f"PUBLIC second b{b}"]])
        figures = rnd.choice([[], [{"what": f"PUBLIC speed b{b}", "value": "about 3.5 times faster",
                                    "compared_with": "CPython 2.7"}]])
        name = f"branch-{b}"
        journal.add_branch(sid, name, who, goal=rnd.choice(["", f"Make b{b} PUBLIC goal work."]),
                           status=rnd.choice(STATUSES), results=results, figures=figures,
                           links=[f"https://example.org/b{b}"], notes=f"PRIVATE branch note {b}",
                           notes_publish=False)
        branches.append((name, who, results, figures))
    ids = {b.name: b.id for b in journal.list_branches(sid)}
    for n in range(rnd.randint(0, 14)):
        day = START + timedelta(days=rnd.randint(0, 5))
        who = rnd.sample(people, rnd.choice([1, 1, 2, 2, len(people)]))
        branch = rnd.choice([None, *(b[0] for b in branches)])
        publish = rnd.random() < 0.5
        text = f"{'PUBLIC' if publish else 'PRIVATE'} item {n} on {branch or 'nothing'}"
        if publish and rnd.random() < 0.3:
            text = f"{n + 2}-tuples and PUBLIC item {n}"
        item = journal.add_standup_item(sid, day, rnd.choice(["done", "today"]), text, who,
                                        branch_id=ids.get(branch or "")).id
        if publish:
            journal.update_standup_item(item, publish=True)
            public_items.append(text)
    for n in range(rnd.randint(0, 4)):
        paras = [f"PUBLIC paragraph {n}.{k} about #{rnd.choice(list(ids) or ['x'])}"
                 if k % 2 == 0 else f"PRIVATE paragraph {n}.{k}: Dinner at 7" for k in range(3)]
        text = "\n\n".join(paras)
        note = journal.add_note(sid, START + timedelta(days=n), text).id
        journal.set_note_publish(note, marks_for(text, [0, 2]))
        public_paras += [paras[0], paras[2]]
    for b in journal.list_branches(sid):
        if b.status == "planned" and any(i.branch_id == b.id for i in journal.list_standup(sid)):
            planned_worked.append(b.name)
    return sid, {"confirmed": confirmed, "branches": branches, "items": public_items,
                 "paras": public_paras, "people": people, "planned_worked": planned_worked}


SEEDS = range(12)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("group_by", ["person", "branch"])
def test_generated_journal_draft_is_truthful_private_and_a_story(
        journal: Journal, seed: int, group_by: str) -> None:
    sid, facts = build(journal, seed)
    draft = compose_draft(journal, sid, group_by)
    text = plain(draft)
    assert "PRIVATE" not in draft
    welcomed = re.findall(r"A special welcome to (.+?), who", text)
    if facts["confirmed"]:
        assert welcomed, "a confirmed newcomer is welcomed"
        for name in facts["people"]:  # type: ignore[attr-defined]
            assert (name in welcomed[0]) == (name in facts["confirmed"])  # type: ignore[operator]
    else:
        assert not welcomed
    assert "It was the" not in text and "sprint of 2024" not in text
    for name, who, results, figures in facts["branches"]:  # type: ignore[attr-defined]
        mentioned = any(i.endswith(f"on {name}") for i in facts["items"]) or any(  # type: ignore[attr-defined]
            f"#{name}" in p for p in facts["paras"])  # type: ignore[attr-defined]
        told = bool(who or results or figures or mentioned)
        assert told_count(draft, name) == (1 if told else 0), name
        for result in results:
            assert text.count(result) == 1
        for fig in figures:
            assert f"{fig['what']}: {fig['value']} than {fig['compared_with']}." in text
    for item in facts["items"]:  # type: ignore[attr-defined]
        assert text.count(item) == 1, item
    for para in facts["paras"]:  # type: ignore[attr-defined]
        assert plain(para.replace("#", "")) in text
    for name in facts["planned_worked"]:  # type: ignore[attr-defined]
        section = text.split(f"{name}", 1)[1][:400]
        assert "not started" not in section
    assert numeral_initial(draft) == []
    assert repeated_labels(draft) == []
    assert empty_headings(draft) == []
    assert len([s for s in sentences(draft) if "thank" in s.casefold()]) == 1


@pytest.mark.parametrize("seed", [1, 5])
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_private_text_in_any_format(journal: Journal, tmp_path: Path, seed: int,
                                       fmt: str) -> None:
    sid, _facts = build(journal, seed)
    written = export_report(journal, sid, fmt, tmp_path / fmt)
    assert written
    for path in written:
        if path.suffix in (".md", ".html", ".txt"):
            body = path.read_text(encoding="utf-8")
            assert "PRIVATE" not in body, path.name
            assert "PUBLIC" in body or not _has_public(journal, sid)


def _has_public(journal: Journal, sid: int) -> bool:
    return bool(journal.list_branches(sid))


def test_a_fresh_journal_with_unknown_newcomer_flags_welcomes_nobody(journal: Journal) -> None:
    sid = journal.add_sprint("Fresh", project="PyPy", place="Gothenburg",
                             start=date(2011, 11, 2), end=date(2011, 11, 9)).id
    for name in ("Armin Rigo", "Carl Friedrich Bolz", "Antonio Cuni"):
        journal.add_attendee(sid, name)
    assert all(a.newcomer for a in journal.list_attendees(sid))  # the guess...
    text = plain(compose_draft(journal, sid))
    assert "welcome" not in text.casefold()  # ...is never printed
    assert "first sprint" not in text and "first time" not in text


def test_newcomer_guesses_are_suggested_and_printed_once_confirmed(journal: Journal) -> None:
    sid = journal.add_sprint("Fresh", project="PyPy", place="Gothenburg").id
    journal.add_attendee(sid, "Armin Rigo")
    journal.add_attendee(sid, "Mark Pearse")
    journal.add_attendee(sid, "Laura Creighton", host=True)
    offered = [s for s in suggestions(journal, sid) if s.kind == "newcomer"]
    assert [s.text.split(":")[0] for s in offered] == ["Armin Rigo", "Mark Pearse"]
    confirm(journal, offered[1])
    decline(journal, offered[0])
    text = plain(compose_draft(journal, sid))
    assert "A special welcome to Mark Pearse, who came to a PyPy sprint for the first time." in text
    assert "Armin Rigo, who" not in text
    assert [s for s in suggestions(journal, sid) if s.kind == "newcomer"] == []


def test_the_ordinal_is_a_suggestion_until_confirmed(journal: Journal) -> None:
    spring = journal.add_sprint("Spring", project="PyPy", place="Gothenburg",
                                start=date(2011, 4, 25), end=date(2011, 5, 1)).id
    autumn = journal.add_sprint("Autumn", project="PyPy", place="Gothenburg",
                                start=date(2011, 11, 2), end=date(2011, 11, 9)).id
    assert spring
    assert "second" not in compose_draft(journal, autumn)
    offered = [s for s in suggestions(journal, autumn) if s.kind == "ordinal"]
    assert [s.text.split(" (")[0] for s in offered] == [
        "The second PyPy sprint of 2011", "The second PyPy sprint in Gothenburg in 2011"]
    confirm(journal, offered[1])
    assert "It was the second PyPy sprint in Gothenburg in 2011." in plain(
        compose_draft(journal, autumn))
    assert [s for s in suggestions(journal, autumn) if s.kind == "ordinal"] == []


def test_a_status_the_stand_up_contradicts_is_not_printed_but_suggested(journal: Journal) -> None:
    sid = journal.add_sprint("S", project="PyPy", place="Bern", start=date(2024, 1, 8),
                             end=date(2024, 1, 12)).id
    journal.add_branch(sid, "py3k", ["Armin Rigo"], status="planned")
    bid = journal.list_branches(sid)[0].id
    journal.add_standup_item(sid, date(2024, 1, 9), "done", "py3k tests pass", ["Armin Rigo"],
                             branch_id=bid, status="done")
    text = plain(compose_draft(journal, sid))
    assert "py3k" in text and "planned" not in text and "not started" not in text
    offered = [s for s in suggestions(journal, sid) if s.kind == "status"]
    assert len(offered) == 1 and "Set it to done?" in offered[0].text
    confirm(journal, offered[0])
    assert journal.list_branches(sid)[0].status == "done"


def test_short_names_keep_every_given_name_and_avoid_clashes(journal: Journal) -> None:
    sid = journal.add_sprint("S", project="PyPy").id
    journal.add_branch(sid, "jit", ["Carl Friedrich Bolz", "Guido van Rossum"], status="done")
    journal.add_branch(sid, "gc", ["Ada Lovelace"], status="done")
    journal.add_branch(sid, "ast", ["Ada Byron"], status="done")
    text = plain(compose_draft(journal, sid, "branch"))
    assert "Carl Friedrich and Guido worked on the jit branch" in text
    assert "Ada Lovelace worked on the gc branch" in text
    assert "Ada Byron worked on the ast branch" in text


def test_an_all_hands_item_pairs_nobody_and_loose_items_stand_alone(journal: Journal) -> None:
    sid = journal.add_sprint("S", project="PyPy", start=date(2024, 1, 8),
                             end=date(2024, 1, 12)).id
    crowd = ["Armin Rigo", "Antonio Cuni", "Håkan Ardö", "Mark Pearse", "Laura Creighton"]
    for name in crowd:
        journal.add_attendee(sid, name)
    journal.add_branch(sid, "stm", ["Armin Rigo"], status="in progress")
    bid = journal.list_branches(sid)[0].id
    journal.add_standup_item(sid, date(2024, 1, 9), "today", "everyone on stm", crowd,
                             branch_id=bid)
    loose = journal.add_standup_item(sid, date(2024, 1, 10), "done",
                                     "Jacob Hallén and Michael Foord paired up on the docs",
                                     ["Mark Pearse"]).id
    journal.update_standup_item(loose, publish=True)
    for group_by in ("person", "branch"):
        draft = compose_draft(journal, sid, group_by)
        text = plain(draft)
        assert "paired with" not in text
        assert "also worked on Jacob" not in text
        assert "On Wednesday, Jacob Hallén and Michael Foord paired up on the docs." in text
        assert "## Also this week" in draft


def test_work_with_results_but_no_people_is_kept_in_both_orders(journal: Journal) -> None:
    sid = journal.add_sprint("S", project="PyPy").id
    journal.add_attendee(sid, "Armin Rigo")
    journal.add_branch(sid, "speed", [], status="done", results=["the speed page is updated"],
                       figures=[{"what": "PyPy", "value": "4.7x faster",
                                 "compared_with": "CPython 2.7"}],
                       links=["https://speed.pypy.org/"])
    for group_by in ("person", "branch"):
        draft = compose_draft(journal, sid, group_by)
        text = plain(draft)
        assert "the speed page is updated" in text
        assert "PyPy: 4.7x faster than CPython 2.7." in text
        assert "**[speed](https://speed.pypy.org/)**" in draft
        assert empty_headings(draft) == []


def test_links_stay_in_by_person_order(journal: Journal) -> None:
    sid = journal.add_sprint("S", project="PyPy").id
    journal.add_branch(sid, "ffistruct", ["Antonio Cuni"], links=["https://example.org/ffi"])
    assert "[ffistruct](https://example.org/ffi)" in compose_draft(journal, sid, "person")


def test_a_journal_with_nothing_has_no_empty_heading(journal: Journal) -> None:
    sid = journal.add_sprint("Empty").id
    draft = compose_draft(journal, sid)
    assert empty_headings(draft) == []
    assert re.findall(r"^## (.+)$", draft, flags=re.MULTILINE) == ["Wrapping up"]
