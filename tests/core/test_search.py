"""Full-text search (FTS5): every kind of item, prefixes, accents, hostile input, sprint scope."""

import io
from datetime import date

import pytest
from PIL import Image

from sprintjournal.demo import build_demo
from sprintjournal.journal import Journal
from sprintjournal.records import SearchHit
from sprintjournal.usecases.search import fts_query


def small_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (200, 120, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def sprints(journal: Journal) -> tuple[int, int]:
    nov = journal.add_sprint("November", start=date(2011, 11, 2)).id
    spring = journal.add_sprint("Spring", start=date(2011, 4, 25)).id
    journal.add_person("Håkan Ardö", email="hakan@example.org")
    journal.add_note(nov, date(2011, 11, 4), "Refactored unrolling around the TARGET resoperation.")
    journal.add_standup_item(
        nov, date(2011, 11, 4), "done", "Specialised tuples of floats", status="blocked on review"
    )
    journal.add_branch(
        nov,
        "ffistruct",
        goal="Let the JIT read C structs",
        results=["400 times faster than ctypes"],
        notes="merged by Anto",
    )
    journal.add_photo(
        nov, small_jpeg(), "cake.jpg", caption="Birthday cake", alt="candles on chocolate"
    )
    journal.add_note(
        spring, date(2011, 4, 26), "Release day: PyPy 1.5 is out; unrolling untouched."
    )
    return nov, spring


def kinds(hits: list[SearchHit]) -> list[tuple[str, int | None]]:
    return sorted((h.kind, h.sprint_id) for h in hits)


def test_every_kind_of_item_is_found(journal: Journal, sprints: tuple[int, int]) -> None:
    nov, _ = sprints
    assert kinds(journal.search("resoperation")) == [("note", nov)]
    assert kinds(journal.search("floats")) == [("standup", nov)]
    assert kinds(journal.search("review")) == [("standup", nov)]  # the status text
    assert kinds(journal.search("ctypes")) == [("branch", nov)]  # results
    assert kinds(journal.search("Anto")) == [("branch", nov)]  # branch notes
    assert kinds(journal.search("hakan@example.org")) == [("person", None)]
    assert kinds(journal.search("cake")) == [("photo", nov)]
    assert kinds(journal.search("chocolate")) == [("photo", nov)]  # alt text


def test_hits_carry_the_item_id_and_a_marked_snippet(
    journal: Journal, sprints: tuple[int, int]
) -> None:
    (hit,) = journal.search("ffistruct")
    (branch,) = journal.list_branches(sprints[0])
    assert (hit.kind, hit.item_id) == ("branch", branch.id)
    assert "[ffistruct]" in hit.snippet


def test_search_as_you_type_matches_prefixes(journal: Journal, sprints: tuple[int, int]) -> None:
    assert kinds(journal.search("resop")) == [("note", sprints[0])]
    assert kinds(journal.search("refactored unro")) == [("note", sprints[0])]
    assert journal.search("unro refactored") == []  # only the last word is a prefix


def test_accents_are_folded_both_ways(journal: Journal, sprints: tuple[int, int]) -> None:
    assert kinds(journal.search("hakan")) == [("person", None)]
    assert kinds(journal.search("ARDÖ")) == [("person", None)]
    journal.add_note(sprints[0], None, "Dinner at the café near Järntorget")
    assert kinds(journal.search("cafe jarntorget")) == [("note", sprints[0])]


def test_edits_and_removals_update_the_index(journal: Journal, sprints: tuple[int, int]) -> None:
    nov = sprints[0]
    nid = journal.add_note(nov, None, "quokka").id
    assert [h.item_id for h in journal.search("quokka")] == [nid]
    journal.set_note_text(nid, "wombat")
    assert journal.search("quokka") == []
    assert [h.item_id for h in journal.search("wombat")] == [nid]
    journal.remove_note(nid)
    assert journal.search("wombat") == []


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        '""',
        "*",
        "AND",
        "OR",
        "NOT",
        "(",
        ")",
        "unrolling AND",
        '"unrolling',
        "NEAR(a b)",
        "-unrolling",
        "^unro",
        "body:unrolling",
        "{kind}",
        "'; DROP TABLE note; --",
        "   ",
        "",
        "🎂",
        "unrolling\x00",
        "a" * 2000,
    ],
)
def test_fts_syntax_in_user_input_never_raises(
    journal: Journal, sprints: tuple[int, int], hostile: str
) -> None:
    hits = journal.search(hostile)
    assert isinstance(hits, list)
    assert len(journal.list_notes(sprints[0])) == 1  # and nothing was harmed


def test_operator_words_are_searched_as_words(journal: Journal, sprints: tuple[int, int]) -> None:
    journal.add_note(sprints[0], None, "to be or not to be")
    assert kinds(journal.search("or not")) == [("note", sprints[0])]
    assert fts_query('AND (x* "y') == '"AND" "x" "y"*'


def test_results_are_limited_to_the_sprint_plus_people(
    journal: Journal, sprints: tuple[int, int]
) -> None:
    nov, spring = sprints
    assert kinds(journal.search("unrolling")) == sorted([("note", nov), ("note", spring)])
    assert kinds(journal.search("unrolling", sprint_id=nov)) == [("note", nov)]
    assert kinds(journal.search("unrolling", sprint_id=spring)) == [("note", spring)]
    assert kinds(journal.search("hakan", sprint_id=spring)) == [("person", None)]


def test_limit_is_respected(journal: Journal, sprints: tuple[int, int]) -> None:
    for n in range(20):
        journal.add_note(sprints[0], None, f"sprint note {n}")
    assert len(journal.search("note", limit=5)) == 5


def test_the_demo_is_searchable(journal: Journal) -> None:
    nov = build_demo(journal)
    found = {h.kind for h in journal.search("hakan", sprint_id=nov)}
    assert found == {"person", "standup", "note"}
    assert {h.kind for h in journal.search("5×")} >= {"note", "photo"}


def test_branch_results_are_indexed_as_text_not_json(
    journal: Journal, sprints: tuple[int, int]
) -> None:
    (hit,) = journal.search("ctypes", sprint_id=sprints[0])
    assert "[ctypes]" in hit.snippet and '["' not in hit.snippet and '"]' not in hit.snippet
    (branch,) = journal.list_branches(sprints[0])
    journal.update_branch(branch.id, results=[])
    assert journal.search("ctypes") == []
    assert [h.kind for h in journal.search("ffistruct")] == ["branch"]  # an empty list is fine
