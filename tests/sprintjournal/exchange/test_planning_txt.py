"""planning.txt stand-up notes as PyPy really wrote them."""

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from locations import SAMPLES

from sprintjournal.exchange.planning_txt import (
    ParsedPlanning,
    PlanItem,
    parse_planning_txt,
    to_standup_docs,
)


def _planning(name: str, known: list[str] | None = None) -> ParsedPlanning:
    return parse_planning_txt((SAMPLES / name).read_text(encoding="utf-8"), known)


def _item(parsed: ParsedPlanning, starts: str) -> PlanItem:
    matches = [item for item in parsed.items if item.text.startswith(starts)]
    assert len(matches) == 1, (starts, parsed.items)
    return matches[0]


def test_gothenburg_2011_2_present_done_and_today() -> None:
    parsed = _planning("gothenburg-2011-2/planning.txt")
    assert parsed.present == ["Christian Timser", "Hakan Ardo"]
    target = _item(parsed, "the TARGET resoperation")
    assert (target.section, target.people, target.line) == ("today", ["Hakan", "Armin"], 24)
    tuples = _item(parsed, "specialized 2-tuples")
    assert (tuples.section, tuples.people) == ("today", ["Mark", "Anto"])
    assert _item(parsed, "win64").people == ["Christian"]
    done = [item for item in parsed.items if item.section == "done"]
    assert len(done) == 5
    assert _item(parsed, "Hakan refactors unrolling").text.endswith("possible JUMP target.")
    assert _item(parsed, "Andrew Dalke").people == ["Andrew Dalke", "Sam Lade"]
    assert all(item.needs_review for item in done)
    assert parsed.problems == []


def test_known_names_confirm_people_in_prose() -> None:
    known = ["Christian", "Hakan", "Armin", "Mark", "Andrew Dalke", "Sam"]
    parsed = _planning("gothenburg-2011-2/planning.txt", known)
    christian = _item(parsed, "Christian works")
    assert (christian.people, christian.needs_review) == (["Christian"], False)
    assert _item(parsed, "Andrew Dalke").people == ["Andrew Dalke", "Sam Lade"]
    stranger = parse_planning_txt("done so far:\n  Zed fixed the build\n", ["Armin"])
    assert stranger.items[0].people == []
    assert stranger.items[0].review_reason
    assert "Zed" in stranger.items[0].review_reason


def test_gothenburg_2011_tasks_statuses_and_groups() -> None:
    parsed = _planning("gothenburg-2011/planning.txt")
    assert parsed.present == ["Armin", "Laura", "Lukas", "Romain", "Dario"]
    release = _item(parsed, "release 1.5")
    assert (release.status, release.section) == ("DONE", "done")
    slicing = _item(parsed, "start playing with stack slicing")
    assert (slicing.status, slicing.people, slicing.section) == (
        "STARTED",
        ["Armin", "Kristján"],
        "today",
    )
    guards = _item(parsed, "out-of-line guards")
    assert guards.status == "TO BE MERGED"
    assert guards.parent == "branches to be integrated/finished afterwards"
    assert _item(parsed, "refactor-not-in-translator").status == "READY?"
    set_object = _item(parsed, "lukas' branches: set-object")
    assert (set_object.status, set_object.people) == ("IN PROGRESS", ["lukas"])
    assert _item(parsed, "investigate Open End").section == "done"
    feedback = _item(parsed, "feedback to wesley chun's paragraphs")
    assert (feedback.people, feedback.parent) == (["Armin", "Laura"], "other tasks")
    assert _item(parsed, "save files").parent == "codespeak migration"
    assert _item(parsed, "codespeak migration").parent == "presentations/discussions"
    assert "branches to be integrated/finished afterwards" in parsed.headings
    assert not any(item.text == "other tasks" for item in parsed.items)


def test_genova_sprintplanning_numbered_items() -> None:
    parsed = _planning("genova-pegli-2011/sprintplanning.txt")
    assert parsed.present[:2] == ["arigato", "antocuni"]
    assert len(parsed.present) == 7
    cython = _item(parsed, "cython backend")
    assert (cython.status, cython.people, cython.number) == (
        "not done",
        ["anto", "hardshooter"],
        "1",
    )
    assert cython.section == "today"
    crowd = _item(parsed, "crowdsourcing")
    assert (crowd.status, crowd.people) == ("half done", ["lac", "all"])
    assert "Industry approach" in crowd.text
    assert crowd.needs_review
    gil = _item(parsed, "discuss GIL removal plan")
    assert (gil.status, gil.section, gil.people) == ("DONE", "done", ["arigo", "all"])
    assert _item(parsed, "windows on 64 bit").status == "in-progress"
    tealet = _item(parsed, "status of tealet")
    assert tealet.people == ["tismer", "arigo"]
    assert "proof of concept works" in tealet.text
    assert _item(parsed, "visiting Genova").section == "done"
    assert _item(parsed, "investigate the fannkuch").people == ["anto", "romain"]
    assert any(text.startswith("we actually did bug 767") for text in parsed.free_text)
    assert any("access point" in text for text in parsed.free_text)


def test_to_standup_docs() -> None:
    parsed = _planning("gothenburg-2011/planning.txt")
    docs = to_standup_docs(parsed, date(2011, 4, 26))
    assert len(docs) == len(parsed.items)
    guards = next(doc for doc in docs if "out-of-line guards" in doc.text)
    assert guards.text == "branches to be integrated/finished afterwards: out-of-line guards"
    assert (guards.day, guards.section, guards.status) == (
        date(2011, 4, 26),
        "today",
        "TO BE MERGED",
    )
    prose = to_standup_docs(_planning("gothenburg-2011-2/planning.txt"), date(2011, 11, 5))
    assert any(doc.needs_review and doc.review_reason for doc in prose if doc.section == "done")


def test_empty_present_list_is_reported() -> None:
    parsed = parse_planning_txt("people present:\n\ntoday:\n  win64: Christian\n")
    assert [str(problem) for problem in parsed.problems] == ["line 1: no names under this heading"]
    assert parsed.items[0].people == ["Christian"]


def _output_text(parsed: ParsedPlanning) -> str:
    parts = [*parsed.present, *parsed.free_text, *parsed.headings]
    parts += [str(problem) for problem in parsed.problems]
    for item in parsed.items:
        parts += [item.text, item.status or "", *item.people, item.parent or "", item.number or ""]
    return "\n".join(parts)


LINE = st.one_of(
    st.sampled_from(
        [
            "",
            "people present:",
            "present arigato antocuni",
            "done so far:",
            "today:",
            "tasks:",
            "- release 1.5 DONE",
            "    - nested (Armin, Laura) IN PROGRESS",
            "1.  cython backend (anto hardshooter) (not done)",
            "Christian works on win64",
            "the TARGET resoperation: Hakan, Armin",
            "(feedback: Armin)",
        ]
    ),
    st.text(alphabet="abcÅé XYZ09:-()?,+.\t", max_size=40),
)


@settings(max_examples=300)
@given(st.lists(LINE, max_size=16))
def test_parser_never_raises_and_keeps_every_word(lines: list[str]) -> None:
    text = "\n".join(lines)
    parsed = parse_planning_txt(text)
    output = _output_text(parsed)
    for word in re.findall(r"\w+", text):
        assert word in output, word


@given(st.text())
def test_parser_never_raises_on_any_text(text: str) -> None:
    parse_planning_txt(text, ["Armin"])
